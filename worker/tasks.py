"""Tasks: plain functions over gala services and the renderer, registered by name.

The API enqueues by task name (``gala.queue.RENDER_TASK``) and never imports this module.
"""

from __future__ import annotations

import logging
import time
import uuid

import renderer.encoder
from gala import metrics
from gala.logs import job_context
from gala.queue import REAP_TASK, RENDER_TASK
from gala.services import assets, rendering
from gala.services.runtime import Runtime
from gala.storage import StorageError
from worker.app import celery, runtime

log = logging.getLogger("gala.worker")


@celery.task(name=RENDER_TASK, acks_late=True, reject_on_worker_lost=True)
def render_job(job_id: str) -> None:
    with job_context(job_id):
        run_render(uuid.UUID(job_id))


@celery.task(name=REAP_TASK)
def reap() -> None:
    rendering.reap(runtime())


def run_render(job_id: uuid.UUID) -> None:
    rt = runtime()
    claim = rendering.claim(rt, job_id)
    if claim is None:
        log.info("nothing to do job_id=%s", job_id)
        return
    beat = rendering.Heartbeat(rt, claim)
    started = time.perf_counter()
    try:
        # The media the composition names, as local files: localfs paths as they are, other
        # providers' objects streamed into the staging directory (removed after the render).
        files, downloaded = rendering.localize(
            rt, claim.assets, claim.staging_dir / "assets", should_stop=beat.should_cancel
        )
    except rendering.Abandoned:
        rendering.canceled(rt, claim)
        return
    except StorageError as exc:
        _storage_failed(rt, claim, exc, f"An asset could not be read: {exc}")
        return
    try:
        out = renderer.encoder.render(
            claim.composition,
            claim.staging_dir,
            basename=claim.basename,
            assets=files,
            limits=assets.limits(rt),
            progress=beat.progress,
            should_cancel=beat.should_cancel,
        )
    except renderer.RenderCanceled:
        metrics.observe_render("canceled", time.perf_counter() - started)
        rendering.canceled(rt, claim)
        return
    except renderer.RenderError as exc:
        metrics.observe_render("failed", time.perf_counter() - started)
        rendering.fail(rt, claim, "render_error", str(exc))
        return
    except Exception as exc:  # a bug, not bad input: fail the job readably, keep serving
        metrics.observe_render("failed", time.perf_counter() - started)
        log.exception("render crashed job_id=%s", job_id)
        rendering.fail(rt, claim, "internal_error", f"The renderer failed unexpectedly: {type(exc).__name__}")
        return
    finally:
        for path in downloaded:
            path.unlink(missing_ok=True)
    seconds = time.perf_counter() - started
    metrics.observe_render("done", seconds)
    hostname = render_job.request.hostname or "-"
    log.info("rendered job_id=%s seconds=%.2f frames=%s worker=%s", job_id, seconds, out.frames, hostname)
    outputs = rendering.outputs_of(out)
    try:
        done = rendering.store_and_finalise(rt, claim, outputs)
    except StorageError as exc:
        _storage_failed(rt, claim, exc, str(exc))
        return
    if done:
        rendering.cleanup_staging(rt, claim)


def _storage_failed(rt: Runtime, claim: rendering.Claim, exc: StorageError, message: str) -> None:
    """A permanent storage error fails the job; any other is retried later."""
    if exc.permanent:
        rendering.fail(rt, claim, "storage_error", message)
    else:
        rendering.retry_later(rt, claim, "storage_error", message)
