"""Tasks: plain functions over gala services and the renderer, registered by name.

The API enqueues by task name (``gala.queue.RENDER_TASK``) and never imports this module.
"""

from __future__ import annotations

import logging
import time
import uuid

import renderer
from gala.queue import REAP_TASK, RENDER_TASK
from gala.services import rendering
from gala.storage import StorageError
from worker.app import celery, runtime

log = logging.getLogger("gala.worker")


@celery.task(name=RENDER_TASK, acks_late=True, reject_on_worker_lost=True)
def render_job(job_id: str) -> None:
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
        out = renderer.render(
            claim.composition,
            claim.staging_dir,
            basename=claim.basename,
            progress=beat.progress,
            should_cancel=beat.should_cancel,
        )
    except renderer.RenderCanceled:
        rendering.canceled(rt, claim)
        return
    except renderer.RenderError as exc:
        rendering.fail(rt, claim, "render_error", str(exc))
        return
    except Exception as exc:  # a bug, not bad input: fail the job readably, keep serving
        log.exception("render crashed job_id=%s", job_id)
        rendering.fail(rt, claim, "internal_error", f"The renderer failed unexpectedly: {type(exc).__name__}")
        return
    log.info("rendered job_id=%s seconds=%.2f frames=%s", job_id, time.perf_counter() - started, out.frames)
    media = {
        "duration": out.duration,
        "width": out.width,
        "height": out.height,
        "fps": out.fps,
        "video_codec": "h264",
        "audio_codec": "aac",
        "channels": 2,
        "sample_rate": 48000,
    }
    outputs = [
        rendering.Output("video", out.video_path, "video/mp4", "video", media),
        rendering.Output(
            "thumbnail", out.thumbnail_path, "image/jpeg", "image", {"width": out.width, "height": out.height}
        ),
    ]
    try:
        done = rendering.store_and_finalise(rt, claim, outputs)
    except StorageError as exc:
        if exc.permanent:
            rendering.fail(rt, claim, "storage_error", str(exc))
        else:
            rendering.retry_later(rt, claim, "storage_error", str(exc))
        return
    if done:
        rendering.cleanup_staging(rt, claim)
