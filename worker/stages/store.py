"""Stage "uploading": store the outputs, record them, mark the job done, then clean up staging."""

from __future__ import annotations

from gala.jobs.finalise import store_and_finalise
from gala.jobs.stages import StageFailed, StageStopped
from gala.jobs.staging import cleanup_staging
from gala.storage import StorageError
from worker.context import StageContext


def run(ctx: StageContext) -> None:
    try:
        done = store_and_finalise(ctx.rt, ctx.claim, ctx.outputs)
    except StorageError as exc:
        raise StageFailed("storage_error", str(exc), retry=not exc.permanent) from exc
    if not done:
        raise StageStopped(handled=True)  # store_and_finalise cleaned up after the lost job
    cleanup_staging(ctx.rt, ctx.claim)
