"""A job's status: the one enum, and which changes between statuses are allowed.

The contract's ``JobStatus`` (openapi/gala.yaml) is checked against this enum by a test; the
services, the pipeline and the metrics use these members, never string literals.
"""

from __future__ import annotations

from enum import StrEnum


class JobStatus(StrEnum):
    QUEUED = "queued"  # waiting for a worker (new, handed to another queue, or waiting to retry)
    RENDERING = "rendering"  # a worker holds it (every stage before the upload)
    UPLOADING = "uploading"  # the last stage: outputs being stored and recorded
    DONE = "done"
    FAILED = "failed"
    CANCELED = "canceled"


# A worker holds the job under a lease in these; the reaper watches them.
ACTIVE = frozenset({JobStatus.RENDERING, JobStatus.UPLOADING})
TERMINAL = frozenset({JobStatus.DONE, JobStatus.FAILED, JobStatus.CANCELED})

# from -> the statuses it may move to. Active -> active covers a stage change and a new attempt
# claiming a job whose lease ran out; active -> queued is a retry, a reap or a hand-off.
TRANSITIONS: dict[JobStatus, frozenset[JobStatus]] = {
    JobStatus.QUEUED: frozenset({*ACTIVE, JobStatus.QUEUED, JobStatus.FAILED, JobStatus.CANCELED}),
    JobStatus.RENDERING: frozenset({*ACTIVE, JobStatus.QUEUED, JobStatus.DONE, JobStatus.FAILED, JobStatus.CANCELED}),
    JobStatus.UPLOADING: frozenset({*ACTIVE, JobStatus.QUEUED, JobStatus.DONE, JobStatus.FAILED, JobStatus.CANCELED}),
    JobStatus.DONE: frozenset(),
    JobStatus.FAILED: frozenset(),
    JobStatus.CANCELED: frozenset(),
}


class IllegalTransition(ValueError):
    """A programming error: code asked for a status change the state machine does not have."""


def check(sources: frozenset[JobStatus] | set[JobStatus] | tuple[JobStatus, ...], target: JobStatus) -> None:
    """Raise IllegalTransition unless every status in ``sources`` may move to ``target``."""
    bad = sorted(s for s in sources if target not in TRANSITIONS[s])
    if bad:
        raise IllegalTransition(f"a job cannot go from {', '.join(bad)} to {target}")
