"""How an attempt ends when it does not end done: failed, retried later, canceled, or taken over.

Each is one compare-and-set for the owning attempt plus its event (gala.jobs.transition), and
the attempt's one ``cleanup ...`` line (gala.jobs.staging).
"""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy import select

from gala.db import unit_of_work, utcnow
from gala.jobs.claim import Claim
from gala.jobs.events import EventKind
from gala.jobs.staging import keep_staging, remove_staging
from gala.jobs.state import ACTIVE, JobStatus
from gala.jobs.transition import change, owned
from gala.orm import Job
from gala.runtime import Runtime
from gala.storage import StorageError

log = logging.getLogger("gala.jobs")

RETRY_STAGE = "waiting to retry"  # the job's `stage` while it waits out a back-off


def discard(rt: Runtime, claim: Claim) -> None:
    """Delete what this attempt stored: it will not be recorded."""
    for provider, key in claim.stored:
        try:
            rt.storage.get(provider).delete(key)
        except StorageError as exc:
            log.warning("could not delete an unrecorded object key=%s err=%s", key, exc)
    claim.stored.clear()


def fail(rt: Runtime, claim: Claim, code: str, message: str) -> None:
    stamp = utcnow()
    with unit_of_work(rt.sessions) as uow:
        change(
            uow,
            claim.job_id,
            EventKind.FAILED,
            rt=rt,
            sources=ACTIVE,
            where=(owned(claim.job_id, claim.attempt, *ACTIVE),),
            data={"code": code, "message": message},
            status=JobStatus.FAILED,
            stage=None,
            error_code=code,
            error_message=message[:2000],
            finished_at=stamp,
            lease_expires_at=None,
            updated_at=stamp,
        )
    # Staging files of failed jobs are kept (golden rule): an operator can still retry or inspect;
    # the reaper sweeps them after STAGING_MAX_AGE_HOURS.
    discard(rt, claim)
    keep_staging(claim, f"job failed ({code})")


def retry_later(rt: Runtime, claim: Claim, code: str, message: str) -> bool:
    """Put the job back in the queue after a transient failure; fail it after the last attempt
    (or at once if the running stage does not retry).

    Returns True when the job will be retried. It restarts at the first stage; the reaper sends it
    once its lease (used here as the stage's back-off) expires.
    """
    policy = claim.stage.retry
    if policy is None:
        fail(rt, claim, code, message)
        return False
    if claim.attempt >= rt.settings.job_max_attempts:
        fail(rt, claim, code, f"{message} (gave up after {claim.attempt} attempts)")
        return False
    backoff = policy.backoff(claim.attempt)
    stamp = utcnow()
    with unit_of_work(rt.sessions) as uow:
        change(
            uow,
            claim.job_id,
            EventKind.RETRIED,
            sources=ACTIVE,
            where=(owned(claim.job_id, claim.attempt, *ACTIVE),),
            data={"in": f"{backoff}s", "code": code, "message": message},
            status=JobStatus.QUEUED,
            stage=RETRY_STAGE,
            handoff_stage=None,
            error_code=code,
            error_message=message[:2000],
            lease_expires_at=stamp + timedelta(seconds=backoff),
            updated_at=stamp,
        )
    # The staging files stay (golden rule); objects this attempt stored are not recorded.
    discard(rt, claim)
    keep_staging(claim, f"will retry ({code})")
    return True


def lost(rt: Runtime, claim: Claim) -> None:
    """The job stopped being this attempt's while it worked: canceled, or taken over.

    A canceled job's files go (``cleanup ok ... reason=canceled``). A job taken over (the reaper,
    or a redelivery, found the lease expired) already had this attempt's cleanup line logged by
    whoever took it over, and its staging directory may be the next attempt's now: left alone.
    """
    discard(rt, claim)
    with rt.sessions() as session:
        status = session.scalar(select(Job.status).where(Job.id == claim.job_id))
    if status == JobStatus.CANCELED:
        log.info("work stopped: job canceled job_id=%s attempt=%s", claim.job_id, claim.attempt)
        remove_staging(claim, "canceled")
    else:
        log.info("work stopped: job taken over job_id=%s attempt=%s status=%s", claim.job_id, claim.attempt, status)
