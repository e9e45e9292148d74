"""Runs a job's current stage, and the stages after it on the same queue, in one task.

The stage to run is read from the job row (the message only says "look at job X"): the stage it
was handed to, or the first. A message that arrived on another queue than that stage's (a stale
duplicate) does nothing. Stage implementations are resolved by the dotted path their
declaration names (gala.jobs.stages), on the worker only.
"""

from __future__ import annotations

import importlib
import logging
import uuid
from collections.abc import Callable
from functools import cache

from sqlalchemy import select

from gala.jobs import lease, outcome, stages
from gala.jobs.stages import Stage, StageFailed, StageStopped
from gala.jobs.staging import remove_staging
from gala.orm import Job
from gala.runtime import Runtime
from worker.context import StageContext

log = logging.getLogger("gala.worker")


@cache
def implementation(stage: Stage) -> Callable[[StageContext], None]:
    module, _, name = stage.run.partition(":")
    run: Callable[[StageContext], None] = getattr(importlib.import_module(module), name)
    return run


def run(rt: Runtime, job_id: uuid.UUID, *, queue: str | None = None, hostname: str = "-") -> None:
    with rt.sessions() as session:
        handoff = session.scalar(select(Job.handoff_stage).where(Job.id == job_id))
    stage = stages.BY_NAME.get(handoff) if handoff else stages.FIRST
    if stage is None or (queue is not None and stage.queue != queue):
        log.info("nothing to do job_id=%s queue=%s (the job waits for stage %s)", job_id, queue, handoff)
        return
    claim = lease.claim(rt, job_id, stage)
    if claim is None:
        log.info("nothing to do job_id=%s", job_id)
        return
    ctx = StageContext(rt, claim, lease.Heartbeat(rt, claim), hostname)
    try:
        with lease.kept(rt, lambda: ctx.beat):
            _run_stages(rt, ctx)
    except StageStopped as exc:
        if not exc.handled:
            outcome.lost(rt, claim)
    except StageFailed as exc:
        if exc.retry:
            outcome.retry_later(rt, claim, exc.code, exc.message)
        else:
            outcome.fail(rt, claim, exc.code, exc.message)
    except Exception as exc:  # a bug in a stage: fail the job readably, keep serving
        log.exception("stage crashed job_id=%s stage=%s", job_id, claim.stage.name)
        outcome.fail(rt, claim, "internal_error", f"Stage {claim.stage.name} failed unexpectedly: {type(exc).__name__}")
    finally:
        for path in ctx.downloaded:
            path.unlink(missing_ok=True)


def _run_stages(rt: Runtime, ctx: StageContext) -> None:
    """The claimed stage, then each following stage on the same queue; a hand-off ends the task."""
    claim = ctx.claim
    while True:
        implementation(claim.stage)(ctx)
        following = stages.after(claim.stage)
        if following is None:
            return
        if following.queue != claim.stage.queue:
            if lease.hand_off(rt, claim, following):
                remove_staging(claim, f"handed to {following.name}")  # it left its results in storage
            else:
                outcome.lost(rt, claim)
            return
        if not lease.advance(rt, claim, following):
            outcome.lost(rt, claim)
            return
        ctx.beat = lease.Heartbeat(rt, claim)
