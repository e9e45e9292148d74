"""The engines by name, for the synthesis stage and for validating a clip's `engine` field."""

from __future__ import annotations

from collections.abc import Callable

from gala.speech.espeak import EspeakEngine
from gala.speech.model import SpeechEngine, SpeechInputError
from gala.speech.piper import PiperEngine, available
from gala.speech.recorded import RecordedVoice

DEFAULT_ENGINE = EspeakEngine.name
_FACTORIES: dict[str, Callable[[], SpeechEngine]] = {
    EspeakEngine.name: EspeakEngine,
    PiperEngine.name: PiperEngine,
    RecordedVoice.name: RecordedVoice,
}


def engine_names() -> tuple[str, ...]:
    """The engines usable on this installation (Piper only with its extra installed)."""
    return tuple(name for name in _FACTORIES if name != PiperEngine.name or available())


def create_engine(name: str = DEFAULT_ENGINE) -> SpeechEngine:
    """A new engine; the caller keeps it (one helper process each) and closes it."""
    if name not in engine_names():
        raise SpeechInputError(f"no speech engine {name!r} here", field="engine", allowed=engine_names())
    return _FACTORIES[name]()
