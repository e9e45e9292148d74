"""Submission checks of spoken clips: what the speech stage would refuse, refused before anything is
enqueued (a 422 naming the field, listing the supported languages or voices)."""

from __future__ import annotations

import threading
from functools import cache
from typing import Any

from gala.errors import FieldError, Unprocessable
from gala.parameters import param_origin
from gala.schemas import pointer
from gala.speech import SpeechInputError
from gala.speech.engines import create_engine
from gala.speech.resolve import check, plan, spoken_clips

# SpeechInputError.field -> where that is in a clip
_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("script",),
    "recording": ("recording",),
    **{name: ("voice", name) for name in ("engine", "language", "voice", "rate", "pitch")},
}
_LOCK = threading.Lock()


@cache
def _catalog(engine: str) -> dict[str, tuple[str, ...]]:
    # One short-lived helper process per engine and API process; its list never changes while running.
    speaker = create_engine(engine)
    try:
        return speaker.voices()
    finally:
        speaker.close()


def catalog(engine: str) -> dict[str, tuple[str, ...]]:
    with _LOCK:
        return _catalog(engine)


def check_spoken(composition: dict[str, Any], template_composition: Any) -> None:
    """Raise Unprocessable for every spoken clip whose words or voice the engines would refuse."""
    errors: list[FieldError] = []
    for spoken in spoken_clips(composition):
        try:
            check(plan(spoken.clip), catalog)
        except SpeechInputError as exc:
            path = (*spoken.path, *_FIELDS.get(exc.field, ()))
            where = param_origin(template_composition, path) or pointer(("template", "composition", *path))
            detail = str(exc)
            if exc.allowed:
                shown = ", ".join(exc.allowed[:60]) + (" ..." if len(exc.allowed) > 60 else "")
                detail = f"{detail}; supported: {shown}"
            errors.append(FieldError(detail, pointer=where))
    if errors:
        raise Unprocessable("A clip's words cannot be spoken.", errors=errors[:20])
