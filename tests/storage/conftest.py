"""Storage fixtures: a local Drive v3 server, a moto S3 server, and a provider of each kind."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from gala.storage.base import Storage
from gala.storage.retry import Backoff
from tests.storage.fake_drive import FakeDrive

DRIVE_CLIENT = {"client_id": "gala-test-client", "client_secret": "gala-test-secret"}
S3_KEYS = {"access_key_id": "testing", "secret_access_key": "testing"}


@pytest.fixture
def fake_drive() -> Iterator[FakeDrive]:
    drive = FakeDrive().start()
    try:
        yield drive
    finally:
        drive.stop()


@pytest.fixture(scope="session")
def moto_url() -> Iterator[str]:
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()


@pytest.fixture
def s3_bucket(moto_url: str) -> str:
    import boto3

    name = f"gala-{uuid.uuid4().hex[:12]}"
    client = boto3.client(
        "s3",
        endpoint_url=moto_url,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    client.create_bucket(Bucket=name)
    return name


def make_drive(drive: FakeDrive, **kwargs: Any) -> Any:
    from gala.storage.gdrive.drive import DriveStorage

    options: dict[str, Any] = {
        "refresh_token": "good-refresh-token",
        "api_base_url": drive.url,
        "token_uri": drive.token_uri,
        "upload_chunk_bytes": 256 * 1024,
        "download_chunk_bytes": 64 * 1024,
        "backoff": Backoff(max_retries=5, base_seconds=0.01, cap_seconds=0.1),
        **DRIVE_CLIENT,
    }
    options.update(kwargs)
    return DriveStorage(**options)


def make_s3(moto_url: str, bucket: str, **kwargs: Any) -> Any:
    from gala.storage.s3.client import S3Storage

    options: dict[str, Any] = {
        "bucket": bucket,
        "endpoint_url": moto_url,
        "region": "us-east-1",
        "addressing_style": "path",
        "multipart_threshold": 5 * 1024 * 1024,
        **S3_KEYS,
    }
    options.update(kwargs)
    return S3Storage(**options)


@pytest.fixture(params=["localfs", "memory", "gdrive", "s3"])
def any_storage(request: pytest.FixtureRequest, tmp_path: Path) -> Storage:
    """One provider of each kind, for the shared contract suite."""
    makers: dict[str, Callable[[], Storage]] = {
        "localfs": lambda: _local(tmp_path / "root"),
        "memory": _memory,
        "gdrive": lambda: make_drive(request.getfixturevalue("fake_drive")),
        "s3": lambda: make_s3(request.getfixturevalue("moto_url"), request.getfixturevalue("s3_bucket")),
    }
    return makers[request.param]()


def _local(root: Path) -> Storage:
    from gala.storage.local import LocalStorage

    return LocalStorage(root)


def _memory() -> Storage:
    from gala.storage.memory import MemoryStorage

    return MemoryStorage()
