"""Templates: immutable versions under a stable id. An update creates version N+1."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gala.db import transaction
from gala.errors import Conflict, NotFound, Unprocessable
from gala.orm import AssetUse, Job, Template, TemplateVersion
from gala.parameters import asset_slots, check_template, is_ref
from gala.runtime import Runtime
from gala.schemas import pointer
from gala.services.assets import check_references
from gala.services.pagination import page

EMPTY_PARAMETERS: dict[str, Any] = {"type": "object", "properties": {}}


@dataclass(frozen=True)
class TemplateView:
    template: Template
    version: TemplateVersion


def _version(session: Session, template_id: uuid.UUID, version: int | None) -> TemplateView:
    template = session.get(Template, template_id)
    if template is None:
        raise NotFound(f"There is no template {template_id}.")
    number = version or template.latest_version
    row = session.get(TemplateVersion, (template_id, number))
    if row is None:
        raise NotFound(f"Template {template_id} has no version {number}.")
    return TemplateView(template, row)


def _record_assets(session: Session, version: TemplateVersion) -> None:
    """The asset ids written in the composition must exist and fit their fields; record their use."""
    refs = [
        (pointer(("composition", *slot.path)), slot.value, slot.kinds)
        for slot in asset_slots(version.composition)
        if not is_ref(slot.value)
    ]
    if not refs:
        return
    errors, _ = check_references(session, refs)
    if errors:
        raise Unprocessable("The composition names assets that cannot be used there.", errors=errors[:20])
    session.add_all(
        AssetUse(
            asset_id=uuid.UUID(value),
            template_id=version.template_id,
            template_version=version.version,
            pointer=where,
        )
        for where, value, _ in refs
    )


def create(rt: Runtime, body: dict[str, Any]) -> TemplateView:
    parameters = body.get("parameters") or EMPTY_PARAMETERS
    check_template(body["composition"], parameters)
    with transaction(rt.sessions) as session:
        template = Template(latest_version=1)
        session.add(template)
        session.flush()
        version = TemplateVersion(
            template_id=template.id,
            version=1,
            name=body["name"],
            description=body.get("description"),
            composition=body["composition"],
            parameters=parameters,
            labels=body.get("labels", {}),
        )
        session.add(version)
        session.flush()
        _record_assets(session, version)
    return TemplateView(template, version)


def get(rt: Runtime, template_id: uuid.UUID, version: int | None = None) -> TemplateView:
    with rt.sessions() as session:
        return _version(session, template_id, version)


def get_in(session: Session, template_id: uuid.UUID, version: int | None = None) -> TemplateView:
    """A template version read in the caller's session."""
    return _version(session, template_id, version)


def list_(
    rt: Runtime, *, limit: int, cursor: str | None, name: str | None = None
) -> tuple[list[TemplateView], str | None]:
    query = select(Template)
    if name is not None:
        query = query.join(
            TemplateVersion,
            (TemplateVersion.template_id == Template.id) & (TemplateVersion.version == Template.latest_version),
        ).where(TemplateVersion.name == name)
    with rt.sessions() as session:
        rows, nxt = page(session, query, Template.id, limit=limit, cursor=cursor)
        views = [_version(session, t.id, None) for t in rows]
    return views, nxt


def update(rt: Runtime, template_id: uuid.UUID, changes: dict[str, Any]) -> TemplateView:
    with transaction(rt.sessions) as session:
        template = session.get(Template, template_id, with_for_update=True)
        if template is None:
            raise NotFound(f"There is no template {template_id}.")
        latest = session.get(TemplateVersion, (template_id, template.latest_version))
        assert latest is not None
        fields = {k: getattr(latest, k) for k in ("name", "description", "composition", "parameters", "labels")}
        fields.update(changes)
        check_template(fields["composition"], fields["parameters"])
        template.latest_version += 1
        version = TemplateVersion(template_id=template_id, version=template.latest_version, **fields)
        session.add(version)
        session.flush()
        _record_assets(session, version)
    return TemplateView(template, version)


def delete(rt: Runtime, template_id: uuid.UUID) -> None:
    with transaction(rt.sessions) as session:
        template = session.get(Template, template_id, with_for_update=True)
        if template is None:
            raise NotFound(f"There is no template {template_id}.")
        jobs = session.scalar(select(func.count()).select_from(Job).where(Job.template_id == template_id))
        if jobs:
            raise Conflict(f"{jobs} job(s) reference template {template_id}; delete them first.")
        session.delete(template)
