"""The pipeline: the stages a job goes through, each declared once with its queue and policies.

This module is pure data (the API imports it to dispatch the first stage). Each stage names its
implementation by dotted path (``module:function``, resolved on the worker), so the API never
imports the renderer. Adding a stage is its implementation module plus one line in ``PIPELINE``.

Where files live between stages: consecutive stages on the same queue run in the same task, on
the same host, and share the attempt's staging directory. A stage whose successor is on another
queue must leave what the successor needs in storage (attempt-scoped keys); the worker records
the hand-off (job queued for the next stage) and its dispatch in one transaction, and the message
is sent after that commit.
"""

from __future__ import annotations

from dataclasses import dataclass

from gala.jobs.state import JobStatus

RENDER_QUEUE = "gala.render"  # media work: CPU-heavy, one task per process
SPEECH_QUEUE = "gala.speech"  # text to speech: ~1000x realtime, helper processes, no PyAV


@dataclass(frozen=True)
class RetryPolicy:
    """What a transient failure (a storage hiccup) in a stage does: queue the job again after a
    back-off, up to ``JOB_MAX_ATTEMPTS``. A stage with ``retry=None`` fails the job instead."""

    base_seconds: float = 2.0
    cap_seconds: float = 60.0

    def backoff(self, attempt: int) -> float:
        return float(min(self.cap_seconds, self.base_seconds**attempt))


@dataclass(frozen=True)
class Stage:
    name: str  # the job's `stage` while it runs (the API shows it)
    queue: str  # the broker queue whose workers run it
    status: JobStatus  # the job's status while it runs
    run: str  # "module:function" taking the worker's StageContext
    share: int  # its part of the job's 0-100 progress
    retry: RetryPolicy | None = RetryPolicy()


PIPELINE: tuple[Stage, ...] = (
    Stage("synthesizing speech", SPEECH_QUEUE, JobStatus.RENDERING, "worker.stages.speech:run", share=5),
    Stage("fetching assets", RENDER_QUEUE, JobStatus.RENDERING, "worker.stages.fetch:run", share=5),
    Stage("rendering", RENDER_QUEUE, JobStatus.RENDERING, "worker.stages.render:run", share=80, retry=None),
    Stage("uploading", RENDER_QUEUE, JobStatus.UPLOADING, "worker.stages.store:run", share=10),
)

FIRST = PIPELINE[0]
LAST = PIPELINE[-1]  # the one that stores the outputs and marks the job done
BY_NAME = {stage.name: stage for stage in PIPELINE}


def get(name: str | None) -> Stage:
    """The stage called ``name``; the first one for None. Raises KeyError for an unknown name."""
    return FIRST if name is None else BY_NAME[name]


def after(stage: Stage) -> Stage | None:
    """The stage that follows ``stage``, or None after the last."""
    index = PIPELINE.index(stage)
    return PIPELINE[index + 1] if index + 1 < len(PIPELINE) else None


def progress(stage: Stage, percent: float) -> int:
    """The job's overall progress when ``stage`` is ``percent`` done (never 100: that is `done`)."""
    before = sum(s.share for s in PIPELINE[: PIPELINE.index(stage)])
    return max(0, min(99, int(before + stage.share * max(0.0, min(100.0, percent)) / 100)))


def queues() -> tuple[str, ...]:
    """Every queue a stage runs on, in pipeline order."""
    return tuple(dict.fromkeys(stage.queue for stage in PIPELINE))


class StageFailed(Exception):
    """A stage implementation's verdict: the attempt ends here. ``retry`` for a transient cause
    (the job is queued again under the stage's RetryPolicy), else the job fails with ``code``."""

    def __init__(self, code: str, message: str, *, retry: bool = False) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.retry = retry


class StageStopped(Exception):
    """The job stopped being this attempt's (canceled, or taken over) while the stage worked.

    ``handled``: the stage already recorded how the attempt ended (and logged its cleanup line)."""

    def __init__(self, *, handled: bool = False) -> None:
        super().__init__("stopped")
        self.handled = handled
