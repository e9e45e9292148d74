"""``GET /assets/{id}/content`` streams 200 MB from Google Drive and from S3 without holding it.

As tests/api/test_content_streaming.py does for localfs: the real app under uvicorn in a child
process, its RSS sampled from /proc while the body is read. The Drive server and moto run in
this test process; the asset row points at the object there.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from gala.config import Settings
from gala.db import make_engine, make_sessionmaker, transaction
from gala.orm import Asset
from tests.api.test_content_streaming import BLOCK, MAX_GROWTH, SIZE, _free_port, _rss, _Sampler
from tests.storage.conftest import DRIVE_CLIENT
from tests.storage.fake_drive import FakeDrive

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc"),
]
STRIP = ("GALA_", "STORAGE_", "GDRIVE_", "S3_", "API_", "DATABASE_", "CELERY_", "REDIS_", "AWS_")


def _payload() -> tuple[bytes, str]:
    seed = os.urandom(BLOCK)
    data = b"".join(i.to_bytes(8, "big") + seed[8:] for i in range(SIZE // BLOCK))
    return data, hashlib.sha256(data).hexdigest()


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[object]:
    procs: list[subprocess.Popen[bytes]] = []

    def start(extra: dict[str, str]) -> tuple[str, int, Settings]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(STRIP)}
        env |= {"GALA_DATA_DIR": str(tmp_path / "data"), "PYTHONUNBUFFERED": "1", **extra}
        subprocess.run(
            [sys.executable, "-m", "gala.cli", "migrate"], env=env, check=True, capture_output=True, timeout=60
        )
        port = _free_port()
        log = (tmp_path / "uvicorn.log").open("wb")
        argv = ["-m", "uvicorn", "--factory", "gala.app:create_app", "--host", "127.0.0.1", "--port", str(port)]
        proc = subprocess.Popen(
            [sys.executable, *argv, "--log-level", "warning", "--no-access-log"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        procs.append(proc)
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            assert proc.poll() is None, (tmp_path / "uvicorn.log").read_text()
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, (tmp_path / "uvicorn.log").read_text()
            time.sleep(0.1)
        return base, proc.pid, Settings.from_env(env)

    yield start
    for proc in procs:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _insert(settings: Settings, provider: str, key: str, sha256: str) -> str:
    engine = make_engine(settings.database_url)
    try:
        with transaction(make_sessionmaker(engine)) as session:
            asset = Asset(
                kind="video",
                name="big.mp4",
                mime="video/mp4",
                size_bytes=SIZE,
                sha256=sha256,
                provider=provider,
                object_key=key,
                source="upload",
                labels={},
                media=None,
            )
            session.add(asset)
        return str(asset.id)
    finally:
        engine.dispose()


def _measure(base: str, pid: int, asset_id: str, sha256: str, provider: str) -> None:
    with httpx.Client(base_url=base, timeout=120) as client:
        warm = client.get(f"/assets/{asset_id}/content", headers={"Range": "bytes=1000-2023"})
        assert warm.status_code == 206
        assert warm.headers["Content-Range"] == f"bytes 1000-2023/{SIZE}"
        assert len(warm.content) == 1024
        baseline = _rss(pid)
        sampler = _Sampler(pid)
        sampler.start()
        received = hashlib.sha256()
        total = 0
        try:
            with client.stream("GET", f"/assets/{asset_id}/content") as response:
                assert response.status_code == 200
                assert response.headers["Content-Length"] == str(SIZE)
                for chunk in response.iter_raw(256 * 1024):
                    received.update(chunk)
                    total += len(chunk)
        finally:
            sampler.stop()
    growth = sampler.peak - baseline
    print(
        f"\n{provider}: API RSS baseline {baseline / 2**20:.1f} MiB, peak {sampler.peak / 2**20:.1f} MiB, "
        f"growth {growth / 2**20:.1f} MiB over {sampler.samples} samples streaming {SIZE // 2**20} MiB"
    )
    assert total == SIZE
    assert received.hexdigest() == sha256
    assert sampler.samples >= 5
    assert growth < MAX_GROWTH, f"API RSS grew {growth / 2**20:.1f} MiB streaming {SIZE // 2**20} MiB from {provider}"


def test_stream_200mb_from_drive(serve: object, fake_drive: FakeDrive) -> None:
    data, sha256 = _payload()
    file_id = fake_drive.add_file(data, name="big.mp4", mime="video/mp4")
    del data
    base, pid, settings = serve(  # type: ignore[operator]
        {
            "GDRIVE_CLIENT_ID": DRIVE_CLIENT["client_id"],
            "GDRIVE_CLIENT_SECRET": DRIVE_CLIENT["client_secret"],
            "GDRIVE_REFRESH_TOKEN": "good-refresh-token",
            "GDRIVE_API_BASE_URL": fake_drive.url,
            "GDRIVE_TOKEN_URI": fake_drive.token_uri,
        }
    )
    asset_id = _insert(settings, "gdrive", file_id, sha256)
    _measure(base, pid, asset_id, sha256, "gdrive")
    ranges = fake_drive.ops("media")
    assert len(ranges) >= SIZE // (2 * 2**20), "many ranged requests, never the whole file at once"
    assert set(ranges) == {206}


def test_stream_200mb_from_s3(serve: object, moto_url: str, s3_bucket: str, tmp_path: Path) -> None:
    import boto3
    from boto3.s3.transfer import TransferConfig

    data, sha256 = _payload()
    source = tmp_path / "big.bin"
    source.write_bytes(data)
    del data
    client = boto3.client(
        "s3",
        endpoint_url=moto_url,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    client.upload_file(str(source), s3_bucket, "gala/big.mp4", Config=TransferConfig(multipart_chunksize=64 * 2**20))
    source.unlink()
    base, pid, settings = serve(  # type: ignore[operator]
        {
            "S3_BUCKET": s3_bucket,
            "S3_ENDPOINT_URL": moto_url,
            "S3_REGION": "us-east-1",
            "S3_ACCESS_KEY_ID": "testing",
            "S3_SECRET_ACCESS_KEY": "testing",
            "S3_ADDRESSING_STYLE": "path",
        }
    )
    asset_id = _insert(settings, "s3", "gala/big.mp4", sha256)
    _measure(base, pid, asset_id, sha256, "s3")
