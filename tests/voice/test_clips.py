"""The `speech`, `avatar` and captions-from clips in the renderer: checks, messages, pixels, ducking."""

from __future__ import annotations

import itertools
import wave
from pathlib import Path
from typing import Any

import av
import numpy as np
import pytest

import renderer
import renderer.encoder
from renderer.assets import AssetFile
from renderer.clips.avatar import AvatarContent
from renderer.clips.base import Context
from tests.voice.speak import resolved

SCRIPT = "Hello everyone. Welcome to GALA."


def comp(*clips: dict[str, Any], size: tuple[int, int] = (320, 180), **output: Any) -> dict[str, Any]:
    return {
        "version": 2,
        "output": {"size": {"width": size[0], "height": size[1]}, "fps": 30, **output},
        "background": "#203040",
        "tracks": [{"clips": [clip]} for clip in clips],
    }


def avatar(**fields: Any) -> dict[str, Any]:
    return {"type": "avatar", "name": "host", "model": "builtin", "script": SCRIPT, **fields}


def problems(doc: dict[str, Any]) -> list[str]:
    with pytest.raises(renderer.RenderError) as caught:
        renderer.normalise(doc)
    return caught.value.problems


def test_fields_are_checked_with_messages_that_name_them() -> None:
    found = problems(
        comp(
            avatar(framing="square", size=2, movement={"blink": True}, script=None),
            {"type": "speech", "script": "  ", "voice": {"rate": 9}},
            {"type": "captions", "from": "nobody"},
        )
    )
    text = "\n".join(found)
    for needle in (
        "tracks[0].clips[0].framing must be one of full, bust, circle, pip",
        "tracks[0].clips[0].size must be a number greater than 0 and at most 1",
        "tracks[0].clips[0].movement.blink is not a known field",
        "tracks[0].clips[0] needs a script (the words to say) or a recording",
        "tracks[1].clips[0].script must be non-empty text",
        "tracks[1].clips[0].voice.rate must be a number at least 0.5 and at most 2.5",
        'tracks[2].clips[0].from must name a speech or avatar clip (by its name); got "nobody" (named: host)',
    ):
        assert needle in text, text


def test_unsynthesized_speech_is_a_clear_render_error(tmp_path: Path) -> None:
    # Valid (the job is checked before synthesis) and its length unknown until then...
    doc = comp(avatar(), output_duration := {"type": "color", "color": "#000000", "length": 1})
    assert renderer.normalise(doc)["tracks"][0]["clips"][0]["end"] is None
    assert output_duration
    # ...but the renderer alone cannot speak it.
    with pytest.raises(renderer.RenderError, match="has no synthesized speech: render it through GALA"):
        renderer.encoder.render(comp(avatar(length=1)), tmp_path)


def sine_wav(path: Path, seconds: float, amplitude: float) -> Path:
    rate = 48000
    t = np.arange(round(seconds * rate)) / rate
    pcm = (np.sin(2 * np.pi * 220 * t) * amplitude * 32767).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(pcm.tobytes())
    return path


def test_speech_sets_the_length_and_ducks_the_music(tmp_path: Path) -> None:
    music = {"type": "audio", "asset": "music", "role": "music", "length": "end"}
    spoken = {"type": "speech", "start": 1.0, "script": SCRIPT}
    doc, files = resolved(comp(spoken, music), tmp_path / "cache")
    files["music"] = AssetFile(path=sine_wav(tmp_path / "music.wav", 8.0, 0.2), kind="audio", duration=8.0)
    timing = doc["tracks"][0]["clips"][0]["speech"]["timing"]
    norm = renderer.normalise(doc, files)
    assert norm["output"]["duration"] == pytest.approx(1.0 + timing["duration"])
    out = renderer.encoder.render(doc, tmp_path / "out", assets=files)
    with av.open(str(out.video_path)) as media:
        audio = np.concatenate([f.to_ndarray().mean(axis=0) for f in media.decode(audio=0)])
    rate = 48000
    # Before the speech the tone plays at its volume; under it, ducked (to 0.3 by default).
    before = audio[int(0.2 * rate) : int(0.8 * rate)]
    peak_before = np.abs(before).max()
    assert peak_before > 0.1  # a mono file plays at -3 dB on each side
    words = timing["words"]
    gap = next((a["end"], b["start"]) for a, b in itertools.pairwise(words) if b["start"] - a["end"] > 0.25)
    quiet = audio[int((1.0 + gap[0] + 0.05) * rate) : int((1.0 + gap[1] - 0.02) * rate)]
    assert np.abs(quiet).max() < 0.5 * peak_before


def test_avatar_frames_in_every_framing(tmp_path: Path) -> None:
    for framing in ("full", "bust", "circle", "pip"):
        doc, files = resolved(comp(avatar(framing=framing, background="#ffffff")), tmp_path / "cache")
        norm = renderer.normalise(doc, files)
        clip = norm["tracks"][0]["clips"][0]
        content = AvatarContent(clip, Context(320, 180, 1.0, 30.0, files))
        w, h = content.size
        assert h == round({"full": 0.9, "bust": 0.8, "circle": 0.32, "pip": 0.3}[framing] * 180)
        sprite = content.render(0.5, (0, 0, w, h), (w, h)).to_image()
        pixels = np.asarray(sprite)
        assert pixels[..., 3].max() == 255
        # A background colour fills the framing behind the puppet: white is there, inside the shape.
        assert (pixels[..., :3] == 255).all(axis=2).sum() > 0.05 * w * h, framing
        if framing == "circle":
            assert pixels[0, 0, 3] == 0  # cut to a circle
        shapes = {content.pose(t).mouth for t in np.arange(0, timing_end(clip), 1 / 30)}
        assert {"X", "B"} <= shapes
        assert len(shapes) >= 4, shapes


def timing_end(clip: dict[str, Any]) -> float:
    return float(clip["speech"]["timing"]["duration"])


def test_captions_from_speech_follow_the_words(tmp_path: Path) -> None:
    doc, files = resolved(
        comp(avatar(), {"type": "captions", "from": "host", "highlight": "#ffd200"}), tmp_path / "cache"
    )
    norm = renderer.normalise(doc, files)
    lines = norm["tracks"][1]["clips"][0]["lines"]
    assert [line["text"] for line in lines] == ["Hello everyone.", "Welcome to GALA."]
    words = doc["tracks"][0]["clips"][0]["speech"]["timing"]["words"]
    assert [w["start"] for line in lines for w in line["words"]] == [w["start"] for w in words]
    assert lines[1]["text"][lines[1]["words"][2]["offset"] :][:4] == "GALA"
    # The captions clip lasts as long as its lines ("auto"), and the video as long as the speech.
    assert norm["tracks"][1]["clips"][0]["end"] == pytest.approx(lines[-1]["end"])
    out = renderer.encoder.render(doc, tmp_path / "out", assets=files)
    spoken = doc["tracks"][0]["clips"][0]["speech"]["timing"]["duration"]
    assert out.duration == pytest.approx(max(spoken, lines[-1]["end"]), abs=0.05)
