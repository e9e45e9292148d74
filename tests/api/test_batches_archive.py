"""A large batch archive streams with bounded memory: the server never holds the ZIP.

Sixteen done rows with a 64 MiB video each (1 GiB of archive) are served by a real uvicorn on
127.0.0.1 in this process; the client drops each chunk, and the process's resident set size is
sampled while the archive streams.
"""

from __future__ import annotations

import threading
import time
import zlib
from pathlib import Path
from typing import Any

import httpx
import pytest

from gala.db import unit_of_work
from gala.jobs.state import JobStatus
from gala.orm import Asset
from tests.api.live_server import serve
from tests.api.test_batches import _dispatched, _end
from tests.api.test_resources import make_template

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")]

ROWS = 16
SIZE = 64 * 1024 * 1024
MAX_GROWTH = 50 * 1024 * 1024


def _rss() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS")


def test_a_large_archive_streams_in_bounded_memory(app: Any, client: Any, tmp_path: Path) -> None:
    rt = app.app.extensions["gala"]
    t = make_template(client)
    rows = [{"params": {"title": str(i)}} for i in range(ROWS)]
    batch_id = client.post("/batches", json={"template_id": t["id"], "concurrency": ROWS, "rows": rows}).json()["id"]
    src = tmp_path / "big.mp4"
    with src.open("wb") as fh:
        block = bytes(range(256)) * 4096  # 1 MiB
        for _ in range(SIZE // len(block)):
            fh.write(block)
    storage = rt.storage.get()
    for n, job_id in enumerate(_dispatched(app, batch_id)):
        key = storage.put_file(src, f"test/{job_id}.mp4", mime="video/mp4")
        _end(app, job_id, JobStatus.DONE)
        with unit_of_work(rt.sessions) as uow:
            uow.session.add(
                Asset(
                    kind="video",
                    name=f"row-{n}.mp4",
                    mime="video/mp4",
                    size_bytes=SIZE,
                    sha256="0" * 64,
                    provider=rt.storage.default_provider,
                    object_key=key,
                    source="render",
                    job_id=job_id,
                    role="video",
                    labels={},
                )
            )
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _rss())
            time.sleep(0.02)

    with serve(app) as base, httpx.Client(base_url=base, timeout=60) as http:
        http.get(f"/batches/{batch_id}")  # warm the server's paths before the baseline
        baseline = _rss()
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        total, crc, started = 0, 0, time.monotonic()
        with http.stream("GET", f"/batches/{batch_id}/archive") as r:
            assert r.status_code == 200
            for chunk in r.iter_bytes():
                total += len(chunk)
                crc = zlib.crc32(chunk, crc)
        seconds = time.monotonic() - started
        done.set()
        sampler.join()
    growth = peak[0] - baseline
    print(f"archive {total / 2**20:.0f} MiB in {seconds:.1f} s, RSS growth {growth / 2**20:.1f} MiB")
    assert total > ROWS * SIZE
    assert growth < MAX_GROWTH, f"RSS grew {growth / 2**20:.1f} MiB while streaming {total / 2**20:.0f} MiB"
