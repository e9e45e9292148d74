"""Frames composed straight in yuv420p: colours, alpha edges, partial redraws, chroma phases."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import av
import numpy as np
import pytest
from PIL import Image

from renderer import normalise
from renderer.assets import AssetFile
from renderer.clips.base import Context
from renderer.encoder import render, render_frame
from renderer.engine import Scene, YuvCanvas
from renderer.examples import make_reference_assets, reference_composition
from renderer.yuv import color_yuv, new_planes, rgb_to_yuv, to_rgb

W, H = 96, 64


def doc(*tracks: list[dict[str, Any]], duration: float = 2.0, background: str = "#1e293b") -> dict[str, Any]:
    return {
        "version": 2,
        "output": {"size": {"width": W, "height": H}, "fps": 10, "duration": duration},
        "background": background,
        "tracks": [{"clips": clips} for clips in tracks],
    }


def scene_of(composition: dict[str, Any], assets: dict[str, AssetFile] | None = None, size: tuple[int, int] = (W, H)):
    comp = normalise(composition, assets)
    return Scene(comp, Context(size[0], size[1], size[1] / H, 10, assets or {}))


def expected_yuv(rgb: np.ndarray[Any, Any]) -> tuple[np.ndarray[Any, Any], ...]:
    """The RGB frame converted with the same matrix: full-resolution luma, 2x2-mean chroma."""
    y, u, v = rgb_to_yuv(rgb.astype(np.uint8))

    def box(p: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        return (p[0::2, 0::2] + p[1::2, 0::2] + p[0::2, 1::2] + p[1::2, 1::2]) / 4

    return np.round(y), np.round(box(u)), np.round(box(v))


@pytest.fixture(scope="module")
def badge(tmp_path_factory: pytest.TempPathFactory) -> dict[str, AssetFile]:
    """An RGBA image whose transparent pixels hold a loud colour that must never show."""
    folder = tmp_path_factory.mktemp("yuv")
    rgba = np.zeros((21, 31, 4), dtype=np.uint8)
    rgba[:, :] = (255, 0, 255, 0)  # invisible magenta
    rgba[4:17, 6:25] = (20, 220, 40, 255)  # opaque green
    rgba[4:17, 6:9, 3] = 128  # a half-transparent edge
    rgba[10, 6:25, 3] = np.linspace(0, 255, 19).astype(np.uint8)  # an alpha ramp
    path = folder / "badge.png"
    Image.fromarray(rgba, "RGBA").save(path)
    return {"badge": AssetFile(path, "image")}


def test_known_colours() -> None:
    assert color_yuv((255, 0, 0)) == (63, 102, 240)
    assert color_yuv((255, 255, 255)) == (235, 128, 128)
    assert color_yuv((0, 0, 0)) == (16, 128, 128)
    assert np.abs(to_rgb(new_planes(8, 8, (255, 0, 0)))[4, 4].astype(int) - (255, 0, 0)).max() <= 2


def test_red_round_trips_through_the_mp4(tmp_path: Path) -> None:
    composition = doc([{"type": "color", "color": "#ff0000"}], duration=1.0)
    composition["tracks"].append({"clips": [{"type": "color", "color": "#00ff00", "width": 0.25, "height": 0.25}]})
    result = render(composition, tmp_path)
    with av.open(str(result.video_path)) as container:
        stream = container.streams.video[0]
        assert stream.codec_context.colorspace == 1  # BT.709 tagged, as converted
        frame = next(container.decode(video=0))
        y = frame.to_ndarray()[:H]  # yuv420p as stored: the Y plane on top
        rgb = frame.to_ndarray(format="rgb24").astype(int)  # decoded with the BT.709 tags
    assert abs(int(y[2, 2]) - 63) <= 2
    assert np.abs(rgb[2, 2] - (255, 0, 0)).max() <= 6
    assert np.abs(rgb[H // 2, W // 2] - (0, 255, 0)).max() <= 6


@pytest.mark.parametrize("t", [0.05, 0.35, 0.75, 1.25, 1.65, 1.95])
def test_yuv_frames_match_converted_rgb_frames(badge: dict[str, AssetFile], t: float) -> None:
    """Odd places, alpha ramps, fades and a translucent box: the same picture as blending in RGB.

    Luma matches to rounding (the RGB path rounds after each layer).  Chroma is blended at quarter
    resolution, so where a sprite's alpha edge crosses a colour edge of what is under it inside one
    2x2 block it may differ a little (as with FFmpeg's overlay); on average it matches.
    """
    composition = doc(
        [{"type": "image", "asset": "badge", "offset": {"x": 0.11, "y": -0.13}}],
        [
            {
                "type": "color",
                "color": "#ffcc00",
                "width": 0.3,
                "height": 0.25,
                "position": "bottom_left",
                "opacity": 0.6,
            }
        ],
        [
            {
                "type": "image",
                "asset": "badge",
                "offset": {"x": -0.27, "y": 0.21},
                "transition": {"in": {"type": "fade", "duration": 1}, "out": {"type": "fade", "duration": 0.5}},
            }
        ],
        [{"type": "text", "text": "Hola", "size": 19, "position": "top_right", "start": 0.3, "length": 1.5}],
    )
    rgb_scene, yuv_scene = scene_of(composition, badge), scene_of(composition, badge)
    try:
        rgb = rgb_scene.frame(t)
        planes = yuv_scene.frame_yuv(t)
        for index, (got, want) in enumerate(zip(planes, expected_yuv(rgb), strict=True)):
            error = np.abs(got.astype(int) - want)
            assert error.max() <= (2 if index == 0 else 8)
            assert error.mean() <= 0.5
    finally:
        rgb_scene.close()
        yuv_scene.close()


def test_transparent_colour_never_leaks_into_chroma(badge: dict[str, AssetFile]) -> None:
    composition = doc([{"type": "image", "asset": "badge", "offset": {"x": 0.01, "y": 0.0}}], background="#808080")
    scene = scene_of(composition, badge)
    try:
        _, u, v = scene.frame_yuv(0.5)
        # Magenta would push both U and V far above 128; grey background and green stay at or below it.
        assert int(u.max()) <= 130
        assert int(v.max()) <= 130
    finally:
        scene.close()


def test_partial_redraws_equal_full_draws(tmp_path: Path) -> None:
    """Frames drawn in turn into a few reused canvases equal frames drawn from scratch."""
    assets = make_reference_assets(tmp_path, seconds=2.0)
    composition = reference_composition(2.0)
    composition["output"].update(size="240p", fps=10)
    comp = normalise(composition, assets)
    ctx = Context(426, 240, 1.0, 10, assets)
    scene, fresh = Scene(comp, ctx), Scene(comp, ctx)
    ring = [YuvCanvas(new_planes(426, 240)) for _ in range(3)]
    try:
        for index in range(20):
            t = index / 10
            drawn = scene.draw_yuv(t, scene.states(t), ring[index % 3])
            states = fresh.states(t)
            want = fresh.draw_yuv(t, states, YuvCanvas(new_planes(426, 240)))
            for got, expected in zip(drawn, want, strict=True):
                assert np.array_equal(got, expected), t
    finally:
        scene.close()
        fresh.close()


def test_moving_clips_land_on_even_columns() -> None:
    clip = {
        "type": "color",
        "color": "#ffffff",
        "width": 0.25,
        "height": 0.25,
        "keyframes": {"offset_x": [{"t": 0, "value": -0.3}, {"t": 2, "value": 0.3}]},
    }
    scene = scene_of(doc([clip]))
    try:
        for index in range(20):
            y = scene.frame_yuv(index / 10)[0]
            columns = np.nonzero(y[H // 2] > 200)[0]
            assert columns[0] % 2 == 0
            assert columns.size == round(0.25 * W)
    finally:
        scene.close()


@pytest.mark.parametrize("width", [426, 300])
def test_previews_at_odd_scales(tmp_path: Path, width: int) -> None:
    """Source rectangles quantised at a non-round pixel scale stay inside the image."""
    assets = make_reference_assets(tmp_path, seconds=2.0)
    jpeg = render_frame(reference_composition(2.0), 1.0, width=width, assets=assets)
    assert jpeg[:2] == b"\xff\xd8"
