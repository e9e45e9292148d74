"""The smoke test itself, as users run it (`gala smoke`): embedded defaults, and Redis + PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import av
import pytest

from tests.conftest import POSTGRES_URL, REDIS_URL

LEGS = [pytest.param({}, id="embedded")]
if REDIS_URL:
    LEGS.append(pytest.param({"REDIS_URL": REDIS_URL}, id="redis", marks=pytest.mark.redis))
    if POSTGRES_URL:
        LEGS.append(
            pytest.param(
                {"REDIS_URL": REDIS_URL, "DATABASE_URL": "postgres"},
                id="redis-postgresql",
                marks=[pytest.mark.redis, pytest.mark.postgres],
            )
        )


@pytest.mark.slow
@pytest.mark.parametrize("extra", LEGS)
def test_gala_smoke_prints_ok(extra: dict[str, str], tmp_path: Path, request: pytest.FixtureRequest) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"REDIS_URL", "CELERY_BROKER_URL", "DATABASE_URL", "GALA_DATA_DIR", "STORAGE_LOCAL_ROOT"}
    }
    env.update(extra)
    if extra.get("DATABASE_URL") == "postgres":
        env["DATABASE_URL"] = request.getfixturevalue("postgres_server_url")
    if "REDIS_URL" in extra:
        import redis

        redis.Redis.from_url(extra["REDIS_URL"]).flushdb()
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "gala.cli", "smoke", "--out", str(out), "--provider", "localfs"],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert result.stdout.rstrip().endswith("Smoke test OK")
    assert "provider=localfs object_key=jobs/" in result.stdout
    with av.open(str(out / "hello.mp4")) as container:
        assert container.streams.video[0].codec_context.name == "h264"
    with av.open(str(out / "hello.jpg")) as container:
        assert next(container.decode(video=0)).width == 640
