"""The rig of a `puppet` or `photo` model: its reference images by role and its anchors, checked before
anything is stored (a 422 naming the field), and a photo's face located.

The roles and what a puppet needs are the renderer's (renderer/avatar/rig.py); the images are decoded
and the face searched in the API's sandbox processes (gala.sandbox), never in the API process. What
is stored: each reference's `role` (model_references.role) and ``models.rig`` = ``{"anchors": ...,
"face": {x, y, width, height} or null, "size": [w, h]}``.
"""

from __future__ import annotations

import shutil
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from gala.errors import FieldError, ServiceUnavailable, TooManyRequests, Unprocessable
from gala.jobs.fetch import StoredAsset, localize
from gala.orm import Asset
from gala.runtime import Runtime
from gala.storage import StorageError
from renderer.avatar.rig import KINDS, PHOTO_ROLES, PUPPET_ANCHORS, PUPPET_ROLES, ROLES_OF, missing_roles

RIG_KINDS = KINDS
CHECK_TIMEOUT_SECONDS = 20.0


@dataclass(frozen=True)
class Reference:
    asset_id: uuid.UUID
    role: str | None


def references_of(body: dict[str, Any]) -> list[Reference] | None:
    """The references a create or update body gives (with roles, or as plain ids); None: not given."""
    if body.get("reference_assets") is not None:
        return [Reference(uuid.UUID(r["asset_id"]), r.get("role")) for r in body["reference_assets"]]
    if body.get("reference_asset_ids") is not None:
        return [Reference(uuid.UUID(a), None) for a in body["reference_asset_ids"]]
    return None


def _where(body_has_roles: bool, i: int, key: str | None = None) -> str:
    base = f"/reference_assets/{i}" if body_has_roles else f"/reference_asset_ids/{i}"
    return base if key is None or not body_has_roles else f"{base}/{key}"


def check_references(session: Session, refs: list[Reference], *, roles: bool) -> dict[uuid.UUID, Asset]:
    """Every reference's asset exists (422 naming each one that does not); the assets by id."""
    wanted = [r.asset_id for r in refs]
    found = {a.id: a for a in session.scalars(select(Asset).where(Asset.id.in_(wanted))).all()} if wanted else {}
    missing = [
        FieldError(f"there is no asset {r.asset_id}", pointer=_where(roles, i, "asset_id"))
        for i, r in enumerate(refs)
        if r.asset_id not in found
    ]
    if missing:
        raise Unprocessable("Some reference assets do not exist.", errors=missing)
    return found


def _roles_problems(kind: str, refs: list[Reference]) -> list[FieldError]:
    errors: list[FieldError] = []
    allowed = ROLES_OF[kind]
    seen: dict[str, int] = {}
    for i, r in enumerate(refs):
        if r.role is None:
            errors.append(
                FieldError(
                    f"a {kind} model's references need a role (one of {', '.join(allowed)})",
                    pointer=f"/reference_assets/{i}/role",
                )
            )
        elif r.role not in allowed:
            errors.append(
                FieldError(
                    f"role {r.role} is not part of a {kind} model (its roles: {', '.join(allowed)})",
                    pointer=f"/reference_assets/{i}/role",
                )
            )
        elif r.role in seen:
            errors.append(
                FieldError(
                    f"role {r.role} is given twice (also at {seen[r.role]})", pointer=f"/reference_assets/{i}/role"
                )
            )
        else:
            seen[r.role] = i
    missing = missing_roles(kind, [r.role for r in refs if r.role is not None])
    if missing:
        what = "mouth shapes and parts" if kind == "puppet" else "image"
        errors.append(
            FieldError(
                f"the {kind} is missing the {what} {', '.join(missing)}: give one image asset for each role of "
                f"{', '.join(allowed)}",
                pointer="/reference_assets",
            )
        )
    return errors


def check_rig(
    rt: Runtime, kind: str, refs: list[Reference], assets: dict[uuid.UUID, Asset], anchors: dict[str, Any]
) -> dict[str, Any]:
    """The rig to store for a puppet or photo model, or a 422 naming the field at fault."""
    if not refs and kind in RIG_KINDS:
        raise Unprocessable(
            f"A {kind} model is made of reference images with roles.",
            errors=[
                FieldError(
                    f"give reference_assets with the roles {', '.join(ROLES_OF[kind])}", pointer="/reference_assets"
                )
            ],
        )
    errors = _roles_problems(kind, refs)
    for i, r in enumerate(refs):
        asset = assets[r.asset_id]
        if asset.kind != "image":
            errors.append(
                FieldError(
                    f"asset {r.asset_id} is a {asset.kind} asset; {r.role or 'each reference'} must be an image",
                    pointer=f"/reference_assets/{i}/asset_id",
                )
            )
    if kind == "puppet":
        for name in PUPPET_ANCHORS:
            if anchors.get(name) is None:
                errors.append(
                    FieldError(
                        f"a puppet needs the {name} anchor ([x, y] in the base image)", pointer=f"/anchors/{name}"
                    )
                )
    if errors:
        raise Unprocessable(f"The {kind} model cannot be animated.", errors=errors[:20])
    answer = _in_sandbox(rt, kind, refs, assets, anchors)
    if answer[0] != "ok":
        message, role = answer[1], answer[2]
        raise Unprocessable(f"The {kind} model cannot be animated.", errors=[_rig_error(refs, message, role)])
    rig: dict[str, Any] = answer[1]
    return rig


def _rig_error(refs: list[Reference], message: str, role: str) -> FieldError:
    """Where a renderer's PuppetError points: the reference with that role, else that anchor."""
    for i, r in enumerate(refs):
        if r.role == role:
            return FieldError(f"{role}: {message}", pointer=f"/reference_assets/{i}")
    if role in PUPPET_ROLES or role in PHOTO_ROLES:
        return FieldError(message, pointer="/reference_assets")
    return FieldError(message, pointer=f"/anchors/{role}")


def _in_sandbox(
    rt: Runtime, kind: str, refs: list[Reference], assets: dict[uuid.UUID, Asset], anchors: dict[str, Any]
) -> Any:
    from gala.sandbox import Busy, Crashed, Timeout
    from gala.services.assets import sandbox_caps

    stored = [StoredAsset.of(assets[r.asset_id]) for r in refs]
    workdir = rt.tmp_dir / f"rig-{uuid.uuid4().hex}"
    try:
        try:
            files, _ = localize(rt, stored, workdir)
        except StorageError as exc:
            raise ServiceUnavailable(f"A reference image could not be read from storage: {exc}") from exc
        by_role = {str(r.role): str(files[str(r.asset_id)].path) for r in refs}
        return rt.sandbox.run("check_rig", kind, by_role, anchors, sandbox_caps(rt), timeout=CHECK_TIMEOUT_SECONDS)
    except Busy:
        raise TooManyRequests(
            "The server is busy checking other images; retry in a moment.", headers={"Retry-After": "1"}
        ) from None
    except (Timeout, Crashed) as exc:
        raise Unprocessable(
            f"The {kind} model's images could not be checked.",
            errors=[FieldError(f"checking them stopped ({exc}); give smaller images", pointer="/reference_assets")],
        ) from None
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
