"""Composition format (version 1): validation, defaults and a sample composition.

A composition is plain JSON-compatible data.  :func:`normalise` checks it
semantically, reports every problem in words a user can act on, and returns a
new dict in which every optional field is present with its default.  Nothing
here touches FFmpeg, so it is cheap to call from an API request handler.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Any

from .errors import RenderError

COMPOSITION_VERSION = 1

MIN_SIZE = 16
MAX_SIZE = 3840
MIN_FPS = 1.0
MAX_FPS = 60.0
MAX_DURATION = 600.0
MAX_LAYERS = 64
MAX_TEXT_LENGTH = 5000
MIN_FONT_SIZE = 4
MAX_FONT_SIZE = 1000
MIN_TONE_HZ = 20.0
MAX_TONE_HZ = 20000.0

POSITIONS = (
    "center",
    "top",
    "bottom",
    "left",
    "right",
    "top_left",
    "top_right",
    "bottom_left",
    "bottom_right",
)
ALIGNS = ("left", "center", "right")
LAYER_TYPES = ("text", "color")

_COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")

_TOP_KEYS = frozenset({"version", "output", "background", "layers", "audio"})
_OUTPUT_KEYS = frozenset({"width", "height", "fps", "duration", "thumbnail_at"})
_AUDIO_KEYS = frozenset({"tone_hz", "volume"})
# "name" and "id" are accepted on layers as free-form labels and passed through.
_LABEL_KEYS = frozenset({"name", "id"})
_COMMON_LAYER_KEYS = frozenset(
    {"type", "color", "opacity", "position", "offset", "start", "end", "fade_in", "fade_out"}
)
_TEXT_KEYS = (
    _COMMON_LAYER_KEYS
    | _LABEL_KEYS
    | {
        "text",
        "size",
        "bold",
        "max_width",
        "line_height",
        "align",
    }
)
_COLOR_KEYS = _COMMON_LAYER_KEYS | _LABEL_KEYS | {"width", "height"}


def _show(value: Any) -> str:
    """Render a user-supplied value the way they would have written it in JSON."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return text


def _label(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


class _Checker:
    """Collects problems while walking a composition."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def fail(self, message: str) -> None:
        self.problems.append(message)

    def unknown_keys(self, where: str, obj: Mapping[str, Any], allowed: frozenset[str]) -> None:
        for key in obj:
            if key not in allowed:
                label = _label(where, str(key))
                hint = ", ".join(sorted(allowed))
                self.fail(f"{label} is not a known field (expected one of: {hint})")

    def number(
        self,
        where: str,
        obj: Mapping[str, Any],
        key: str,
        default: float,
        lo: float,
        hi: float,
        *,
        lo_inclusive: bool = True,
        describe: str | None = None,
    ) -> float:
        if key not in obj or obj[key] is None:
            return default
        value = obj[key]
        low_ok = _is_number(value) and (value >= lo if lo_inclusive else value > lo)
        if not (low_ok and value <= hi):
            if describe is None:
                low = f"at least {lo:g}" if lo_inclusive else f"greater than {lo:g}"
                describe = f"a number {low} and at most {hi:g}"
            self.fail(f"{_label(where, key)} must be {describe}, got {_show(value)}")
            return default
        return float(value)

    def color(self, where: str, obj: Mapping[str, Any], key: str, default: str | None) -> str:
        if key not in obj or obj[key] is None:
            if default is None:
                self.fail(f'{_label(where, key)} is required (a colour like "#ff8800")')
                return "#000000"
            return default
        value = obj[key]
        if not isinstance(value, str) or not _COLOR_RE.match(value):
            self.fail(
                f'{_label(where, key)} must be a colour written as "#RRGGBB" '
                f'(for example "#ff8800"), got {_show(value)}'
            )
            return default or "#000000"
        return value.lower()

    def choice(self, where: str, obj: Mapping[str, Any], key: str, default: str, options: tuple[str, ...]) -> str:
        if key not in obj or obj[key] is None:
            return default
        value = obj[key]
        if not isinstance(value, str) or value not in options:
            self.fail(f"{_label(where, key)} must be one of {', '.join(options)}; got {_show(value)}")
            return default
        return value

    def boolean(self, where: str, obj: Mapping[str, Any], key: str, default: bool) -> bool:
        if key not in obj or obj[key] is None:
            return default
        value = obj[key]
        if not isinstance(value, bool):
            self.fail(f"{_label(where, key)} must be true or false, got {_show(value)}")
            return default
        return value

    def integer(
        self,
        where: str,
        obj: Mapping[str, Any],
        key: str,
        default: int | None,
        lo: int,
        hi: int,
        *,
        even: bool = False,
    ) -> int | None:
        if key not in obj or obj[key] is None:
            return default
        value = obj[key]
        ok = _is_number(value) and float(value).is_integer() and lo <= value <= hi
        if ok and even:
            ok = int(value) % 2 == 0
        if not ok:
            kind = "an even number" if even else "a whole number"
            self.fail(f"{_label(where, key)} must be {kind} between {lo} and {hi}, got {_show(value)}")
            return default
        return int(value)

    def mapping(self, where: str, value: Any) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.fail(f"{where} must be an object, got {_type_name(value)}")
            return None
        return value


def _normalise_output(check: _Checker, raw: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"width": 1280, "height": 720, "fps": 30.0, "duration": 1.0}
    obj = check.mapping("output", raw) if raw is not None else None
    if raw is None:
        check.fail("output is required (at least output.duration)")
        out["thumbnail_at"] = 0.5
        return out
    if obj is None:
        out["thumbnail_at"] = 0.5
        return out
    check.unknown_keys("output", obj, _OUTPUT_KEYS)
    out["width"] = check.integer("output", obj, "width", 1280, MIN_SIZE, MAX_SIZE, even=True)
    out["height"] = check.integer("output", obj, "height", 720, MIN_SIZE, MAX_SIZE, even=True)
    out["fps"] = check.number(
        "output",
        obj,
        "fps",
        30.0,
        MIN_FPS,
        MAX_FPS,
        describe=f"a number between {MIN_FPS:g} and {MAX_FPS:g}",
    )
    if obj.get("duration") is None:
        check.fail(f"output.duration is required (seconds, at most {MAX_DURATION:g})")
        duration = 1.0
    else:
        duration = check.number(
            "output",
            obj,
            "duration",
            1.0,
            0.0,
            MAX_DURATION,
            lo_inclusive=False,
            describe=f"a number of seconds greater than 0 and at most {MAX_DURATION:g}",
        )
    out["duration"] = duration
    out["thumbnail_at"] = check.number(
        "output",
        obj,
        "thumbnail_at",
        min(1.0, duration / 2),
        0.0,
        math.inf,
        describe="a number of seconds, 0 or more",
    )
    return out


def _normalise_timing(
    check: _Checker, where: str, obj: Mapping[str, Any], duration: float, out: dict[str, Any]
) -> None:
    start = check.number(where, obj, "start", 0.0, 0.0, math.inf, describe="a number of seconds, 0 or more")
    end: float | None = None
    if obj.get("end") is not None:
        raw_end = obj["end"]
        if not _is_number(raw_end):
            check.fail(f"{where}.end must be a number of seconds or null, got {_show(raw_end)}")
        elif raw_end <= start:
            check.fail(f"{where}.end ({_show(raw_end)}) must be after start ({_show(obj.get('start', 0))})")
        else:
            end = float(raw_end)
    if start >= duration:
        check.fail(
            f"{where}.start ({_show(obj.get('start'))}) must be before the end of the video "
            f"(output.duration is {duration:g})"
        )
    seconds = "a number of seconds, 0 or more"
    fade_in = check.number(where, obj, "fade_in", 0.0, 0.0, math.inf, describe=seconds)
    fade_out = check.number(where, obj, "fade_out", 0.0, 0.0, math.inf, describe=seconds)
    visible = min(end if end is not None else duration, duration) - start
    if visible > 0 and fade_in + fade_out > visible + 1e-9:
        check.fail(
            f"{where}.fade_in + fade_out ({fade_in + fade_out:g} s) is longer than the time "
            f"the layer is visible ({visible:g} s)"
        )
    out.update(start=start, end=end, fade_in=fade_in, fade_out=fade_out)


def _normalise_placement(check: _Checker, where: str, obj: Mapping[str, Any], out: dict[str, Any]) -> None:
    out["position"] = check.choice(where, obj, "position", "center", POSITIONS)
    offset = {"x": 0, "y": 0}
    raw = obj.get("offset")
    if raw is not None:
        off = check.mapping(f"{where}.offset", raw)
        if off is not None:
            check.unknown_keys(f"{where}.offset", off, frozenset({"x", "y"}))
            for axis in ("x", "y"):
                value = check.integer(f"{where}.offset", off, axis, 0, -10 * MAX_SIZE, 10 * MAX_SIZE)
                offset[axis] = value if value is not None else 0
    out["offset"] = offset


def _normalise_layer(check: _Checker, index: int, raw: Any, duration: float) -> dict[str, Any] | None:
    where = f"layers[{index}]"
    obj = check.mapping(where, raw)
    if obj is None:
        return None
    kind = obj.get("type")
    if kind not in LAYER_TYPES:
        check.fail(f"{where}.type must be one of {', '.join(LAYER_TYPES)}; got {_show(kind)}")
        return None
    out: dict[str, Any] = {"type": kind}
    for key in _LABEL_KEYS:
        if key in obj:
            out[key] = obj[key]
    if kind == "text":
        check.unknown_keys(where, obj, _TEXT_KEYS)
        text = obj.get("text")
        if not isinstance(text, str) or not text.strip():
            check.fail(f"{where}.text must be a non-empty string, got {_show(text)}")
            text = ""
        elif len(text) > MAX_TEXT_LENGTH:
            check.fail(f"{where}.text is too long ({len(text)} characters, at most {MAX_TEXT_LENGTH})")
        out["text"] = text
        out["color"] = check.color(where, obj, "color", "#ffffff")
        out["size"] = check.integer(where, obj, "size", 64, MIN_FONT_SIZE, MAX_FONT_SIZE)
        out["bold"] = check.boolean(where, obj, "bold", False)
        out["max_width"] = check.number(
            where,
            obj,
            "max_width",
            0.9,
            0.0,
            1.0,
            lo_inclusive=False,
            describe="a fraction of the frame width greater than 0 and at most 1",
        )
        out["line_height"] = check.number(where, obj, "line_height", 1.2, 0.5, 5.0)
        out["align"] = check.choice(where, obj, "align", "center", ALIGNS)
    else:
        check.unknown_keys(where, obj, _COLOR_KEYS)
        out["color"] = check.color(where, obj, "color", None)
        out["width"] = check.integer(where, obj, "width", None, 1, 10 * MAX_SIZE)
        out["height"] = check.integer(where, obj, "height", None, 1, 10 * MAX_SIZE)
    out["opacity"] = check.number(where, obj, "opacity", 1.0, 0.0, 1.0)
    _normalise_placement(check, where, obj, out)
    _normalise_timing(check, where, obj, duration, out)
    return out


def _normalise_audio(check: _Checker, raw: Any) -> dict[str, Any] | None:
    if raw is None:
        return None
    obj = check.mapping("audio", raw)
    if obj is None:
        return None
    check.unknown_keys("audio", obj, _AUDIO_KEYS)
    return {
        "tone_hz": check.number("audio", obj, "tone_hz", 440.0, MIN_TONE_HZ, MAX_TONE_HZ),
        "volume": check.number("audio", obj, "volume", 0.05, 0.0, 1.0),
    }


def normalise(composition: dict[str, Any]) -> dict[str, Any]:
    """Validate ``composition`` and return a copy with every default filled in.

    Raises :class:`RenderError` listing every problem found; each problem names
    the offending field (``layers[0].end``) and the value that was given.
    """
    check = _Checker()
    if not isinstance(composition, dict):
        raise RenderError(f"the composition must be an object, got {_type_name(composition)}")
    check.unknown_keys("", composition, _TOP_KEYS)
    version = composition.get("version", COMPOSITION_VERSION)
    if version != COMPOSITION_VERSION or isinstance(version, bool):
        check.fail(f"version must be {COMPOSITION_VERSION}, got {_show(version)}")

    output = _normalise_output(check, composition.get("output"))
    background = check.color("", composition, "background", "#000000")

    layers: list[dict[str, Any]] = []
    raw_layers = composition.get("layers")
    if raw_layers is None:
        raw_layers = []
    if not isinstance(raw_layers, list):
        check.fail(f"layers must be a list, got {_type_name(raw_layers)}")
        raw_layers = []
    elif len(raw_layers) > MAX_LAYERS:
        check.fail(f"too many layers ({len(raw_layers)}, at most {MAX_LAYERS})")
    for index, raw in enumerate(raw_layers[:MAX_LAYERS]):
        layer = _normalise_layer(check, index, raw, output["duration"])
        if layer is not None:
            layers.append(layer)

    audio = _normalise_audio(check, composition.get("audio"))

    if check.problems:
        if len(check.problems) == 1:
            message = check.problems[0]
        else:
            message = f"{len(check.problems)} problems in the composition: " + "; ".join(check.problems)
        raise RenderError(message, problems=check.problems)

    return {
        "version": COMPOSITION_VERSION,
        "output": output,
        "background": background,
        "layers": layers,
        "audio": audio,
    }


def hello_composition(
    title: str = "¡Hola, GALA!",
    duration: float = 3.0,
    width: int = 1280,
    height: int = 720,
    fps: float = 30,
    background: str = "#1e293b",
    subtitle: str | None = None,
) -> dict[str, Any]:
    """A small ready-to-render composition: a fading title (and optional subtitle)."""
    fade = min(0.5, duration / 4)
    title_size = max(MIN_FONT_SIZE, round(height / 10))
    layers: list[dict[str, Any]] = [
        {
            "type": "text",
            "text": title,
            "color": "#ffffff",
            "size": title_size,
            "bold": True,
            "position": "center",
            "offset": {"x": 0, "y": -round(height * 0.06) if subtitle else 0},
            "start": 0,
            "end": None,
            "fade_in": fade,
            "fade_out": fade,
            "max_width": 0.9,
            "line_height": 1.2,
            "align": "center",
        }
    ]
    if subtitle:
        layers.append(
            {
                "type": "text",
                "text": subtitle,
                "color": "#cbd5e1",
                "size": max(MIN_FONT_SIZE, round(height / 20)),
                "position": "center",
                "offset": {"x": 0, "y": round(height * 0.08)},
                "start": 0,
                "end": None,
                "fade_in": fade,
                "fade_out": fade,
                "max_width": 0.9,
                "line_height": 1.2,
                "align": "center",
            }
        )
    return {
        "version": COMPOSITION_VERSION,
        "output": {
            "width": width,
            "height": height,
            "fps": fps,
            "duration": duration,
            "thumbnail_at": min(1.0, duration / 2),
        },
        "background": background,
        "layers": layers,
        "audio": {"tone_hz": 440, "volume": 0.05},
    }
