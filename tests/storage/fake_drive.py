"""A local HTTP server that speaks enough of the Google Drive v3 protocol for GALA's Drive provider.

Test code. It implements what the real google-api-python-client sends:

* ``POST /token``: OAuth refresh (``grant_type=refresh_token``) → a bearer token; a revoked
  refresh token gets ``400 {"error": "invalid_grant"}`` as Google answers;
* ``GET /drive/v3/files/generateIds``;
* resumable uploads: ``POST /upload/drive/v3/files?uploadType=resumable`` opens a session
  (``Location`` header), ``PUT`` chunks with ``Content-Range: bytes a-b/total`` get ``308`` with
  ``Range: bytes=0-n`` until the last one, which creates the file (``200`` + metadata); a
  status query ``Content-Range: bytes */total`` reports the bytes held. A second file with an
  id already used gets ``409``, as on Drive;
* ``GET /drive/v3/files/{id}`` (metadata, ``size`` as a string) and ``?alt=media`` with ``Range``
  (``206``/``Content-Range``, ``416``);
* ``DELETE /drive/v3/files/{id}``; ``GET /drive/v3/files`` with an ``appProperties has`` query.

Faults are queued with :meth:`FakeDrive.fail`: the next ``times`` requests of an operation get
an HTTP error (with ``Retry-After`` or a Drive ``reason`` when given), have their connection
dropped half-way through the body (``drop``), or find their upload session gone (``expire``).
Every request is recorded in :attr:`FakeDrive.log` as ``(operation, status)``.
"""

from __future__ import annotations

import contextlib
import json
import re
import secrets
import socket
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

CHUNK_UNIT = 256 * 1024


@dataclass
class Fault:
    op: str
    times: int
    status: int = 0  # an HTTP error status; 0 with drop/expire
    reason: str = ""
    retry_after: str | None = None
    drop: bool = False
    expire: bool = False
    drop_reply: bool = False  # process the request, then cut the connection instead of answering


@dataclass
class DriveFile:
    id: str
    name: str
    mime: str
    data: bytes
    parents: list[str]
    app_properties: dict[str, str]

    def meta(self) -> dict[str, Any]:
        return {
            "kind": "drive#file",
            "id": self.id,
            "name": self.name,
            "mimeType": self.mime,
            "size": str(len(self.data)),
            "trashed": False,
            "parents": self.parents,
            "appProperties": self.app_properties,
        }


@dataclass
class Session:
    metadata: dict[str, Any]
    mime: str
    total: int | None
    data: bytearray = field(default_factory=bytearray)
    file_id: str | None = None  # set once the upload completed


class FakeDrive:
    def __init__(self) -> None:
        self.files: dict[str, DriveFile] = {}
        self.sessions: dict[str, Session] = {}
        self.generated: set[str] = set()
        self.tokens: set[str] = set()
        self.refresh_tokens = {"good-refresh-token"}
        self.client = ("gala-test-client", "gala-test-secret")
        self.faults: list[Fault] = []
        self.log: list[tuple[str, int]] = []
        self.on_file_created: Callable[[DriveFile], None] | None = None
        self.lock = threading.RLock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------------ control

    @property
    def url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/"

    @property
    def token_uri(self) -> str:
        return self.url + "token"

    def start(self) -> FakeDrive:
        drive = self

        class Handler(_Handler):
            fake = drive

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(5)

    def fail(self, op: str, times: int = 1, **kwargs: Any) -> None:
        with self.lock:
            self.faults.append(Fault(op, times, **kwargs))

    def revoke(self, refresh_token: str = "good-refresh-token") -> None:  # noqa: S107 - test data
        """The user revoked access: refreshing gets invalid_grant, and issued tokens stop working."""
        with self.lock:
            self.refresh_tokens.discard(refresh_token)
            self.tokens.clear()

    def ops(self, op: str) -> list[int]:
        with self.lock:
            return [status for name, status in self.log if name == op]

    def add_file(self, data: bytes, name: str = "seed.bin", mime: str = "application/octet-stream") -> str:
        with self.lock:
            file_id = self._new_id()
            self.files[file_id] = DriveFile(file_id, name, mime, data, [], {})
        return file_id

    def _new_id(self) -> str:
        return "1" + secrets.token_urlsafe(24).replace("-", "x").replace("_", "y")

    def _take_fault(self, op: str) -> Fault | None:
        with self.lock:
            for fault in self.faults:
                if fault.op == op and fault.times > 0:
                    fault.times -= 1
                    return fault
        return None


def _error(status: int, message: str, reason: str = "") -> dict[str, Any]:
    return {
        "error": {
            "code": status,
            "message": message,
            "errors": [{"domain": "global", "reason": reason or "error", "message": message}],
        }
    }


_APP_PROPERTY_QUERY = re.compile(r"appProperties has \{ key='([^']*)' and value='((?:[^'\\]|\\.)*)' \}")


class _Handler(BaseHTTPRequestHandler):
    fake: FakeDrive
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        return

    # ------------------------------------------------------------------ plumbing

    def _reply(
        self, op: str, status: int, body: Any = None, headers: dict[str, str] | None = None, raw: bytes | None = None
    ) -> None:
        payload = raw if raw is not None else (b"" if body is None else json.dumps(body).encode())
        with self.fake.lock:  # recorded before answering, so the client never sees it unrecorded
            self.fake.log.append((op, status))
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if raw is None and body is not None:
            self.send_header("Content-Type", "application/json; charset=UTF-8")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if payload and self.command != "HEAD":
            self.wfile.write(payload)

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _drop(self, op: str, keep: Callable[[bytes], None] | None = None) -> None:
        """Read half the body (unless it was read), keep what a server would persist, cut the connection."""
        if keep is not None:
            length = int(self.headers.get("Content-Length") or 0)
            keep(self.rfile.read(length // 2) if length else b"")
        with self.fake.lock:
            self.fake.log.append((op, -1))
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def _fault(self, op: str) -> Fault | None:
        fault = self.fake._take_fault(op)
        if fault is None or fault.drop or fault.expire or fault.drop_reply:
            return fault
        self._body()
        headers = {"Retry-After": fault.retry_after} if fault.retry_after is not None else {}
        self._reply(op, fault.status, _error(fault.status, f"injected {fault.status}", fault.reason), headers)
        return fault

    def _authorised(self, op: str) -> bool:
        auth = self.headers.get("Authorization", "")
        token = auth.removeprefix("Bearer ").strip()
        with self.fake.lock:
            ok = auth.startswith("Bearer ") and token in self.fake.tokens
        if not ok:
            self._body()
            self._reply(op, 401, _error(401, "Invalid Credentials", "authError"), {"WWW-Authenticate": "Bearer"})
        return ok

    def _route(self) -> tuple[str, dict[str, str]]:
        parsed = urllib.parse.urlsplit(self.path)
        return parsed.path, dict(urllib.parse.parse_qsl(parsed.query))

    # ------------------------------------------------------------------ verbs

    def do_POST(self) -> None:
        path, query = self._route()
        if path == "/token":
            self._token()
        elif path == "/upload/drive/v3/files" and query.get("uploadType") == "resumable":
            self._initiate()
        else:
            self._body()
            self._reply("unknown", 404, _error(404, f"no route POST {path}"))

    def do_PUT(self) -> None:
        path, query = self._route()
        if path == "/upload/drive/v3/files" and "upload_id" in query:
            self._chunk(query["upload_id"])
        else:
            self._body()
            self._reply("unknown", 404, _error(404, f"no route PUT {path}"))

    def do_GET(self) -> None:
        path, query = self._route()
        if path == "/drive/v3/files/generateIds":
            self._generate_ids(query)
        elif path == "/drive/v3/files":
            self._list(query)
        elif path.startswith("/drive/v3/files/"):
            file_id = urllib.parse.unquote(path.rsplit("/", 1)[1])
            if query.get("alt") == "media":
                self._media(file_id)
            else:
                self._get(file_id)
        else:
            self._reply("unknown", 404, _error(404, f"no route GET {path}"))

    def do_DELETE(self) -> None:
        path, _ = self._route()
        file_id = urllib.parse.unquote(path.rsplit("/", 1)[1])
        if not self._authorised("delete") or self._fault("delete"):
            return
        with self.fake.lock:
            found = self.fake.files.pop(file_id, None)
        if found is None:
            self._reply("delete", 404, _error(404, f"File not found: {file_id}.", "notFound"))
        else:
            self._reply("delete", 204)

    # ------------------------------------------------------------------ operations

    def _token(self) -> None:
        form = dict(urllib.parse.parse_qsl(self._body().decode()))
        if self.fake._take_fault("token"):
            self._reply("token", 503, {"error": "temporarily_unavailable"})
            return
        if (form.get("client_id"), form.get("client_secret")) != self.fake.client:
            self._reply(
                "token", 401, {"error": "invalid_client", "error_description": "The OAuth client was not found."}
            )
            return
        with self.fake.lock:
            known = form.get("grant_type") == "refresh_token" and form.get("refresh_token") in self.fake.refresh_tokens
        if not known:
            self._reply(
                "token", 400, {"error": "invalid_grant", "error_description": "Token has been expired or revoked."}
            )
            return
        token = "ya29." + secrets.token_urlsafe(16)
        with self.fake.lock:
            self.fake.tokens.add(token)
        self._reply("token", 200, {"access_token": token, "expires_in": 3599, "token_type": "Bearer"})

    def _generate_ids(self, query: dict[str, str]) -> None:
        if not self._authorised("generateIds") or self._fault("generateIds"):
            return
        count = int(query.get("count", "10"))
        with self.fake.lock:
            ids = [self.fake._new_id() for _ in range(count)]
            self.fake.generated.update(ids)
        self._reply("generateIds", 200, {"kind": "drive#generatedIds", "space": "drive", "ids": ids})

    def _initiate(self) -> None:
        if not self._authorised("initiate") or self._fault("initiate"):
            return
        metadata = json.loads(self._body() or b"{}")
        file_id = metadata.get("id")
        with self.fake.lock:
            if file_id is not None and file_id in self.fake.files:
                self._reply("initiate", 409, _error(409, f"A file already exists with the provided ID: {file_id}."))
                return
            if file_id is not None and file_id not in self.fake.generated:
                self._reply("initiate", 400, _error(400, "The provided file ID is not usable.", "invalid"))
                return
            upload_id = secrets.token_urlsafe(12)
            total = self.headers.get("X-Upload-Content-Length")
            self.fake.sessions[upload_id] = Session(
                metadata,
                self.headers.get("X-Upload-Content-Type", "application/octet-stream"),
                int(total) if total else None,
            )
        host, port = self.server.server_address[:2]
        location = f"http://{host!s}:{port}/upload/drive/v3/files?uploadType=resumable&upload_id={upload_id}"
        self._reply("initiate", 200, None, {"Location": location})

    def _held(self, session: Session) -> dict[str, str]:
        return {"Range": f"bytes=0-{len(session.data) - 1}"} if session.data else {}

    def _chunk(self, upload_id: str) -> None:
        content_range = self.headers.get("Content-Range", "")
        op = "status" if content_range.startswith("bytes */") else "chunk"
        if not self._authorised(op):
            return
        with self.fake.lock:
            session = self.fake.sessions.get(upload_id)
        fault = self._fault(op)
        if fault is not None and fault.status:
            return
        if fault is not None and fault.expire and not fault.drop_reply:
            with self.fake.lock:
                self.fake.sessions.pop(upload_id, None)
            session = None
        if session is None:
            self._body()
            self._reply(op, 404, _error(404, "The upload session does not exist or expired.", "notFound"))
            return
        if session.file_id is not None:  # completed: Drive answers with the file
            self._body()
            with self.fake.lock:
                done = self.fake.files.get(session.file_id)
            self._reply(op, 200, done.meta() if done else None)
            return
        if op == "status":
            self._body()
            self._reply(op, 308, None, self._held(session))
            return
        if not content_range:  # an empty file: a PUT with no body and no Content-Range completes it
            self._body()
            self._complete(upload_id, session, fault)
            return
        match = re.fullmatch(r"bytes (\d+)-(\d+)/(\d+|\*)", content_range)
        if match is None:
            self._body()
            self._reply(op, 400, _error(400, f"bad Content-Range {content_range!r}", "badContent"))
            return
        first, total = int(match.group(1)), match.group(3)

        def accept(data: bytes) -> None:
            # Bytes the session already holds are skipped; a gap is an error.
            with self.fake.lock:
                held = len(session.data)
                if first <= held:
                    session.data.extend(data[held - first :])

        if fault is not None and fault.drop:
            # A real server persists whole 256 KiB units of what it received before the cut.
            def keep(data: bytes) -> None:
                accept(data[: (len(data) // CHUNK_UNIT) * CHUNK_UNIT])

            self._drop(op, keep)
            return
        data = self._body()
        with self.fake.lock:
            if first > len(session.data):
                self._reply(op, 400, _error(400, "chunk does not continue the upload", "badContent"))
                return
        accept(data)
        size = int(total) if total != "*" else None
        if size is None or len(session.data) < size:
            if fault is not None and fault.drop_reply:
                self._drop(op)
                return
            self._reply(op, 308, None, self._held(session))
            return
        self._complete(upload_id, session, fault)

    def _complete(self, upload_id: str, session: Session, fault: Fault | None) -> None:
        meta = session.metadata
        with self.fake.lock:
            file_id = meta.get("id") or self.fake._new_id()
            if file_id in self.fake.files:
                self._reply("chunk", 409, _error(409, f"A file already exists with the provided ID: {file_id}."))
                return
            created = DriveFile(
                file_id,
                meta.get("name", "untitled"),
                meta.get("mimeType") or session.mime,
                bytes(session.data),
                list(meta.get("parents") or []),
                dict(meta.get("appProperties") or {}),
            )
            self.fake.files[file_id] = created
            session.file_id = file_id
            if fault is not None and fault.expire:
                self.fake.sessions.pop(upload_id, None)
        if self.fake.on_file_created is not None:
            self.fake.on_file_created(created)
        if fault is not None and fault.drop_reply:
            self._drop("chunk")
            return
        self._reply("chunk", 200, created.meta())

    def _get(self, file_id: str) -> None:
        if not self._authorised("get") or self._fault("get"):
            return
        with self.fake.lock:
            found = self.fake.files.get(file_id)
        if found is None:
            self._reply("get", 404, _error(404, f"File not found: {file_id}.", "notFound"))
        else:
            self._reply("get", 200, found.meta())

    def _media(self, file_id: str) -> None:
        if not self._authorised("media") or self._fault("media"):
            return
        with self.fake.lock:
            found = self.fake.files.get(file_id)
        if found is None:
            self._reply("media", 404, _error(404, f"File not found: {file_id}.", "notFound"))
            return
        data, size = found.data, len(found.data)
        match = re.fullmatch(r"bytes=(\d+)-(\d*)", self.headers.get("Range", ""))
        if match is None:
            self._reply("media", 200, raw=data, headers={"Content-Type": found.mime})
            return
        first = int(match.group(1))
        last = min(int(match.group(2)) if match.group(2) else size - 1, size - 1)
        if first >= size:
            self._reply("media", 416, raw=b"", headers={"Content-Range": f"bytes */{size}"})
            return
        self._reply(
            "media",
            206,
            raw=data[first : last + 1],
            headers={"Content-Type": found.mime, "Content-Range": f"bytes {first}-{last}/{size}"},
        )

    def _list(self, query: dict[str, str]) -> None:
        if not self._authorised("list") or self._fault("list"):
            return
        match = _APP_PROPERTY_QUERY.search(query.get("q", ""))
        with self.fake.lock:
            files = list(self.fake.files.values())
        if match is not None:
            key, value = match.group(1), re.sub(r"\\(.)", r"\1", match.group(2))
            files = [f for f in files if f.app_properties.get(key) == value]
        size = int(query.get("pageSize", "100"))
        self._reply("list", 200, {"kind": "drive#fileList", "files": [{"id": f.id} for f in files[:size]]})


@contextmanager
def running() -> Iterator[FakeDrive]:
    drive = FakeDrive().start()
    try:
        yield drive
    finally:
        drive.stop()
