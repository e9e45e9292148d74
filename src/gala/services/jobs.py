"""Jobs: a pinned template version plus validated parameters, rendered asynchronously."""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import delete as sql_delete
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

import renderer
from gala.db import UnitOfWork, transaction, unit_of_work, utcnow
from gala.errors import Conflict, FieldError, NotFound, TooManyRequests, Unprocessable
from gala.jobs import dispatch, events, stages
from gala.jobs.composition import resolve
from gala.jobs.events import EventKind
from gala.jobs.fetch import asset_file
from gala.jobs.state import ACTIVE, TERMINAL, JobStatus
from gala.jobs.transition import change
from gala.orm import Asset, AssetUse, IdempotencyKey, Job, Template, TemplateVersion
from gala.parameters import asset_params, asset_slots, param_origin, validate_params
from gala.runtime import Runtime
from gala.schemas import pointer
from gala.services.assets import check_references
from gala.services.pagination import page
from gala.services.speech import check_spoken

log = logging.getLogger(__name__)
OPTION_DEFAULTS = {"basename": "output", "draft": False}


def template_version(session: Session, body: dict[str, Any]) -> TemplateVersion:
    template_id = uuid.UUID(body["template_id"])
    template = session.get(Template, template_id)
    if template is None:
        raise Unprocessable(
            "The template does not exist.",
            errors=[FieldError(f"there is no template {template_id}", pointer="/template_id")],
        )
    number = body.get("template_version") or template.latest_version
    version = session.get(TemplateVersion, (template_id, number))
    if version is None:
        raise Unprocessable(
            "The template version does not exist.",
            errors=[FieldError(f"template {template_id} has no version {number}", pointer="/template_version")],
        )
    return version


def check_renderable(
    composition: dict[str, Any], version: int, assets: Mapping[str, renderer.AssetFile] | None = None
) -> None:
    """Refuse at submission what the renderer would refuse later (semantics, in words)."""
    try:
        renderer.normalise(composition, assets=assets or {})
    except renderer.RenderError as exc:
        raise Unprocessable(
            f"Template version {version} cannot be rendered with these parameters.",
            errors=[FieldError(problem, pointer="/params") for problem in exc.problems[:20]],
        ) from None


@dataclass(frozen=True)
class Plan:
    """What a job (or a preview) renders: validated parameters, the concrete composition, its assets."""

    version: TemplateVersion
    params: dict[str, Any]
    options: dict[str, Any]
    composition: dict[str, Any]
    assets: dict[uuid.UUID, Asset]
    # (pointer into the request, asset id) for each asset the parameters name: the job's uses.
    uses: list[tuple[str, uuid.UUID]]


def plan(session: Session, version: TemplateVersion, raw_params: dict[str, Any], options: dict[str, Any]) -> Plan:
    """Validate parameters (defaults applied), their asset references, and the resulting composition.

    Raises Unprocessable naming each problem with a pointer into the request (``/params/...``).
    """
    params = validate_params(version.parameters, raw_params)
    composition = resolve(version, params, options)
    # pointer -> (value, kinds): asset parameters first, then every asset field of the result.
    refs: dict[str, tuple[Any, tuple[str, ...]]] = {
        ref.pointer: (ref.value, ref.kinds) for ref in asset_params(version.parameters, params)
    }
    for slot in asset_slots(composition):
        where = param_origin(version.composition, slot.path) or pointer(("template", "composition", *slot.path))
        if where in refs:
            value, kinds = refs[where]
            refs[where] = (value, tuple(k for k in kinds if k in slot.kinds) or slot.kinds)
        else:
            refs[where] = (slot.value, slot.kinds)
    errors, found = check_references(session, [(where, value, kinds) for where, (value, kinds) in refs.items()])
    if errors:
        raise Unprocessable("The parameters name assets that cannot be used.", errors=errors[:20])
    # The normaliser checks kinds and media lengths only: it never opens these paths.
    known = {str(a.id): asset_file(a, Path(a.object_key)) for a in found.values()}
    check_renderable(composition, version.version, known)
    check_spoken(session, composition, version.composition)
    uses = [(where, uuid.UUID(str(value))) for where, (value, _) in refs.items() if where.startswith("/params/")]
    return Plan(version, params, options, composition, found, uses)


IDEMPOTENCY_RETENTION = timedelta(hours=24)
# A reservation whose job is not created yet expires this soon, so a request that died holding it
# (or could not release it: the database locked at both ends) frees its key in a minute, not a day.
IDEMPOTENCY_IN_FLIGHT = timedelta(seconds=60)


def _request_hash(body: dict[str, Any]) -> str:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _reserve(rt: Runtime, key: str, digest: str) -> Job | None:
    """Reserve ``key`` for this request, or return the job an earlier identical request created.

    Raises Unprocessable when the key was used with another body, Conflict while the first
    request with the key is still in flight.
    """
    now = utcnow()
    for _ in range(2):  # a second round only if the key expired and was purged in between
        try:
            with transaction(rt.sessions) as session:
                session.execute(
                    sql_delete(IdempotencyKey).where(IdempotencyKey.key == key, IdempotencyKey.expires_at < now)
                )
                session.add(IdempotencyKey(key=key, request_hash=digest, expires_at=now + IDEMPOTENCY_IN_FLIGHT))
            return None
        except IntegrityError:
            pass
        with rt.sessions() as session:
            row = session.get(IdempotencyKey, key)
            if row is None:
                continue
            if row.request_hash != digest:
                raise Unprocessable(
                    "This Idempotency-Key was already used with a different request body.",
                    errors=[FieldError("reused with a different body", parameter="Idempotency-Key", location="header")],
                )
            if row.job_id is None:
                raise Conflict("A request with this Idempotency-Key is still being processed; retry shortly.")
            job = session.get(Job, row.job_id)
            if job is not None:
                return job
    raise Conflict("This Idempotency-Key is changing state; retry shortly.")


QUEUE_CAP_RETRY_AFTER_SECONDS = 10


def queued_jobs(session: Session, api_key_id: uuid.UUID) -> int:
    """How many jobs ``api_key_id`` has queued (submitted, not started yet). Batch rows held for a
    dispatch slot do not count: their batch's ``concurrency`` bounds what they queue."""
    query = (
        select(func.count())
        .select_from(Job)
        .where(Job.api_key_id == api_key_id, Job.status == JobStatus.QUEUED, Job.batch_held.is_(False))
    )
    return int(session.scalar(query) or 0)


def check_queue_cap(session: Session, rt: Runtime, api_key_id: uuid.UUID | None, adding: int = 1) -> None:
    """Refuse (429 with Retry-After) ``adding`` more jobs when the key would exceed its queued-jobs cap.

    ``API_KEY_MAX_QUEUED_JOBS`` (0 = no cap); no key (auth off) = no cap. The count is read in the
    caller's transaction; concurrent submissions of one key can overshoot by the few in flight,
    which a fairness cap tolerates. A batch calls this once with ``adding`` = its row count.
    """
    cap = rt.settings.api_key_max_queued_jobs
    if api_key_id is None or cap <= 0:
        return
    queued = queued_jobs(session, api_key_id)
    if queued + adding > cap:
        raise TooManyRequests(
            f"This API key has {queued} jobs queued; at most {cap} may wait at once (API_KEY_MAX_QUEUED_JOBS). "
            f"Retry in {QUEUE_CAP_RETRY_AFTER_SECONDS} s, when some have started.",
            headers={"Retry-After": str(QUEUE_CAP_RETRY_AFTER_SECONDS)},
        )


def create(
    rt: Runtime, body: dict[str, Any], *, idempotency_key: str | None = None, api_key_id: uuid.UUID | None = None
) -> tuple[Job, bool]:
    """Store a job and dispatch it after the commit. Returns ``(job, replayed)``; ``replayed`` for a repeated key.

    ``api_key_id``: the key submitting it (recorded on the job, and counted by :func:`check_queue_cap`).
    """
    if idempotency_key is not None:
        earlier = _reserve(rt, idempotency_key, _request_hash(body))
        if earlier is not None:
            return earlier, True
    try:
        with unit_of_work(rt.sessions) as uow:
            check_queue_cap(uow.session, rt, api_key_id)
            job = add(uow, rt, body, idempotency_key=idempotency_key, api_key_id=api_key_id)
    except BaseException:
        if idempotency_key is not None:
            with transaction(rt.sessions) as session:  # a request that stored nothing releases its key
                session.execute(sql_delete(IdempotencyKey).where(IdempotencyKey.key == idempotency_key))
        raise
    return job, False


def add(
    uow: UnitOfWork,
    rt: Runtime,
    body: dict[str, Any],
    *,
    idempotency_key: str | None = None,
    api_key_id: uuid.UUID | None = None,
    batch: tuple[uuid.UUID, int] | None = None,
) -> Job:
    """Add one job to ``uow``: its row, its asset uses, its ``created`` event and its dispatch.

    The message goes out only after the commit (a worker must never see a message for a row it
    cannot read); if the broker is down then, the outbox relay sends it when it is back. N calls
    in one unit of work create N jobs atomically.

    ``batch=(batch_id, row)`` adds a row of a batch: held, not dispatched (no message, no lease)
    until gala.jobs.batching gives it one of the batch's slots.
    """
    session = uow.session
    version = template_version(session, body)
    options = {**OPTION_DEFAULTS, **body.get("options", {})}
    planned = plan(session, version, body.get("params", {}), options)
    job = Job(
        template_id=version.template_id,
        template_version=version.version,
        params=planned.params,
        options=options,
        labels=body.get("labels", {}),
        status=JobStatus.QUEUED,
        progress=0,
        api_key_id=api_key_id,
        # If no worker claims the job in time (its message was lost), the reaper re-sends it then.
        lease_expires_at=None if batch else utcnow() + timedelta(seconds=rt.settings.job_lease_seconds * 4),
        batch_id=batch[0] if batch else None,
        batch_row=batch[1] if batch else None,
        batch_held=batch is not None,
    )
    session.add(job)
    session.flush()
    session.add_all(AssetUse(asset_id=asset_id, job_id=job.id, pointer=where) for where, asset_id in planned.uses)
    if idempotency_key is not None:
        session.execute(
            update(IdempotencyKey)
            .where(IdempotencyKey.key == idempotency_key)
            .values(job_id=job.id, expires_at=utcnow() + IDEMPOTENCY_RETENTION)  # kept a day from the job
        )
    queue = None if batch else stages.FIRST.queue
    created = events.record(
        uow,
        job.id,
        EventKind.CREATED,
        status=job.status,
        stage=None,
        progress=0,
        attempt=0,
        queue=queue,
        batch_id=job.batch_id,
    )
    if queue is not None:
        dispatch.after_commit(rt, uow, created)
    return job


def get(rt: Runtime, job_id: uuid.UUID) -> Job:
    with rt.sessions() as session:
        job = session.get(Job, job_id)
    if job is None:
        raise NotFound(f"There is no job {job_id}.")
    return job


def output_ids(rt: Runtime, job_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[uuid.UUID]]:
    """The output assets of each job, in a stable order (video first, then by role)."""
    out: dict[uuid.UUID, list[uuid.UUID]] = {j: [] for j in job_ids}
    if not job_ids:
        return out
    with rt.sessions() as session:
        rows = session.execute(
            select(Asset.job_id, Asset.id)
            .where(Asset.job_id.in_(job_ids), Asset.source == "render")
            .order_by(Asset.job_id, Asset.role.desc())  # video first, then thumbnail
        ).all()
    for job_id, asset_id in rows:
        if job_id is not None:
            out[job_id].append(asset_id)
    return out


def list_(
    rt: Runtime,
    *,
    limit: int,
    cursor: str | None,
    status: str | None = None,
    template_id: uuid.UUID | None = None,
) -> tuple[list[Job], str | None]:
    query = select(Job)
    if status is not None:
        query = query.where(Job.status == status)
    if template_id is not None:
        query = query.where(Job.template_id == template_id)
    with rt.sessions() as session:
        rows, nxt = page(session, query, Job.id, limit=limit, cursor=cursor)
    return list(rows), nxt


def cancel(rt: Runtime, job_id: uuid.UUID) -> Job:
    with unit_of_work(rt.sessions) as uow:
        return cancel_in(uow, rt, job_id)


def cancel_in(uow: UnitOfWork, rt: Runtime, job_id: uuid.UUID) -> Job:
    """Cancel one job inside ``uow`` (a batch cancels its rows in one)."""
    now = utcnow()
    # The worker polls this flag while it works and stops; a queued job never starts.
    job = change(
        uow,
        job_id,
        EventKind.CANCELED,
        rt=rt,
        sources=(JobStatus.QUEUED, *ACTIVE),
        where=(),
        cancel_requested=True,
        status=JobStatus.CANCELED,
        stage=None,
        finished_at=now,
        lease_expires_at=None,
        updated_at=now,
    )
    if job is None:
        job = uow.session.get(Job, job_id)
        if job is None:
            raise NotFound(f"There is no job {job_id}.")
        if job.status != JobStatus.CANCELED:
            raise Conflict(f"Job {job_id} is already {job.status}.")
    return job


def delete(rt: Runtime, job_id: uuid.UUID) -> None:
    with transaction(rt.sessions) as session:
        job = session.get(Job, job_id, with_for_update=True)
        if job is None:
            raise NotFound(f"There is no job {job_id}.")
        if job.status not in TERMINAL:
            raise Conflict(f"Job {job_id} is {job.status}; cancel it before deleting it.")
        session.delete(job)
