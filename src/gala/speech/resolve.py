"""Compositions -> synthesized speech: what the renderer's `speech` and `avatar` clips need before a render.

The renderer never synthesizes (it cannot import GALA). For each clip that says words, this module builds
the engine request from the clip's `script`, `voice` and `recording`, looks its cache key
(`request_cache_key`: engine, voice, settings, text) up in a :class:`SpeechStore`, synthesizes on a miss,
and writes the resolved field ``speech = {"asset": <id of the WAV>, "timing": <timing document>}`` into
the clip. Stores: the jobs' (an asset in storage, gala.jobs.speech) and the CLI's (a local directory,
:class:`DirectoryStore`). Re-renders and batch rows with the same words reuse the cached audio.

Imports only gala.speech (tests/speech/test_imports.py).
"""

from __future__ import annotations

import dataclasses
import json
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from gala.speech.engines import DEFAULT_ENGINE, create_engine, engine_names
from gala.speech.markup import parse
from gala.speech.model import (
    SpeechEngine,
    SpeechError,
    SpeechInputError,
    SpeechRequest,
    VoiceSettings,
    check_text,
    request_cache_key,
)

SPOKEN_TYPES = ("speech", "avatar")
RECORDED = "recorded"
# The built-in presenter's voice: the default for its clips (a model's voice is its clips' default).
BUILTIN_VOICE: dict[str, Any] = {"language": "en"}


@dataclass(frozen=True)
class SpokenClip:
    path: tuple[str | int, ...]  # where the clip is in the composition ("tracks", 0, "clips", 2)
    clip: dict[str, Any]


@dataclass(frozen=True)
class Resolved:
    """Cached speech: the WAV's asset id, the local file where known, and the timing document."""

    asset: str
    timing: dict[str, Any]
    path: Path | None = None
    synthesized: bool = False  # made by this resolution, not found in the cache


class SpeechStore(Protocol):
    def find(self, key: str) -> Resolved | None: ...

    def save(self, key: str, wav: Path, timing: dict[str, Any]) -> Resolved: ...


def spoken_clips(composition: dict[str, Any]) -> Iterator[SpokenClip]:
    """The clips of a concrete composition that say words."""
    tracks = composition.get("tracks")
    for ti, track in enumerate(tracks if isinstance(tracks, list) else []):
        clips = track.get("clips") if isinstance(track, dict) else None
        for ci, clip in enumerate(clips if isinstance(clips, list) else []):
            if isinstance(clip, dict) and clip.get("type") in SPOKEN_TYPES:
                yield SpokenClip(("tracks", ti, "clips", ci), clip)


@dataclass(frozen=True)
class Plan:
    """What one clip asks an engine for."""

    engine: str
    request: SpeechRequest
    recording: str | None  # the recording's asset id


def plan(clip: dict[str, Any], voice_defaults: dict[str, Any] | None = None) -> Plan:
    """The engine and request of a clip; raises SpeechInputError naming the field (`voice.language`...)."""
    given = clip.get("voice")
    raw: dict[str, Any] = given if isinstance(given, dict) else {}
    merged = {**BUILTIN_VOICE, **(voice_defaults or {}), **{k: v for k, v in raw.items() if v is not None}}
    recording = clip.get("recording")
    engine = RECORDED if recording else str(merged.get("engine") or DEFAULT_ENGINE)
    try:
        settings = VoiceSettings(
            language=str(merged.get("language") or "en"),
            voice=None if merged.get("voice") is None else str(merged["voice"]),
            rate=float(merged.get("rate", 1.0)),
            pitch=int(merged.get("pitch", 50)),
        )
    except (TypeError, ValueError):
        raise SpeechInputError("rate and pitch must be numbers", field="voice") from None
    settings.check()
    script = clip.get("script")
    text = script if isinstance(script, str) else ""
    if not recording:
        check_text(parse(text).text)
    return Plan(engine, SpeechRequest(text, settings), str(recording) if recording else None)


def check(plan_: Plan, catalog: Callable[[str], dict[str, tuple[str, ...]]]) -> None:
    """Refuse what the engine would (unknown engine, language or voice), before anything is enqueued."""
    if plan_.engine == RECORDED:
        return
    if plan_.engine not in engine_names():
        raise SpeechInputError(f"no speech engine {plan_.engine!r} here", field="engine", allowed=engine_names())
    voices = catalog(plan_.engine)
    settings = plan_.request.voice
    if voices["languages"] and settings.language not in voices["languages"]:
        raise SpeechInputError(
            f"{plan_.engine} has no language {settings.language!r}", field="language", allowed=voices["languages"]
        )
    if settings.voice is not None and voices["voices"] and settings.voice not in voices["voices"]:
        raise SpeechInputError(
            f"{plan_.engine} has no voice {settings.voice!r}", field="voice", allowed=voices["voices"]
        )


def key(plan_: Plan, recording_digest: str | None = None) -> str:
    return request_cache_key(plan_.engine, plan_.request, recording_digest)


class Engines:
    """One engine per name for a resolution (each a helper process), closed together."""

    def __init__(self) -> None:
        self._engines: dict[str, SpeechEngine] = {}

    def get(self, name: str) -> SpeechEngine:
        if name not in self._engines:
            self._engines[name] = create_engine(name)
        return self._engines[name]

    def voices(self, name: str) -> dict[str, tuple[str, ...]]:
        return self.get(name).voices()

    def close(self) -> None:
        for engine in self._engines.values():
            engine.close()
        self._engines.clear()


def attach(clip: dict[str, Any], found: Resolved) -> None:
    """The resolved field the renderer reads; `text` (markup removed) is what captions show."""
    script = clip.get("script")
    text = parse(script).text if isinstance(script, str) and script.strip() else None
    clip["speech"] = {"asset": found.asset, "timing": found.timing, "text": text}


def resolve(
    composition: dict[str, Any],
    store: SpeechStore,
    engines: Engines,
    work_dir: Path,
    *,
    recordings: Callable[[str], tuple[Path, str]] | None = None,
    voice_defaults: Callable[[dict[str, Any]], dict[str, Any] | None] = lambda clip: None,
    progress: Callable[[float], None] = lambda percent: None,
) -> list[Resolved]:
    """Synthesize (or find in ``store``) every spoken clip's speech and attach it to the clip, in place.

    ``recordings(asset_id) -> (local file, digest)`` gives a recorded voice's audio. Raises
    SpeechInputError (the clip's words cannot be spoken) or SpeechError (the engine failed).
    """
    clips = list(spoken_clips(composition))
    out: list[Resolved] = []
    for n, spoken in enumerate(clips):
        planned = plan(spoken.clip, voice_defaults(spoken.clip))
        recording: tuple[Path, str] | None = None
        if planned.recording is not None:
            if recordings is None:
                raise SpeechError("recorded voices cannot be used here")
            recording = recordings(planned.recording)
        cache = key(planned, None if recording is None else recording[1])
        found = store.find(cache)
        if found is None:
            request = planned.request
            if recording is not None:
                request = SpeechRequest(request.text, request.voice, recording=recording[0])
            speech = engines.get(planned.engine).synthesize(request)
            work_dir.mkdir(parents=True, exist_ok=True)
            wav = work_dir / f"speech-{cache[:16]}.wav"
            speech.write_wav(wav)
            found = dataclasses.replace(store.save(cache, wav, speech.timing_document()), synthesized=True)
        attach(spoken.clip, found)
        out.append(found)
        progress(100.0 * (n + 1) / len(clips))
    return out


def attach_cached(
    composition: dict[str, Any],
    store: SpeechStore,
    *,
    digests: Callable[[str], str] | None = None,
    voice_defaults: Callable[[dict[str, Any]], dict[str, Any] | None] = lambda clip: None,
) -> tuple[list[Resolved], list[SpokenClip]]:
    """Attach the speech already in ``store`` (no synthesis): what a later stage does after the speech
    stage. ``digests(asset_id)`` gives a recording's sha256. Returns (found, clips still missing)."""
    found: list[Resolved] = []
    missing: list[SpokenClip] = []
    for spoken in spoken_clips(composition):
        planned = plan(spoken.clip, voice_defaults(spoken.clip))
        digest = None
        if planned.recording is not None:
            if digests is None:
                missing.append(spoken)
                continue
            digest = digests(planned.recording)
        hit = store.find(key(planned, digest))
        if hit is None:
            missing.append(spoken)
        else:
            attach(spoken.clip, hit)
            found.append(hit)
    return found, missing


def resolve_locally(
    composition: dict[str, Any],
    cache_dir: Path,
    *,
    recordings: Callable[[str], tuple[Path, str]] | None = None,
) -> list[Resolved]:
    """:func:`resolve` with a :class:`DirectoryStore` in ``cache_dir`` and engines closed afterwards: what
    `gala render`, the example gallery and the tests do on one machine, without a server."""
    engines = Engines()
    try:
        return resolve(composition, DirectoryStore(cache_dir), engines, cache_dir / "work", recordings=recordings)
    finally:
        engines.close()


class DirectoryStore:
    """The CLI's cache: ``<dir>/<key>.wav`` and ``<key>.json``; the asset id is ``speech-<key>``."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _paths(self, key: str) -> tuple[Path, Path]:
        return self.directory / f"{key}.wav", self.directory / f"{key}.json"

    def find(self, key: str) -> Resolved | None:
        wav, doc = self._paths(key)
        if not (wav.is_file() and doc.is_file()):
            return None
        try:
            timing = json.loads(doc.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # a damaged entry is made again
        return Resolved(f"speech-{key}", timing, wav)

    def save(self, key: str, wav: Path, timing: dict[str, Any]) -> Resolved:
        self.directory.mkdir(parents=True, exist_ok=True)
        target_wav, target_doc = self._paths(key)
        wav.replace(target_wav)
        # Written to a temporary name and renamed: a crash never leaves a half entry that find() trusts.
        with tempfile.NamedTemporaryFile("w", dir=self.directory, suffix=".part", delete=False, encoding="utf-8") as f:
            json.dump(timing, f, ensure_ascii=False)
        Path(f.name).replace(target_doc)
        return Resolved(f"speech-{key}", timing, target_wav)
