"""CRUD, pagination and versioning through the HTTP API, on every database backend."""

from __future__ import annotations

import io
import uuid
from typing import Any

from PIL import Image

from gala.services.builtin import HELLO_ID

COMPOSITION = {
    "version": 2,
    "output": {"size": {"width": 320, "height": 180}, "duration": {"$param": "seconds"}},
    "background": "#102030",
    "tracks": [{"clips": [{"type": "text", "text": {"$param": "title"}, "size": 32}]}],
}
PARAMETERS = {
    "type": "object",
    "required": ["title"],
    "properties": {
        "title": {"type": "string", "maxLength": 80},
        "seconds": {"type": "number", "exclusiveMinimum": 0, "maximum": 60, "default": 2.5},
    },
}


def png_bytes() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 10, 10)).save(buf, "PNG")
    return buf.getvalue()


def make_template(client: Any) -> dict[str, Any]:
    r = client.post("/templates", json={"name": "Promo", "composition": COMPOSITION, "parameters": PARAMETERS})
    assert r.status_code == 201, r.text
    return r.json()


def test_health(client: Any) -> None:
    assert client.get("/health").json() == {"status": "ok"}
    ready = client.get("/health/ready")
    assert ready.status_code == 200, ready.text
    assert {k: v["status"] for k, v in ready.json()["checks"].items()} == {
        "database": "ok",
        "broker": "ok",
        "storage": "ok",
    }


def test_template_versions_are_immutable(client: Any) -> None:
    t = make_template(client)
    assert t["version"] == 1
    r = client.patch(f"/templates/{t['id']}", json={"name": "Promo v2"})
    assert r.status_code == 200, r.text
    assert (r.json()["version"], r.json()["name"]) == (2, "Promo v2")
    assert r.json()["composition"] == COMPOSITION  # carried over
    v1 = client.get(f"/templates/{t['id']}", params={"version": 1}).json()
    assert (v1["version"], v1["name"], v1["latest_version"]) == (1, "Promo", 2)
    assert client.get(f"/templates/{t['id']}").json()["version"] == 2
    assert client.get(f"/templates/{t['id']}", params={"version": 3}).status_code == 404


def test_template_placeholders_must_be_declared(client: Any) -> None:
    body = {
        "name": "x",
        "composition": {**COMPOSITION, "background": {"$param": "bg"}},
        "parameters": PARAMETERS,
    }
    r = client.post("/templates", json=body)
    assert r.status_code == 422
    assert r.json()["errors"][0]["pointer"] == "/composition/background"


def test_template_parameters_must_be_a_json_schema(client: Any) -> None:
    r = client.post(
        "/templates",
        json={
            "name": "x",
            "composition": {"version": 2},
            "parameters": {"type": "object", "properties": {"a": {"type": 12}}},
        },
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["pointer"] == "/parameters"


def test_job_params_are_validated_with_defaults_and_pinned_version(client: Any) -> None:
    t = make_template(client)
    bad = client.post("/jobs", json={"template_id": t["id"], "params": {"title": 5}})
    assert bad.status_code == 422
    assert [e["pointer"] for e in bad.json()["errors"]] == ["/params/title"]
    missing = client.post("/jobs", json={"template_id": t["id"], "params": {}})
    assert missing.status_code == 422
    r = client.post("/jobs", json={"template_id": t["id"], "params": {"title": "¡Hola, ñandú!"}})
    assert r.status_code == 201, r.text
    job = r.json()
    assert r.headers["location"] == f"/jobs/{job['id']}"
    assert job["params"] == {"title": "¡Hola, ñandú!", "seconds": 2.5}
    assert (job["status"], job["progress"], job["template_version"]) == ("queued", 0, 1)
    client.patch(f"/templates/{t['id']}", json={"description": "v2"})
    assert client.get(f"/jobs/{job['id']}").json()["template_version"] == 1


def test_hello_template_is_built_in(client: Any) -> None:
    page = client.get("/templates", params={"name": "hello"}).json()
    assert [t["id"] for t in page["items"]] == [str(HELLO_ID)]
    assert client.get("/templates", params={"name": "nope"}).json()["items"] == []
    r = client.post("/jobs", json={"template_id": str(HELLO_ID), "params": {"title": "Hola"}})
    assert r.status_code == 201, r.text
    assert r.json()["params"]["width"] == 1280  # defaults applied


def test_unrenderable_parameters_are_422_in_words(client: Any) -> None:
    r = client.post(
        "/jobs",
        json={
            "template_id": str(HELLO_ID),
            "params": {"width": 18, "height": 16, "size": 4, "duration": 1.5, "title": "x"},
        },
    )
    assert r.status_code == 201, r.text  # small but valid
    t = client.post(
        "/templates",
        json={
            "name": "fade",
            "composition": {
                "version": 2,
                "output": {"duration": 1},
                "tracks": [{"clips": [{"type": "text", "text": "x", "start": {"$param": "s"}}]}],
            },
            "parameters": {"type": "object", "properties": {"s": {"type": "number"}}},
        },
    ).json()
    r = client.post("/jobs", json={"template_id": t["id"], "params": {"s": 5}})
    assert r.status_code == 422
    assert r.json()["errors"][0]["pointer"] == "/params"
    assert "start" in r.json()["errors"][0]["detail"]


def test_job_unknown_template_is_422(client: Any) -> None:
    r = client.post("/jobs", json={"template_id": str(uuid.uuid4())})
    assert r.status_code == 422
    assert r.json()["errors"][0]["pointer"] == "/template_id"


def test_job_cancel_and_delete_lifecycle(client: Any) -> None:
    t = make_template(client)
    job = client.post("/jobs", json={"template_id": t["id"], "params": {"title": "x"}}).json()
    assert client.delete(f"/jobs/{job['id']}").status_code == 409  # not finished
    assert client.delete(f"/templates/{t['id']}").status_code == 409  # a job references it
    canceled = client.post(f"/jobs/{job['id']}/cancel")
    assert canceled.status_code == 200
    assert canceled.json()["status"] == "canceled"
    assert client.post(f"/jobs/{job['id']}/cancel").status_code == 200  # idempotent
    assert client.delete(f"/jobs/{job['id']}").status_code == 204
    assert client.get(f"/jobs/{job['id']}").status_code == 404
    assert client.delete(f"/templates/{t['id']}").status_code == 204


def test_pagination_walks_every_item_once(client: Any) -> None:
    ids = {make_template(client)["id"] for _ in range(7)}
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 3} | ({"cursor": cursor} if cursor else {})
        page = client.get("/templates", params=params).json()
        seen += [t["id"] for t in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    seen = [i for i in seen if i != str(HELLO_ID)]  # the built-in template is listed too
    assert seen == sorted(ids, reverse=True)  # newest first, UUIDv7 order
    assert len(seen) == len(set(seen)) == 7
    bad = client.get("/templates", params={"cursor": "!!"})
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["parameter"] == "cursor"


def test_asset_upload_sniffs_type_and_streams_back(client: Any) -> None:
    data = png_bytes()
    r = client.post("/assets", files={"file": ("photo.txt", data, "text/plain")}, data={"name": "Foto ñ"})
    assert r.status_code == 201, r.text
    asset = r.json()
    assert (asset["mime"], asset["kind"], asset["name"], asset["provider"]) == (
        "image/png",
        "image",
        "Foto ñ",
        "localfs",
    )
    assert asset["size_bytes"] == len(data)
    content = client.get(asset["content_url"])
    assert content.status_code == 200
    assert content.content == data
    assert content.headers["content-type"] == "image/png"
    assert content.headers["x-content-type-options"] == "nosniff"
    assert content.headers["etag"] == f'"{asset["sha256"]}"'


def test_model_references_protect_assets(client: Any) -> None:
    asset = client.post("/assets", files={"file": ("a.png", png_bytes(), "image/png")}).json()
    r = client.post("/models", json={"name": "Ana", "reference_asset_ids": [asset["id"]], "voice": {"voice": "es"}})
    assert r.status_code == 201, r.text
    model = r.json()
    assert model["voice"] == {"engine": "espeak-ng", "language": "es", "rate": 1, "pitch": 0, "voice": "es"}
    assert client.delete(f"/assets/{asset['id']}").status_code == 409
    missing = str(uuid.uuid4())
    r = client.patch(f"/models/{model['id']}", json={"reference_asset_ids": [asset["id"], missing]})
    assert r.status_code == 422
    assert r.json()["errors"][0]["pointer"] == "/reference_asset_ids/1"
    assert client.patch(f"/models/{model['id']}", json={"reference_asset_ids": []}).status_code == 200
    assert client.delete(f"/assets/{asset['id']}").status_code == 204
    assert client.get(f"/assets/{asset['id']}").status_code == 404
    assert client.delete(f"/models/{model['id']}").status_code == 204
