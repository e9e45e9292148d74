"""The public event types, and which outbox events they come from: the one place for both.

Job types map internal :class:`gala.jobs.events.EventKind` members to public names; the other
kinds (claimed, progress milestones, retries, re-dispatches) are internal and not delivered.
Batch events are written to the same outbox under kinds that already are their public names
(``batch.created`` ...). The contract's ``WebhookEventType`` enum is checked against
:data:`EVENT_TYPES` by tests/webhooks/test_types.py.
"""

from __future__ import annotations

from gala.jobs.events import EventKind

JOB_TYPES: dict[str, str] = {
    EventKind.CREATED: "job.created",
    EventKind.STAGE: "job.stage_changed",
    EventKind.DONE: "job.done",
    EventKind.FAILED: "job.failed",
    EventKind.CANCELED: "job.canceled",
}
# Batch events are written under their public names; a retry of failed rows is internal, like a job's.
BATCH_TYPES: tuple[str, ...] = tuple(
    str(k) for k in EventKind if k.startswith("batch.") and k is not EventKind.BATCH_RETRIED
)
# What POST /webhooks/{id}/test sends; an endpoint receives it whatever its filter.
TEST_TYPE = "webhook.test"

EVENT_TYPES: tuple[str, ...] = (*JOB_TYPES.values(), *BATCH_TYPES)


def public_type(kind: str) -> str | None:
    """The public type of an outbox event of ``kind``, or None if it is not delivered."""
    if kind in JOB_TYPES:
        return JOB_TYPES[kind]
    return kind if kind in BATCH_TYPES else None


def is_batch(event_type: str) -> bool:
    return event_type in BATCH_TYPES
