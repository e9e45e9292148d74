"""The tables. One class per table; relationships only where a service walks them."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from gala.db import Base, JSONDoc, UTCDateTime, utcnow, uuid7


class Timestamps:
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class Asset(Timestamps, Base):
    __tablename__ = "assets"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid7)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(200))
    mime: Mapped[str] = mapped_column(String(127))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    provider: Mapped[str] = mapped_column(String(16))
    object_key: Mapped[str] = mapped_column(String(1024))
    source: Mapped[str] = mapped_column(String(16))
    job_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("jobs.id", ondelete="SET NULL"), index=True)
    # What the asset is to its job; (job_id, role) is unique so a job rendered twice
    # still has one video and one thumbnail.
    role: Mapped[str | None] = mapped_column(String(32))
    labels: Mapped[dict[str, str]] = mapped_column(JSONDoc, default=dict)
    media: Mapped[dict[str, Any] | None] = mapped_column(JSONDoc)

    __table_args__ = (
        UniqueConstraint("job_id", "role", name="uq_assets_job_id_role"),
        UniqueConstraint("provider", "object_key", name="uq_assets_provider_object_key"),
    )


class AvatarModel(Timestamps, Base):
    __tablename__ = "models"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid7)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(32), default="avatar")
    voice: Mapped[dict[str, Any]] = mapped_column(JSONDoc, default=dict)
    labels: Mapped[dict[str, str]] = mapped_column(JSONDoc, default=dict)
    # A puppet's or photo's anchors (and a photo's located face box): services/rigs.py owns its shape.
    rig: Mapped[dict[str, Any] | None] = mapped_column(JSONDoc)
    references: Mapped[list[ModelReference]] = relationship(
        order_by="ModelReference.position", cascade="all, delete-orphan", lazy="selectin"
    )


class ModelReference(Base):
    """An asset a model is built from. The foreign key keeps referenced assets from vanishing."""

    __tablename__ = "model_references"

    model_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("models.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    asset_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assets.id", ondelete="RESTRICT"), index=True)
    role: Mapped[str | None] = mapped_column(String(32))  # e.g. `base`, `mouth_E`, `photo`; None: no role


class Template(Timestamps, Base):
    """A template's identity and its latest version number; the content lives in versions."""

    __tablename__ = "templates"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid7)
    latest_version: Mapped[int] = mapped_column(Integer, default=1)


class TemplateVersion(Base):
    """An immutable version of a template. Jobs pin one."""

    __tablename__ = "template_versions"

    template_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("templates.id", ondelete="CASCADE"), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    composition: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    parameters: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    labels: Mapped[dict[str, str]] = mapped_column(JSONDoc, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Job(Timestamps, Base):
    __tablename__ = "jobs"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid7)
    template_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("templates.id", ondelete="RESTRICT"), index=True)
    template_version: Mapped[int] = mapped_column(Integer)
    params: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    options: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    labels: Mapped[dict[str, str]] = mapped_column(JSONDoc, default=dict)
    status: Mapped[str] = mapped_column(String(16))  # a gala.jobs.state.JobStatus, set by whoever adds the row
    stage: Mapped[str | None] = mapped_column(String(64))
    # The pipeline stage a queued job was handed to because it runs on another queue than the
    # previous one (gala.jobs.stages); NULL: the job starts, or restarts, at the first stage.
    handoff_stage: Mapped[str | None] = mapped_column(String(64))
    progress: Mapped[int] = mapped_column(Integer, default=0)
    error_code: Mapped[str | None] = mapped_column(String(64))
    error_message: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # The worker holding the job must renew its lease; a reaper re-enqueues expired ones.
    lease_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cancel_requested: Mapped[bool] = mapped_column(default=False)
    # A row of a batch (gala.jobs.batching): its position, and whether it waits for one of the
    # batch's dispatch slots (held rows are queued but not sent, and have no lease to reap).
    batch_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("batches.id", ondelete="CASCADE"))
    batch_row: Mapped[int | None] = mapped_column(Integer)
    batch_held: Mapped[bool] = mapped_column(default=False, server_default=false())
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The API key that submitted the job (the per-key cap on queued jobs counts by it); NULL when
    # the API ran without auth, or for jobs from before keys existed.
    api_key_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("api_keys.id", ondelete="SET NULL"))

    __table_args__ = (
        Index("ix_jobs_status_lease", "status", "lease_expires_at"),
        Index("ix_jobs_api_key_status", "api_key_id", "status"),
        Index("ix_jobs_batch_id_status", "batch_id", "status"),
    )


class ApiKey(Base):
    """An API key (gala.services.keys). Only the SHA-256 of its secret is stored, never the token."""

    __tablename__ = "api_keys"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid7)
    name: Mapped[str] = mapped_column(String(200), default="")
    scope: Mapped[str] = mapped_column(String(16))  # read < write < admin (each includes the ones before)
    secret_sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Batch(Timestamps, Base):
    """One template version rendered for many rows of parameters: each row is a job.

    ``status`` is ``running`` until every row is terminal, then ``done`` (all done), ``failed``
    (some failed) or ``canceled``; it changes in the transaction that ends the last row
    (gala.jobs.batching). ``concurrency`` caps how many of its rows are dispatched at once.
    """

    __tablename__ = "batches"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid7)
    template_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("templates.id", ondelete="RESTRICT"), index=True)
    template_version: Mapped[int] = mapped_column(Integer)
    options: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    basename_column: Mapped[str | None] = mapped_column(String(64))
    labels: Mapped[dict[str, str]] = mapped_column(JSONDoc, default=dict)
    row_count: Mapped[int] = mapped_column(Integer)
    concurrency: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class IdempotencyKey(Base):
    """An ``Idempotency-Key`` seen on ``POST /jobs``: in flight while ``job_id`` is null."""

    __tablename__ = "idempotency_keys"

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    request_hash: Mapped[str] = mapped_column(String(64))
    job_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class AssetUse(Base):
    """An asset a template version or a job renders with: it cannot be deleted while used.

    Filled when the template version or the job is created (the asset ids of a composition, and
    the asset parameters of a job), gone with them (``CASCADE``). ``pointer`` says where the id
    is, for the 409 that names the users. Exactly one of template version / job is set.
    """

    __tablename__ = "asset_uses"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid7)
    asset_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assets.id", ondelete="RESTRICT"), index=True)
    template_id: Mapped[uuid.UUID | None] = mapped_column()
    template_version: Mapped[int | None] = mapped_column(Integer)
    job_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    pointer: Mapped[str] = mapped_column(String(512))

    __table_args__ = (
        ForeignKeyConstraint(
            ["template_id", "template_version"],
            ["template_versions.template_id", "template_versions.version"],
            ondelete="CASCADE",
            name="fk_asset_uses_template_version_template_versions",
        ),
        Index("ix_asset_uses_template_id_template_version", "template_id", "template_version"),
        CheckConstraint(
            "(job_id IS NULL) <> (template_id IS NULL AND template_version IS NULL)"
            " AND ((template_id IS NULL) = (template_version IS NULL))",
            name="one_user",
        ),
    )


class JobEvent(Base):
    """One change of a job's state, written in the same transaction as the change (an outbox).

    The feed webhooks and live progress read: ``id`` grows with commit order (SQLite has one
    writer; on PostgreSQL the writers of events take one advisory lock, see gala.jobs.events), so
    a reader resumes after the last id it saw (an SSE ``Last-Event-ID``). ``sqlite_autoincrement``
    keeps SQLite from reusing the ids of deleted rows.

    An event that hands the job to a queue also carries the dispatch: ``queue`` names it and
    ``sent_at`` stays NULL until the broker took the message. The message is sent after the
    commit, and the outbox relay re-sends those still unsent (the broker was down).

    ``job_id`` is deliberately not a foreign key: a deleted job's history stays readable.
    """

    __tablename__ = "job_events"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True)
    job_id: Mapped[uuid.UUID] = mapped_column()
    kind: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    stage: Mapped[str | None] = mapped_column(String(64))
    progress: Mapped[int] = mapped_column(Integer)
    attempt: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict[str, Any] | None] = mapped_column(JSONDoc)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    queue: Mapped[str | None] = mapped_column(String(64))
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The batch the job is a row of (or, for a batch's own events, the batch: then job_id is it too).
    batch_id: Mapped[uuid.UUID | None] = mapped_column()

    __table_args__ = (
        Index("ix_job_events_job_id_id", "job_id", "id"),
        Index("ix_job_events_batch_id_id", "batch_id", "id"),
        Index("ix_job_events_queue_sent_at", "queue", "sent_at"),
        {"sqlite_autoincrement": True},
    )


class WebhookEndpoint(Timestamps, Base):
    """Where events are sent (gala.webhooks). ``cursor`` is the last outbox (``job_events``) id
    fanned out to it: deliveries are created for the events after it, in the transaction that
    moves it. ``failing_since`` and ``exhausted_in_row`` decide when it is disabled."""

    __tablename__ = "webhook_endpoints"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid7)
    url: Mapped[str] = mapped_column(String(2048))
    description: Mapped[str | None] = mapped_column(Text)
    # The public event types it wants; NULL: all of them.
    event_types: Mapped[list[str] | None] = mapped_column(JSONDoc)
    secret: Mapped[str] = mapped_column(String(128))
    enabled: Mapped[bool] = mapped_column(default=True)
    disabled_reason: Mapped[str | None] = mapped_column(Text)
    disabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cursor: Mapped[int] = mapped_column(BigInteger, default=0)
    failing_since: Mapped[datetime | None] = mapped_column(UTCDateTime)
    exhausted_in_row: Mapped[int] = mapped_column(Integer, default=0)


class WebhookDelivery(Timestamps, Base):
    """One message to one endpoint: the exact body signed on every attempt, under one id.

    ``status`` is ``pending`` (``next_attempt_at`` says when; a sender claims it by moving that
    forward), ``succeeded`` or ``failed`` (no attempt left). ``event_id`` is the outbox event
    (NULL for a test message); unique per endpoint, so fanning out twice creates nothing twice.
    """

    __tablename__ = "webhook_deliveries"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid7)
    endpoint_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("webhook_endpoints.id", ondelete="CASCADE"))
    event_id: Mapped[int | None] = mapped_column(BigInteger)
    message_id: Mapped[str] = mapped_column(String(64))
    event_type: Mapped[str] = mapped_column(String(64))
    payload: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # The attempts made before the retry schedule (re)started: a redelivery starts it afresh.
    schedule_from: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        UniqueConstraint("endpoint_id", "event_id", name="uq_webhook_deliveries_endpoint_id_event_id"),
        Index("ix_webhook_deliveries_endpoint_id_id", "endpoint_id", "id"),
        Index("ix_webhook_deliveries_status_next_attempt_at", "status", "next_attempt_at"),
    )


class WebhookAttempt(Base):
    """One try of a delivery, whatever came of it (``status_code`` NULL: no HTTP answer)."""

    __tablename__ = "webhook_attempts"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid7)
    delivery_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("webhook_deliveries.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    duration_ms: Mapped[int] = mapped_column(Integer)
    status_code: Mapped[int | None] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(Text)
    response_snippet: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (UniqueConstraint("delivery_id", "number", name="uq_webhook_attempts_delivery_id_number"),)
