"""The end of a successful attempt: store the outputs, record them and mark the job done, once.

The asset rows and ``done`` are one transaction, and only for the owning attempt; ``(job_id,
role)`` is unique, so a job has one set of assets. Objects are stored under attempt-scoped keys
(:meth:`Claim.key`); once done, objects an earlier lost attempt may have stored are removed.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from gala.db import unit_of_work, utcnow
from gala.jobs import stages
from gala.jobs.claim import Claim
from gala.jobs.events import EventKind
from gala.jobs.formats import Output
from gala.jobs.lease import advance
from gala.jobs.outcome import lost
from gala.jobs.staging import keep_staging
from gala.jobs.state import JobStatus
from gala.jobs.transition import change, owned
from gala.orm import Asset, Job
from gala.runtime import Runtime
from gala.storage import StorageError

log = logging.getLogger("gala.jobs")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def store_and_finalise(rt: Runtime, claim: Claim, outputs: list[Output]) -> bool:
    """Upload the outputs, then record them and mark the job done. False if the job was lost.

    Raises StorageError when an upload fails (the caller retries the job); the staging files
    stay in place, and nothing points at bytes that were not stored.
    """
    if claim.stage is not stages.LAST and not advance(rt, claim, stages.LAST):
        lost(rt, claim)
        return False
    storage = rt.storage.default
    rows = []
    for out in outputs:
        filename = f"{claim.basename}{out.path.suffix}"
        key = storage.put_file(out.path, claim.key(filename), mime=out.mime)
        claim.stored.append((storage.provider, key))
        rows.append(
            {
                "role": out.role,
                "kind": out.kind,
                "name": filename,
                "mime": out.mime,
                "size_bytes": out.path.stat().st_size,
                "sha256": _sha256(out.path),
                "provider": storage.provider,
                "object_key": key,
                "media": out.media,
            }
        )
    stamp = utcnow()
    try:
        with unit_of_work(rt.sessions) as uow:
            done = change(
                uow,
                claim.job_id,
                EventKind.DONE,
                rt=rt,
                sources=(stages.LAST.status,),
                where=(owned(claim.job_id, claim.attempt, stages.LAST.status), Job.cancel_requested.is_(False)),
                data={"outputs": len(rows)},
                status=JobStatus.DONE,
                stage=None,
                progress=100,
                finished_at=stamp,
                lease_expires_at=None,
                updated_at=stamp,
            )
            if done is not None:
                for row in rows:
                    uow.session.add(Asset(source="render", job_id=claim.job_id, labels={}, **row))
    except Exception as exc:
        # Golden rule: no committed row, so the staging files stay. The stored objects stay too:
        # a commit that failed while being acknowledged may still have happened, and deleting
        # would leave rows without bytes. The job's lease runs out, the reaper re-enqueues it,
        # and the next attempt removes this attempt's objects (forget) once it has stored its own.
        keep_staging(claim, f"database write failed ({type(exc).__name__})")
        raise
    if done is None:
        lost(rt, claim)
        return False
    claim.recorded = True
    _forget_earlier_attempts(rt, claim, [f"{claim.basename}{o.path.suffix}" for o in outputs])
    return True


def _forget_earlier_attempts(rt: Runtime, claim: Claim, filenames: list[str]) -> None:
    """Objects an earlier, lost attempt may have stored before it died (found by the key it was given)."""
    storage = rt.storage.default
    for attempt in range(1, claim.attempt):
        for filename in filenames:
            key = f"jobs/{claim.job_id}/a{attempt}/{filename}"
            try:
                storage.forget(key)
            except StorageError as exc:
                log.warning("could not delete a lost attempt's object key=%s err=%s", key, exc)
