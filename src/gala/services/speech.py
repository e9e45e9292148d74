"""Submission checks of spoken clips: what the speech stage would refuse, refused before anything is
enqueued (a 422 naming the field, listing the supported languages or voices)."""

from __future__ import annotations

import threading
from functools import cache
from typing import Any

from sqlalchemy.orm import Session

from gala.errors import FieldError, Unprocessable
from gala.jobs.speech import BUILTIN, RIG_KINDS, avatar_models, clip_voice
from gala.parameters import param_origin
from gala.schemas import pointer
from gala.services.builtin import PRESENTER_ID
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


def check_spoken(session: Session, composition: dict[str, Any], template_composition: Any) -> None:
    """Raise Unprocessable for every spoken clip whose model, words or voice cannot be used."""
    errors: list[FieldError] = []
    models = avatar_models(session, composition)

    def at(path: tuple[str | int, ...]) -> str:
        return param_origin(template_composition, path) or pointer(("template", "composition", *path))

    for spoken in spoken_clips(composition):
        defaults = None
        if spoken.clip.get("type") == "avatar":
            name = str(spoken.clip.get("model"))
            model = models.get(name)
            if model is None and name != BUILTIN:
                errors.append(
                    FieldError(
                        f"there is no model {name} (the built-in presenter is {PRESENTER_ID})",
                        pointer=at((*spoken.path, "model")),
                    )
                )
                continue
            if model is not None and model.kind not in (BUILTIN, *RIG_KINDS):
                errors.append(
                    FieldError(
                        f"model {name} is an `{model.kind}` model, which has nothing to draw: name a `puppet` "
                        f"or `photo` model, or the built-in presenter ({PRESENTER_ID})",
                        pointer=at((*spoken.path, "model")),
                    )
                )
                continue
            if model is not None and model.kind == "photo" and spoken.clip.get("background") == "remove":
                errors.append(
                    FieldError(
                        "a photo model keeps its own background: removing it needs a segmentation model and none "
                        "ships with GALA; use null (the photo as it is) or a colour for the framing",
                        pointer=at((*spoken.path, "background")),
                    )
                )
            defaults = None if model is None else clip_voice(model.voice)
        try:
            check(plan(spoken.clip, defaults), catalog)
        except SpeechInputError as exc:
            where = at((*spoken.path, *_FIELDS.get(exc.field, ())))
            detail = str(exc)
            if exc.allowed:
                shown = ", ".join(exc.allowed[:60]) + (" ..." if len(exc.allowed) > 60 else "")
                detail = f"{detail}; supported: {shown}"
            errors.append(FieldError(detail, pointer=where))
    if errors:
        raise Unprocessable("A clip's words cannot be spoken.", errors=errors[:20])
