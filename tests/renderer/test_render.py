"""End-to-end renders of tiny compositions, checked by reading the files back with PyAV."""

from __future__ import annotations

import struct
import time
from pathlib import Path
from typing import Any

import av
import numpy as np
import pytest

from renderer import RenderCanceled, RenderError, hello_composition
from renderer.clips.base import Context
from renderer.encoder import RenderOutput, render
from renderer.engine import Scene
from renderer.raster import draw_text, layout_text, load_font
from renderer.timeline import normalise

WIDTH, HEIGHT, FPS, DURATION = 160, 90, 10, 1.0
BACKGROUND = (0x10, 0x20, 0x40)


def tiny(layers: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A small composition: one track per visual layer (a faded-in title by default), and a tone."""
    title = {"type": "text", "text": "¡Ñu!", "color": "#ffffff", "size": 48, "bold": True}
    title["transition"] = {"in": {"type": "fade", "duration": 0.2}}
    tracks = [{"clips": [layer]} for layer in (layers if layers is not None else [title])]
    return {
        "version": 2,
        "output": {"size": {"width": WIDTH, "height": HEIGHT}, "fps": FPS, "duration": DURATION, "poster": {"at": 0.5}},
        "background": "#102040",
        "tracks": [*tracks, {"clips": [{"type": "tone", "frequency": 440, "volume": 0.1}]}],
    }


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[RenderOutput, list[float]]:
    out_dir = tmp_path_factory.mktemp("render")
    calls: list[float] = []
    result = render(tiny(), out_dir, basename="clip", progress=calls.append)
    return result, calls


def top_level_atoms(path: Path) -> list[str]:
    data = path.read_bytes()
    atoms: list[str] = []
    offset = 0
    while offset + 8 <= len(data):
        size, kind = struct.unpack(">I4s", data[offset : offset + 8])
        if size == 1:  # 64-bit size follows the type
            (size,) = struct.unpack(">Q", data[offset + 8 : offset + 16])
        elif size == 0:  # runs to the end of the file
            size = len(data) - offset
        assert size >= 8, f"corrupt atom at {offset}"
        atoms.append(kind.decode("latin-1"))
        offset += size
    assert offset == len(data)
    return atoms


def decode_rgb(path: Path) -> list[np.ndarray[Any, Any]]:
    with av.open(str(path)) as container:
        return [frame.to_ndarray(format="rgb24") for frame in container.decode(video=0)]


def test_result_describes_the_files(rendered: tuple[RenderOutput, list[float]]) -> None:
    result, _ = rendered
    assert result.video_path == result.video_path.parent / "clip.mp4"
    assert result.thumbnail_path == result.video_path.parent / "clip.jpg"
    assert (result.width, result.height, result.fps, result.frames) == (WIDTH, HEIGHT, 10.0, 10)
    assert result.duration == pytest.approx(DURATION)
    # Nothing else (no temporary files) is left in the folder.
    assert sorted(p.name for p in result.video_path.parent.iterdir()) == ["clip.jpg", "clip.mp4"]


def test_mp4_streams(rendered: tuple[RenderOutput, list[float]]) -> None:
    result, _ = rendered
    one_frame = 1 / FPS
    with av.open(str(result.video_path)) as container:
        assert container.duration is not None
        assert abs(container.duration / av.time_base - DURATION) <= one_frame
        video = container.streams.video[0]
        audio = container.streams.audio[0]
        assert video.codec_context.name == "h264"
        assert (video.codec_context.width, video.codec_context.height) == (WIDTH, HEIGHT)
        assert video.codec_context.pix_fmt == "yuv420p"
        assert audio.codec_context.name == "aac"
        assert audio.codec_context.sample_rate == 48000
        assert audio.codec_context.channels == 2
        for stream in (video, audio):
            assert stream.duration is not None
            assert stream.time_base is not None
            assert abs(float(stream.duration * stream.time_base) - DURATION) <= one_frame
        frames = sum(1 for _ in container.decode(video=0))
    assert frames == 10


def test_faststart_puts_moov_before_mdat(rendered: tuple[RenderOutput, list[float]]) -> None:
    atoms = top_level_atoms(rendered[0].video_path)
    assert atoms[0] == "ftyp"
    assert "moov" in atoms
    assert "mdat" in atoms
    assert atoms.index("moov") < atoms.index("mdat")


def test_thumbnail_is_a_jpeg_of_the_right_size(rendered: tuple[RenderOutput, list[float]]) -> None:
    path = rendered[0].thumbnail_path
    assert path.read_bytes()[:2] == b"\xff\xd8"
    with av.open(str(path)) as container:
        assert container.streams.video[0].codec_context.name == "mjpeg"
        frame = next(container.decode(video=0))
        assert (frame.width, frame.height) == (WIDTH, HEIGHT)
        rgb = frame.to_ndarray(format="rgb24")
    # Corner is background, the text in the middle is bright.
    assert np.abs(rgb[2, 2].astype(int) - BACKGROUND).max() <= 8
    assert rgb[20:70, 40:120].max() >= 200


def test_text_changes_pixels_and_fades_in(rendered: tuple[RenderOutput, list[float]]) -> None:
    frames = decode_rgb(rendered[0].video_path)
    first, last = frames[0].astype(int), frames[-1].astype(int)
    background = np.array(BACKGROUND)
    # Away from the text the frame is the background colour (allowing for compression).
    assert np.abs(last[3, 3] - background).max() <= 8
    assert np.abs(last[HEIGHT - 3, WIDTH - 3] - background).max() <= 8
    # White glyphs sit in the middle of the frame once faded in ...
    middle = last[HEIGHT // 4 : 3 * HEIGHT // 4, WIDTH // 4 : 3 * WIDTH // 4]
    assert (middle.min(axis=2) >= 200).sum() > 100
    # ... and the first frame (opacity 0 at the start of the fade) shows none of them.
    assert np.abs(first - background).max() <= 12


def test_progress_is_reported_up_to_100(rendered: tuple[RenderOutput, list[float]]) -> None:
    _, calls = rendered
    assert calls[0] == 0.0
    assert calls[-1] == 100.0
    assert calls == sorted(calls)
    assert all(0.0 <= value <= 100.0 for value in calls)


@pytest.mark.parametrize("cancel_on_call", [1, 2])
def test_cancel_leaves_no_files(tmp_path: Path, cancel_on_call: int) -> None:
    polls: list[int] = []

    def should_cancel() -> bool:
        polls.append(1)
        return len(polls) >= cancel_on_call

    with pytest.raises(RenderCanceled):
        render(tiny(), tmp_path, should_cancel=should_cancel)
    assert len(polls) == cancel_on_call
    assert list(tmp_path.iterdir()) == []


def slow_composition() -> dict[str, Any]:
    """Every frame differs (a 10 s fade), so this takes a noticeable fraction of a second."""
    composition = tiny()
    composition["output"].update(size={"width": 640, "height": 360}, duration=10.0, fps=30)
    composition["tracks"][0]["clips"][0].update(size=120, transition={"in": {"type": "fade", "duration": 10.0}})
    return composition


def test_cancel_is_polled_while_encoding(tmp_path: Path) -> None:
    polls: list[float] = []

    def should_cancel() -> bool:
        polls.append(time.monotonic())
        return False

    render(slow_composition(), tmp_path, should_cancel=should_cancel)
    gaps = np.diff(polls)
    # Start, polls while encoding and the two checks before the files are moved in place.
    assert len(polls) >= 4
    assert gaps.max() < 1.0


def test_cancel_mid_render_stops_quickly(tmp_path: Path) -> None:
    canceled_at: list[float] = []
    started = time.monotonic()

    def should_cancel() -> bool:
        if time.monotonic() - started >= 0.15:
            canceled_at.append(time.monotonic())
            return True
        return False

    with pytest.raises(RenderCanceled):
        render(slow_composition(), tmp_path, should_cancel=should_cancel)
    assert len(canceled_at) == 1
    assert time.monotonic() - canceled_at[0] < 1.0
    assert list(tmp_path.iterdir()) == []


def test_bad_composition_fails_before_writing(tmp_path: Path) -> None:
    composition = tiny()
    composition["output"]["size"]["width"] = 161
    with pytest.raises(RenderError, match=r"output\.size\.width must be an even number"):
        render(composition, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_rerender_replaces_previous_output(tmp_path: Path) -> None:
    first = render({**tiny(), "background": "#000000"}, tmp_path)
    before = first.video_path.read_bytes()
    second = render({**tiny(), "tracks": tiny()["tracks"][:1]}, tmp_path)  # without the tone
    assert second.video_path == first.video_path
    assert second.video_path.read_bytes() != before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output.jpg", "output.mp4"]
    with av.open(str(second.video_path)) as container:
        audio = container.streams.audio[0]
        assert audio.codec_context.name == "aac"
        samples = np.concatenate([f.to_ndarray() for f in container.decode(audio=0)], axis=1)
    assert np.abs(samples).max() < 1e-3  # no sound clip: silence, but still an AAC track


def test_hello_composition_renders(tmp_path: Path) -> None:
    composition = hello_composition("¡Hola, ñandú!", duration=0.5, width=96, height=64, fps=8, subtitle="¿Qué?")
    result = render(composition, tmp_path, basename="hello")
    assert result.frames == 4
    assert result.video_path.name == "hello.mp4"
    assert result.video_path.stat().st_size > 0


def test_spanish_characters_have_glyphs() -> None:
    for bold in (False, True):
        font = load_font(40, bold)
        tofu = font.getmask("\uffff")
        for char in "ñÑáéíóúüÁÉÍÓÚ¿¡":
            mask = font.getmask(char)
            assert (mask.size, bytes(mask)) != (tofu.size, bytes(tofu)), char
        # The tilde is really drawn: ñ is not just an n.
        assert bytes(font.getmask("ñ")) != bytes(font.getmask("n"))


def test_long_text_wraps_within_max_width() -> None:
    layer = {
        "type": "text",
        "text": "Una frase bastante larga que no cabe en una sola línea",
        "size": 20,
        "bold": False,
        "max_width": 0.5,
        "line_height": 1.2,
        "align": "left",
    }
    layout = layout_text(layer, 400)
    assert len(layout.lines) >= 3
    assert layout.width <= 200
    assert layout.height > 3 * 20
    assert all(layout.font.getlength(line) <= 200 for line in layout.lines)
    assert " ".join(layout.lines) == layer["text"]
    mask = draw_text(layout, (0, 0, layout.width, layout.height))
    assert mask.getbbox() is not None


def scene_of(composition: dict[str, Any]) -> Scene:
    comp = normalise(composition)
    return Scene(comp, Context(WIDTH, HEIGHT, 1.0, FPS))


def test_huge_text_is_cut_to_a_few_frames() -> None:
    layer = {"type": "text", "text": "palabra " * 600, "size": 30, "bold": True, "max_width": 1.0}
    scene = scene_of(tiny(layers=[layer]))
    content = scene.clips[0].content
    width, height = content.natural_size(0.0)
    assert width <= WIDTH + 40
    assert height <= 4 * HEIGHT + 40
    assert scene.frame(0.5).shape == (HEIGHT, WIDTH, 3)


def test_scene_reuses_state_when_nothing_changes() -> None:
    composition = tiny()
    box = {"type": "color", "color": "#ff0000", "width": 20 / WIDTH, "height": 10 / HEIGHT, "position": "top_left"}
    composition["tracks"].insert(1, {"clips": [{**box, "opacity": 0.5}]})
    scene = scene_of(composition)
    assert scene.key(scene.states(0.5)) == scene.key(scene.states(0.9))
    assert scene.key(scene.states(0.0)) != scene.key(scene.states(0.1))
    frame = scene.frame(0.5)
    assert frame.shape == (HEIGHT, WIDTH, 3)
    assert frame.dtype == np.uint8
    # The half-transparent red box sits in the top-left margin.
    margin = round(0.05 * HEIGHT)
    red = frame[margin + 2, margin + 2].astype(int)
    expected = np.round((np.array(BACKGROUND) + np.array([255, 0, 0])) / 2)
    assert np.abs(red - expected).max() <= 1
    assert tuple(frame[0, 0]) == BACKGROUND
