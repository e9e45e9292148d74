"""Each clip type rendered small, pixels checked where the answer is known."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import av
import numpy as np
import pytest

from renderer import normalise
from renderer.clips.base import Context
from renderer.encoder import render, render_frame
from renderer.engine import Scene

W, H = 96, 64
BLUE = "#0000ff"


def doc(*tracks: list[dict[str, Any]], duration: float = 2.0, **output: Any) -> dict[str, Any]:
    return {
        "version": 2,
        "output": {"size": {"width": W, "height": H}, "fps": 10, "duration": duration, **output},
        "background": BLUE,
        "tracks": [{"clips": clips} for clips in tracks],
    }


def frame(composition: dict[str, Any], t: float, assets: Any = None) -> np.ndarray[Any, Any]:
    comp = normalise(composition, assets)
    scene = Scene(comp, Context(W, H, 1.0, 10, assets or {}, random_access=True))
    try:
        return scene.frame(t).astype(int)
    finally:
        scene.close()


def near(pixel: Any, rgb: tuple[int, int, int], tol: int = 3) -> bool:
    return bool(np.abs(np.asarray(pixel, dtype=int) - np.asarray(rgb)).max() <= tol)


def test_color_over_background() -> None:
    f = frame(doc([{"type": "color", "color": "#ff0000", "start": 0.5, "length": 1}]), 0.7)
    assert near(f[10, 10], (255, 0, 0))
    assert near(
        frame(doc([{"type": "color", "color": "#ff0000", "start": 0.5, "length": 1}]), 0.2)[10, 10], (0, 0, 255)
    )


def test_keyframed_opacity_blends_midway() -> None:
    clip = {"type": "color", "color": "#ff0000", "keyframes": {"opacity": [{"t": 0, "value": 0}, {"t": 2, "value": 1}]}}
    f = frame(doc([clip]), 1.0)
    assert near(f[5, 5], (128, 0, 127), tol=3)


def test_easing_changes_the_curve() -> None:
    kf = [{"t": 0, "value": 0, "easing": "ease_in"}, {"t": 2, "value": 1}]
    f = frame(doc([{"type": "color", "color": "#ff0000", "keyframes": {"opacity": kf}}]), 1.0)
    assert near(f[5, 5], (64, 0, 191), tol=3)  # ease_in: 0.25 at the midpoint


def test_crossfade_midpoint_is_the_average() -> None:
    track = {
        "crossfade": 1.0,
        "clips": [
            {"type": "color", "color": "#ff0000", "length": 2},
            {"type": "color", "color": "#00ff00", "length": 2},
        ],
    }
    composition = doc(duration=3.0)
    composition["tracks"] = [track]
    f = frame(composition, 1.5)
    assert near(f[5, 5], (128, 127, 0), tol=3)


def test_gradient_corners() -> None:
    f = frame(doc([{"type": "gradient", "colors": ["#000000", "#ffffff"], "angle": 90}]), 0.5)
    assert f[5, 0].max() < 10
    assert f[5, W - 1].min() > 245
    f = frame(doc([{"type": "gradient", "colors": ["#ff0000", "#00ff00"], "angle": 180}]), 0.5)
    assert near(f[0, 5], (255, 0, 0), tol=8)
    assert near(f[H - 1, 5], (0, 255, 0), tol=8)
    f = frame(doc([{"type": "gradient", "colors": ["#ffffff", "#000000"], "kind": "radial"}]), 0.5)
    assert f[H // 2, W // 2].min() > 240
    assert f[0, 0].max() < 10


def test_image_fit_modes(media: dict[str, Any]) -> None:
    assets = media["assets"]
    image = {"type": "image", "asset": "red"}  # 40x20 red
    cover = frame(doc([{**image, "fit": "cover"}]), 0.5, assets)
    assert near(cover[0, 0], (255, 0, 0))
    assert near(cover[H - 1, W - 1], (255, 0, 0))
    contain = frame(doc([{**image, "fit": "contain"}]), 0.5, assets)  # 96x48 letterboxed
    assert near(contain[H // 2, 2], (255, 0, 0))
    assert near(contain[2, W // 2], (0, 0, 255))
    none = frame(doc([{**image, "fit": "none", "position": "top_left"}]), 0.5, assets)
    assert near(none[10, 30], (255, 0, 0))
    assert near(none[10, 50], (0, 0, 255))
    assert near(none[30, 10], (0, 0, 255))
    half = frame(doc([{"type": "image", "asset": "half", "fit": "none"}]), 0.5, assets)
    assert near(half[H // 2, W // 2], (0, 128, 127), tol=3)  # 50% green over blue


def test_transforms_move_and_rotate(media: dict[str, Any]) -> None:
    assets = media["assets"]
    moved = frame(doc([{"type": "image", "asset": "red", "fit": "none", "offset": {"x": 0.25, "y": 0}}]), 0.5, assets)
    assert near(moved[H // 2, W // 2 + 24], (255, 0, 0))
    assert near(moved[H // 2, W // 2 - 10], (0, 0, 255))
    rotated = frame(doc([{"type": "image", "asset": "red", "fit": "none", "rotation": 90}]), 0.5, assets)
    assert near(rotated[H // 2 + 15, W // 2], (255, 0, 0))
    assert near(rotated[H // 2, W // 2 + 15], (0, 0, 255))
    scaled = frame(doc([{"type": "image", "asset": "red", "fit": "none", "scale": 2}]), 0.5, assets)
    assert near(scaled[H // 2, W // 2 + 35], (255, 0, 0))


def test_transitions(media: dict[str, Any]) -> None:
    color = {"type": "color", "color": "#ff0000", "length": 2}
    slide = frame(doc([{**color, "transition": {"in": {"type": "slide_right", "duration": 1}}}]), 0.5)
    assert near(slide[5, 5], (255, 0, 0))
    assert near(slide[5, W - 5], (0, 0, 255))
    wipe = frame(doc([{**color, "transition": {"out": {"type": "wipe_left", "duration": 1}}}]), 1.5)
    assert near(wipe[5, 5], (255, 0, 0))
    assert near(wipe[5, W - 5], (0, 0, 255))
    zoom = frame(doc([{**color, "transition": {"in": {"type": "zoom", "duration": 1}}}]), 0.5)
    assert near(zoom[0, 0], (0, 0, 255))
    assert zoom[H // 2, W // 2][0] > 100


def test_ken_burns_changes_framing(media: dict[str, Any]) -> None:
    clip = {
        "type": "image",
        "asset": "split",
        "fit": "cover",
        "effect": {"type": "ken_burns", "zoom": [2, 2], "pan": {"from": [-1, 0], "to": [1, 0]}},
    }
    first = frame(doc([clip]), 0.0, media["assets"])
    last = frame(doc([clip]), 1.95, media["assets"])
    # Zoomed into the left (white) side at the start, the right (black) side at the end.
    assert first[H // 2, W // 2].min() > 200
    assert last[H // 2, W // 2].max() < 60


def test_text_with_a_font_asset(media: dict[str, Any]) -> None:
    text = {"type": "text", "text": "Ññ", "size": 40, "color": "#ffffff", "font": {"asset": "font"}}
    f = frame(doc([text]), 0.5, media["assets"])
    assert (f.min(axis=2) > 200).sum() > 50
    boxed = frame(
        doc([{**text, "text": "i", "box": {"color": "#00ff00", "opacity": 1, "padding": 10}}]), 0.5, media["assets"]
    )
    assert (np.abs(boxed - [0, 255, 0]).max(axis=2) < 5).sum() > 100


def test_captions_only_in_their_window() -> None:
    captions = {"type": "captions", "lines": [{"start": 0.5, "end": 1.0, "text": "HOLA"}], "size": 20, "stroke": None}
    composition = doc([captions])
    lit = lambda f: int((f.min(axis=2) > 200).sum())  # noqa: E731
    assert lit(frame(composition, 0.2)) == 0
    assert lit(frame(composition, 0.7)) > 20
    assert lit(frame(composition, 1.2)) == 0
    bottom = frame(composition, 0.7)
    assert lit(bottom[H // 2 :]) > lit(bottom[: H // 2])


def test_video_frames_follow_time(media: dict[str, Any]) -> None:
    clip = {"type": "video", "asset": "clip"}  # red for 1 s, then blue... on a green-free background
    composition = doc([clip], duration=2.0)
    composition["background"] = "#00ff00"
    assets = media["assets"]
    from renderer.encoder import _prepare
    from renderer.media import DEFAULT_LIMITS

    comp, known = _prepare(composition, assets, DEFAULT_LIMITS)
    scene = Scene(comp, Context(W, H, 1.0, 10, known))
    try:
        seen = [scene.frame(i / 10)[H // 2, W // 2].astype(int) for i in range(20)]
    finally:
        scene.close()
    assert near(seen[3], (255, 0, 0), tol=12)
    assert near(seen[15], (0, 0, 255), tol=12)


def test_render_frame_is_a_jpeg(media: dict[str, Any]) -> None:
    data = render_frame(doc([{"type": "video", "asset": "clip"}]), 1.5, assets=media["assets"], width=48)
    assert data[:2] == b"\xff\xd8"
    with av.open(__import__("io").BytesIO(data)) as container:
        image = next(container.decode(video=0)).to_ndarray(format="rgb24").astype(int)
    assert image.shape == (32, 48, 3)
    assert near(image[16, 24], (0, 0, 255), tol=20)


def test_every_clip_type_renders_to_a_file(tmp_path: Path, media: dict[str, Any]) -> None:
    composition = doc(
        [{"type": "gradient", "colors": ["#000000", "#ffffff", "#ff0000"]}],
        [{"type": "video", "asset": "clip", "fit": "contain", "length": 1.5, "effect": {"type": "ken_burns"}}],
        [{"type": "image", "asset": "half", "keyframes": {"rotation": [{"t": 0, "value": 0}, {"t": 2, "value": 90}]}}],
        [
            {
                "type": "text",
                "text": "¡Hola!",
                "stroke": {"color": "#000000", "width": 2},
                "transition": {"in": {"type": "slide_up", "duration": 0.5}},
            }
        ],
        [{"type": "captions", "srt": "1\n00:00:00,000 --> 00:00:01,000\nUno\n"}],
        [{"type": "audio", "asset": "voice", "role": "voice"}, {"type": "tone", "start": 1, "length": 1}],
    )
    composition["soundtrack"] = {"asset": "music", "fade_in": 0.5, "loop": True}
    result = render(composition, tmp_path, assets=media["assets"])
    assert result.frames == 20
    with av.open(str(result.video_path)) as container:
        assert sum(1 for _ in container.decode(video=0)) == 20


@pytest.mark.parametrize("fit", ["cover", "contain", "crop", "none"])
def test_video_fits(media: dict[str, Any], fit: str) -> None:
    f = frame(doc([{"type": "video", "asset": "clip", "fit": fit}]), 0.2, media["assets"] | {})
    assert f.shape == (H, W, 3)
