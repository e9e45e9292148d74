"""Composition v2 checks and defaults: pure Python, no FFmpeg involved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from renderer import AssetFile, RenderError, normalise
from renderer.timeline import output_size

ASSETS = {
    "pic": AssetFile(Path("/nonexistent/pic.png"), "image"),
    "song": AssetFile(Path("/nonexistent/song.wav"), "audio", duration=30.0),
    "movie": AssetFile(Path("/nonexistent/movie.mp4"), "video", duration=8.0),
}


def v2(*clips: dict[str, Any], **output: Any) -> dict[str, Any]:
    return {"version": 2, "output": output, "tracks": [{"clips": list(clips)}]}


def problems(doc: Any, assets: Any = ASSETS) -> tuple[str, ...]:
    with pytest.raises(RenderError) as info:
        normalise(doc, assets)
    return info.value.problems


def test_defaults() -> None:
    out = normalise(v2({"type": "color", "color": "#FF0000", "length": 3}))
    assert out["output"] == {
        "width": 1280,
        "height": 720,
        "size": "720p",
        "aspect": "16:9",
        "fps": 30.0,
        "format": "mp4",
        "quality": "medium",
        "duration": 3.0,
        "range": {"start": 0.0, "end": None},
        "poster": {"at": 1.0},
    }
    clip = out["tracks"][0]["clips"][0]
    assert clip["color"] == "#ff0000"
    assert (clip["start"], clip["end"], clip["opacity"], clip["position"]) == (0.0, 3.0, 1.0, "center")
    assert out["background"] == "#000000"
    assert out["soundtrack"] is None


@pytest.mark.parametrize(
    ("size", "aspect", "expected"),
    [
        ("720p", "16:9", (1280, 720)),
        ("720p", "9:16", (720, 1280)),
        ("1080p", "4:5", (1080, 1350)),
        ("480p", "16:9", (854, 480)),
        ("360p", "1:1", (360, 360)),
    ],
)
def test_preset_sizes(size: str, aspect: str, expected: tuple[int, int]) -> None:
    assert output_size(size, aspect) == expected


def test_clips_follow_each_other_and_crossfade() -> None:
    doc = {
        "version": 2,
        "tracks": [
            {
                "crossfade": 0.5,
                "clips": [
                    {"type": "color", "color": "#ff0000", "length": 2},
                    {"type": "color", "color": "#00ff00", "length": 2},
                    {"type": "video", "asset": "movie", "trim": {"start": 5}},
                ],
            }
        ],
    }
    out = normalise(doc, ASSETS)
    a, b, c = out["tracks"][0]["clips"]
    assert (a["start"], a["end"]) == (0.0, 2.0)
    assert (b["start"], b["end"]) == (1.5, 3.5)
    assert (c["start"], c["end"]) == (3.0, 6.0)  # auto = 8 s of media minus the 5 s trimmed
    assert b["transition"]["in"] == {"type": "fade", "duration": 0.5}
    assert a["crossfade_out"] == 0.5
    assert out["output"]["duration"] == 6.0


def test_human_messages() -> None:
    doc = v2(
        {"type": "image", "asset": "pic", "length": -1},
        {"type": "image", "asset": "abc", "length": 1},
        {"type": "image", "asset": "song", "length": 1},
        {"type": "text", "text": "hola", "length": 1, "opacity": 2},
        {"type": "sparkle"},
        duration=5,
    )
    found = problems(doc)
    assert 'tracks[0].clips[0].length must be a number of seconds greater than 0, "end" or "auto"; got -1' in found
    assert 'tracks[0].clips[1].asset "abc" is not a known asset' in found
    assert 'tracks[0].clips[2].asset "song" is an audio asset, an image clip needs an image' in found
    assert any(p.startswith("tracks[0].clips[3].opacity must be a number at least 0 and at most 1") for p in found)
    assert any(p.startswith("tracks[0].clips[4].type must be one of") for p in found)


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        (v2({"type": "color", "color": "#000000"}), "output.duration is needed"),
        (
            v2({"type": "color", "color": "#000000", "length": 1, "start": 5}, duration=2),
            "tracks[0].clips[0].start (5) must be before",
        ),
        (
            v2(
                {"type": "color", "color": "#000000", "length": "end"},
                {"type": "color", "color": "#000000", "length": 1},
                duration=3,
            ),
            "tracks[0].clips[1].start is needed",
        ),
        (
            v2(
                {
                    "type": "color",
                    "color": "#000000",
                    "length": 1,
                    "transition": {"in": {"type": "fade", "duration": 0.8}, "out": {"type": "zoom", "duration": 0.8}},
                }
            ),
            "tracks[0].clips[0].transition in + out (1.6 s) is longer",
        ),
        (
            v2(
                {
                    "type": "color",
                    "color": "#000000",
                    "length": 1,
                    "keyframes": {"opacity": [{"t": 1, "value": 0}, {"t": 0.5, "value": 1}]},
                }
            ),
            "tracks[0].clips[0].keyframes.opacity[1].t (0.5) must be after",
        ),
        (
            v2({"type": "color", "color": "#000000", "length": 1, "keyframes": {"volume": [{"t": 0, "value": 1}]}}),
            "tracks[0].clips[0].keyframes.volume is not a known field",
        ),
        (
            v2({"type": "text", "text": "x", "length": "auto"}, duration=1),
            'tracks[0].clips[0].length "auto" only applies',
        ),
        (
            v2({"type": "captions", "srt": "1\nnot a time\nhola"}, duration=1),
            "tracks[0].clips[0].srt is not valid SubRip: cue 1",
        ),
        (
            v2({"type": "captions", "lines": [], "srt": "x"}, duration=1),
            "tracks[0].clips[0] needs exactly one of lines, srt or from",
        ),
        (
            v2({"type": "video", "asset": "movie", "trim": {"start": 9}}),
            "tracks[0].clips[0].trim.start (9) is past the end of the media (8 s)",
        ),
        (
            v2({"type": "color", "color": "#000000", "length": 1}, size={"width": 101, "height": 100}),
            "output.size.width must be an even number",
        ),
        (
            v2({"type": "color", "color": "#000000", "length": 1}, size={"width": 100, "height": 100}, aspect="1:1"),
            "output.aspect only applies to a preset",
        ),
        (
            v2({"type": "color", "color": "#000000", "length": 2}, range={"start": 1, "end": 3}),
            "output.range.end (3) is past the end of the video (2 s)",
        ),
        (
            v2({"type": "gradient", "colors": ["#000000"], "length": 1}),
            "tracks[0].clips[0].colors must be a list of 2 to 8 colours",
        ),
        (
            {"version": 2, "soundtrack": {"asset": "pic"}, "output": {"duration": 1}},
            'soundtrack.asset "pic" is an image asset, a soundtrack needs an audio or a video',
        ),
    ],
)
def test_problems_name_the_field(doc: dict[str, Any], expected: str) -> None:
    found = problems(doc)
    assert any(p.startswith(expected) for p in found), found


def test_without_assets_only_shape_and_arithmetic_are_checked() -> None:
    doc = v2({"type": "video", "asset": "whatever"}, {"type": "image", "asset": "unknown", "length": 2})
    out = normalise(doc)
    clip = out["tracks"][0]["clips"][0]
    assert clip["end"] is None  # depends on the media's length
    assert out["output"]["duration"] is None


def test_srt_and_lines() -> None:
    srt = "1\n00:00:00,500 --> 00:00:01,250\n<i>Hola</i>\n\n2\n00:00:02,000 --> 00:00:03,000\n¿Qué tal?\n"
    out = normalise(v2({"type": "captions", "srt": srt}))
    clip = out["tracks"][0]["clips"][0]
    assert clip["lines"] == [
        {"start": 0.5, "end": 1.25, "text": "Hola"},
        {"start": 2.0, "end": 3.0, "text": "¿Qué tal?"},
    ]
    assert clip["position"] == "bottom"
    assert clip["stroke"] == {"color": "#000000", "width": 3.0}
    assert out["output"]["duration"] == 3.0


def test_range_and_poster() -> None:
    out = normalise(v2({"type": "color", "color": "#000000", "length": 10}, range={"start": 4, "end": 6}))
    assert out["output"]["range"] == {"start": 4.0, "end": 6.0}
    assert out["output"]["poster"]["at"] == 5.0
    out = normalise(
        v2({"type": "color", "color": "#000000", "length": 10}, range={"start": 4, "end": 6}, poster={"at": 9})
    )
    assert 5.9 < out["output"]["poster"]["at"] < 6.0
