"""Migration 0005 rewrites stored composition-v1 template versions as v2, on every backend.

Each test migrates a fresh database to 0003, stores version-1 template versions the way GALA did
(the built-in hello as it was, and one with pixel offsets, a colour box and end times), upgrades to
0005 and checks the stored documents: version 2, placeholders kept, and valid for the renderer once
the parameters are substituted.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command

import renderer
from gala.db import make_engine
from gala.migrate import alembic_config
from gala.orm import Template, TemplateVersion
from gala.parameters import substitute, validate_params
from tests.conftest import POSTGRES_URL, scratch_postgres


def _p(name: str) -> dict[str, str]:
    return {"$param": name}


# The built-in hello template as version 1 stored it (frozen here: that code is gone).
HELLO_V1 = {
    "version": 1,
    "output": {"width": _p("width"), "height": _p("height"), "fps": _p("fps"), "duration": _p("duration")},
    "background": _p("background"),
    "layers": [
        {
            "type": "text",
            "name": "title",
            "text": _p("title"),
            "color": _p("color"),
            "size": _p("size"),
            "bold": True,
            "position": "center",
            "max_width": 0.9,
            "fade_in": 0.5,
            "fade_out": 0.5,
        }
    ],
    "audio": {"tone_hz": 440, "volume": 0.05},
}
HELLO_PARAMS = {
    "type": "object",
    "properties": {
        "title": {"type": "string", "default": "¡Hola, GALA!"},
        "duration": {"type": "number", "default": 3},
        "width": {"type": "integer", "default": 1280},
        "height": {"type": "integer", "default": 720},
        "fps": {"type": "number", "default": 30},
        "background": {"type": "string", "default": "#1e293b"},
        "color": {"type": "string", "default": "#ffffff"},
        "size": {"type": "integer", "default": 72},
    },
}
BOXES_V1 = {
    "output": {"width": 320, "height": 180, "duration": 4, "thumbnail_at": 2},
    "layers": [
        {"type": "color", "color": "#ff0000", "width": 160, "height": 400, "position": "top_left", "end": 3},
        {"type": "text", "id": "t", "text": _p("t"), "offset": {"x": 32, "y": -18}, "start": 1, "end": 9},
    ],
}
BOXES_PARAMS = {"type": "object", "properties": {"t": {"type": "string", "default": "Hola"}}}


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def fresh_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'gala.db'}"
        return
    if not POSTGRES_URL:
        pytest.skip("GALA_TEST_POSTGRES_URL is not set")
    with scratch_postgres("gala_mig") as url:
        yield url


def _store(url: str, versions: list[tuple[dict[str, Any], dict[str, Any]]]) -> list[uuid.UUID]:
    engine = make_engine(url)
    try:
        templates, rows = Template.__table__, TemplateVersion.__table__
        ids = [uuid.uuid4() for _ in versions]
        now = datetime.now(UTC)
        with engine.begin() as conn:
            for tid, (composition, parameters) in zip(ids, versions, strict=True):
                conn.execute(templates.insert().values(id=tid, latest_version=1, created_at=now, updated_at=now))
                conn.execute(
                    rows.insert().values(
                        template_id=tid,
                        version=1,
                        name="t",
                        composition=composition,
                        parameters=parameters,
                        labels={},
                        created_at=now,
                    )
                )
        return ids
    finally:
        engine.dispose()


def _load(url: str, tid: uuid.UUID) -> dict[str, Any]:
    engine = make_engine(url)
    try:
        rows = TemplateVersion.__table__
        with engine.connect() as conn:
            doc: dict[str, Any] = conn.execute(
                sa.select(rows.c.composition).where(rows.c.template_id == tid)
            ).scalar_one()
        return doc
    finally:
        engine.dispose()


def test_v1_template_versions_become_v2(fresh_url: str) -> None:
    cfg = alembic_config(fresh_url)
    command.upgrade(cfg, "0003")
    hello_id, boxes_id = _store(fresh_url, [(HELLO_V1, HELLO_PARAMS), (BOXES_V1, BOXES_PARAMS)])
    command.upgrade(cfg, "0005")

    hello = _load(fresh_url, hello_id)
    assert hello["version"] == 2
    assert hello["output"]["size"] == {"width": _p("width"), "height": _p("height")}
    title, tone = hello["tracks"][0]["clips"][0], hello["tracks"][1]["clips"][0]
    assert title["text"] == _p("title")
    assert title["length"] == "end"
    assert title["transition"] == {"in": {"type": "fade", "duration": 0.5}, "out": {"type": "fade", "duration": 0.5}}
    assert tone == {"type": "tone", "length": "end", "frequency": 440, "volume": 0.05}
    resolved = substitute(hello, validate_params(HELLO_PARAMS, {"width": 640, "height": 360}))
    norm = renderer.normalise(resolved)
    assert (norm["output"]["width"], norm["output"]["height"], norm["output"]["duration"]) == (640, 360, 3)

    boxes = _load(fresh_url, boxes_id)
    box, text = boxes["tracks"][0]["clips"][0], boxes["tracks"][1]["clips"][0]
    assert (box["width"], box["height"], box["length"], box["position"]) == (0.5, 1.0, 3.0, "top_left")
    assert text["offset"] == {"x": 0.1, "y": -0.1}
    assert (text["name"], text["start"], text["length"]) == ("t", 1, "end")  # its end was past the video
    assert boxes["output"]["poster"] == {"at": 2}
    norm = renderer.normalise(substitute(boxes, validate_params(BOXES_PARAMS, {})))
    assert norm["tracks"][1]["clips"][0]["end"] == 4


def test_a_pixel_placeholder_stops_the_migration_and_changes_nothing(fresh_url: str) -> None:
    cfg = alembic_config(fresh_url)
    command.upgrade(cfg, "0003")
    bad = {
        "output": {"width": 320, "height": 180, "duration": 2},
        "layers": [{"type": "text", "text": "x", "offset": {"x": _p("x")}}],
    }
    (tid,) = _store(fresh_url, [(bad, {"type": "object", "properties": {"x": {"type": "integer"}}})])
    with pytest.raises(RuntimeError, match=r"layers\[0\]\.offset\.x"):
        command.upgrade(cfg, "0005")
    assert _load(fresh_url, tid) == bad
