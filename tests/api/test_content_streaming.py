"""``GET /assets/{id}/content`` streams: a 200 MB download must not grow the server's memory by 200 MB.

The real app runs under uvicorn in a child process (validation middleware and all); the test
samples that process's resident set size from ``/proc/<pid>/status`` while it reads the body.
"""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.api import media

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc"),
]

SIZE = 200 * 1024 * 1024
MAX_GROWTH = 50 * 1024 * 1024
BLOCK = 1024 * 1024


def _rss(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError(f"no VmRSS for pid {pid}")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, int]]:
    data_dir = tmp_path / "data"
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("GALA_", "STORAGE_", "API_", "DATABASE_", "CELERY_", "REDIS_"))
    }
    env |= {"GALA_DATA_DIR": str(data_dir), "PYTHONUNBUFFERED": "1"}
    subprocess.run([sys.executable, "-m", "gala.cli", "migrate"], env=env, check=True, capture_output=True, timeout=60)
    port = _free_port()
    log = (tmp_path / "uvicorn.log").open("wb")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            "gala.app:create_app",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                raise AssertionError(f"uvicorn exited {proc.returncode}: {(tmp_path / 'uvicorn.log').read_text()}")
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise AssertionError(f"uvicorn did not start: {(tmp_path / 'uvicorn.log').read_text()}")
            time.sleep(0.1)
        yield base, proc.pid
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


class _Sampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = _rss(pid)
        self.samples = 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.is_set():
            self.peak = max(self.peak, _rss(self.pid))
            self.samples += 1
            self._done.wait(0.01)

    def stop(self) -> None:
        self._done.set()
        self.join()
        self.peak = max(self.peak, _rss(self.pid))


def test_content_download_streams(server: tuple[str, int], tmp_path: Path) -> None:
    base, pid = server
    source = tmp_path / "big.bin"
    digest = hashlib.sha256()
    # Random 1 MiB blocks, varied cheaply, so the file is neither compressible nor one repeated block;
    # behind a WAV header (uploads must be media; PCM takes any bytes as samples).
    seed = os.urandom(BLOCK)
    with source.open("wb") as out:
        header = media.wav_header(SIZE - 44, rate=48000, channels=2, bits=16)  # 18 minutes
        digest.update(header)
        out.write(header)
        block = seed[: BLOCK - 44]
        digest.update(block)
        out.write(block)
        for i in range(1, SIZE // BLOCK):
            block = i.to_bytes(8, "big") + seed[8:]
            digest.update(block)
            out.write(block)
    sha256 = digest.hexdigest()

    with httpx.Client(base_url=base, timeout=120) as client:
        with source.open("rb") as fh:
            r = client.post("/assets", files={"file": ("big.bin", fh, "application/octet-stream")})
        assert r.status_code == 201, r.text
        asset = r.json()
        assert asset["size_bytes"] == SIZE
        assert asset["sha256"] == sha256
        source.unlink()

        # Warm the route so imports and first-request work are not counted as growth.
        warm = client.get(asset["content_url"], headers={"Range": "bytes=0-1023"})
        assert warm.status_code == 206

        baseline = _rss(pid)
        sampler = _Sampler(pid)
        sampler.start()
        received = hashlib.sha256()
        total = 0
        try:
            with client.stream("GET", asset["content_url"]) as response:
                assert response.status_code == 200
                assert response.headers["Content-Length"] == str(SIZE)
                for chunk in response.iter_raw(256 * 1024):
                    received.update(chunk)
                    total += len(chunk)
        finally:
            sampler.stop()

    growth = sampler.peak - baseline
    print(
        f"\nserver RSS: baseline {baseline / 2**20:.1f} MiB, peak {sampler.peak / 2**20:.1f} MiB, "
        f"growth {growth / 2**20:.1f} MiB over {sampler.samples} samples"
    )
    assert total == SIZE
    assert received.hexdigest() == sha256
    assert sampler.samples >= 5, "the download finished before RSS could be sampled"
    assert growth < MAX_GROWTH, f"server RSS grew {growth / 2**20:.1f} MiB while streaming {SIZE // 2**20} MiB"
