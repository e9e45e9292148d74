"""Sound, output formats, ranges, the reference composition, memory flatness."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import av
import numpy as np
import pytest

from renderer import RenderCanceled
from renderer.encoder import render
from renderer.examples import make_reference_assets, reference_composition

W, H = 64, 48


def doc(*clips: dict[str, Any], duration: float = 2.0, **output: Any) -> dict[str, Any]:
    return {
        "version": 2,
        "output": {"size": {"width": W, "height": H}, "fps": 10, "duration": duration, **output},
        "background": "#202020",
        "tracks": [{"clips": [clip]} for clip in clips],
    }


def samples(path: Path) -> np.ndarray[Any, Any]:
    with av.open(str(path)) as container:
        return np.concatenate(
            [
                f.to_ndarray().reshape(2, -1) if f.format.is_planar else f.to_ndarray().reshape(-1, 2).T
                for f in container.decode(audio=0)
            ],
            axis=1,
        )


def rms(block: np.ndarray[Any, Any]) -> float:
    return float(np.sqrt(np.mean(block.astype(np.float64) ** 2)))


def window(audio: np.ndarray[Any, Any], start: float, end: float) -> np.ndarray[Any, Any]:
    return audio[:, int(start * 48000) : int(end * 48000)]


def test_fade_in_ramps_up(tmp_path: Path, media: dict[str, Any]) -> None:
    composition = doc(duration=2.0)
    composition["soundtrack"] = {"asset": "music", "fade_in": 2.0}
    audio = samples(render(composition, tmp_path, assets=media["assets"]).video_path)
    levels = [rms(window(audio, t, t + 0.2)) for t in (0.1, 0.7, 1.3, 1.7)]
    assert levels == sorted(levels)
    assert levels[0] < 0.5 * levels[-1]


def test_music_ducks_under_voice(tmp_path: Path, media: dict[str, Any]) -> None:
    composition = doc(
        {"type": "audio", "asset": "voice", "start": 1.0, "role": "voice", "volume": 0.0001}, duration=3.0
    )
    composition["soundtrack"] = {"asset": "music", "duck": {"level": 0.2, "attack": 0.1, "release": 0.1}}
    audio = samples(render(composition, tmp_path, assets=media["assets"]).video_path)
    before, during, after = rms(window(audio, 0.3, 0.9)), rms(window(audio, 1.3, 1.9)), rms(window(audio, 2.3, 2.9))
    assert during < 0.35 * before
    assert after > 0.8 * before


def test_video_sound_and_mute(tmp_path: Path, media: dict[str, Any]) -> None:
    loud = samples(render(doc({"type": "video", "asset": "clip"}), tmp_path / "a", assets=media["assets"]).video_path)
    muted = samples(
        render(doc({"type": "video", "asset": "clip", "mute": True}), tmp_path / "b", assets=media["assets"]).video_path
    )
    assert rms(window(loud, 0.2, 1.8)) > 0.2
    assert rms(muted) < 1e-3


def test_volume_keyframes_and_tone(tmp_path: Path) -> None:
    tone = {
        "type": "tone",
        "volume": 0.5,
        "keyframes": {
            "volume": [{"t": 0, "value": 0.5}, {"t": 1, "value": 0.5, "easing": "hold"}, {"t": 1.01, "value": 0}]
        },
    }
    audio = samples(render(doc(tone), tmp_path).video_path)
    assert rms(window(audio, 0.2, 0.8)) > 0.3
    assert rms(window(audio, 1.3, 1.8)) < 0.01


def test_webm_is_vp9_and_opus(tmp_path: Path) -> None:
    result = render(doc({"type": "color", "color": "#ff0000"}, {"type": "tone"}, format="webm"), tmp_path)
    assert result.video_path.suffix == ".webm"
    with av.open(str(result.video_path)) as container:
        assert [s.codec_context.name for s in container.streams] == ["vp9", "opus"]
        first = next(container.decode(video=0)).to_ndarray(format="rgb24").astype(int)
    assert np.abs(first[H // 2, W // 2] - [255, 0, 0]).max() < 20
    assert result.thumbnail_path.read_bytes()[:2] == b"\xff\xd8"


def test_gif_has_frames_and_colours(tmp_path: Path) -> None:
    result = render(doc({"type": "color", "color": "#ff0000", "start": 1, "length": 1}, format="gif"), tmp_path)
    with av.open(str(result.video_path)) as container:
        frames = [f.to_ndarray(format="rgb24").astype(int) for f in container.decode(video=0)]
        assert not container.streams.audio
    assert len(frames) == result.frames
    assert np.abs(frames[0][5, 5] - [32, 32, 32]).max() < 8
    assert np.abs(frames[-1][5, 5] - [255, 0, 0]).max() < 8


def test_jpg_is_only_the_poster(tmp_path: Path) -> None:
    result = render(
        doc({"type": "color", "color": "#00ff00", "start": 1.0, "length": 1}, format="jpg", poster={"at": 1.5}),
        tmp_path,
    )
    assert result.video_path == result.thumbnail_path
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output.jpg"]
    with av.open(str(result.thumbnail_path)) as container:
        rgb = next(container.decode(video=0)).to_ndarray(format="rgb24").astype(int)
    assert np.abs(rgb[5, 5] - [0, 255, 0]).max() < 12


def test_range_renders_part_of_the_timeline(tmp_path: Path) -> None:
    composition = doc(
        {"type": "color", "color": "#ff0000", "start": 3, "length": 1}, duration=5.0, range={"start": 2.5, "end": 3.5}
    )
    result = render(composition, tmp_path)
    assert (result.frames, result.start) == (10, 2.5)
    with av.open(str(result.video_path)) as container:
        frames = [f.to_ndarray(format="rgb24").astype(int) for f in container.decode(video=0)]
    assert np.abs(frames[2][5, 5] - [32, 32, 32]).max() < 10
    assert np.abs(frames[7][5, 5] - [255, 0, 0]).max() < 10


def test_draft_is_half_size(tmp_path: Path) -> None:
    result = render(doc({"type": "text", "text": "x"}, quality="draft"), tmp_path)
    assert (result.width, result.height) == (W // 2, H // 2)


def test_cancel_and_progress(tmp_path: Path) -> None:
    calls: list[float] = []
    render(doc({"type": "color", "color": "#ff0000"}), tmp_path / "ok", progress=calls.append)
    assert calls[0] == 0.0
    assert calls[-1] == 100.0
    assert calls == sorted(calls)
    with pytest.raises(RenderCanceled):
        render(doc({"type": "color", "color": "#ff0000"}), tmp_path / "no", should_cancel=lambda: True)
    assert not list((tmp_path / "no").glob("*"))


def test_reference_composition_renders_tiny(tmp_path: Path) -> None:
    assets = make_reference_assets(tmp_path / "assets", seconds=2.0)
    composition = reference_composition(2.0)
    composition["output"]["size"] = "240p"
    result = render(composition, tmp_path / "out", assets=assets)
    assert (result.width, result.height, result.frames) == (426, 240, 60)
    audio = samples(result.video_path)
    assert rms(window(audio, 0.0, 0.3)) < rms(window(audio, 1.6, 1.9))  # the music fades in
    with av.open(str(result.video_path)) as container:
        frames = [f.to_ndarray(format="rgb24").astype(int) for f in container.decode(video=0)]

    # The logo moves from the left to the right.
    def logo_x(rgb: np.ndarray[Any, Any]) -> float:
        yellow = (rgb[:, :, 0] > 200) & (rgb[:, :, 1] > 150) & (rgb[:, :, 2] < 100)
        return float(np.nonzero(yellow)[1].mean())

    assert logo_x(frames[0]) < 426 / 2 < logo_x(frames[-1])


PEAK = textwrap.dedent(
    """
    import json, pathlib, sys
    from renderer.encoder import render
    from renderer.examples import make_reference_assets, reference_composition
    seconds, folder = float(sys.argv[1]), pathlib.Path(sys.argv[2])
    assets = make_reference_assets(folder / "assets", seconds=seconds)
    composition = reference_composition(seconds)
    composition["output"].update(size="360p", quality="draft")
    render(composition, folder / "out", assets=assets)
    status = pathlib.Path("/proc/self/status").read_text()
    print(json.dumps({k: int(v.split()[0]) for k, v in (l.split(":", 1) for l in status.splitlines()) if k == "VmHWM"}))
    """
)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")
def test_memory_stays_flat_with_length(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    peaks = []
    for seconds in (10, 60):
        run = subprocess.run(
            [sys.executable, "-c", PEAK, str(seconds), str(tmp_path / str(seconds))],
            capture_output=True,
            text=True,
            cwd=root,
            check=True,
            timeout=120,
        )
        peaks.append(json.loads(run.stdout.strip().splitlines()[-1])["VmHWM"])
    assert peaks[1] <= peaks[0] * 1.10, peaks
