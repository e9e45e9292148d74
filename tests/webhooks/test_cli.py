"""``gala webhooks`` through the generated client, against the API served on 127.0.0.1."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from click.testing import CliRunner, Result

from gala.cli import main
from gala.platform import free_port
from gala.runtime import Runtime
from tests.test_cli import runner_env
from tests.webhooks.conftest import Receiver, settle


@pytest.fixture
def api_url(hook_app: Any) -> Iterator[str]:
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(hook_app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


def gala(url: str, tmp_path: Path, *args: str) -> Result:
    env = {**runner_env(tmp_path), "GALA_URL": url}
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


def test_create_list_show_test_deliveries_rm(api_url: str, receiver: Receiver, rt: Runtime, tmp_path: Path) -> None:
    made = gala(api_url, tmp_path, "webhooks", "create", receiver.url, "--event", "job.done", "--event", "job.failed")
    assert made.exit_code == 0, made.output
    hook_id = made.stdout.strip()
    assert "secret (shown once): whsec_" in made.stderr
    receiver.secret = made.stderr.split("secret (shown once): ")[1].strip()

    listed = gala(api_url, tmp_path, "webhooks", "list")
    assert hook_id in listed.stdout
    assert "job.done, job.failed" in listed.stdout
    shown = gala(api_url, tmp_path, "webhooks", "show", hook_id)
    assert receiver.url in shown.stdout
    assert "whsec_" not in shown.stdout

    sent = gala(api_url, tmp_path, "webhooks", "test", hook_id)
    assert sent.exit_code == 0, sent.output
    settle(rt, lambda: len(receiver.processed) == 1)
    table = gala(api_url, tmp_path, "webhooks", "deliveries", hook_id)
    assert "webhook.test" in table.stdout
    assert "succeeded" in table.stdout
    assert "200 (" in table.stdout

    refused = gala(api_url, tmp_path, "webhooks", "create", "ftp://example.com/")
    assert refused.exit_code == 1
    assert "/url" in refused.stderr
    assert gala(api_url, tmp_path, "webhooks", "rm", hook_id).exit_code == 0
    assert gala(api_url, tmp_path, "webhooks", "show", hook_id).exit_code == 1
