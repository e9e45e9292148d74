"""Logs: JSON lines in production, readable lines in development, the job id on each line."""

from __future__ import annotations

import io
import json
import logging
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from gala import logs


@pytest.fixture
def captured() -> Iterator[tuple[io.StringIO, logging.StreamHandler[io.StringIO]]]:
    """A handler configured like GALA's (filter + formatter set per test) on the root logger."""
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.addFilter(logs.JobIdFilter())
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield buffer, handler
    finally:
        root.removeHandler(handler)
        root.setLevel(level)


def _json_lines(buffer: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in buffer.getvalue().splitlines()]


def test_production_lines_are_json_with_the_job_id(captured: Any) -> None:
    buffer, handler = captured
    handler.setFormatter(logs.JsonFormatter())
    log = logging.getLogger("gala.test")
    log.info("before")
    with logs.job_context("0190-job"):
        log.info("inside %s", "¡sí!", extra={"attempt": 2})
        try:
            raise ValueError("boom")
        except ValueError:
            log.exception("failed")
    log.info("after")
    before, inside, failed, after = _json_lines(buffer)
    assert "job_id" not in before
    assert "job_id" not in after
    assert inside["job_id"] == failed["job_id"] == "0190-job"
    assert (inside["message"], inside["level"], inside["logger"], inside["attempt"]) == (
        "inside ¡sí!",
        "INFO",
        "gala.test",
        2,
    )
    assert failed["exc"].endswith("ValueError: boom")
    assert inside["ts"].endswith("+00:00")


def test_development_lines_are_readable_with_the_job_id(captured: Any) -> None:
    buffer, handler = captured
    handler.setFormatter(logging.Formatter(logs.HUMAN_FORMAT))
    with logs.job_context("0190-job"):
        logging.getLogger("gala.test").warning("careful")
    logging.getLogger("gala.test").warning("plain")
    first, second = buffer.getvalue().splitlines()
    assert first.endswith("WARNING gala.test [job=0190-job] careful")
    assert second.endswith("WARNING gala.test plain")


def test_dict_config_picks_the_format_by_environment() -> None:
    prod = logs.dict_config("production", "warning")
    dev = logs.dict_config("development")
    assert prod["formatters"]["gala"] == {"()": "gala.logs.JsonFormatter"}
    assert dev["formatters"]["gala"] == {"format": logs.HUMAN_FORMAT}
    assert prod["root"]["level"] == "WARNING"
    assert prod["handlers"]["stderr"]["filters"] == ["job_id"]
    # uvicorn's records go through the same handler (one format per process).
    assert prod["loggers"]["uvicorn.access"] == {"handlers": [], "propagate": True}


def test_the_api_binds_the_routed_job_id_for_the_request(app: Any, captured: Any) -> None:
    buffer, handler = captured
    handler.setFormatter(logs.JsonFormatter())
    seen: list[str | None] = []

    @app.app.before_request
    def probe() -> None:  # runs in the Flask handler thread, like every handler
        seen.append(logs.current_job_id())
        logging.getLogger("gala.test.handler").info("handling")

    job_id = str(uuid.uuid4())
    client = app.test_client()
    assert client.get(f"/jobs/{job_id}").status_code == 404
    assert client.post(f"/jobs/{job_id}/cancel").status_code == 404
    assert client.get("/jobs").status_code == 200
    assert seen == [job_id, job_id, None]
    handled = [line for line in _json_lines(buffer) if line["logger"] == "gala.test.handler"]
    assert [line.get("job_id") for line in handled] == [job_id, job_id, None]
    assert logs.current_job_id() is None  # nothing leaks out of the request
