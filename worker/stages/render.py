"""Stage "rendering": the renderer turns the composition into files in the staging directory."""

from __future__ import annotations

import logging
import time

import renderer
import renderer.encoder
from gala import metrics
from gala.jobs.formats import outputs_of
from gala.jobs.stages import StageFailed, StageStopped
from gala.services import assets
from worker.context import StageContext

log = logging.getLogger("gala.worker")


def run(ctx: StageContext) -> None:
    claim = ctx.claim
    started = time.perf_counter()
    try:
        out = renderer.encoder.render(
            claim.composition,
            claim.staging_dir,
            basename=claim.basename,
            assets=ctx.files,
            limits=assets.limits(ctx.rt),
            progress=ctx.beat.progress,
            should_cancel=ctx.beat.should_cancel,
        )
    except renderer.RenderCanceled:
        metrics.observe_render("canceled", time.perf_counter() - started)
        raise StageStopped() from None
    except renderer.RenderError as exc:
        metrics.observe_render("failed", time.perf_counter() - started)
        raise StageFailed("render_error", str(exc)) from exc
    except Exception as exc:  # a bug, not bad input: fail the job readably, keep serving
        metrics.observe_render("failed", time.perf_counter() - started)
        log.exception("render crashed job_id=%s", claim.job_id)
        raise StageFailed("internal_error", f"The renderer failed unexpectedly: {type(exc).__name__}") from exc
    finally:
        for path in ctx.downloaded:
            path.unlink(missing_ok=True)
    seconds = time.perf_counter() - started
    metrics.observe_render("done", seconds)
    log.info("rendered job_id=%s seconds=%.2f frames=%s worker=%s", claim.job_id, seconds, out.frames, ctx.hostname)
    ctx.outputs = outputs_of(out)
