"""The composition checker: walks a document, collects problems in words, fills defaults (no FFmpeg).

:class:`Checker` holds the small field checks every part of a composition uses (numbers in a range,
colours, choices, asset ids of the right kinds...).  Each check records a human message naming the
field (``tracks[0].clips[2].length must be ...``) and returns a usable default, so one walk reports
every problem at once.  :mod:`renderer.timeline` walks the common parts; each clip type's own
checks (:mod:`renderer.clips`) call these helpers.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Any

from .assets import ASSET_KINDS, AssetFile

POSITIONS = ("center", "top", "bottom", "left", "right", "top_left", "top_right", "bottom_left", "bottom_right")
ALIGNS = ("left", "center", "right")
MAX_TEXT_LENGTH = 5000
SECONDS = "a number of seconds, 0 or more"
DUCK_DEFAULT = {"level": 0.3, "attack": 0.2, "release": 0.4}

_COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
_ARTICLE = {"image": "an image", "video": "a video", "audio": "an audio", "font": "a font"}


def show(value: Any) -> str:
    """Render a user-supplied value the way they would have written it in JSON."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return text


def field(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def type_name(value: Any) -> str:
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


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


class Checker:
    """Collects problems while walking a composition."""

    def __init__(self, assets: Mapping[str, AssetFile] | None = None) -> None:
        self.problems: list[str] = []
        self.assets = assets
        # name -> the raw clip, for every named clip that says words (captions can follow one).
        self.spoken: dict[str, Mapping[str, Any]] = {}

    def fail(self, message: str) -> None:
        self.problems.append(message)

    def unknown_keys(self, where: str, obj: Mapping[str, Any], allowed: frozenset[str]) -> None:
        for key in obj:
            if key not in allowed:
                name = field(where, str(key))
                hint = ", ".join(sorted(allowed))
                self.fail(f"{name} is not a known field (expected one of: {hint})")

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
        low_ok = is_number(value) and (value >= lo if lo_inclusive else value > lo)
        if not (low_ok and value <= hi):
            if describe is None:
                low = f"at least {lo:g}" if lo_inclusive else f"greater than {lo:g}"
                describe = f"a number {low} and at most {hi:g}"
            self.fail(f"{field(where, key)} must be {describe}, got {show(value)}")
            return default
        return float(value)

    def color(self, where: str, obj: Mapping[str, Any], key: str, default: str | None) -> str:
        if key not in obj or obj[key] is None:
            if default is None:
                self.fail(f'{field(where, key)} is required (a colour like "#ff8800")')
                return "#000000"
            return default
        value = obj[key]
        if not isinstance(value, str) or not _COLOR_RE.match(value):
            self.fail(
                f'{field(where, key)} must be a colour written as "#RRGGBB" (for example "#ff8800"), got {show(value)}'
            )
            return default or "#000000"
        return value.lower()

    def choice(self, where: str, obj: Mapping[str, Any], key: str, default: str, options: tuple[str, ...]) -> str:
        if key not in obj or obj[key] is None:
            return default
        value = obj[key]
        if not isinstance(value, str) or value not in options:
            self.fail(f"{field(where, key)} must be one of {', '.join(options)}; got {show(value)}")
            return default
        return value

    def boolean(self, where: str, obj: Mapping[str, Any], key: str, default: bool) -> bool:
        if key not in obj or obj[key] is None:
            return default
        value = obj[key]
        if not isinstance(value, bool):
            self.fail(f"{field(where, key)} must be true or false, got {show(value)}")
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
        ok = is_number(value) and float(value).is_integer() and lo <= value <= hi
        if ok and even:
            ok = int(value) % 2 == 0
        if not ok:
            kind = "an even number" if even else "a whole number"
            self.fail(f"{field(where, key)} must be {kind} between {lo} and {hi}, got {show(value)}")
            return default
        return int(value)

    def mapping(self, where: str, value: Any) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.fail(f"{where} must be an object, got {type_name(value)}")
            return None
        return value

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

    def asset(self, where: str, obj: Mapping[str, Any], key: str, kinds: tuple[str, ...], user: str) -> str:
        """An asset id; with ``assets`` known, it must exist and be one of ``kinds`` (``user`` needs it)."""
        value = obj.get(key)
        label = f"{where}.{key}"
        if not isinstance(value, str) or not value:
            self.fail(f"{label} is required (an asset id string), got {show(value)}")
            return ""
        if self.assets is not None:
            found = self.assets.get(value)
            if found is None:
                self.fail(f"{label} {show(value)} is not a known asset")
            elif found.kind not in kinds:
                kind = found.kind if found.kind in ASSET_KINDS else "unknown"
                needed = " or ".join(_ARTICLE[k] for k in kinds)
                self.fail(f"{label} {show(value)} is {_ARTICLE.get(kind, 'an unknown')} asset, {user} needs {needed}")
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
            self.fail(f"{where}.{key} must be a non-empty string, got {show(value)}")
            return " "
        if len(value) > MAX_TEXT_LENGTH:
            self.fail(f"{where}.{key} is too long ({len(value)} characters, at most {MAX_TEXT_LENGTH})")
        return value

    def color_list(self, where: str, obj: Mapping[str, Any], key: str) -> list[str]:
        raw = obj.get(key)
        if not isinstance(raw, list) or not 2 <= len(raw) <= 8:
            self.fail(f"{where}.{key} must be a list of 2 to 8 colours, got {show(raw)}")
            return ["#000000", "#ffffff"]
        return [
            self.color(f"{where}.{key}", {str(i): c for i, c in enumerate(raw)}, str(i), None) for i in range(len(raw))
        ]

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

    def duck(self, where: str, obj: Mapping[str, Any], default: dict[str, float]) -> dict[str, float]:
        """Music ducking under voice (the soundtrack's and ``music`` clips')."""
        raw = self.sub(where, obj, "duck", frozenset({"level", "attack", "release"}))
        if raw is None:
            return dict(default)
        label = f"{where}.duck"
        return {
            "level": self.number(label, raw, "level", default["level"], 0.0, 1.0),
            "attack": self.seconds(label, raw, "attack", default["attack"]),
            "release": self.seconds(label, raw, "release", default["release"]),
        }
