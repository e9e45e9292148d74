"""The composition's semantic checks, defaults and timing (no FFmpeg here).

:func:`normalise` walks a document, reports every problem in words
(``tracks[0].clips[2].length must be ...``) and returns a copy with every
default filled in and every clip's ``start``/``end`` resolved.  Asset checks
(existence, kind, natural lengths) happen when ``assets`` is given; without
it the document's shape and arithmetic are still checked, which is what the
API does before the assets are resolved.

This module owns what every clip shares (timing, keyframes, transitions) and the
rest of the document (output, soundtrack, tracks); each clip type's own fields are
checked by its module in :mod:`renderer.clips`.  See docs/composition.md.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from .assets import AssetFile
from .checks import DUCK_DEFAULT, Checker, is_number, show, type_name
from .clips import BY_NAME, CLIP_TYPES
from .clips.spec import MAX_KEYFRAMES, ClipType
from .clips.spoken import spoken_by_name
from .errors import RenderError

VERSION = 2
MAX_DURATION = 600.0
MAX_TRACKS = 32
MAX_CLIPS = 500
MIN_SIZE, MAX_SIZE = 16, 3840

SIZES = {"240p": 240, "360p": 360, "480p": 480, "720p": 720, "1080p": 1080, "1440p": 1440, "2160p": 2160}
ASPECTS = {"16:9": (16, 9), "9:16": (9, 16), "1:1": (1, 1), "4:5": (4, 5)}
FORMATS = ("mp4", "webm", "gif", "jpg")
QUALITIES = ("draft", "low", "medium", "high")
EASINGS = ("linear", "ease_in", "ease_out", "ease_in_out", "hold")
TRANSITIONS = ("fade", "slide_left", "slide_right", "slide_up", "slide_down", "wipe_left", "wipe_right", "zoom")
CLIP_NAMES = tuple(c.name for c in CLIP_TYPES)
SOUND_ONLY = tuple(c.name for c in CLIP_TYPES if c.sound_only)
AUTO_LENGTH = tuple(c.name for c in CLIP_TYPES if c.natural_length is not None)  # "auto" means something
_AUTO_CLIPS = ", ".join(AUTO_LENGTH[:-1]) + " and " + AUTO_LENGTH[-1]
COMMON_FIELDS = frozenset({"type", "name", "start", "length", "keyframes", "transition"})
SOUNDTRACK_KINDS = ("audio", "video")


def output_size(size: str, aspect: str) -> tuple[int, int]:
    """Pixel size for a preset (``720p`` names the short side) and an aspect ratio."""
    short = SIZES[size]
    a, b = ASPECTS[aspect]
    long_side = short * max(a, b) / min(a, b)
    long_even = int(round(long_side / 2) * 2)
    return (long_even, short) if a >= b else (short, long_even)


class _Walker(Checker):
    """The version-2 walker: fills defaults, resolves time, collects problems."""

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
                self.fail(f'output.size must be one of {", ".join(SIZES)} or {{"width", "height"}}; got {show(size)}')
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
            self.fail(f'output.size must be a preset like "720p" or {{"width", "height"}}, got {type_name(size)}')
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
            "asset": self.asset(where, obj, "asset", SOUNDTRACK_KINDS, "a soundtrack"),
            "volume": self.number(where, obj, "volume", 1.0, 0.0, 2.0),
            "fade_in": self.seconds(where, obj, "fade_in", 0.0),
            "fade_out": self.seconds(where, obj, "fade_out", 0.0),
            "trim": {"start": self.seconds(f"{where}.trim", trim, "start", 0.0)},
            "loop": self.boolean(where, obj, "loop", False),
            "duck": self.duck(where, obj, DUCK_DEFAULT),
        }

    def keyframes(self, where: str, obj: Mapping[str, Any], spec: ClipType) -> dict[str, list[dict[str, Any]]]:
        props = {p.name: p for p in spec.keyframes.props}
        raw = self.sub(where, obj, "keyframes", frozenset(props))
        out: dict[str, list[dict[str, Any]]] = {}
        if raw is None:
            return out
        for prop, frames in raw.items():
            if prop not in props:
                continue
            label = f"{where}.keyframes.{prop}"
            if not isinstance(frames, list) or not 1 <= len(frames) <= MAX_KEYFRAMES:
                self.fail(f"{label} must be a list of 1 to {MAX_KEYFRAMES} keyframes, got {show(frames)}")
                continue
            lo, hi = props[prop].lo, props[prop].hi
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
                if props[prop].exclusive_lo:
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

    def clip(self, where: str, raw: Any) -> dict[str, Any] | None:
        obj = self.mapping(where, raw)
        if obj is None:
            return None
        kind = obj.get("type")
        spec = BY_NAME.get(kind) if isinstance(kind, str) else None
        if spec is None:
            self.fail(f"{where}.type must be one of {', '.join(CLIP_NAMES)}; got {show(kind)}")
            return None
        self.unknown_keys(where, obj, clip_fields(spec))
        out: dict[str, Any] = {"type": kind}
        if obj.get("name") is not None:
            if not isinstance(obj["name"], str):
                self.fail(f"{where}.name must be a string, got {show(obj['name'])}")
            else:
                out["name"] = obj["name"]
        for group in spec.groups:
            group.check(self, where, obj, out, spec)
        spec.check(self, where, obj, out)
        out["keyframes"] = self.keyframes(where, obj, spec)
        out["transition"] = self.transition(where, obj, audio_only=spec.sound_only)
        out["crossfade_out"] = 0.0
        return out

    def timing(self, where: str, obj: Mapping[str, Any], clip: dict[str, Any], prev: tuple[str, float | None]) -> None:
        """Resolve ``start``/``length``/``end``; ``prev`` is the previous clip's (state, end)."""
        spec = BY_NAME[clip["type"]]
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
        default_length = "end" if spec.natural_length is None else "auto"
        length = obj.get("length", default_length)
        length = default_length if length is None else length
        end: float | None = None
        state = "known"
        if length == "end":
            state = "until_end"
        elif length == "auto":
            if spec.natural_length is None:
                self.fail(f'{where}.length "auto" only applies to {_AUTO_CLIPS} clips (use seconds or "end")')
                state = "until_end"
            else:
                natural = spec.natural_length(self, where, clip)
                if natural is None:
                    state = "unknown"
                elif start is not None:
                    end = start + natural
        elif is_number(length) and float(length) > 0:
            if start is not None:
                end = start + float(length)
        else:
            self.fail(f'{where}.length must be a number of seconds greater than 0, "end" or "auto"; got {show(length)}')
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
            self.fail(f"tracks must be a list, got {type_name(raw)}")
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


def _finish(check: _Walker, out: dict[str, Any], duration_given: float | None) -> None:
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
        if clip["type"] in SOUND_ONLY and clip["fade_in"] + clip["fade_out"] > length + 1e-9:
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


def normalise(composition: Mapping[str, Any], assets: Mapping[str, AssetFile] | None = None) -> dict[str, Any]:
    """Check a version-2 composition and return it with every default filled in and times resolved.

    Every clip gets ``start`` and ``end`` (seconds on the timeline; ``None``
    only when they depend on media lengths and ``assets`` was not given) and
    ``crossfade_out`` (seconds its sound fades out under the next clip).
    Raises :class:`RenderError` listing every problem.
    """
    check = _Walker(assets)
    if not isinstance(composition, Mapping):
        raise RenderError(f"the composition must be an object, got {type_name(composition)}")
    check.unknown_keys("", composition, frozenset({"version", "output", "background", "soundtrack", "tracks"}))
    version = composition.get("version")
    if version != VERSION or isinstance(version, bool):
        check.fail(f"version must be {VERSION}, got {show(version)}")
    check.spoken = spoken_by_name(composition.get("tracks"))
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


def clip_fields(spec: ClipType) -> frozenset[str]:
    """Every field a clip of this type may have: the common ones, its groups' and its own."""
    return COMMON_FIELDS | spec.own_fields | frozenset().union(*(g.fields for g in spec.groups))
