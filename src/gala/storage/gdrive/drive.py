"""The Google Drive (v3) storage, through google-api-python-client; the object key is the Drive fileId.

How it stays correct when the network or Google misbehaves:

* **Uploads are resumable and chunked.** After a dropped connection the next step asks the
  session how much it holds (``PUT`` with ``Content-Range: bytes */size``; Drive answers ``308``
  with ``Range``) and goes on from there. An upload session that expired (``404``) is started
  again from the beginning.
* **No duplicate files.** The file id comes from ``files.generateIds`` before the upload, so a
  retried create names the same file; Drive refuses a second file with that id (``409``), and
  finding the finished file under that id counts as success.
* **Retries** on 429, 5xx, ``403`` rate-limit reasons and transport errors, with truncated
  exponential back-off and jitter (:class:`gala.storage.retry.Backoff`), honouring ``Retry-After``.
  Other 4xx are not retried. ``invalid_grant`` (a revoked or expired refresh token) is permanent:
  re-authorisation with ``gala gdrive auth`` is needed.
* **Downloads stream**: each step is one ranged ``alt=media`` request of at most
  ``download_chunk_bytes``; the whole file is never held.

The client is built from the Drive v3 discovery document that ships inside
google-api-python-client (no network fetch), with ``rootUrl`` replaced when
``GDRIVE_API_BASE_URL`` points elsewhere (tests run a local Drive v3 server).

httplib2 objects are not thread-safe, so every call builds its own transport over the shared
credentials (the API streams several downloads at once from a thread pool).
"""

from __future__ import annotations

import json
import logging
import re
import socket
import ssl
from collections.abc import Callable, Iterator
from http.client import HTTPException
from pathlib import Path, PurePosixPath
from typing import IO, Any, TypeVar, cast

import google_auth_httplib2
import httplib2
from google.auth.exceptions import RefreshError, TransportError
from google.oauth2.credentials import Credentials
from googleapiclient.discovery import build_from_document
from googleapiclient.discovery_cache import get_static_doc
from googleapiclient.errors import HttpError
from googleapiclient.http import MediaIoBaseUpload

from gala.storage.base import CHUNK_SIZE, ObjectNotFound, ObjectStat, Storage, StorageError, check_key
from gala.storage.gdrive import GOOGLE_TOKEN_URI, SCOPES
from gala.storage.retry import Backoff, parse_retry_after

log = logging.getLogger(__name__)

T = TypeVar("T")

GOOGLE_API = "https://www.googleapis.com/"
# The GALA key each file was stored under, kept as an app property (visible only to this client).
KEY_PROPERTY = "galaKey"
APP_PROPERTY_LIMIT = 124  # bytes of key + value Drive allows per property
RATE_LIMIT_REASONS = frozenset({"userRateLimitExceeded", "rateLimitExceeded"})
REAUTH_MESSAGE = (
    "Google Drive re-authorisation needed: run `gala gdrive auth` and put the new GDRIVE_REFRESH_TOKEN in .env"
)
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (
    OSError,  # ConnectionError, TimeoutError, socket.timeout, ssl errors
    HTTPException,  # IncompleteRead, RemoteDisconnected
    httplib2.HttpLib2Error,
    TransportError,  # the token endpoint could not be reached
    socket.timeout,
    ssl.SSLError,
)
_RANGE_TOTAL = re.compile(r"/(\d+)\s*$")


def drive_document(api_base_url: str = "") -> dict[str, Any]:
    """The Drive v3 discovery document shipped with google-api-python-client, re-rooted if asked."""
    raw = get_static_doc("drive", "v3")
    if raw is None:  # pragma: no cover - the document ships with the package
        raise StorageError("google-api-python-client does not ship the Drive v3 discovery document", permanent=True)
    doc = cast(dict[str, Any], json.loads(raw))
    if api_base_url:
        root = api_base_url.rstrip("/") + "/"
        doc["rootUrl"] = root
        doc["mtlsRootUrl"] = root
        doc["baseUrl"] = root + doc["servicePath"]
    return doc


class _ChunkUpload(MediaIoBaseUpload):  # type: ignore[misc]  # the library is untyped
    """Chunks are sent as bytes, not as a stream slice.

    httplib2 silently re-sends a request once when the server closes the connection before
    answering; a stream slice would be consumed by then and the re-sent chunk would be empty.
    """

    def has_stream(self) -> bool:
        return False


class DriveStorage(Storage):
    provider = "gdrive"

    def __init__(
        self,
        *,
        client_id: str,
        client_secret: str,
        refresh_token: str,
        folder_id: str = "",
        api_base_url: str = "",
        token_uri: str = "",
        upload_chunk_bytes: int = 8 * 1024 * 1024,
        download_chunk_bytes: int = 2 * 1024 * 1024,
        backoff: Backoff | None = None,
        timeout: float = 60.0,
        on_upload_retry: Callable[[str], None] | None = None,
    ) -> None:
        self._on_upload_retry = on_upload_retry
        self.folder_id = folder_id
        self.upload_chunk_bytes = upload_chunk_bytes
        self.download_chunk_bytes = download_chunk_bytes
        self.backoff = backoff or Backoff()
        self.timeout = timeout
        self._credentials = Credentials(  # type: ignore[no-untyped-call]
            None,
            refresh_token=refresh_token,
            token_uri=token_uri or GOOGLE_TOKEN_URI,
            client_id=client_id,
            client_secret=client_secret,
            scopes=list(SCOPES),
        )
        # Requests are built from this service but always sent with a per-call transport (below).
        self._service: Any = build_from_document(drive_document(api_base_url), http=httplib2.Http(timeout=timeout))

    # ------------------------------------------------------------------ transport and errors

    def _http(self) -> Any:
        raw = httplib2.Http(timeout=self.timeout)
        # A 308 is how a resumable session says "resume here", not a redirect to follow.
        raw.redirect_codes = raw.redirect_codes - {308}
        return google_auth_httplib2.AuthorizedHttp(self._credentials, http=raw)

    def _execute(self, request: Any) -> Any:
        """Send one API request on its own connection, closed afterwards."""
        http = self._http()
        try:
            return request.execute(http=http)
        finally:
            http.close()

    def _classify(self, exc: BaseException, what: str) -> tuple[StorageError, bool, float | None]:
        """(GALA's error, whether to retry, Retry-After seconds) for a failed call."""
        if isinstance(exc, HttpError):
            status = int(exc.resp.status)
            reason, message = _error_reason(exc)
            retry_after = parse_retry_after(exc.resp.get("retry-after"))
            detail = f"Google Drive answered {status} to {what}" + (f": {reason}" if reason else "")
            detail += f" ({message})" if message and message != reason else ""
            if status == 429 or status >= 500 or (status == 403 and reason in RATE_LIMIT_REASONS):
                return StorageError(detail), True, retry_after
            return StorageError(detail, permanent=True), False, None
        if isinstance(exc, RefreshError):
            if _is_invalid_grant(exc):
                return StorageError(f"{REAUTH_MESSAGE} (invalid_grant: {exc})", permanent=True), False, None
            if getattr(exc, "retryable", False):
                return StorageError(f"Google's token endpoint failed during {what}: {exc}"), True, None
            return (
                StorageError(f"Google refused the OAuth credentials during {what}: {exc}", permanent=True),
                False,
                None,
            )
        if isinstance(exc, TRANSIENT_ERRORS):
            return StorageError(f"could not reach Google Drive during {what}: {type(exc).__name__}: {exc}"), True, None
        raise exc  # not a storage failure: a bug, let it surface as it is

    def _call(self, what: str, fn: Callable[[], T], *, missing: str | None = None) -> T:
        """Run ``fn`` with retries; ``missing`` is the key a 404 means is absent."""
        attempt = 0
        while True:
            try:
                return fn()
            except Exception as exc:
                if missing is not None and isinstance(exc, HttpError) and exc.resp.status == 404:
                    raise ObjectNotFound(missing) from exc
                error, retry, retry_after = self._classify(exc, what)
                if not retry or attempt >= self.backoff.max_retries:
                    raise error from exc
                attempt += 1
                seconds = self.backoff.wait(attempt, retry_after)
                log.warning("gdrive retry %s attempt=%s after=%.2fs err=%s", what, attempt, seconds, error)

    # ------------------------------------------------------------------ the interface

    def put_file(self, source: Path, key: str, *, mime: str) -> str:
        check_key(key)
        size = source.stat().st_size
        file_id = self._generate_id()
        body: dict[str, Any] = {"id": file_id, "name": PurePosixPath(key).name, "mimeType": mime}
        if len(KEY_PROPERTY.encode()) + len(key.encode()) <= APP_PROPERTY_LIMIT:
            body["appProperties"] = {KEY_PROPERTY: key}
        if self.folder_id:
            body["parents"] = [self.folder_id]
        try:
            with source.open("rb") as fh:
                result = self._upload(fh, body, mime, key)
        except OSError as exc:
            raise StorageError(f"could not read {source}: {exc.strerror or exc}") from exc
        stored = int(result.get("size", -1))
        if stored != size:
            self._delete_quietly(file_id)
            raise StorageError(f"Google Drive stored {stored} bytes of {key!r}, expected {size}")
        log.info("gdrive stored key=%s file_id=%s bytes=%s", key, file_id, size)
        return file_id

    def _generate_id(self) -> str:
        def call() -> str:
            reply = self._execute(self._service.files().generateIds(count=1, space="drive", type="files"))
            return str(reply["ids"][0])

        return self._call("files.generateIds", call)

    def _new_upload(self, fh: IO[bytes], body: dict[str, Any], mime: str) -> Any:
        media = _ChunkUpload(fh, mimetype=mime, chunksize=self.upload_chunk_bytes, resumable=True)
        return self._service.files().create(body=body, media_body=media, fields="id,size", supportsAllDrives=True)

    def _upload(self, fh: IO[bytes], body: dict[str, Any], mime: str, key: str) -> dict[str, Any]:
        request = self._new_upload(fh, body, mime)
        http = self._http()
        try:
            return cast(dict[str, Any], self._upload_steps(fh, body, mime, key, request, http))
        finally:
            http.close()

    def _upload_steps(self, fh: IO[bytes], body: dict[str, Any], mime: str, key: str, request: Any, http: Any) -> Any:
        file_id = body["id"]
        attempt = 0
        while True:
            try:
                _status, response = request.next_chunk(http=http)
            except Exception as exc:
                # A session exists once the initiating POST succeeded (the same call sends a chunk).
                in_session = request.resumable_uri is not None
                if isinstance(exc, HttpError) and in_session and exc.resp.status in (404, 410):
                    # The upload session expired: start a new one (same file id) from byte 0.
                    error: StorageError = StorageError(f"upload session for {key!r} expired")
                    retry, retry_after = True, None
                    request = self._new_upload(fh, body, mime)
                elif isinstance(exc, HttpError) and not in_session and exc.resp.status == 409:
                    # The id is taken: an earlier try of this very upload finished after all.
                    return self._existing(file_id, key, exc)
                else:
                    error, retry, retry_after = self._classify(exc, f"uploading {key!r}")
                if not retry or attempt >= self.backoff.max_retries:
                    raise error from exc
                attempt += 1
                if self._on_upload_retry is not None:
                    self._on_upload_retry(self.provider)
                http.close()  # a fresh connection after a failure
                seconds = self.backoff.wait(attempt, retry_after)
                log.warning(
                    "gdrive upload retry key=%s attempt=%s after=%.2fs offset=%s err=%s",
                    key,
                    attempt,
                    seconds,
                    request.resumable_progress,
                    error,
                )
                continue
            if response is not None:
                return cast(dict[str, Any], response)

    def _existing(self, file_id: str, key: str, conflict: HttpError) -> dict[str, Any]:
        meta = self._metadata(file_id)
        if meta is None or meta.get("appProperties", {}).get(KEY_PROPERTY, key) != key:
            raise StorageError(
                f"Google Drive refused file id {file_id} for {key!r}: it is taken", permanent=True
            ) from conflict
        return meta

    def _metadata(self, file_id: str) -> dict[str, Any] | None:
        def call() -> dict[str, Any]:
            request = self._service.files().get(
                fileId=file_id, fields="id,size,trashed,appProperties", supportsAllDrives=True
            )
            return cast(dict[str, Any], self._execute(request))

        try:
            meta = self._call(f"files.get {file_id}", call, missing=file_id)
        except ObjectNotFound:
            return None
        return None if meta.get("trashed") else meta

    def open_range(self, key: str, start: int = 0, end: int | None = None) -> Iterator[bytes]:
        # The first range is fetched now, so a missing file is ObjectNotFound before any byte is sent.
        http = self._http()
        try:
            first, total = self._fetch(http, key, start, self._chunk_end(start, end))
        except BaseException:
            http.close()
            raise
        return self._stream(http, key, start, end, first, total)

    def _chunk_end(self, position: int, end: int | None) -> int:
        last = position + self.download_chunk_bytes - 1
        return last if end is None else min(last, end)

    def _stream(self, http: Any, key: str, start: int, end: int | None, first: bytes, total: int) -> Iterator[bytes]:
        stop = total - 1 if end is None else min(end, total - 1)
        position = start
        data = first
        try:
            while True:
                # Handed on in CHUNK_SIZE pieces: the server sends (and frees) each before the next,
                # so a slow client holds at most one ranged response in this process.
                for offset in range(0, len(data), CHUNK_SIZE):
                    yield data[offset : offset + CHUNK_SIZE]
                position += len(data)
                if position > stop or not data:
                    return
                data, _ = self._fetch(http, key, position, self._chunk_end(position, stop))
        finally:
            http.close()

    def _fetch(self, http: Any, key: str, first: int, last: int) -> tuple[bytes, int]:
        """Bytes ``first..last`` of the file and its total size, via one ranged ``alt=media`` GET."""

        def call() -> tuple[bytes, int]:
            request = self._service.files().get_media(fileId=key, supportsAllDrives=True)
            headers = dict(request.headers)
            headers["range"] = f"bytes={first}-{last}"
            resp, content = http.request(request.uri, method="GET", headers=headers)
            status = int(resp.status)
            if status == 206:
                match = _RANGE_TOTAL.search(resp.get("content-range", ""))
                if match is None:
                    raise StorageError(f"Google Drive sent a 206 without a usable Content-Range for {key!r}")
                return content, int(match.group(1))
            if status == 200:  # the whole file: the range was not applied
                return content[first : last + 1], len(content)
            if status == 416:  # the file is shorter than `first` (e.g. empty)
                match = _RANGE_TOTAL.search(resp.get("content-range", ""))
                return b"", int(match.group(1)) if match else first
            raise HttpError(resp, content, uri=request.uri)

        return self._call(f"downloading {key!r}", call, missing=key)

    def stat(self, key: str) -> ObjectStat:
        def call() -> dict[str, Any]:
            request = self._service.files().get(fileId=key, fields="id,size,trashed", supportsAllDrives=True)
            return cast(dict[str, Any], self._execute(request))

        meta = self._call(f"files.get {key}", call, missing=key)
        if meta.get("trashed"):
            raise ObjectNotFound(key)
        return ObjectStat(size=int(meta.get("size", 0)))

    def delete(self, key: str) -> None:
        def call() -> None:
            self._execute(self._service.files().delete(fileId=key, supportsAllDrives=True))

        try:
            self._call(f"deleting {key!r}", call, missing=key)
        except ObjectNotFound:
            return

    def _delete_quietly(self, file_id: str) -> None:
        try:
            self.delete(file_id)
        except StorageError as exc:
            log.warning("gdrive could not delete file_id=%s err=%s", file_id, exc)

    def find(self, key: str) -> list[str]:
        """The ids of files stored under GALA key ``key`` (app property lookup)."""
        quoted = key.replace("\\", "\\\\").replace("'", "\\'")
        query = f"appProperties has {{ key='{KEY_PROPERTY}' and value='{quoted}' }} and trashed = false"

        def call() -> list[str]:
            request = self._service.files().list(q=query, fields="files(id)", spaces="drive", pageSize=100)
            reply = self._execute(request)
            return [str(f["id"]) for f in reply.get("files", [])]

        return self._call(f"finding {key!r}", call)

    def local_path(self, key: str) -> Path | None:
        return None  # not plain local files

    def forget(self, key: str) -> None:
        for file_id in self.find(check_key(key)):
            self.delete(file_id)

    def check(self) -> None:
        """Readiness: the token refreshes and Drive answers (and the folder, when set, exists)."""
        if self.folder_id:
            meta = self._metadata(self.folder_id)
            if meta is None:
                raise StorageError(f"GDRIVE_FOLDER_ID {self.folder_id} does not exist or is not shared with this app")
            return

        def call() -> None:
            self._execute(self._service.files().list(pageSize=1, fields="files(id)", spaces="drive"))

        self._call("files.list", call)


def _error_reason(exc: HttpError) -> tuple[str, str]:
    """(reason, message) from a Drive error body (``{"error": {"errors": [{"reason": ...}]}}``)."""
    try:
        data = json.loads(exc.content.decode("utf-8"))
    except (ValueError, AttributeError, UnicodeDecodeError):
        return "", ""
    error = data.get("error") if isinstance(data, dict) else None
    if not isinstance(error, dict):
        return "", ""
    reason = ""
    details = error.get("errors")
    if isinstance(details, list) and details and isinstance(details[0], dict):
        reason = str(details[0].get("reason") or "")
    return reason or str(error.get("status") or ""), str(error.get("message") or "")


def _is_invalid_grant(exc: RefreshError) -> bool:
    for arg in exc.args:
        if isinstance(arg, dict) and arg.get("error") == "invalid_grant":
            return True
    return "invalid_grant" in str(exc)
