"""Built-in templates, present in every database (created at start-up when missing)."""

from __future__ import annotations

import logging
import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from gala.db import transaction
from gala.orm import AvatarModel, Template, TemplateVersion
from gala.runtime import Runtime

log = logging.getLogger(__name__)

# A fixed id, so clients and docs can name the hello template directly.
HELLO_ID = uuid.UUID("01900000-0000-7000-8000-000000000001")
# The built-in presenter (renderer/avatar/character.py, drawn from code): a model row so that clips name
# it like any model, and its voice is their default.
PRESENTER_ID = uuid.UUID("01900000-0000-7000-8000-000000000002")
PRESENTER: dict[str, Any] = {
    "name": "presenter",
    "description": "The built-in presenter: a 2D puppet drawn from code, with nine mouth shapes, blinks and nods.",
    "kind": "builtin",
    "voice": {"engine": "espeak-ng", "language": "en", "rate": 1, "pitch": 0},
    "labels": {"builtin": "true"},
}


def _p(name: str) -> dict[str, str]:
    return {"$param": name}


HELLO: dict[str, Any] = {
    "name": "hello",
    "description": "A title fading in and out over a solid background, with a quiet tone: GALA's hello render.",
    "composition": {
        "version": 2,
        "output": {
            "size": {"width": _p("width"), "height": _p("height")},
            "fps": _p("fps"),
            "duration": _p("duration"),
        },
        "background": _p("background"),
        "tracks": [
            {
                "clips": [
                    {
                        "type": "text",
                        "name": "title",
                        "text": _p("title"),
                        "color": _p("color"),
                        "size": _p("size"),
                        "bold": True,
                        "max_width": 0.9,
                        "transition": {
                            "in": {"type": "fade", "duration": 0.5},
                            "out": {"type": "fade", "duration": 0.5},
                        },
                    }
                ]
            },
            {"clips": [{"type": "tone", "frequency": 440, "volume": 0.05}]},
        ],
    },
    "parameters": {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "title": {"type": "string", "minLength": 1, "maxLength": 200, "default": "¡Hola, GALA!"},
            "duration": {"type": "number", "exclusiveMinimum": 1, "maximum": 600, "default": 3},
            "width": {"type": "integer", "minimum": 16, "maximum": 3840, "multipleOf": 2, "default": 1280},
            "height": {"type": "integer", "minimum": 16, "maximum": 3840, "multipleOf": 2, "default": 720},
            "fps": {"type": "number", "minimum": 1, "maximum": 60, "default": 30},
            "background": {"type": "string", "pattern": "^#[0-9A-Fa-f]{6}$", "default": "#1e293b"},
            "color": {"type": "string", "pattern": "^#[0-9A-Fa-f]{6}$", "default": "#ffffff"},
            "size": {"type": "integer", "minimum": 4, "maximum": 1000, "default": 72},
        },
    },
    "labels": {"builtin": "true"},
}


def ensure(rt: Runtime) -> None:
    """Create the built-in template and model where missing (idempotent, safe to race)."""
    _ensure_presenter(rt)
    with rt.sessions() as session:
        if session.scalar(select(Template.id).where(Template.id == HELLO_ID)) is not None:
            return
    try:
        with transaction(rt.sessions) as session:
            session.add(Template(id=HELLO_ID, latest_version=1))
            session.flush()
            session.add(TemplateVersion(template_id=HELLO_ID, version=1, **HELLO))
    except IntegrityError:
        pass  # another process created it first
    log.info("built-in template ready name=hello id=%s", HELLO_ID)


def _ensure_presenter(rt: Runtime) -> None:
    with rt.sessions() as session:
        if session.get(AvatarModel, PRESENTER_ID) is not None:
            return
    try:
        with transaction(rt.sessions) as session:
            session.add(AvatarModel(id=PRESENTER_ID, **PRESENTER))
    except IntegrityError:
        pass  # another process created it first
    log.info("built-in model ready name=presenter id=%s", PRESENTER_ID)
