"""Avatar models: a name, reference assets and voice settings."""

from __future__ import annotations

import shutil
import uuid
from typing import Any

from sqlalchemy import select

from gala.db import transaction
from gala.errors import Conflict, FieldError, NotFound, ServiceUnavailable, TooManyRequests, Unprocessable
from gala.jobs.fetch import StoredAsset, localize
from gala.orm import Asset, AvatarModel, ModelReference
from gala.runtime import Runtime
from gala.services import rigs
from gala.services.pagination import page
from gala.storage import StorageError

VOICE_DEFAULTS = {"engine": "espeak-ng", "language": "es", "rate": 1, "pitch": 0}
BUILTIN_KIND = "builtin"  # the built-in presenter (services/builtin.py): read-only


def _prepared(
    rt: Runtime, kind: str, body: dict[str, Any], current: AvatarModel | None = None
) -> tuple[list[rigs.Reference] | None, dict[str, Any] | None]:
    """The references and rig to store, checked (a 422 naming the field; nothing is stored yet).

    A puppet or photo is checked as a whole on create and whenever its references or anchors change."""
    refs = rigs.references_of(body)
    with_roles = body.get("reference_assets") is not None
    if kind in rigs.RIG_KINDS:
        if current is not None and refs is None and "anchors" not in body:
            return None, None
        if refs is None:
            refs = [] if current is None else [rigs.Reference(r.asset_id, r.role) for r in current.references]
            with_roles = True
        elif not with_roles:
            raise Unprocessable(
                f"A {kind} model's references have roles.",
                errors=[FieldError("give reference_assets ({asset_id, role}) instead", pointer="/reference_asset_ids")],
            )
    elif refs is None:
        return None, None
    with rt.sessions() as session:
        assets = rigs.check_references(session, refs, roles=with_roles)
    if kind not in rigs.RIG_KINDS:
        return refs, None
    # A puppet keeps its anchors when its images change (the same canvas); a new photo is searched
    # afresh, so its old anchors (found in another picture) are dropped.
    keep = current is not None and (kind == "puppet" or rigs.references_of(body) is None)
    stored = dict((current.rig or {}).get("anchors") or {}) if keep and current is not None else {}
    anchors = {**stored, **(body.get("anchors") or {})}
    return refs, rigs.check_rig(rt, kind, refs, assets, anchors)


def _store(model: AvatarModel, refs: list[rigs.Reference] | None, rig: dict[str, Any] | None) -> None:
    if refs is not None:
        model.references = [ModelReference(position=i, asset_id=r.asset_id, role=r.role) for i, r in enumerate(refs)]
    if rig is not None:
        model.rig = rig


def create(rt: Runtime, body: dict[str, Any]) -> AvatarModel:
    kind = body.get("kind", "avatar")
    refs, rig = _prepared(rt, kind, body)
    with transaction(rt.sessions) as session:
        model = AvatarModel(
            name=body["name"],
            description=body.get("description"),
            kind=kind,
            voice={**VOICE_DEFAULTS, **body.get("voice", {})},
            labels=body.get("labels", {}),
        )
        _store(model, refs or [], rig)  # set even when empty: the view reads it after the session
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
    before = get(rt, model_id)
    _refuse_builtin(before)
    refs, rig = _prepared(rt, before.kind, changes, before)
    with transaction(rt.sessions) as session:
        model = session.get(AvatarModel, model_id, with_for_update=True)
        if model is None:
            raise NotFound(f"There is no model {model_id}.")
        for key in ("name", "description", "labels"):
            if key in changes:
                setattr(model, key, changes[key])
        if "voice" in changes:
            model.voice = {**VOICE_DEFAULTS, **changes["voice"]}
        if refs is not None or rig is not None:
            _store(model, refs, rig)
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
    from gala.jobs.speech import clip_rig, clip_voice
    from gala.sandbox import Busy, Crashed, Timeout

    model = get(rt, model_id)
    rig = clip_rig(model)
    if model.kind != BUILTIN_KIND and rig is None:
        raise Unprocessable(
            f"Model {model_id} is an `{model.kind}` model: it has nothing to draw (a `puppet` or `photo` has).",
            errors=[FieldError("this model has no puppet to draw", parameter="model_id", location="path")],
        )
    voice = {**clip_voice(model.voice), **{k: v for k, v in (body.get("voice") or {}).items() if v is not None}}
    workdir = rt.tmp_dir / f"model-preview-{uuid.uuid4().hex}"
    try:
        files: dict[str, str] = {}
        if rig is not None:
            with rt.sessions() as session:
                stored = [StoredAsset.of(a) for a in (session.get(Asset, r.asset_id) for r in model.references) if a]
            try:
                local, _ = localize(rt, stored, workdir)
            except StorageError as exc:
                raise ServiceUnavailable(f"A reference image could not be read from storage: {exc}") from exc
            files = {key: str(f.path) for key, f in local.items()}
        answer = rt.sandbox.run(
            "presenter_strip",
            body.get("text") or PREVIEW_TEXT,
            voice,
            int(body.get("frames") or 6),
            int(body.get("height") or 240),
            rig,
            files,
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
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    if answer[0] == "speech_error":
        field = {"text": "/text"}.get(answer[2], f"/voice/{answer[2]}")
        raise Unprocessable("The sentence cannot be spoken.", errors=[FieldError(answer[1], pointer=field)])
    jpeg: bytes = answer[1]
    return jpeg
