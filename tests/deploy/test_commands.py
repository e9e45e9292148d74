"""The `gala` subcommands the compose services run that nothing else exercises: ``gala swagger-ui``
(Swagger UI 5 on its own port, showing the live contract of a running API) and ``gala health``
(the containers' healthcheck), run as real processes against a real API on loopback; and the
API's CORS for Swagger UI's origin and its ``/metrics`` in the default (single-process) mode.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from gala import config, metrics
from gala.app import spec_path
from gala.config import Settings
from gala.migrate import upgrade
from gala.openapi31 import load_document
from gala.platform import Platform, Process, free_port

OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 - loopback http only
    try:
        with OPENER.open(request, timeout=10) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, {k.lower(): v for k, v in exc.headers.items()}, exc.read()


def wait_for(url: str, proc: Process, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.alive(), f"{proc.name} exited; see {proc.log_path}"
        try:
            get(url)
            return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(url)


@pytest.fixture
def api_and_ui(tmp_path: Path) -> Iterator[tuple[str, str]]:
    env = {k: v for k, v in os.environ.items() if k not in set(config.ENV_NAMES) | set(metrics.ENV_NAMES)}
    env.update(GALA_DATA_DIR=str(tmp_path / "data"), API_CORS_ORIGINS="http://localhost:8081", PYTHONUNBUFFERED="1")
    upgrade(Settings.from_env(env))
    platform = Platform(env=env, port=free_port(), log_dir=tmp_path / "logs", workers=())
    ui_port = free_port()
    ui = Process(
        "swagger-ui",
        [sys.executable, "-m", "gala.cli", "swagger-ui", "--port", str(ui_port), "--spec-url",
         f"{platform.url}/openapi.json", "--api-url", "http://localhost:8080"],
        env,
        tmp_path / "logs" / "swagger-ui.log",
    )  # fmt: skip
    try:
        platform.start_api()
        platform.wait_healthy(60)
        ui.start()
        platform.processes.append(ui)
        wait_for(f"http://127.0.0.1:{ui_port}/healthz", ui)
        yield platform.url, f"http://127.0.0.1:{ui_port}"
    finally:
        platform.stop()


def test_swagger_ui_serves_swagger_ui_5_and_the_live_contract(api_and_ui: tuple[str, str]) -> None:
    api, ui = api_and_ui
    status, headers, page = get(f"{ui}/")
    assert status == 200
    assert headers["content-type"].startswith("text/html")
    html = page.decode()
    assert 'src="/swagger-ui-bundle.js"' in html
    assert '"url": "/openapi.json"' in html
    status, _, bundle = get(f"{ui}/swagger-ui-bundle.js")
    assert status == 200
    assert len(bundle) > 100_000
    assert b"SwaggerUIBundle" in bundle
    status, _, body = get(f"{ui}/openapi.json")
    assert status == 200
    served = json.loads(body)
    live = json.loads(get(f"{api}/openapi.json")[2])
    assert served["servers"] == [{"url": "http://localhost:8080", "description": "GALA API"}]
    assert {k: v for k, v in served.items() if k != "servers"} == {k: v for k, v in live.items() if k != "servers"}
    assert served["openapi"].startswith("3.1")
    assert served["paths"].keys() == load_document(spec_path())["paths"].keys()


def test_the_api_allows_swagger_uis_origin(api_and_ui: tuple[str, str]) -> None:
    api, _ = api_and_ui
    status, headers, _ = get(f"{api}/health", {"Origin": "http://localhost:8081"})
    assert status == 200
    assert headers.get("access-control-allow-origin") == "http://localhost:8081"
    _, headers, _ = get(f"{api}/health", {"Origin": "http://evil.example"})
    assert "access-control-allow-origin" not in headers


def test_gala_health_is_a_healthcheck(api_and_ui: tuple[str, str]) -> None:
    api, ui = api_and_ui

    def health(url: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "gala.cli", "health", "--url", url, "--timeout", "5"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    ok = health(f"{api}/health/ready")
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.strip() == f"{api}/health/ready 200"
    assert health(f"{ui}/healthz").returncode == 0
    missing = health(f"{api}/no-such-path")
    assert missing.returncode == 1
    assert "answered 404" in missing.stderr
    down = health(f"http://127.0.0.1:{free_port()}/health")
    assert down.returncode == 1
    assert "did not answer" in down.stderr


def test_metrics_in_one_process(client: object) -> None:
    """Without PROMETHEUS_MULTIPROC_DIR the API exposes its own process and the scrape-time series."""
    assert client.get("/health").status_code == 200  # type: ignore[attr-defined]
    response = client.get("/metrics")  # type: ignore[attr-defined]
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/plain")
    names = set(metrics.metric_names(response.text))
    assert {"gala_http_requests_total", "gala_jobs", "gala_queue_depth", "gala_metrics_source_up"} <= names
    assert 'route="health.live"' in response.text
