"""``POST /assets`` streams: a 200 MB upload must not grow the server's memory by 200 MB.

The real app under uvicorn in a child process (the fixture of test_content_streaming), the file
sent from disk by httpx in chunks, the server's RSS sampled from ``/proc`` during the upload,
which includes spooling, hashing, sniffing, probing and storing.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import httpx
import pytest

from tests.api import media
from tests.api.test_content_streaming import BLOCK, MAX_GROWTH, SIZE, _rss, _Sampler, server  # noqa: F401

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc"),
]


def test_upload_streams_to_storage(server: tuple[str, int], tmp_path: Path) -> None:  # noqa: F811
    base, pid = server
    source = tmp_path / "long.wav"
    digest = hashlib.sha256()
    seed = os.urandom(BLOCK)
    with source.open("wb") as out:
        header = media.wav_header(SIZE - 44, rate=48000, channels=2, bits=16)  # 18 minutes of noise
        for block in [header, seed[: BLOCK - 44]] + [i.to_bytes(8, "big") + seed[8:] for i in range(1, SIZE // BLOCK)]:
            digest.update(block)
            out.write(block)
    assert source.stat().st_size == SIZE

    with httpx.Client(base_url=base, timeout=300) as client:
        # Warm the route (imports, the first probe) so that is not counted as growth.
        warm = client.post("/assets", files={"file": ("warm.wav", media.wav(), "audio/wav")})
        assert warm.status_code == 201, warm.text
        baseline = _rss(pid)
        sampler = _Sampler(pid)
        sampler.start()
        try:
            with source.open("rb") as fh:
                r = client.post("/assets", files={"file": ("long.wav", fh, "audio/wav")})
        finally:
            sampler.stop()
    assert r.status_code == 201, r.text
    asset = r.json()
    growth = sampler.peak - baseline
    print(
        f"\nserver RSS during a {SIZE // 2**20} MiB upload: baseline {baseline / 2**20:.1f} MiB, "
        f"peak {sampler.peak / 2**20:.1f} MiB, growth {growth / 2**20:.1f} MiB over {sampler.samples} samples"
    )
    assert (asset["size_bytes"], asset["sha256"], asset["kind"]) == (SIZE, digest.hexdigest(), "audio")
    assert asset["media"]["duration"] == pytest.approx((SIZE - 44) / 192000, abs=0.01)
    assert sampler.samples >= 5, "the upload finished before RSS could be sampled"
    assert growth < MAX_GROWTH, f"server RSS grew {growth / 2**20:.1f} MiB while receiving {SIZE // 2**20} MiB"
