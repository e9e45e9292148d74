"""composition v2 only: rewrite stored version-1 template compositions as version 2

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 09:40:00

Composition format 1 (``output.width/height``, ``layers`` of ``text``/``color`` with pixel offsets,
``audio.tone_hz``) is no longer accepted or rendered. Every stored template version still in that
format is rewritten here, in place, as the equivalent version-2 document: each layer becomes a
one-clip track, ``start``/``end`` become ``start``/``length``, fades become ``fade`` transitions,
pixel offsets and box sizes become fractions of the frame, and ``audio`` becomes a ``tone`` clip.
Template placeholders (``{"$param": ...}``) are kept wherever the value keeps its meaning.

The conversion is frozen below (the version-1 code is gone from the renderer), so this file never
changes with it. Where a pixel value must be divided by a frame size given by a parameter, the
parameter's default size is used (the only size a version-1 template could be previewed at without
a job). A placeholder that stands for a pixel value, or for an ``end`` time, cannot be expressed in
version 2: the migration then stops with the template and the field named, and changes nothing.

Only the JSON of rows changes, so the previous deploy still reads the table (it renders v2 too).
Downgrade leaves the documents as version 2, which that deploy also renders.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

PARAM = "$param"
# Version-1 defaults that differ from version 2's (which otherwise apply unchanged).
V1_TONE = {"tone_hz": 440.0, "volume": 0.05}
V1_SIZE = (1280, 720)


class CannotUpgrade(Exception):
    """A version-1 value that has no version-2 equivalent."""


def _is_ref(value: Any) -> bool:
    return isinstance(value, dict) and len(value) == 1 and isinstance(value.get(PARAM), str)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _frame_side(value: Any, parameters: dict[str, Any], default: int) -> float:
    """A frame side in pixels: the number written, or the default of the parameter that gives it."""
    if value is None:
        return float(default)
    if _is_number(value):
        return float(value)
    if _is_ref(value):
        props = parameters.get("properties") if isinstance(parameters, dict) else None
        spec = props.get(value[PARAM]) if isinstance(props, dict) else None
        if isinstance(spec, dict) and _is_number(spec.get("default")):
            return float(spec["default"])
    raise CannotUpgrade(f"the frame size {value!r} has no number to convert pixels with")


def _fraction(value: Any, side: float, where: str, cap: float | None = None) -> float:
    if not _is_number(value):
        raise CannotUpgrade(f"{where} is {value!r}: a pixel value given by a parameter has no v2 equivalent")
    out = float(value) / side
    return min(cap, out) if cap is not None else out


def upgrade_composition(v1: dict[str, Any], parameters: dict[str, Any]) -> dict[str, Any]:
    """The version-2 document equivalent to a stored version-1 one (placeholders kept)."""
    raw_output = v1.get("output")
    output: dict[str, Any] = raw_output if isinstance(raw_output, dict) else {}
    width, height = output.get("width", V1_SIZE[0]), output.get("height", V1_SIZE[1])
    frame_w = _frame_side(output.get("width"), parameters, V1_SIZE[0])
    frame_h = _frame_side(output.get("height"), parameters, V1_SIZE[1])
    out_output: dict[str, Any] = {"size": {"width": width, "height": height}}
    for key in ("fps", "duration"):
        if key in output:
            out_output[key] = output[key]
    if output.get("thumbnail_at") is not None:
        out_output["poster"] = {"at": output["thumbnail_at"]}
    duration = output.get("duration")

    tracks: list[dict[str, Any]] = []
    raw_layers = v1.get("layers")
    for index, layer in enumerate(raw_layers if isinstance(raw_layers, list) else []):
        if isinstance(layer, dict):
            tracks.append({"clips": [_clip(layer, f"layers[{index}]", frame_w, frame_h, duration)]})
    audio = v1.get("audio")
    if isinstance(audio, dict):
        tracks.append(
            {
                "clips": [
                    {
                        "type": "tone",
                        "length": "end",
                        "frequency": audio.get("tone_hz", V1_TONE["tone_hz"]),
                        "volume": audio.get("volume", V1_TONE["volume"]),
                    }
                ]
            }
        )
    doc: dict[str, Any] = {"version": 2, "output": out_output}
    if "background" in v1:
        doc["background"] = v1["background"]
    doc["tracks"] = tracks
    return doc


def _clip(layer: dict[str, Any], where: str, frame_w: float, frame_h: float, duration: Any) -> dict[str, Any]:
    kind = layer.get("type")
    clip: dict[str, Any] = {"type": kind}
    name = layer.get("name", layer.get("id"))
    if isinstance(name, str):
        clip["name"] = name
    start = layer.get("start", 0)
    clip["start"] = start
    end = layer.get("end")
    if end is None:
        clip["length"] = "end"
    elif _is_number(end) and _is_number(start):
        past_end = _is_number(duration) and end > duration
        clip["length"] = "end" if past_end else float(end) - float(start)
    else:
        raise CannotUpgrade(f"{where}.end is {end!r}: an end time given by a parameter has no v2 equivalent")
    for key in ("opacity", "position"):
        if key in layer:
            clip[key] = layer[key]
    offset = layer.get("offset")
    if isinstance(offset, dict):
        clip["offset"] = {
            axis: _fraction(offset.get(axis, 0), side, f"{where}.offset.{axis}")
            for axis, side in (("x", frame_w), ("y", frame_h))
        }
    transition: dict[str, Any] = {}
    for side, key in (("in", "fade_in"), ("out", "fade_out")):
        fade = layer.get(key)
        if fade is not None and not (_is_number(fade) and fade <= 0):
            transition[side] = {"type": "fade", "duration": fade}
    if transition:
        clip["transition"] = transition
    if kind == "text":
        for key in ("text", "color", "size", "bold", "max_width", "line_height", "align"):
            if key in layer:
                clip[key] = layer[key]
    else:
        clip["color"] = layer.get("color")
        w, h = layer.get("width"), layer.get("height")
        if w is None and h is None:
            clip["position"] = "center"  # a full-frame colour: where it is anchored does not show
        else:
            # Version 1 boxes may be larger than the frame; version 2 caps at the frame, which looks the same.
            clip["width"] = 1.0 if w is None else _fraction(w, frame_w, f"{where}.width", cap=1.0)
            clip["height"] = 1.0 if h is None else _fraction(h, frame_h, f"{where}.height", cap=1.0)
    return clip


def _versions() -> sa.TableClause:
    doc = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
    return sa.table(
        "template_versions",
        sa.column("template_id", sa.Uuid()),
        sa.column("version", sa.Integer()),
        sa.column("composition", doc),
        sa.column("parameters", doc),
    )


def upgrade() -> None:
    conn = op.get_bind()
    table = _versions()
    rows = conn.execute(sa.select(table.c.template_id, table.c.version, table.c.composition, table.c.parameters))
    for template_id, version, composition, parameters in rows.fetchall():
        if not isinstance(composition, dict) or composition.get("version", 1) != 1:
            continue
        try:
            upgraded = upgrade_composition(composition, parameters if isinstance(parameters, dict) else {})
        except CannotUpgrade as exc:
            raise RuntimeError(
                f"template {template_id} version {version} cannot be upgraded to composition v2: {exc}; "
                "edit that template version (or delete it) and run the migration again"
            ) from exc
        conn.execute(
            table.update()
            .where(table.c.template_id == template_id, table.c.version == version)
            .values(composition=upgraded)
        )


def downgrade() -> None:
    """Nothing to undo: the previous deploy renders version 2 documents too."""
