"""Avatar models: a name, reference assets and voice settings."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from gala.db import transaction
from gala.errors import Conflict, FieldError, NotFound, TooManyRequests, Unprocessable
from gala.orm import Asset, AvatarModel, ModelReference
from gala.runtime import Runtime
from gala.services.pagination import page

VOICE_DEFAULTS = {"engine": "espeak-ng", "language": "es", "rate": 1, "pitch": 0}
BUILTIN_KIND = "builtin"  # the built-in presenter (services/builtin.py): read-only


def _set_references(session: Session, model: AvatarModel, asset_ids: list[str]) -> None:
    wanted = [uuid.UUID(a) for a in asset_ids]
    found = set(session.scalars(select(Asset.id).where(Asset.id.in_(wanted))).all()) if wanted else set()
    missing = [
        FieldError(f"there is no asset {a}", pointer=f"/reference_asset_ids/{i}")
        for i, a in enumerate(wanted)
        if a not in found
    ]
    if missing:
        raise Unprocessable("Some reference assets do not exist.", errors=missing)
    model.references = [ModelReference(position=i, asset_id=a) for i, a in enumerate(wanted)]


def create(rt: Runtime, body: dict[str, Any]) -> AvatarModel:
    with transaction(rt.sessions) as session:
        model = AvatarModel(
            name=body["name"],
            description=body.get("description"),
            kind=body.get("kind", "avatar"),
            voice={**VOICE_DEFAULTS, **body.get("voice", {})},
            labels=body.get("labels", {}),
        )
        _set_references(session, model, body.get("reference_asset_ids", []))
        session.add(model)
    return model


def get(rt: Runtime, model_id: uuid.UUID) -> AvatarModel:
    with rt.sessions() as session:
        model = session.get(AvatarModel, model_id)
    if model is None:
        raise NotFound(f"There is no model {model_id}.")
    return model


def list_(rt: Runtime, *, limit: int, cursor: str | None) -> tuple[list[AvatarModel], str | None]:
    with rt.sessions() as session:
        rows, nxt = page(session, select(AvatarModel), AvatarModel.id, limit=limit, cursor=cursor)
    return list(rows), nxt


def _refuse_builtin(model: AvatarModel) -> None:
    if model.kind == BUILTIN_KIND:
        raise Conflict("The built-in presenter cannot be changed or deleted; create a model of your own.")


def update(rt: Runtime, model_id: uuid.UUID, changes: dict[str, Any]) -> AvatarModel:
    with transaction(rt.sessions) as session:
        model = session.get(AvatarModel, model_id, with_for_update=True)
        if model is None:
            raise NotFound(f"There is no model {model_id}.")
        _refuse_builtin(model)
        for key in ("name", "description", "labels"):
            if key in changes:
                setattr(model, key, changes[key])
        if "voice" in changes:
            model.voice = {**VOICE_DEFAULTS, **changes["voice"]}
        if "reference_asset_ids" in changes:
            _set_references(session, model, changes["reference_asset_ids"])
            session.flush()
    return model


def delete(rt: Runtime, model_id: uuid.UUID) -> None:
    with transaction(rt.sessions) as session:
        model = session.get(AvatarModel, model_id)
        if model is None:
            raise NotFound(f"There is no model {model_id}.")
        _refuse_builtin(model)
        session.delete(model)


PREVIEW_TEXT = "Hello! I am the GALA presenter."
PREVIEW_TIMEOUT_SECONDS = 15.0


def preview(rt: Runtime, model_id: uuid.UUID, body: dict[str, Any]) -> bytes:
    """A strip of frames of the model saying a sentence (JPEG), rendered in the sandbox, not here."""
    from gala.jobs.speech import clip_voice
    from gala.sandbox import Busy, Crashed, Timeout

    model = get(rt, model_id)
    if model.kind != BUILTIN_KIND:
        raise Unprocessable(
            f"Model {model_id} is an `{model.kind}` model; only the built-in presenter can be previewed yet.",
            errors=[FieldError("this model has no puppet to draw", parameter="model_id", location="path")],
        )
    voice = {**clip_voice(model.voice), **{k: v for k, v in (body.get("voice") or {}).items() if v is not None}}
    try:
        answer = rt.sandbox.run(
            "presenter_strip",
            body.get("text") or PREVIEW_TEXT,
            voice,
            int(body.get("frames") or 6),
            int(body.get("height") or 240),
            timeout=PREVIEW_TIMEOUT_SECONDS,
        )
    except Busy:
        raise TooManyRequests(
            "Previews are already rendering; retry in a moment.", headers={"Retry-After": "1"}
        ) from None
    except (Timeout, Crashed) as exc:
        raise Unprocessable(
            "The preview could not be made in time.", errors=[FieldError(str(exc), pointer="/text")]
        ) from None
    if answer[0] == "speech_error":
        field = {"text": "/text"}.get(answer[2], f"/voice/{answer[2]}")
        raise Unprocessable("The sentence cannot be spoken.", errors=[FieldError(answer[1], pointer=field)])
    jpeg: bytes = answer[1]
    return jpeg
