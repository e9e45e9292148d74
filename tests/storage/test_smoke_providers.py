"""`gala smoke --provider gdrive|s3`: the platform renders hello and serves it from Drive / S3.

The local Drive v3 server and moto's S3 server run in this test process on 127.0.0.1; the
platform (API + worker, child processes) reaches them through its settings, as it would Google
or an S3 endpoint.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import av
import pytest

from tests.storage.conftest import DRIVE_CLIENT
from tests.storage.fake_drive import FakeDrive

pytestmark = pytest.mark.slow

STRIP = ("GALA_", "STORAGE_", "GDRIVE_", "S3_", "REDIS_URL", "CELERY_", "DATABASE_URL", "AWS_")


def _smoke(provider: str, extra: dict[str, str], out: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(STRIP)}
    env.update(extra)
    return subprocess.run(
        [sys.executable, "-m", "gala.cli", "smoke", "--out", str(out), "--provider", provider],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )


def _keys(stdout: str) -> dict[str, tuple[str, str]]:
    found = re.findall(r"(hello\.\w+): \d+ bytes, provider=(\S+) object_key=(\S+) mime=(\S+)", stdout)
    return {name: (key, mime) for name, provider, key, mime in found}


def _check_files(out: Path) -> None:
    with av.open(str(out / "hello.mp4")) as container:
        assert container.streams.video[0].codec_context.name == "h264"
    with av.open(str(out / "hello.jpg")) as container:
        assert next(container.decode(video=0)).width == 640


def test_smoke_on_google_drive(fake_drive: FakeDrive, tmp_path: Path) -> None:
    result = _smoke(
        "gdrive",
        {
            "GDRIVE_CLIENT_ID": DRIVE_CLIENT["client_id"],
            "GDRIVE_CLIENT_SECRET": DRIVE_CLIENT["client_secret"],
            "GDRIVE_REFRESH_TOKEN": "good-refresh-token",
            "GDRIVE_API_BASE_URL": fake_drive.url,
            "GDRIVE_TOKEN_URI": fake_drive.token_uri,
            "GDRIVE_UPLOAD_CHUNK_BYTES": str(256 * 1024),
            "WORKER_CLEANUP_LOCAL": "1",
        },
        tmp_path / "out",
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert result.stdout.rstrip().endswith("Smoke test OK")
    keys = _keys(result.stdout)
    assert set(keys) == {"hello.mp4", "hello.jpg"}
    for name, (file_id, mime) in keys.items():
        assert file_id in fake_drive.files, f"{name}: object_key {file_id} is not a fileId the Drive server holds"
        stored = fake_drive.files[file_id]
        assert (stored.name, stored.mime) == (name, mime)
        assert mime == {"hello.mp4": "video/mp4", "hello.jpg": "image/jpeg"}[name]
        assert stored.data == (tmp_path / "out" / name).read_bytes(), "downloaded through the API, from Drive"
    assert len(fake_drive.files) == 2
    assert fake_drive.ops("media"), "the API read the bytes from Drive (alt=media)"
    _check_files(tmp_path / "out")


def test_smoke_on_s3(moto_url: str, s3_bucket: str, tmp_path: Path) -> None:
    result = _smoke(
        "s3",
        {
            "S3_BUCKET": s3_bucket,
            "S3_ENDPOINT_URL": moto_url,
            "S3_REGION": "us-east-1",
            "S3_ACCESS_KEY_ID": "testing",
            "S3_SECRET_ACCESS_KEY": "testing",
            "S3_PREFIX": "gala/",
            "S3_ADDRESSING_STYLE": "path",
        },
        tmp_path / "out",
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert result.stdout.rstrip().endswith("Smoke test OK")
    keys = _keys(result.stdout)
    assert {name: key.rsplit("/", 1)[-1] for name, (key, _) in keys.items()} == {
        "hello.mp4": "hello.mp4",
        "hello.jpg": "hello.jpg",
    }
    import boto3

    client = boto3.client(
        "s3",
        endpoint_url=moto_url,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    for name, (key, mime) in keys.items():
        assert key.startswith("gala/jobs/")
        obj = client.get_object(Bucket=s3_bucket, Key=key)
        assert obj["ContentType"] == mime
        assert obj["Body"].read() == (tmp_path / "out" / name).read_bytes()
    _check_files(tmp_path / "out")
