"""The generated Python client uploads real bytes: a file part, not its text (a live server, real HTTP)."""

from __future__ import annotations

import io
from typing import Any

from gala_client import AuthenticatedClient
from gala_client.api.assets import assets_create
from gala_client.models.asset import Asset
from gala_client.models.asset_upload import AssetUpload
from gala_client.types import File

from gala.services import keys
from tests.api.live_server import serve
from tests.api.media import png


def test_the_generated_client_uploads_an_image_as_a_file_part(app: Any) -> None:
    # AssetUpload.file once carried only `contentMediaType` (3.1's word for bytes), which the
    # generator read as text: it sent str(File(...)) and the API rightly refused it as text.
    _, token = keys.create(app.app.extensions["gala"], "write", "generated-client")
    data = png((16, 9))
    with serve(app) as base:
        body = AssetUpload(file=File(payload=io.BytesIO(data), file_name="tiny.png", mime_type="image/png"))
        with AuthenticatedClient(base_url=base, token=token) as client:
            got = assets_create.sync(client=client, body=body)
    assert isinstance(got, Asset), got
    assert got.kind == "image"
    assert got.size_bytes == len(data)
