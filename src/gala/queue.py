"""The task queue: one Celery configuration for the API (which only sends) and the workers.

Queues and routing live here and nowhere else. The database job row is the source of truth;
a message only says "look at job X". Delivery is at least once: ``acks_late``, reject on worker
loss, prefetch 1, and a broker visibility timeout longer than the longest render. A task that
runs twice is a no-op the second time (see :mod:`gala.jobs.transition`). One generic task runs a
job's current stage; each stage's queue is declared in :mod:`gala.jobs.stages`.

The embedded broker is kombu's SQLAlchemy transport over SQLite. It has two traps: it polls
(1 s by default) and it loses a message whose worker dies (no visibility timeout). GALA sets a
short polling interval through a thin transport subclass (the stock one hands every transport
option to ``create_engine``), and the reaper re-enqueues jobs whose lease expired.
"""

from __future__ import annotations

import uuid
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from celery import Celery
from celery.exceptions import CPendingDeprecationWarning
from celery.signals import celeryd_after_setup
from kombu import Exchange, Queue
from kombu.transport import TRANSPORT_ALIASES
from kombu.transport import sqlalchemy as kombu_sqla
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from gala.config import Settings

DEFAULT_QUEUE = "gala.default"  # housekeeping: the reaper, the outbox relay
STAGE_TASK = "gala.run_stage"  # args: [job_id]; sent to the queue of the job's current stage
REAP_TASK = "gala.reap"
ROUTES = {REAP_TASK: {"queue": DEFAULT_QUEUE}}

__all__ = ["DEFAULT_QUEUE", "REAP_TASK", "ROUTES", "STAGE_TASK", "Dispatcher", "make_celery"]

EMBEDDED_ALIAS = "galasqla"
EMBEDDED_POLL_SECONDS = 0.05
# The start of the warning Celery 5 gives about worker_cancel_long_running_tasks_on_connection_loss.
_CANCEL_WARNING = r"\s*In Celery 5\.1 we introduced an optional breaking change"


# Transport options that are kombu's, not create_engine()'s.
_KOMBU_OPTIONS = frozenset(
    {
        "polling_interval",
        "queue_tablename",
        "message_tablename",
        "callback",
        "errback",
        "max_retries",
        "interval_start",
        "interval_step",
        "interval_max",
        "retry_errors",
    }
)


class _EmbeddedChannel(kombu_sqla.Channel):  # type: ignore[misc]
    def _engine_from_config(self) -> Any:
        client = self.connection.client
        options = {k: v for k, v in client.transport_options.items() if k not in _KOMBU_OPTIONS}
        return create_engine(client.hostname, **options)


class EmbeddedTransport(kombu_sqla.Transport):  # type: ignore[misc]
    """kombu's SQLAlchemy transport, with ``polling_interval`` kept away from ``create_engine``."""

    Channel = _EmbeddedChannel


def is_embedded(broker_url: str) -> bool:
    return broker_url.startswith("sqla+")


def celery_config(settings: Settings, queues: Sequence[str] = ()) -> dict[str, Any]:
    """``queues``: the stages' queues (gala.jobs.stages.queues()), declared beside ``gala.default``."""
    url = settings.broker_url
    transport_options: dict[str, Any]
    if is_embedded(url):
        TRANSPORT_ALIASES.setdefault(EMBEDDED_ALIAS, f"{__name__}:EmbeddedTransport")
        database = make_url(url.removeprefix("sqla+")).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        url = f"{EMBEDDED_ALIAS}+{url.removeprefix('sqla+')}"
        transport_options = {"polling_interval": EMBEDDED_POLL_SECONDS}
    else:
        # Redis: an unacknowledged message comes back after this long; renders are shorter.
        transport_options = {"visibility_timeout": settings.max_render_seconds + 600}
    exchange = Exchange("gala", type="direct")
    return {
        "broker_url": url,
        "broker_transport_options": transport_options,
        "broker_connection_retry_on_startup": True,
        "task_queues": [Queue(name, exchange, routing_key=name) for name in dict.fromkeys((*queues, DEFAULT_QUEUE))],
        "task_default_queue": DEFAULT_QUEUE,
        "task_default_exchange": "gala",
        "task_routes": ROUTES,
        "task_acks_late": True,
        "task_reject_on_worker_lost": True,
        "task_ignore_result": True,
        "task_serializer": "json",
        "accept_content": ["json"],
        "worker_prefetch_multiplier": 1,
        # A lost broker connection does not cancel the render in flight (Celery 6 will default to
        # True). The job row, not the message, owns the job: the lease is renewed in the database,
        # so a render needs no broker while it runs, and cancelling it on a broker blip would throw
        # the work away and spend one of JOB_MAX_ATTEMPTS. A message whose ack is lost comes back
        # after the visibility timeout and finds the job done (a no-op). With the solo pool the
        # worker runs (worker/__main__.py) True could not cancel anything anyway: the consumer sees
        # the loss only after the task returns, and the solo pool has no terminate_job.
        # tests/faults/test_broker_restart.py restarts Redis mid-render.
        "worker_cancel_long_running_tasks_on_connection_loss": False,
        "worker_hijack_root_logger": False,
        "worker_send_task_events": False,
    }


def _quiet_cancel_warning(**_: Any) -> None:
    warnings.filterwarnings("ignore", message=_CANCEL_WARNING, category=CPendingDeprecationWarning)


def make_celery(settings: Settings, name: str = "gala", queues: Sequence[str] = ()) -> Celery:
    # Celery warns on every connection loss while the setting above is False, chosen or not. The
    # choice is made and explained above, so the warning is only noise in the worker's log. The
    # filter goes in after the worker set up logging, which turns Celery's warnings back on.
    celeryd_after_setup.connect(_quiet_cancel_warning, weak=False, dispatch_uid=f"{__name__}.quiet-cancel-warning")
    app = Celery(name, set_as_current=False)
    app.conf.update(celery_config(settings, queues))
    return app


class Dispatcher:
    """Sends "run job X's current stage" messages, only ever after the job's row is committed
    (gala.jobs.dispatch sends them from the outbox)."""

    def __init__(self, settings: Settings, queues: Sequence[str]) -> None:
        self._settings = settings
        self._queues = tuple(queues)
        self._app: Celery | None = None

    @property
    def app(self) -> Celery:
        if self._app is None:
            self._app = make_celery(self._settings, name="gala-dispatch", queues=self._queues)
        return self._app

    def send(self, job_id: uuid.UUID, queue: str) -> None:
        self.app.send_task(STAGE_TASK, args=[str(job_id)], queue=queue)

    def close(self) -> None:
        if self._app is not None:
            self._app.close()
