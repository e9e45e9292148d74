"""Upload probing runs in the sandbox: a decoder that crashes or hangs on the bytes is a clear 422, never a hang."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gala.sandbox import Pool
from gala.services import assets
from tests.api import media


@pytest.fixture
def probing_with(app: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Point the app's sandbox at stand-in media tasks (tests/sandbox/*_probe.py)."""
    rt = app.app.extensions["gala"]
    pools: list[Pool] = []

    def use(module: str) -> Pool:
        pool = Pool(module, size=2)
        pools.append(pool)
        monkeypatch.setattr(rt, "_sandbox", pool)
        return pool

    yield use
    for pool in pools:
        pool.close()


def upload(client: Any) -> Any:
    return client.post("/assets", files={"file": ("picture.png", media.png(), "image/png")})


def test_a_decoder_crash_is_422_and_the_pool_recovers(client: Any, probing_with: Any) -> None:
    pool = probing_with("tests.sandbox.crashing_probe")
    r = upload(client)
    assert r.status_code == 422, r.text
    assert r.json()["detail"] == "The file cannot be decoded."
    assert r.json()["errors"][0]["pointer"] == "/file"
    assert "upload-" not in r.text  # the server-side staging name is not shown
    assert upload(client).status_code == 422  # a fresh process took the crashed one's place
    assert len(pool.pids()) <= pool.size


def test_a_decoder_that_hangs_is_killed_at_the_probe_timeout(
    app: Any, client: Any, probing_with: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    probing_with("tests.sandbox.hanging_probe")
    monkeypatch.setattr(assets, "PROBE_TIMEOUT_SECONDS", 0.5)
    started = time.monotonic()
    r = upload(client)
    assert time.monotonic() - started < 30
    assert r.status_code == 422, r.text
    assert r.json()["detail"] == "The file cannot be decoded."
    assert not list(Path(app.app.extensions["gala"].tmp_dir).glob("upload-*"))  # staging removed
