"""The S3 provider with real boto3 against moto's ThreadedMotoServer (a real HTTP S3 endpoint)."""

from __future__ import annotations

import os
from pathlib import Path

import boto3
import pytest

from gala.platform import free_port
from gala.storage.base import ObjectNotFound, StorageError
from tests.storage.conftest import make_s3

MIB = 1024 * 1024


def _client(moto_url: str) -> object:
    return boto3.client(
        "s3",
        endpoint_url=moto_url,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


def test_multipart_upload_above_the_threshold(moto_url: str, s3_bucket: str, tmp_path: Path) -> None:
    source = tmp_path / "big.mp4"
    data = os.urandom(12 * MIB + 7)
    source.write_bytes(data)
    storage = make_s3(moto_url, s3_bucket, multipart_threshold=5 * MIB, prefix="gala/")
    key = storage.put_file(source, "jobs/j1/a1/hello.mp4", mime="video/mp4")
    assert key == "gala/jobs/j1/a1/hello.mp4", "the recorded key is the full key in the bucket"
    head = _client(moto_url).head_object(Bucket=s3_bucket, Key=key)  # type: ignore[attr-defined]
    assert head["ETag"].strip('"').endswith("-3"), "three parts of 5 MiB, 5 MiB and the rest"
    assert head["ContentType"] == "video/mp4"
    assert b"".join(storage.open_range(key, 5 * MIB - 10, 5 * MIB + 9)) == data[5 * MIB - 10 : 5 * MIB + 10]
    assert b"".join(storage.open_range(key)) == data
    storage.forget("jobs/j1/a1/hello.mp4")
    with pytest.raises(ObjectNotFound):
        storage.stat(key)


def test_small_files_go_up_in_one_request(moto_url: str, s3_bucket: str, tmp_path: Path) -> None:
    source = tmp_path / "thumb.jpg"
    source.write_bytes(os.urandom(1000))
    storage = make_s3(moto_url, s3_bucket)
    key = storage.put_file(source, "jobs/j1/a1/hello.jpg", mime="image/jpeg")
    head = _client(moto_url).head_object(Bucket=s3_bucket, Key=key)  # type: ignore[attr-defined]
    assert "-" not in head["ETag"]
    assert head["ContentType"] == "image/jpeg"


def test_missing_bucket_is_a_permanent_error_that_names_the_setting(moto_url: str, tmp_path: Path) -> None:
    source = tmp_path / "x.bin"
    source.write_bytes(b"x")
    storage = make_s3(moto_url, "no-such-bucket-here")
    with pytest.raises(StorageError) as info:
        storage.put_file(source, "jobs/j1/a1/x.bin", mime="application/octet-stream")
    assert info.value.permanent
    assert "S3_BUCKET=no-such-bucket-here" in str(info.value)
    assert info.value.__cause__ is not None
    with pytest.raises(StorageError):
        storage.check()


def test_an_unreachable_endpoint_is_transient(tmp_path: Path) -> None:
    source = tmp_path / "x.bin"
    source.write_bytes(b"x")
    storage = make_s3(f"http://127.0.0.1:{free_port()}", "bucket", max_retries=1, timeout=2.0)
    with pytest.raises(StorageError) as info:
        storage.put_file(source, "jobs/j1/a1/x.bin", mime="application/octet-stream")
    assert not info.value.permanent, "the job is retried later"
