"""The S3 storage: any S3-compatible object store through boto3 (AWS S3, MinIO, Cloudflare R2, GCS interop).

``S3_ENDPOINT_URL`` selects a non-AWS endpoint; ``S3_ADDRESSING_STYLE=path`` suits MinIO and
most self-hosted servers. The object key recorded for an asset is the full key in the bucket
(``S3_PREFIX`` included), so changing the prefix later does not lose older assets.

Uploads go through boto3's managed transfer: multipart above ``S3_MULTIPART_THRESHOLD_BYTES``,
and a failed multipart upload is aborted rather than left behind. Retries are botocore's
"standard" mode (429/5xx/throttling/transport errors, exponential back-off with jitter);
every retried upload request is counted for metrics. Downloads stream the response body in
chunks, with the byte range passed to S3.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import boto3
from boto3.exceptions import S3UploadFailedError
from boto3.s3.transfer import TransferConfig
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError, NoCredentialsError

from gala.storage.base import CHUNK_SIZE, ObjectNotFound, ObjectStat, Storage, StorageError, check_key

log = logging.getLogger(__name__)

NOT_FOUND_CODES = frozenset({"404", "NoSuchKey", "NotFound"})
TRANSIENT_CODES = frozenset(
    {"RequestTimeout", "RequestTimeTooSkewed", "SlowDown", "Throttling", "ThrottlingException", "InternalError"}
)
UPLOAD_OPERATIONS = frozenset({"PutObject", "CreateMultipartUpload", "UploadPart", "CompleteMultipartUpload"})


class S3Storage(Storage):
    provider = "s3"

    def __init__(
        self,
        *,
        bucket: str,
        endpoint_url: str = "",
        region: str = "",
        access_key_id: str = "",
        secret_access_key: str = "",
        prefix: str = "",
        addressing_style: str = "auto",
        multipart_threshold: int = 16 * 1024 * 1024,
        multipart_chunksize: int | None = None,
        max_retries: int = 6,
        timeout: float = 60.0,
        on_upload_retry: Callable[[str], None] | None = None,
    ) -> None:
        self._on_upload_retry = on_upload_retry
        self.bucket = bucket
        self.prefix = prefix
        config = Config(
            region_name=region or None,
            signature_version="s3v4",
            s3={"addressing_style": addressing_style},
            retries={"mode": "standard", "total_max_attempts": max_retries + 1},
            connect_timeout=min(timeout, 10.0),
            read_timeout=timeout,
        )
        session = boto3.session.Session()
        self._client: Any = session.client(
            "s3",
            endpoint_url=endpoint_url or None,
            aws_access_key_id=access_key_id or None,
            aws_secret_access_key=secret_access_key or None,
            config=config,
        )
        # botocore numbers each try of a request in its context; a try after the first is a retry.
        self._client.meta.events.register("request-created.s3", self._count_retry)
        self._transfer = TransferConfig(
            multipart_threshold=multipart_threshold,
            multipart_chunksize=multipart_chunksize or multipart_threshold,
            max_concurrency=4,
        )

    def _count_retry(self, request: Any, operation_name: str, **_: Any) -> None:
        attempt = (getattr(request, "context", None) or {}).get("retries", {}).get("attempt", 1)
        if attempt > 1 and operation_name in UPLOAD_OPERATIONS:
            if self._on_upload_retry is not None:
                self._on_upload_retry(self.provider)
            log.warning("s3 upload retry operation=%s attempt=%s", operation_name, attempt)

    def _error(self, exc: Exception, what: str, key: str | None = None) -> StorageError:
        if isinstance(exc, S3UploadFailedError) and isinstance(exc.__context__, Exception):
            return self._error(exc.__context__, what, key)
        if isinstance(exc, ClientError):
            error = exc.response.get("Error", {})
            code = str(error.get("Code", ""))
            status = int(exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode") or 0)
            if key is not None and (code in NOT_FOUND_CODES or status == 404):
                return ObjectNotFound(key)
            detail = f"S3 answered {status or '?'} {code} to {what}" + (
                f": {error['Message']}" if error.get("Message") else ""
            )
            if code == "NoSuchBucket":
                detail += f" (does S3_BUCKET={self.bucket} exist?)"
            transient = status >= 500 or status == 429 or code in TRANSIENT_CODES
            return StorageError(detail, permanent=not transient)
        if isinstance(exc, NoCredentialsError):
            return StorageError("no S3 credentials: set S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY", permanent=True)
        if isinstance(exc, BotoCoreError | OSError | S3UploadFailedError):
            return StorageError(f"could not reach S3 during {what}: {exc}")
        raise exc

    def put_file(self, source: Path, key: str, *, mime: str) -> str:
        full = self.prefix + check_key(key)
        try:
            self._client.upload_file(
                str(source), self.bucket, full, ExtraArgs={"ContentType": mime}, Config=self._transfer
            )
        except FileNotFoundError as exc:
            raise StorageError(f"could not read {source}: {exc.strerror or exc}", permanent=True) from exc
        except Exception as exc:
            raise self._error(exc, f"uploading {full!r}") from exc
        size = source.stat().st_size
        stored = self.stat(full).size
        if stored != size:
            raise StorageError(f"S3 stored {stored} bytes of {full!r}, expected {size}")
        return full

    def open_range(self, key: str, start: int = 0, end: int | None = None) -> Iterator[bytes]:
        args: dict[str, Any] = {"Bucket": self.bucket, "Key": key}
        if start or end is not None:
            args["Range"] = f"bytes={start}-{'' if end is None else end}"
        try:
            body = self._client.get_object(**args)["Body"]
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") == "InvalidRange":
                return iter(())  # past the end (e.g. an empty object)
            raise self._error(exc, f"reading {key!r}", key) from exc
        except Exception as exc:
            raise self._error(exc, f"reading {key!r}", key) from exc
        return self._chunks(body, key)

    def _chunks(self, body: Any, key: str) -> Iterator[bytes]:
        try:
            for chunk in body.iter_chunks(CHUNK_SIZE):
                yield bytes(chunk)
        except Exception as exc:
            raise self._error(exc, f"reading {key!r}") from exc
        finally:
            body.close()

    def stat(self, key: str) -> ObjectStat:
        try:
            head = self._client.head_object(Bucket=self.bucket, Key=key)
        except Exception as exc:
            raise self._error(exc, f"stat {key!r}", key) from exc
        return ObjectStat(size=int(head["ContentLength"]))

    def delete(self, key: str) -> None:
        try:
            self._client.delete_object(Bucket=self.bucket, Key=key)
        except Exception as exc:
            error = self._error(exc, f"deleting {key!r}", key)
            if not isinstance(error, ObjectNotFound):
                raise error from exc

    def local_path(self, key: str) -> Path | None:
        return None  # not plain local files

    def forget(self, key: str) -> None:
        self.delete(self.prefix + check_key(key))

    def check(self) -> None:
        try:
            self._client.head_bucket(Bucket=self.bucket)
        except Exception as exc:
            raise self._error(exc, f"checking bucket {self.bucket!r}") from exc
