"""The ``shape`` clip: its checks and messages, its schema in the contract, its pixels, and golden frames.

The golden test works like the example gallery (tests/examples): a composition with every shape
(rectangle, rounded rectangle with stroke and rotation, half-transparent ellipse, line, stroke-only
ellipse, a keyframed spin with a zoom transition) is rendered to MP4 and chosen frames, reduced to
160x90, must reach ``MIN_PSNR_DB`` against tests/renderer/golden/shape_<t>s.png.  Regenerate with
``GALA_REGENERATE_GOLDEN=1`` and look at the PNGs before committing them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema_rs
import numpy as np
import pytest
import yaml

from renderer import RenderError, normalise
from renderer.clips.base import Context
from renderer.clips.shape import ShapeContent
from renderer.encoder import render, render_frame
from tests.examples.cases import MIN_PSNR_DB, decode_frames, psnr, read_golden, regenerating

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "golden"
TIMES = (0.2, 1.0, 1.8)
BACKGROUND = (0x1E, 0x29, 0x3B)


def shape(**fields: Any) -> dict[str, Any]:
    return {"type": "shape", **fields}


def composition(*clips: dict[str, Any], seconds: float = 2.0, size: tuple[int, int] = (320, 180)) -> dict[str, Any]:
    return {
        "version": 2,
        "output": {"size": {"width": size[0], "height": size[1]}, "fps": 10, "duration": seconds},
        "background": "#1e293b",
        "tracks": [{"clips": [clip]} for clip in clips],
    }


GALLERY = composition(
    shape(shape="rectangle", width=0.25, height=0.3, fill="#ef4444", position="top_left"),
    shape(
        shape="rounded_rectangle",
        width=0.3,
        height=0.3,
        fill="#22c55e",
        radius=15,
        stroke={"color": "#ffffff", "width": 3},
        position="top",
        rotation=12,
    ),
    shape(
        shape="ellipse", width=0.25, height=0.35, fill="#3b82f6", opacity=0.6, position="top_right", stroke={"width": 2}
    ),
    shape(shape="line", width=0.6, stroke={"color": "#f8fafc", "width": 3}, rotation=-20, offset={"x": 0, "y": 0.15}),
    shape(
        shape="ellipse",
        width=0.12,
        height=0.2,
        fill=None,
        stroke={"color": "#f472b6", "width": 2},
        position="bottom_left",
    ),
    shape(
        width=0.2,
        height=0.2,
        fill="#a855f7",
        position="bottom_right",
        keyframes={"rotation": [{"t": 0, "value": 0}, {"t": 2, "value": 90}]},
        transition={"in": {"type": "zoom", "duration": 0.5}, "out": {"type": "fade", "duration": 0.5}},
    ),
)


def problems(doc: dict[str, Any]) -> list[str]:
    with pytest.raises(RenderError) as info:
        normalise(doc)
    return list(info.value.problems)


# ---------------------------------------------------------------------------------------------- checks


def test_defaults_are_filled() -> None:
    clip = normalise(composition(shape()))["tracks"][0]["clips"][0]
    assert (clip["shape"], clip["width"], clip["height"], clip["fill"], clip["stroke"]) == (
        "rectangle",
        0.5,
        0.5,
        "#ffffff",
        None,
    )
    line = normalise(composition(shape(shape="line")))["tracks"][0]["clips"][0]
    assert line["fill"] is None
    assert line["stroke"] == {"color": "#ffffff", "width": 4.0}
    rounded = normalise(composition(shape(shape="rounded_rectangle")))["tracks"][0]["clips"][0]
    assert rounded["radius"] == 16.0


@pytest.mark.parametrize(
    ("clip", "message"),
    [
        (shape(shape="star"), "tracks[0].clips[0].shape must be one of rectangle, rounded_rectangle, ellipse, line"),
        (shape(radius=4), "tracks[0].clips[0].radius only applies to a rounded_rectangle (the shape is rectangle)"),
        (shape(fill=None), "tracks[0].clips[0] has neither a fill nor a stroke, so nothing would be drawn"),
        (shape(shape="line", fill="#ffffff"), "tracks[0].clips[0].fill does not apply to a line"),
        (shape(shape="line", height=0.2), "tracks[0].clips[0].height does not apply to a line"),
        (shape(shape="line", stroke={"width": 0}), "tracks[0].clips[0].stroke.width must be greater than 0 for a line"),
        (shape(width=0), "tracks[0].clips[0].width must be a fraction of the frame, > 0 and at most 1, got 0"),
        (shape(stroke={"width": 500}), "tracks[0].clips[0].stroke.width must be a number at least 0 and at most 200"),
        (shape(fill="red"), 'tracks[0].clips[0].fill must be a colour written as "#RRGGBB"'),
        (shape(corner=3), "tracks[0].clips[0].corner is not a known field"),
    ],
)
def test_problems_are_named(clip: dict[str, Any], message: str) -> None:
    found = problems(composition(clip))
    assert any(p.startswith(message) for p in found), found


def test_keyframes_take_the_visual_properties_only() -> None:
    found = problems(composition(shape(keyframes={"volume": [{"t": 0, "value": 1}]})))
    assert any("keyframes.volume is not a known field" in p for p in found), found


def test_the_contract_accepts_shapes_and_refuses_unknown_ones() -> None:
    spec = yaml.safe_load((ROOT / "openapi" / "gala.yaml").read_text(encoding="utf-8"))
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$ref": "#/components/schemas/Composition",
        "components": spec["components"],
    }
    validator = jsonschema_rs.Draft202012Validator(schema)
    assert validator.is_valid(GALLERY)
    assert not validator.is_valid(composition(shape(shape="star")))
    assert not validator.is_valid(composition(shape(radius=-1)))
    assert validator.is_valid(composition(shape(width={"$param": "w"}, fill={"$param": "c"})))


# ---------------------------------------------------------------------------------------------- pixels


def content(clip: dict[str, Any], size: tuple[int, int] = (320, 180)) -> ShapeContent:
    norm = normalise(composition(clip, size=size))["tracks"][0]["clips"][0]
    return ShapeContent(norm, Context(size[0], size[1], 1.0, 10))


def pixels(c: ShapeContent) -> np.ndarray:
    w, h = (round(v) for v in c.natural_size(0))
    image = c.render(0, (0, 0, w, h), (w, h)).to_image()
    return np.asarray(image, dtype=np.int32)


def test_ellipse_edges_are_antialiased_and_outside_is_transparent() -> None:
    rgba = pixels(content(shape(shape="ellipse", width=0.5, height=0.5, fill="#ffffff")))
    alpha = rgba[:, :, 3]
    assert alpha[0, 0] == 0  # a corner of the box is outside the ellipse
    assert alpha[alpha.shape[0] // 2, alpha.shape[1] // 2] == 255
    partial = np.count_nonzero((alpha > 0) & (alpha < 255))
    assert partial > alpha.shape[0] + alpha.shape[1]  # soft pixels all along the rim (about its perimeter)


def test_stroke_is_drawn_inside_the_box_over_the_fill() -> None:
    rgba = pixels(content(shape(width=0.25, height=0.25, fill="#0000ff", stroke={"color": "#ff0000", "width": 4})))
    h, w = rgba.shape[:2]
    assert (w, h) == (80, 45)
    assert tuple(rgba[h // 2, 1, :3]) == (255, 0, 0)  # the stroke at the box's edge
    assert tuple(rgba[h // 2, w // 2, :3]) == (0, 0, 255)  # the fill inside
    assert rgba[:, :, 3].min() == 255  # a rectangle covers its whole box


def test_rounded_corners_are_cut() -> None:
    rgba = pixels(content(shape(shape="rounded_rectangle", width=0.5, height=0.5, radius=20)))
    assert rgba[0, 0, 3] == 0
    assert rgba[0, rgba.shape[1] // 2, 3] == 255


def test_a_line_is_as_thick_as_its_stroke_and_scales_with_drafts() -> None:
    clip = normalise(composition(shape(shape="line", width=0.5, stroke={"width": 6})))["tracks"][0]["clips"][0]
    assert ShapeContent(clip, Context(320, 180, 1.0, 10)).natural_size(0) == (160.0, 6.0)
    assert ShapeContent(clip, Context(160, 90, 0.5, 10)).natural_size(0) == (80.0, 3.0)


def test_rotation_opacity_and_placement_in_a_frame() -> None:
    def drawn(rotation: float) -> tuple[np.ndarray, tuple[int, int]]:
        doc = composition(shape(width=0.25, height=0.25, fill="#ffffff", opacity=0.5, rotation=rotation))
        frame = np.asarray(_decode_jpeg(render_frame(doc, 0.5, width=320)), dtype=np.int32)
        ys, xs = np.nonzero(np.abs(frame - np.array(BACKGROUND)).max(axis=2) > 24)
        return frame, (int(xs.max() - xs.min() + 1), int(ys.max() - ys.min() + 1))

    frame, flat = drawn(0)
    assert flat == (80, 45)
    expected = (np.array(BACKGROUND) + 255) / 2
    assert np.abs(frame[90, 160] - expected).max() <= 6  # half-transparent white over the background
    _, turned = drawn(45)
    assert all(84 <= side <= 92 for side in turned), turned  # (80 + 45) / sqrt(2) = 88.4 on both sides


def _decode_jpeg(data: bytes) -> Any:
    import io

    from PIL import Image

    return Image.open(io.BytesIO(data)).convert("RGB")


# ---------------------------------------------------------------------------------------------- golden


def test_shapes_render_like_their_golden_frames(tmp_path: Path) -> None:
    out = render(GALLERY, tmp_path, basename="shapes")
    assert (out.width, out.height) == (320, 180)
    frames = decode_frames(out.video_path, 10, TIMES)  # reduced to 160x90
    for t in TIMES:
        golden = GOLDEN / f"shape_{t:g}s.png"
        small = frames[t]
        if regenerating() or not golden.exists():
            from PIL import Image

            GOLDEN.mkdir(exist_ok=True)
            Image.fromarray(small).save(golden)
            if not regenerating():
                pytest.fail(f"{golden} was missing; written now: look at it, then commit it")
            continue
        score = psnr(small, read_golden(golden))
        assert score >= MIN_PSNR_DB, f"{golden.name}: PSNR {score:.1f} dB"
