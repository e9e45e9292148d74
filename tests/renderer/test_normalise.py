"""Composition validation and defaults: pure Python, no FFmpeg involved."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from renderer import RenderCanceled, RenderError, hello_composition, normalise


def minimal(**output: Any) -> dict[str, Any]:
    return {"output": {"duration": 2.0, **output}, "layers": [{"type": "text", "text": "Hola"}]}


def problems_of(composition: Any) -> tuple[str, ...]:
    with pytest.raises(RenderError) as info:
        normalise(composition)
    return info.value.problems


def test_defaults_are_filled() -> None:
    result = normalise(minimal())
    assert result["version"] == 1
    assert result["output"] == {
        "width": 1280,
        "height": 720,
        "fps": 30.0,
        "duration": 2.0,
        "thumbnail_at": 1.0,
    }
    assert result["background"] == "#000000"
    assert result["audio"] is None
    assert result["layers"] == [
        {
            "type": "text",
            "text": "Hola",
            "color": "#ffffff",
            "size": 64,
            "bold": False,
            "max_width": 0.9,
            "line_height": 1.2,
            "align": "center",
            "opacity": 1.0,
            "position": "center",
            "offset": {"x": 0, "y": 0},
            "start": 0.0,
            "end": None,
            "fade_in": 0.0,
            "fade_out": 0.0,
        }
    ]


def test_short_video_thumbnail_defaults_to_its_middle() -> None:
    result = normalise({"output": {"duration": 0.5}})
    assert result["output"]["thumbnail_at"] == 0.25
    assert result["layers"] == []


def test_color_layer_and_audio_defaults() -> None:
    result = normalise(
        {
            "output": {"duration": 3},
            "background": "#1E293B",
            "layers": [{"type": "color", "color": "#FF0000", "opacity": 0.5, "end": 2}],
            "audio": {},
        }
    )
    assert result["background"] == "#1e293b"
    layer = result["layers"][0]
    assert layer["color"] == "#ff0000"
    assert layer["width"] is None
    assert layer["height"] is None
    assert layer["opacity"] == 0.5
    assert layer["end"] == 2.0
    assert result["audio"] == {"tone_hz": 440.0, "volume": 0.05}


def test_input_is_not_modified_and_result_is_stable() -> None:
    composition = hello_composition(subtitle="Subtítulo")
    before = copy.deepcopy(composition)
    once = normalise(composition)
    assert composition == before
    assert normalise(once) == once


def test_hello_composition_is_valid_and_uses_arguments() -> None:
    result = normalise(hello_composition("¿Qué tal?", duration=4, width=640, height=360, fps=25))
    assert result["output"]["width"] == 640
    assert result["output"]["height"] == 360
    assert result["output"]["fps"] == 25.0
    assert result["output"]["duration"] == 4.0
    assert result["layers"][0]["text"] == "¿Qué tal?"
    assert len(result["layers"]) == 1
    assert len(normalise(hello_composition(subtitle="sub"))["layers"]) == 2


def test_odd_width_message() -> None:
    with pytest.raises(RenderError) as info:
        normalise(minimal(width=1281))
    assert str(info.value) == "output.width must be an even number between 16 and 3840, got 1281"


def test_end_before_start_message() -> None:
    composition = minimal()
    composition["layers"][0].update(start=2.0, end=1.0)
    composition["output"]["duration"] = 5
    assert problems_of(composition) == ("layers[0].end (1.0) must be after start (2.0)",)


@pytest.mark.parametrize(
    ("output", "field"),
    [
        ({"width": 8}, "output.width"),
        ({"width": 4000}, "output.width"),
        ({"height": 721}, "output.height"),
        ({"width": 640.5}, "output.width"),
        ({"width": True}, "output.width"),
        ({"width": "640"}, "output.width"),
        ({"fps": 0}, "output.fps"),
        ({"fps": 61}, "output.fps"),
        ({"duration": 0}, "output.duration"),
        ({"duration": -1}, "output.duration"),
        ({"duration": 601}, "output.duration"),
        ({"duration": float("nan")}, "output.duration"),
        ({"thumbnail_at": -1}, "output.thumbnail_at"),
        ({"speed": 2}, "output.speed"),
    ],
)
def test_bad_output_fields_are_named(output: dict[str, Any], field: str) -> None:
    problems = problems_of(minimal(**output))
    assert len(problems) == 1
    assert problems[0].startswith(field + " "), problems


def test_duration_is_required() -> None:
    assert problems_of({"output": {"width": 640, "height": 360}})[0].startswith("output.duration is required")
    assert problems_of({})[0].startswith("output is required")


@pytest.mark.parametrize(
    ("layer", "expected"),
    [
        ({"type": "video"}, "layers[0].type must be one of text, color"),
        ({"type": "text"}, "layers[0].text must be a non-empty string"),
        ({"type": "text", "text": "   "}, "layers[0].text must be a non-empty string"),
        ({"type": "text", "text": "x", "color": "white"}, "layers[0].color must be a colour"),
        ({"type": "text", "text": "x", "color": "#fff"}, "layers[0].color must be a colour"),
        ({"type": "text", "text": "x", "position": "middle"}, "layers[0].position must be one of center"),
        ({"type": "text", "text": "x", "align": "justify"}, "layers[0].align must be one of left"),
        ({"type": "text", "text": "x", "size": 0}, "layers[0].size must be a whole number"),
        ({"type": "text", "text": "x", "max_width": 0}, "layers[0].max_width must be a fraction"),
        ({"type": "text", "text": "x", "max_width": 1.5}, "layers[0].max_width must be a fraction"),
        ({"type": "text", "text": "x", "bold": "yes"}, "layers[0].bold must be true or false"),
        ({"type": "text", "text": "x", "opacity": 2}, "layers[0].opacity must be a number"),
        ({"type": "text", "text": "x", "offset": {"x": 1.5}}, "layers[0].offset.x must be a whole number"),
        ({"type": "text", "text": "x", "offset": [0, 0]}, "layers[0].offset must be an object"),
        ({"type": "text", "text": "x", "start": -1}, "layers[0].start must be a number"),
        (
            {"type": "text", "text": "x", "start": 2},
            "layers[0].start (2) must be before the end of the video",
        ),
        ({"type": "text", "text": "x", "end": "later"}, "layers[0].end must be a number of seconds or null"),
        ({"type": "text", "text": "x", "fade_in": 1.5, "fade_out": 1}, "layers[0].fade_in + fade_out"),
        ({"type": "text", "text": "x", "font": "Arial"}, "layers[0].font is not a known field"),
        ({"type": "color"}, "layers[0].color is required"),
        ({"type": "color", "color": "#000000", "width": 0}, "layers[0].width must be a whole number"),
        ("text", "layers[0] must be an object"),
    ],
)
def test_bad_layers_are_explained(layer: Any, expected: str) -> None:
    composition = {"output": {"duration": 2}, "layers": [layer]}
    problems = problems_of(composition)
    assert len(problems) == 1, problems
    assert problems[0].startswith(expected), problems


def test_fades_may_fill_the_visible_time_exactly() -> None:
    layer = {"type": "text", "text": "x", "start": 1, "end": 3, "fade_in": 1, "fade_out": 1}
    assert normalise({"output": {"duration": 5}, "layers": [layer]})["layers"][0]["end"] == 3.0


def test_layer_labels_pass_through() -> None:
    layer = {"type": "text", "text": "x", "name": "Título", "id": "t1"}
    result = normalise({"output": {"duration": 1}, "layers": [layer]})["layers"][0]
    assert result["name"] == "Título"
    assert result["id"] == "t1"


@pytest.mark.parametrize(
    ("composition", "expected"),
    [
        ([], "the composition must be an object, got a list"),
        ({"output": {"duration": 1}, "version": 3}, "version must be 1 or 2, got 3"),
        ({"output": {"duration": 1}, "background": "blue"}, "background must be a colour"),
        ({"output": {"duration": 1}, "layers": {}}, "layers must be a list, got an object"),
        ({"output": {"duration": 1}, "audio": {"volume": 2}}, "audio.volume must be a number"),
        ({"output": {"duration": 1}, "audio": {"tone_hz": 5}}, "audio.tone_hz must be a number"),
        ({"output": {"duration": 1}, "audio": "beep"}, "audio must be an object"),
        ({"output": {"duration": 1}, "title": "x"}, "title is not a known field"),
    ],
)
def test_bad_top_level_is_explained(composition: Any, expected: str) -> None:
    problems = problems_of(composition)
    assert problems[0].startswith(expected), problems


def test_every_problem_is_reported_at_once() -> None:
    composition = {
        "output": {"width": 1281, "duration": 2},
        "background": "red",
        "layers": [{"type": "text", "text": "ok"}, {"type": "text", "text": "x", "start": 1, "end": 0.5}],
    }
    with pytest.raises(RenderError) as info:
        normalise(composition)
    problems = info.value.problems
    assert [p.split(" ")[0] for p in problems] == ["output.width", "background", "layers[1].end"]
    assert str(info.value).startswith("3 problems in the composition: output.width must be")


def test_canceled_is_a_render_error() -> None:
    error = RenderCanceled()
    assert isinstance(error, RenderError)
    assert str(error) == "render canceled"
    assert error.problems == ("render canceled",)
