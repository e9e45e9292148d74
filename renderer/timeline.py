"""Composition format version 2: semantic checks, defaults and timing (no FFmpeg here).

:func:`normalise_v2` walks a v2 document, reports every problem in words
(``tracks[0].clips[2].length must be ...``) and returns a copy with every
default filled in and every clip's ``start``/``end`` resolved.  Asset checks
(existence, kind, natural lengths) happen when ``assets`` is given; without
it the document's shape and arithmetic are still checked, which is what the
API does before the assets are resolved.  :func:`upgrade_v1` turns a
normalised version-1 document into version 2, so one engine renders both.
See docs/composition.md for the format.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from .composition import ALIGNS, POSITIONS, _Checker, _is_number, _show, _type_name
from .composition import normalise as normalise_v1
from .errors import RenderError
from .media import ASSET_KINDS, AssetFile
from .srt import SrtError, parse_srt

VERSION = 2
MAX_DURATION = 600.0
MAX_TRACKS = 32
MAX_CLIPS = 500
MAX_KEYFRAMES = 100
MAX_CAPTION_LINES = 2000
MAX_TEXT_LENGTH = 5000
MIN_SIZE, MAX_SIZE = 16, 3840

SIZES = {"240p": 240, "360p": 360, "480p": 480, "720p": 720, "1080p": 1080, "1440p": 1440, "2160p": 2160}
ASPECTS = {"16:9": (16, 9), "9:16": (9, 16), "1:1": (1, 1), "4:5": (4, 5)}
FORMATS = ("mp4", "webm", "gif", "jpg")
QUALITIES = ("draft", "low", "medium", "high")
FITS = ("cover", "contain", "crop", "none")
EASINGS = ("linear", "ease_in", "ease_out", "ease_in_out", "hold")
TRANSITIONS = ("fade", "slide_left", "slide_right", "slide_up", "slide_down", "wipe_left", "wipe_right", "zoom")
ROLES = ("voice", "music", "effect")
GRADIENTS = ("linear", "radial")

VISUAL_TYPES = ("color", "gradient", "image", "video", "text", "captions")
AUDIO_TYPES = ("audio", "tone")
CLIP_TYPES = VISUAL_TYPES + AUDIO_TYPES
MEDIA_TYPES = ("video", "audio")  # whose "auto" length is the media's

_COMMON = frozenset({"type", "name", "start", "length"})
_VISUAL = frozenset({"position", "offset", "scale", "opacity", "rotation", "keyframes", "transition"})
_TEXT_STYLE = frozenset({"font", "size", "color", "bold", "stroke", "box", "align", "max_width", "line_height"})
_CLIP_KEYS: dict[str, frozenset[str]] = {
    "color": _COMMON | _VISUAL | {"color", "width", "height"},
    "gradient": _COMMON | _VISUAL | {"colors", "angle", "kind"},
    "image": _COMMON | _VISUAL | {"asset", "fit", "effect"},
    "video": _COMMON | _VISUAL | {"asset", "fit", "effect", "trim", "volume", "mute"},
    "text": _COMMON | _VISUAL | _TEXT_STYLE | {"text"},
    "captions": _COMMON | _VISUAL | _TEXT_STYLE | {"lines", "srt"},
    "audio": _COMMON
    | {"asset", "volume", "fade_in", "fade_out", "trim", "role", "duck", "loop", "keyframes", "transition"},
    "tone": _COMMON | {"frequency", "volume", "fade_in", "fade_out", "role", "keyframes", "transition"},
}
_VISUAL_PROPS = ("opacity", "scale", "rotation", "offset_x", "offset_y")
_KEYFRAME_PROPS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(VISUAL_TYPES, _VISUAL_PROPS),
    "video": (*_VISUAL_PROPS, "volume"),
    "audio": ("volume",),
    "tone": ("volume",),
}
_PROP_RANGES: dict[str, tuple[float, float]] = {
    "opacity": (0.0, 1.0),
    "scale": (0.0, 10.0),
    "rotation": (-3600.0, 3600.0),
    "offset_x": (-1.0, 1.0),
    "offset_y": (-1.0, 1.0),
    "volume": (0.0, 2.0),
}
_ASSET_KIND_FOR: dict[str, tuple[str, ...]] = {
    "image": ("image",),
    "video": ("video",),
    "audio": ("audio", "video"),
    "soundtrack": ("audio", "video"),
    "font": ("font",),
}
_ARTICLE = {"image": "an image", "video": "a video", "audio": "an audio", "font": "a font"}
DUCK_DEFAULT = {"level": 0.3, "attack": 0.2, "release": 0.4}
SECONDS = "a number of seconds, 0 or more"


def output_size(size: str, aspect: str) -> tuple[int, int]:
    """Pixel size for a preset (``720p`` names the short side) and an aspect ratio."""
    short = SIZES[size]
    a, b = ASPECTS[aspect]
    long_side = short * max(a, b) / min(a, b)
    long_even = int(round(long_side / 2) * 2)
    return (long_even, short) if a >= b else (short, long_even)


class _V2(_Checker):
    """The version-2 walker: fills defaults, resolves time, collects problems."""

    def __init__(self, assets: Mapping[str, AssetFile] | None) -> None:
        super().__init__()
        self.assets = assets

    # -- small helpers ----------------------------------------------------
    def seconds(self, where: str, obj: Mapping[str, Any], key: str, default: float) -> float:
        return self.number(where, obj, key, default, 0.0, math.inf, describe=SECONDS)

    def positive(self, where: str, obj: Mapping[str, Any], key: str, default: float, hi: float = math.inf) -> float:
        upper = f" and at most {hi:g}" if math.isfinite(hi) else ""
        return self.number(
            where, obj, key, default, 0.0, hi, lo_inclusive=False, describe=f"a number greater than 0{upper}"
        )

    def sub(self, where: str, obj: Mapping[str, Any], key: str, allowed: frozenset[str]) -> dict[str, Any] | None:
        raw = obj.get(key)
        if raw is None:
            return None
        value = self.mapping(f"{where}.{key}", raw)
        if value is not None:
            self.unknown_keys(f"{where}.{key}", value, allowed)
        return value

    def asset(self, where: str, obj: Mapping[str, Any], key: str, use: str, clip_kind: str) -> str:
        value = obj.get(key)
        label = f"{where}.{key}"
        if not isinstance(value, str) or not value:
            self.fail(f"{label} is required (an asset id string), got {_show(value)}")
            return ""
        if self.assets is not None:
            found = self.assets.get(value)
            if found is None:
                self.fail(f"{label} {_show(value)} is not a known asset")
            elif found.kind not in _ASSET_KIND_FOR[use]:
                kind = found.kind if found.kind in ASSET_KINDS else "unknown"
                needed = " or ".join(_ARTICLE[k] for k in _ASSET_KIND_FOR[use])
                self.fail(
                    f"{label} {_show(value)} is {_ARTICLE.get(kind, 'an unknown')} asset, {clip_kind} needs {needed}"
                )
        return value

    def media_duration(self, asset_id: str) -> float | None:
        if self.assets is None:
            return None
        found = self.assets.get(asset_id)
        if found is None or found.kind not in ("audio", "video"):
            return None
        return found.duration

    def text_value(self, where: str, obj: Mapping[str, Any], key: str) -> str:
        value = obj.get(key)
        if not isinstance(value, str) or not value.strip():
            self.fail(f"{where}.{key} must be a non-empty string, got {_show(value)}")
            return " "
        if len(value) > MAX_TEXT_LENGTH:
            self.fail(f"{where}.{key} is too long ({len(value)} characters, at most {MAX_TEXT_LENGTH})")
        return value

    def color_list(self, where: str, obj: Mapping[str, Any], key: str) -> list[str]:
        raw = obj.get(key)
        if not isinstance(raw, list) or not 2 <= len(raw) <= 8:
            self.fail(f"{where}.{key} must be a list of 2 to 8 colours, got {_show(raw)}")
            return ["#000000", "#ffffff"]
        return [
            self.color(f"{where}.{key}", {str(i): c for i, c in enumerate(raw)}, str(i), None) for i in range(len(raw))
        ]

    # -- sections ---------------------------------------------------------
    def output(self, raw: Any) -> dict[str, Any]:
        obj = self.mapping("output", raw) if raw is not None else {}
        obj = obj if obj is not None else {}
        self.unknown_keys(
            "output", obj, frozenset({"size", "aspect", "fps", "format", "quality", "duration", "range", "poster"})
        )
        size = obj.get("size", "720p")
        size = "720p" if size is None else size
        width, height = 1280, 720
        aspect = obj.get("aspect")
        if isinstance(size, str):
            if size not in SIZES:
                self.fail(f'output.size must be one of {", ".join(SIZES)} or {{"width", "height"}}; got {_show(size)}')
                size = "720p"
            aspect = self.choice("output", obj, "aspect", "16:9", tuple(ASPECTS))
            width, height = output_size(size, aspect)
        elif isinstance(size, dict):
            self.unknown_keys("output.size", size, frozenset({"width", "height"}))
            for key in ("width", "height"):
                if size.get(key) is None:
                    self.fail(f"output.size.{key} is required (an even number between {MIN_SIZE} and {MAX_SIZE})")
            width = self.integer("output.size", size, "width", 1280, MIN_SIZE, MAX_SIZE, even=True) or 1280
            height = self.integer("output.size", size, "height", 720, MIN_SIZE, MAX_SIZE, even=True) or 720
            if aspect is not None:
                self.fail('output.aspect only applies to a preset size (like "720p"), not to {width, height}')
            aspect = None
        else:
            self.fail(f'output.size must be a preset like "720p" or {{"width", "height"}}, got {_type_name(size)}')
        fps = self.number("output", obj, "fps", 30.0, 1.0, 60.0, describe="a number between 1 and 60")
        duration: float | None = None
        if obj.get("duration") is not None:
            duration = self.number(
                "output",
                obj,
                "duration",
                1.0,
                0.0,
                MAX_DURATION,
                lo_inclusive=False,
                describe=f"a number of seconds greater than 0 and at most {MAX_DURATION:g}",
            )
        rng = self.sub("output", obj, "range", frozenset({"start", "end"})) or {}
        r_start = self.seconds("output.range", rng, "start", 0.0)
        r_end: float | None = None
        if rng.get("end") is not None:
            r_end = self.positive("output.range", rng, "end", 1.0)
            if r_end <= r_start:
                self.fail(f"output.range.end ({r_end:g}) must be after output.range.start ({r_start:g})")
        poster = self.sub("output", obj, "poster", frozenset({"at"})) or {}
        at = self.seconds("output.poster", poster, "at", -1.0) if poster.get("at") is not None else None
        return {
            "width": width,
            "height": height,
            "size": size,
            "aspect": aspect,
            "fps": fps,
            "format": self.choice("output", obj, "format", "mp4", FORMATS),
            "quality": self.choice("output", obj, "quality", "medium", QUALITIES),
            "duration": duration,
            "range": {"start": r_start, "end": r_end},
            "poster": {"at": at},
        }

    def duck(self, where: str, obj: Mapping[str, Any], default: dict[str, float]) -> dict[str, float]:
        raw = self.sub(where, obj, "duck", frozenset({"level", "attack", "release"}))
        if raw is None:
            return dict(default)
        label = f"{where}.duck"
        return {
            "level": self.number(label, raw, "level", default["level"], 0.0, 1.0),
            "attack": self.seconds(label, raw, "attack", default["attack"]),
            "release": self.seconds(label, raw, "release", default["release"]),
        }

    def soundtrack(self, raw: Any) -> dict[str, Any] | None:
        if raw is None:
            return None
        obj = self.mapping("soundtrack", raw)
        if obj is None:
            return None
        where = "soundtrack"
        self.unknown_keys(where, obj, frozenset({"asset", "volume", "fade_in", "fade_out", "trim", "loop", "duck"}))
        trim = self.sub(where, obj, "trim", frozenset({"start"})) or {}
        return {
            "asset": self.asset(where, obj, "asset", "soundtrack", "a soundtrack"),
            "volume": self.number(where, obj, "volume", 1.0, 0.0, 2.0),
            "fade_in": self.seconds(where, obj, "fade_in", 0.0),
            "fade_out": self.seconds(where, obj, "fade_out", 0.0),
            "trim": {"start": self.seconds(f"{where}.trim", trim, "start", 0.0)},
            "loop": self.boolean(where, obj, "loop", False),
            "duck": self.duck(where, obj, DUCK_DEFAULT),
        }

    def keyframes(self, where: str, obj: Mapping[str, Any], kind: str) -> dict[str, list[dict[str, Any]]]:
        allowed = _KEYFRAME_PROPS[kind]
        raw = self.sub(where, obj, "keyframes", frozenset(allowed))
        out: dict[str, list[dict[str, Any]]] = {}
        if raw is None:
            return out
        for prop, frames in raw.items():
            if prop not in allowed:
                continue
            label = f"{where}.keyframes.{prop}"
            if not isinstance(frames, list) or not 1 <= len(frames) <= MAX_KEYFRAMES:
                self.fail(f"{label} must be a list of 1 to {MAX_KEYFRAMES} keyframes, got {_show(frames)}")
                continue
            lo, hi = _PROP_RANGES[prop]
            result: list[dict[str, Any]] = []
            last_t = -math.inf
            for i, frame in enumerate(frames):
                fl = f"{label}[{i}]"
                fobj = self.mapping(fl, frame)
                if fobj is None:
                    continue
                self.unknown_keys(fl, fobj, frozenset({"t", "value", "easing"}))
                if fobj.get("t") is None or fobj.get("value") is None:
                    self.fail(f"{fl} needs both t (seconds from the clip start) and value")
                    continue
                t = self.seconds(fl, fobj, "t", 0.0)
                if prop == "scale":
                    value = self.positive(fl, fobj, "value", 1.0, hi)
                else:
                    value = self.number(fl, fobj, "value", lo, lo, hi)
                if t <= last_t:
                    self.fail(f"{fl}.t ({t:g}) must be after the previous keyframe's t ({last_t:g})")
                last_t = max(last_t, t)
                result.append({"t": t, "value": value, "easing": self.choice(fl, fobj, "easing", "linear", EASINGS)})
            out[prop] = result
        return out

    def transition(self, where: str, obj: Mapping[str, Any], audio_only: bool) -> dict[str, Any]:
        raw = self.sub(where, obj, "transition", frozenset({"in", "out"}))
        out: dict[str, Any] = {"in": None, "out": None}
        if raw is None:
            return out
        types = ("fade",) if audio_only else TRANSITIONS
        for side in ("in", "out"):
            item = self.sub(f"{where}.transition", raw, side, frozenset({"type", "duration"}))
            if item is None:
                continue
            label = f"{where}.transition.{side}"
            if item.get("type") is None:
                self.fail(f"{label}.type is required (one of {', '.join(types)})")
            out[side] = {
                "type": self.choice(label, item, "type", "fade", types),
                "duration": self.positive(label, item, "duration", 0.5),
            }
        return out

    def trim(self, where: str, obj: Mapping[str, Any]) -> dict[str, Any]:
        raw = self.sub(where, obj, "trim", frozenset({"start", "end"})) or {}
        start = self.seconds(f"{where}.trim", raw, "start", 0.0)
        end: float | None = None
        if raw.get("end") is not None:
            end = self.positive(f"{where}.trim", raw, "end", 1.0)
            if end <= start:
                self.fail(f"{where}.trim.end ({end:g}) must be after trim.start ({start:g})")
                end = None
        return {"start": start, "end": end}

    def visual(self, where: str, obj: Mapping[str, Any], kind: str, out: dict[str, Any]) -> None:
        default_position = "bottom" if kind == "captions" else "center"
        out["position"] = self.choice(where, obj, "position", default_position, POSITIONS)
        offset = self.sub(where, obj, "offset", frozenset({"x", "y"})) or {}
        out["offset"] = {
            "x": self.number(f"{where}.offset", offset, "x", 0.0, -1.0, 1.0),
            "y": self.number(f"{where}.offset", offset, "y", 0.0, -1.0, 1.0),
        }
        out["scale"] = self.positive(where, obj, "scale", 1.0, 10.0)
        out["opacity"] = self.number(where, obj, "opacity", 1.0, 0.0, 1.0)
        out["rotation"] = self.number(where, obj, "rotation", 0.0, -3600.0, 3600.0)
        if kind in ("image", "video"):
            out["fit"] = self.choice(where, obj, "fit", "cover", FITS)
            out["effect"] = self.effect(where, obj)

    def effect(self, where: str, obj: Mapping[str, Any]) -> dict[str, Any] | None:
        raw = self.sub(where, obj, "effect", frozenset({"type", "zoom", "pan"}))
        if raw is None:
            return None
        label = f"{where}.effect"
        if raw.get("type") != "ken_burns":
            self.fail(f"{label}.type must be ken_burns, got {_show(raw.get('type'))}")
        zoom = raw.get("zoom", [1.0, 1.2])
        zoom = [1.0, 1.2] if zoom is None else zoom
        if not (isinstance(zoom, list) and len(zoom) == 2 and all(_is_number(z) and 1 <= z <= 5 for z in zoom)):
            self.fail(f"{label}.zoom must be [from, to], each a number from 1 to 5, got {_show(zoom)}")
            zoom = [1.0, 1.2]
        pan = self.sub(label, raw, "pan", frozenset({"from", "to"})) or {}
        points: dict[str, list[float]] = {}
        for key in ("from", "to"):
            point = pan.get(key, [0, 0])
            point = [0, 0] if point is None else point
            if not (isinstance(point, list) and len(point) == 2 and all(_is_number(p) and -1 <= p <= 1 for p in point)):
                self.fail(f"{label}.pan.{key} must be [x, y], each a number from -1 to 1, got {_show(point)}")
                point = [0, 0]
            points[key] = [float(p) for p in point]
        return {"type": "ken_burns", "zoom": [float(z) for z in zoom], "pan": points}

    def text_style(self, where: str, obj: Mapping[str, Any], out: dict[str, Any], captions: bool) -> None:
        font = self.sub(where, obj, "font", frozenset({"asset"}))
        out["font"] = {"asset": self.asset(f"{where}.font", font, "asset", "font", "a text clip")} if font else None
        out["size"] = self.number(where, obj, "size", 48.0 if captions else 64.0, 4.0, 1000.0)
        out["color"] = self.color(where, obj, "color", "#ffffff")
        out["bold"] = self.boolean(where, obj, "bold", False)
        if "stroke" in obj and obj["stroke"] is None:
            stroke_raw = None
        else:
            stroke_raw = self.sub(where, obj, "stroke", frozenset({"color", "width"}))
            if stroke_raw is None and captions:
                stroke_raw = {"color": "#000000", "width": 3}
        out["stroke"] = (
            {
                "color": self.color(f"{where}.stroke", stroke_raw, "color", "#000000"),
                "width": self.number(f"{where}.stroke", stroke_raw, "width", 2.0, 0.0, 50.0),
            }
            if stroke_raw is not None
            else None
        )
        box = self.sub(where, obj, "box", frozenset({"color", "opacity", "padding"}))
        out["box"] = (
            {
                "color": self.color(f"{where}.box", box, "color", "#000000"),
                "opacity": self.number(f"{where}.box", box, "opacity", 0.6, 0.0, 1.0),
                "padding": self.number(f"{where}.box", box, "padding", 16.0, 0.0, 500.0),
            }
            if box is not None
            else None
        )
        out["align"] = self.choice(where, obj, "align", "center", ALIGNS)
        out["max_width"] = self.number(
            where,
            obj,
            "max_width",
            0.8 if captions else 0.9,
            0.0,
            1.0,
            lo_inclusive=False,
            describe="a fraction of the frame width greater than 0 and at most 1",
        )
        out["line_height"] = self.number(where, obj, "line_height", 1.2, 0.5, 5.0)

    def caption_lines(self, where: str, obj: Mapping[str, Any]) -> list[dict[str, Any]]:
        has_lines, has_srt = obj.get("lines") is not None, obj.get("srt") is not None
        if has_lines == has_srt:
            self.fail(f"{where} needs exactly one of lines or srt")
            return []
        if has_srt:
            srt = obj["srt"]
            if not isinstance(srt, str):
                self.fail(f"{where}.srt must be SubRip text (a string), got {_type_name(srt)}")
                return []
            try:
                raw_lines: list[Any] = list(parse_srt(srt))
            except SrtError as exc:
                self.fail(f"{where}.srt is not valid SubRip: {exc}")
                return []
            label = f"{where}.srt"
        else:
            raw_lines = obj["lines"] if isinstance(obj["lines"], list) else []
            if not isinstance(obj["lines"], list) or not raw_lines:
                self.fail(f"{where}.lines must be a non-empty list of {{start, end, text}}, got {_show(obj['lines'])}")
                return []
            label = f"{where}.lines"
        if len(raw_lines) > MAX_CAPTION_LINES:
            self.fail(f"{label} has too many lines ({len(raw_lines)}, at most {MAX_CAPTION_LINES})")
            return []
        lines: list[dict[str, Any]] = []
        for i, raw in enumerate(raw_lines):
            ll = f"{label}[{i}]"
            item = self.mapping(ll, raw)
            if item is None:
                continue
            self.unknown_keys(ll, item, frozenset({"start", "end", "text"}))
            start = self.seconds(ll, item, "start", 0.0)
            if item.get("end") is None:
                self.fail(f"{ll}.end is required (seconds from the clip start)")
                continue
            end = self.positive(ll, item, "end", start + 1)
            if end <= start:
                self.fail(f"{ll}.end ({end:g}) must be after its start ({start:g})")
            lines.append({"start": start, "end": end, "text": self.text_value(ll, item, "text")})
        return lines

    def clip(self, where: str, raw: Any) -> dict[str, Any] | None:
        obj = self.mapping(where, raw)
        if obj is None:
            return None
        kind = obj.get("type")
        if kind not in CLIP_TYPES:
            self.fail(f"{where}.type must be one of {', '.join(CLIP_TYPES)}; got {_show(kind)}")
            return None
        self.unknown_keys(where, obj, _CLIP_KEYS[kind])
        out: dict[str, Any] = {"type": kind}
        if obj.get("name") is not None:
            if not isinstance(obj["name"], str):
                self.fail(f"{where}.name must be a string, got {_show(obj['name'])}")
            else:
                out["name"] = obj["name"]
        if kind in VISUAL_TYPES:
            self.visual(where, obj, kind, out)
        if kind == "color":
            out["color"] = self.color(where, obj, "color", None)
            for key in ("width", "height"):
                out[key] = self.number(
                    where,
                    obj,
                    key,
                    1.0,
                    0.0,
                    1.0,
                    lo_inclusive=False,
                    describe="a fraction of the frame, > 0 and at most 1",
                )
        elif kind == "gradient":
            out["colors"] = self.color_list(where, obj, "colors")
            out["angle"] = self.number(where, obj, "angle", 180.0, -3600.0, 3600.0)
            out["kind"] = self.choice(where, obj, "kind", "linear", GRADIENTS)
        elif kind == "image":
            out["asset"] = self.asset(where, obj, "asset", "image", "an image clip")
        elif kind == "video":
            out["asset"] = self.asset(where, obj, "asset", "video", "a video clip")
            out["trim"] = self.trim(where, obj)
            out["volume"] = self.number(where, obj, "volume", 1.0, 0.0, 2.0)
            out["mute"] = self.boolean(where, obj, "mute", False)
        elif kind == "text":
            out["text"] = self.text_value(where, obj, "text")
            self.text_style(where, obj, out, captions=False)
        elif kind == "captions":
            out["lines"] = self.caption_lines(where, obj)
            self.text_style(where, obj, out, captions=True)
        elif kind == "audio":
            out["asset"] = self.asset(where, obj, "asset", "audio", "an audio clip")
            out["volume"] = self.number(where, obj, "volume", 1.0, 0.0, 2.0)
            out["fade_in"] = self.seconds(where, obj, "fade_in", 0.0)
            out["fade_out"] = self.seconds(where, obj, "fade_out", 0.0)
            out["trim"] = self.trim(where, obj)
            out["role"] = self.choice(where, obj, "role", "effect", ROLES)
            out["duck"] = self.duck(where, obj, DUCK_DEFAULT)
            out["loop"] = self.boolean(where, obj, "loop", False)
        elif kind == "tone":
            out["frequency"] = self.number(where, obj, "frequency", 440.0, 20.0, 20000.0)
            out["volume"] = self.number(where, obj, "volume", 0.1, 0.0, 2.0)
            out["fade_in"] = self.seconds(where, obj, "fade_in", 0.01)
            out["fade_out"] = self.seconds(where, obj, "fade_out", 0.01)
            out["role"] = self.choice(where, obj, "role", "effect", ROLES)
        out["keyframes"] = self.keyframes(where, obj, kind)
        out["transition"] = self.transition(where, obj, audio_only=kind in AUDIO_TYPES)
        out["crossfade_out"] = 0.0
        return out

    def natural_length(self, where: str, clip: dict[str, Any]) -> float | None:
        """A clip's ``"auto"`` length, or None when unknown (assets not given)."""
        kind = clip["type"]
        if kind == "captions":
            return max((line["end"] for line in clip["lines"]), default=None)
        media = self.media_duration(clip.get("asset", ""))
        if media is None:
            return None
        trim = clip["trim"]
        end = media if trim["end"] is None else min(trim["end"], media)
        if trim["start"] >= end:
            self.fail(f"{where}.trim.start ({trim['start']:g}) is past the end of the media ({media:g} s)")
            return None
        return float(end) - float(trim["start"])

    def timing(self, where: str, obj: Mapping[str, Any], clip: dict[str, Any], prev: tuple[str, float | None]) -> None:
        """Resolve ``start``/``length``/``end``; ``prev`` is the previous clip's (state, end)."""
        kind = clip["type"]
        raw_start = obj.get("start")
        start: float | None
        if raw_start is not None:
            start = self.seconds(where, obj, "start", 0.0)
        elif prev[0] == "none":
            start = 0.0
        elif prev[0] == "until_end":
            self.fail(f"{where}.start is needed: the previous clip lasts until the end of the video")
            start = 0.0
        else:
            start = prev[1]  # None when unknown
        default_length = "auto" if kind in (*MEDIA_TYPES, "captions") else "end"
        length = obj.get("length", default_length)
        length = default_length if length is None else length
        end: float | None = None
        state = "known"
        if length == "end":
            state = "until_end"
        elif length == "auto":
            if kind not in (*MEDIA_TYPES, "captions"):
                self.fail(
                    f'{where}.length "auto" only applies to video, audio and captions clips (use seconds or "end")'
                )
                state = "until_end"
            else:
                natural = self.natural_length(where, clip)
                if natural is None:
                    state = "unknown"
                elif start is not None:
                    end = start + natural
        elif _is_number(length) and float(length) > 0:
            if start is not None:
                end = start + float(length)
        else:
            self.fail(
                f'{where}.length must be a number of seconds greater than 0, "end" or "auto"; got {_show(length)}'
            )
            state = "until_end"
        if start is None:
            state = "unknown"
        clip["start"] = start
        clip["length"] = length
        clip["end"] = end
        clip["_state"] = state

    def tracks(self, raw: Any) -> list[dict[str, Any]]:
        if raw is None:
            return []
        if not isinstance(raw, list):
            self.fail(f"tracks must be a list, got {_type_name(raw)}")
            return []
        if len(raw) > MAX_TRACKS:
            self.fail(f"tracks has {len(raw)} tracks, at most {MAX_TRACKS} are allowed")
            return []
        tracks: list[dict[str, Any]] = []
        for ti, traw in enumerate(raw):
            where = f"tracks[{ti}]"
            tobj = self.mapping(where, traw)
            if tobj is None:
                continue
            self.unknown_keys(where, tobj, frozenset({"name", "crossfade", "clips"}))
            crossfade = self.seconds(where, tobj, "crossfade", 0.0)
            clips_raw = tobj.get("clips", [])
            clips_raw = [] if clips_raw is None else clips_raw
            if not isinstance(clips_raw, list) or len(clips_raw) > MAX_CLIPS:
                self.fail(f"{where}.clips must be a list of at most {MAX_CLIPS} clips")
                clips_raw = []
            clips: list[dict[str, Any]] = []
            prev: tuple[str, float | None] = ("none", None)
            prev_clip: dict[str, Any] | None = None
            for ci, craw in enumerate(clips_raw):
                cw = f"{where}.clips[{ci}]"
                clip = self.clip(cw, craw)
                if clip is None:
                    continue
                assert isinstance(craw, dict)
                if prev[0] == "known" and prev[1] is not None and craw.get("start") is None:
                    prev = ("known", max(0.0, prev[1] - crossfade))
                self.timing(cw, craw, clip, prev)
                if crossfade > 0 and prev_clip is not None:
                    self.crossfade(prev_clip, clip, crossfade)
                prev = (clip["_state"], clip["end"])
                prev_clip = clip
                clips.append(clip)
            track: dict[str, Any] = {"crossfade": crossfade, "clips": clips}
            if isinstance(tobj.get("name"), str):
                track["name"] = tobj["name"]
            tracks.append(track)
        return tracks

    @staticmethod
    def crossfade(prev: dict[str, Any], clip: dict[str, Any], crossfade: float) -> None:
        """Fade ``clip`` in over its overlap with ``prev`` (and ``prev``'s sound out)."""
        if prev["end"] is None or clip["start"] is None:
            return
        overlap = min(crossfade, prev["end"] - clip["start"])
        if overlap <= 0:
            return
        if clip["transition"]["in"] is None:
            clip["transition"]["in"] = {"type": "fade", "duration": overlap}
        prev["crossfade_out"] = overlap


def _finish(check: _V2, out: dict[str, Any], duration_given: float | None) -> None:
    """Settle the duration, the ``"end"`` lengths, the range and the poster time; check the fits."""
    output = out["output"]
    clips = [(f"tracks[{ti}].clips[{ci}]", c) for ti, t in enumerate(out["tracks"]) for ci, c in enumerate(t["clips"])]
    unknown = any(c["_state"] == "unknown" for _, c in clips)
    duration = duration_given
    if duration is None:
        ends = [c["end"] for _, c in clips if c["end"] is not None]
        if unknown:
            duration = None
        elif not ends:
            check.fail("output.duration is needed: no clip has a definite end (give output.duration or clip lengths)")
        else:
            duration = max(ends)
            if duration > MAX_DURATION:
                check.fail(f"the clips last {duration:g} s; a video is at most {MAX_DURATION:g} s")
    output["duration"] = duration
    for where, clip in clips:
        state = clip.pop("_state")
        if state == "until_end" and clip["start"] is not None:
            clip["end"] = duration
        start, end = clip["start"], clip["end"]
        if duration is not None and start is not None and start >= duration:
            check.fail(
                f"{where}.start ({start:g}) must be before the end of the video (the duration is {duration:g} s)"
            )
            continue
        if start is None or end is None:
            continue
        length = end - start
        tr = clip["transition"]
        total = sum(tr[side]["duration"] for side in ("in", "out") if tr[side] is not None)
        if total > length + 1e-9:
            check.fail(f"{where}.transition in + out ({total:g} s) is longer than the clip ({length:g} s)")
        if clip["type"] in AUDIO_TYPES and clip["fade_in"] + clip["fade_out"] > length + 1e-9:
            check.fail(f"{where}.fade_in + fade_out is longer than the clip ({length:g} s)")
    rng = output["range"]
    if duration is not None:
        if rng["start"] >= duration:
            check.fail(f"output.range.start ({rng['start']:g}) must be before the end of the video ({duration:g} s)")
        if rng["end"] is not None and rng["end"] > duration + 1e-9:
            check.fail(f"output.range.end ({rng['end']:g}) is past the end of the video ({duration:g} s)")
        end = rng["end"] if rng["end"] is not None else duration
        length = max(0.0, end - rng["start"])
        at = output["poster"]["at"]
        if at is None:
            at = rng["start"] + min(1.0, length / 2)
        output["poster"]["at"] = min(max(at, rng["start"]), max(rng["start"], end - 1.0 / output["fps"]))


def normalise_v2(composition: Mapping[str, Any], assets: Mapping[str, AssetFile] | None = None) -> dict[str, Any]:
    """Check a version-2 composition and return it with every default filled in and times resolved.

    Every clip gets ``start`` and ``end`` (seconds on the timeline; ``None``
    only when they depend on media lengths and ``assets`` was not given) and
    ``crossfade_out`` (seconds its sound fades out under the next clip).
    Raises :class:`RenderError` listing every problem.
    """
    check = _V2(assets)
    if not isinstance(composition, Mapping):
        raise RenderError(f"the composition must be an object, got {_type_name(composition)}")
    check.unknown_keys("", composition, frozenset({"version", "output", "background", "soundtrack", "tracks"}))
    version = composition.get("version")
    if version != VERSION or isinstance(version, bool):
        check.fail(f"version must be {VERSION}, got {_show(version)}")
    output = check.output(composition.get("output"))
    out: dict[str, Any] = {
        "version": VERSION,
        "output": output,
        "background": check.color("", composition, "background", "#000000"),
        "soundtrack": check.soundtrack(composition.get("soundtrack")),
        "tracks": check.tracks(composition.get("tracks")),
    }
    _finish(check, out, output["duration"])
    if check.problems:
        count = len(check.problems)
        summary = check.problems[0] if count == 1 else f"{check.problems[0]} (and {count - 1} more problems)"
        raise RenderError(f"the composition is not valid: {summary}", problems=check.problems)
    return out


def upgrade_v1(v1: Mapping[str, Any]) -> dict[str, Any]:
    """A version-2 document equivalent to a *normalised* version-1 one."""
    output = v1["output"]
    width, height = int(output["width"]), int(output["height"])
    tracks: list[dict[str, Any]] = []
    for layer in v1["layers"]:
        clip: dict[str, Any] = {
            "type": layer["type"],
            "start": layer["start"],
            "length": "end" if layer["end"] is None else float(layer["end"]) - float(layer["start"]),
            "opacity": layer["opacity"],
            "position": layer["position"],
            "offset": {"x": layer["offset"]["x"] / width, "y": layer["offset"]["y"] / height},
        }
        if layer["end"] is not None and float(layer["end"]) > float(output["duration"]):
            clip["length"] = "end"
        transition: dict[str, Any] = {}
        if layer["fade_in"] > 0:
            transition["in"] = {"type": "fade", "duration": layer["fade_in"]}
        if layer["fade_out"] > 0:
            transition["out"] = {"type": "fade", "duration": layer["fade_out"]}
        if transition:
            clip["transition"] = transition
        if layer["type"] == "text":
            for key in ("text", "color", "size", "bold", "max_width", "line_height", "align"):
                clip[key] = layer[key]
        else:
            clip["color"] = layer["color"]
            if layer.get("width") is not None or layer.get("height") is not None:
                w = layer["width"] if layer.get("width") is not None else width
                h = layer["height"] if layer.get("height") is not None else height
                # v1 boxes may be larger than the frame; v2 caps at the frame, which draws the same.
                clip["width"] = min(1.0, w / width)
                clip["height"] = min(1.0, h / height)
                clip["_pixels"] = [int(w), int(h)]
            else:
                clip["position"] = "center"
        tracks.append({"clips": [clip]})
    audio = v1.get("audio")
    if audio is not None:
        tracks.append(
            {
                "clips": [
                    {
                        "type": "tone",
                        "length": "end",
                        "frequency": audio["tone_hz"],
                        "volume": audio["volume"],
                        "fade_in": 0.01,
                        "fade_out": 0.01,
                    }
                ]
            }
        )
    return {
        "version": VERSION,
        "output": {
            "size": {"width": width, "height": height},
            "fps": output["fps"],
            "duration": output["duration"],
            "poster": {"at": output["thumbnail_at"]},
        },
        "background": v1["background"],
        "tracks": tracks,
    }


def _check_version(composition: Any) -> None:
    if isinstance(composition, Mapping) and "version" in composition:
        version = composition["version"]
        if isinstance(version, bool) or version not in (1, VERSION):
            message = f"version must be 1 or 2, got {_show(version)}"
            raise RenderError(f"the composition is not valid: {message}", problems=[message])


def normalise_any(composition: Any, assets: Mapping[str, AssetFile] | None = None) -> dict[str, Any]:
    """Normalise a v1 or v2 document into the v2 shape the engine renders."""
    _check_version(composition)
    if isinstance(composition, Mapping) and composition.get("version") == VERSION:
        return normalise_v2(composition, assets)
    v1 = normalise_v1(composition)
    upgraded = upgrade_v1(v1)
    pixels = [c.pop("_pixels", None) for t in upgraded["tracks"] for c in t["clips"]]
    result = normalise_v2(upgraded, assets)
    # Keep v1's exact pixel boxes (fractions could round a pixel differently).
    for clip, box in zip((c for t in result["tracks"] for c in t["clips"]), pixels, strict=True):
        if box is not None:
            clip["_pixels"] = box
    return result


def normalise(composition: Any, assets: Mapping[str, AssetFile] | None = None) -> dict[str, Any]:
    """Check a composition (v1 or v2) and return it with defaults filled in.

    Version 1 documents come back in the version-1 shape (unchanged
    behaviour); version 2 documents as :func:`normalise_v2` returns them.
    """
    _check_version(composition)
    if isinstance(composition, Mapping) and composition.get("version") == VERSION:
        return normalise_v2(composition, assets)
    return normalise_v1(composition)
