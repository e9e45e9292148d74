"""``gala models``: create, list, show, delete and preview avatar models on a running GALA."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any, cast

import click

from gala import cli_support as ui


@click.group("models")
def models() -> None:
    """Avatar models: create, list, show, rm, preview.

    A model is reference media and a voice. `gala models preview ID -o
    strip.jpg` shows the model saying a sentence, as a strip of frames.
    """


@models.command("create")
@click.argument("name")
@click.option("--description", default=None)
@click.option(
    "--kind", type=ui.EnumChoice("model_create_kind", "ModelCreateKind"), default=None, help="[the server's default]"
)
@click.option("--ref", "refs", multiple=True, type=ui.Id("an asset"), help="A reference asset id (repeat).")
@click.option(
    "--part",
    "parts",
    multiple=True,
    metavar="ROLE=ASSET",
    help="A reference image with its role, for --kind puppet (base, mouth_A..mouth_H, mouth_X, eyes_open, "
    "eyes_closed) or photo (photo); repeat.",
)
@click.option(
    "--anchor",
    "anchors",
    multiple=True,
    metavar="NAME=X,Y",
    help="An anchor in the image's pixels (mouth=256,322; bleed=24); a photo's are found, these replace them.",
)
@click.option("--engine", default=None, help="Text-to-speech engine [the server's default].")
@click.option("--voice", default=None, help="The engine's voice id, e.g. `es`.")
@click.option("--language", default=None, help="e.g. `es`, `es-MX` [the server's default].")
@click.option("--rate", type=float, default=None, help="Speed multiplier.")
@click.option("--pitch", type=float, default=None, help="Semitones from the voice's default.")
@ui.json_option
@ui.url_option
def create(
    name: str,
    description: str | None,
    kind: Any,
    refs: tuple[uuid.UUID, ...],
    parts: tuple[str, ...],
    anchors: tuple[str, ...],
    engine: str | None,
    voice: str | None,
    language: str | None,
    rate: float | None,
    pitch: float | None,
    as_json: bool,
    url: str,
) -> None:
    """Create a model called NAME; print its id."""
    from gala_client.api.models import models_create
    from gala_client.models import Model, ModelCreate

    from gala import remote

    spoken = {"engine": engine, "voice": voice, "language": language, "rate": rate, "pitch": pitch}
    doc: dict[str, Any] = {"name": name, "reference_asset_ids": [str(r) for r in refs]}
    if parts:
        doc["reference_assets"] = [_part(p) for p in parts]
        del doc["reference_asset_ids"]
    if anchors:
        doc["anchors"] = dict(_anchor(a) for a in anchors)
    if description is not None:
        doc["description"] = description
    if kind is not None:
        doc["kind"] = kind.value
    if any(v is not None for v in spoken.values()):
        doc["voice"] = {k: v for k, v in spoken.items() if v is not None}
    body = cast(ModelCreate, ui.AsWritten(doc))
    model = remote.parsed(models_create.sync_detailed(client=ui.connect(url), body=body), Model)
    if as_json:
        ui.print_json(model)
    else:
        click.echo(str(model.id))


def _part(text: str) -> dict[str, str]:
    role, sep, asset = text.partition("=")
    if not sep or not role or not asset:
        raise click.BadParameter(f"{text!r} is not ROLE=ASSET", param_hint="--part")
    return {"asset_id": str(ui.Id("an asset").convert(asset, None, None)), "role": role}


def _anchor(text: str) -> tuple[str, Any]:
    name, sep, value = text.partition("=")
    try:
        numbers = [float(v) for v in value.split(",")]
    except ValueError:
        numbers = []
    if not sep or not name or len(numbers) not in (1, 2):
        raise click.BadParameter(f"{text!r} is not NAME=X,Y (or NAME=N)", param_hint="--anchor")
    if len(numbers) == 2:
        return name, numbers
    return name, int(numbers[0]) if name == "bleed" else numbers[0]


@models.command("list")
@ui.page_options
@ui.json_option
@ui.url_option
def list_(limit: int | None, cursor: str | None, as_json: bool, url: str) -> None:
    """List models, newest first."""
    from gala_client.api.models import models_list
    from gala_client.models import ModelPage
    from gala_client.types import UNSET

    from gala import remote

    response = models_list.sync_detailed(client=ui.connect(url), limit=limit or UNSET, cursor=cursor or UNSET)
    ui.print_page(remote.parsed(response, ModelPage), as_json, ["id", "name", "kind", "references", "voice"], _row)


def _row(m: Any) -> list[Any]:
    return [m.id, m.name, m.kind, len(m.reference_asset_ids), _voice(m)]


def _voice(m: Any) -> str:
    voice = ui.as_dict(m.voice) or {}
    return " ".join(f"{k}={v}" for k, v in voice.items())


@models.command("show")
@click.argument("model_id", type=ui.Id("a model"))
@ui.json_option
@ui.url_option
def show(model_id: uuid.UUID, as_json: bool, url: str) -> None:
    """Show a model."""
    from gala_client.api.models import models_get
    from gala_client.models import Model

    from gala import remote

    m = remote.parsed(models_get.sync_detailed(model_id, client=ui.connect(url)), Model)
    if as_json:
        ui.print_json(m)
        return
    ui.fields(
        [
            ("id", m.id),
            ("name", m.name),
            ("description", m.description),
            ("kind", m.kind),
            ("references", ", ".join(str(r) for r in m.reference_asset_ids) or "none"),
            ("voice", _voice(m)),
            ("updated", m.updated_at.isoformat()),
        ]
    )


@models.command("rm")
@click.argument("model_ids", nargs=-1, required=True, type=ui.Id("a model"))
@ui.url_option
def rm(model_ids: tuple[uuid.UUID, ...], url: str) -> None:
    """Delete models (their reference assets are kept)."""
    from gala_client.api.models import models_delete

    ui.remove("model", models_delete.sync_detailed, model_ids, url)


@models.command("preview")
@click.argument("model_id", type=ui.Id("a model"))
@click.option("--text", default=None, help="What the model says [the server's sentence].")
@click.option("--frames", type=click.IntRange(1), default=None, help="Frames in the strip [the server's default].")
@click.option("--height", type=click.IntRange(1), default=None, help="Height of each frame [the server's default].")
@click.option("-o", "--out", "target", default="model.jpg", type=click.Path(path_type=Path), show_default=True)
@ui.url_option
def preview(
    model_id: uuid.UUID, text: str | None, frames: int | None, height: int | None, target: Path, url: str
) -> None:
    """Render the model saying a sentence, on the server, and save the strip of frames (JPEG)."""
    from gala_client.api.models import models_preview
    from gala_client.models import ModelPreview
    from gala_client.types import UNSET, File

    from gala import remote

    body = ModelPreview(text=text or UNSET, frames=frames or UNSET, height=height or UNSET)
    strip = remote.parsed(models_preview.sync_detailed(model_id, client=ui.connect(url), body=body), File)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(strip.payload.read())
    click.echo(str(target))
