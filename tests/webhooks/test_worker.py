"""The deliverer as it runs in production: a thread of a real ``python -m worker`` process."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from gala.app import create_app
from gala.config import Settings
from gala.platform import Platform
from gala.services.builtin import HELLO_ID
from tests.webhooks.conftest import Receiver

TINY = {"title": "¡Hola!", "width": 160, "height": 90, "duration": 1.2, "fps": 10, "size": 16}

pytestmark = pytest.mark.slow


def test_a_rendered_job_is_told_to_the_receiver_by_the_worker(
    settings: Settings, receiver: Receiver, tmp_path: Path
) -> None:
    broker = f"sqla+sqlite:///{settings.data_dir / 'broker.db'}"
    settings = settings.replace(broker_url=broker, webhook_allow_private_targets=True)
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "CELERY_BROKER_URL", "DATABASE_URL"}}
    env.update(
        GALA_DATA_DIR=str(settings.data_dir),
        DATABASE_URL=settings.database_url,
        CELERY_BROKER_URL=broker,
        WEBHOOK_ALLOW_PRIVATE_TARGETS="1",
        WEBHOOK_RETRY_SCHEDULE="0.2,0.2",
        PYTHONUNBUFFERED="1",
    )
    platform = Platform(env=env, log_dir=tmp_path / "logs", workers=())
    app = create_app(settings)
    client = app.test_client()
    try:
        hook = client.post("/webhooks", json={"url": receiver.url}).json()
        receiver.secret = hook["secret"]
        receiver.plan = lambda _id, n: "500" if n == 1 else "ok"  # every message fails once first
        platform.start_worker()
        made = client.post("/jobs", json={"template_id": str(HELLO_ID), "params": TINY})
        assert made.status_code == 201, made.text
        job = made.json()

        def types() -> list[str]:
            return [json.loads(r.body)["type"] for r in receiver.requests if r.message_id in receiver.processed]

        deadline = time.monotonic() + 90
        while "job.done" not in types() or len(receiver.requests) < 2 * len(set(receiver.processed)):
            assert time.monotonic() < deadline, f"{types()}\n" + "\n".join(
                p.read_text()[-3000:] for p in (tmp_path / "logs").glob("*.log")
            )
            time.sleep(0.1)
    finally:
        platform.stop()
        app.app.extensions["gala"].close()
    assert all(r.verified for r in receiver.requests)
    first = {}
    for r in receiver.requests:
        first.setdefault(r.message_id, json.loads(r.body))
    seen = [m["type"] for m in first.values()]
    assert seen[0] == "job.created"
    assert "job.stage_changed" in seen
    done = next(m for m in first.values() if m["type"] == "job.done")
    assert done["data"]["job_id"] == job["id"]
    assert len(done["data"]["output_asset_ids"]) == 2
