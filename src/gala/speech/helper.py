"""Talks to an engine helper process over its stdin/stdout pipe.

GPL-licensed engines (espeak-ng, Piper) run in a helper program of their own, never inside GALA's
process. The protocol (docs/speech.md, "Helper protocol"):

- request: one JSON object on one line (UTF-8), e.g. {"op": "synthesize", ...};
- response: one JSON object on one line; {"ok": false, "error": "..."} for a refused request (the helper
  keeps serving); when it has "pcm_bytes": n, exactly n bytes of mono s16le PCM follow the line;
- end of stdin: the helper exits.

A helper that dies, answers garbage or takes longer than the timeout is killed, the call raises
SpeechError, and the next call starts a fresh helper.
"""

from __future__ import annotations

import contextlib
import json
import os
import selectors
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from gala.speech.model import SpeechError

MAX_HEADER_BYTES = 64 * 1024 * 1024  # the event list of a 30-minute script is a few MB


class HelperProcess:
    """One long-lived helper; calls are serialized (one request on the pipe at a time)."""

    def __init__(self, name: str, script: Path, start_timeout_s: float = 30.0) -> None:
        self.name = name
        self._argv = [sys.executable, "-I", str(script)]
        self._start_timeout_s = start_timeout_s
        self._proc: subprocess.Popen[bytes] | None = None
        self._stderr: Any = None
        self._lock = threading.Lock()

    @property
    def pid(self) -> int | None:
        return None if self._proc is None else self._proc.pid

    def call(self, request: dict[str, Any], timeout_s: float) -> tuple[dict[str, Any], bytes]:
        with self._lock:
            started = self._proc is None
            if started:
                self._start()
            deadline = time.monotonic() + timeout_s + (self._start_timeout_s if started else 0.0)
            try:
                header, pcm = self._exchange(request, deadline, timeout_s)
            except SpeechError:
                self._kill()
                raise
            if not header.get("ok"):
                raise SpeechError(f"{self.name}: {header.get('error', 'request refused')}")
            return header, pcm

    def close(self) -> None:
        with self._lock:
            if self._proc is not None and self._proc.poll() is None:
                with contextlib.suppress(OSError):
                    self._proc.stdin.close()  # type: ignore[union-attr]
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self._proc.wait(timeout=2)
            self._kill()

    def _start(self) -> None:
        # Closed in _kill: it lives as long as the helper, to quote its last words in errors.
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115
        self._proc = subprocess.Popen(
            self._argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr, close_fds=True
        )

    def _kill(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None:
            if proc.poll() is None:
                proc.kill()
            proc.wait()
            for stream in (proc.stdin, proc.stdout):
                with contextlib.suppress(OSError):
                    stream.close()  # type: ignore[union-attr]
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None

    def _why(self, what: str) -> SpeechError:
        proc = self._proc
        code = None if proc is None else proc.poll()
        tail = ""
        if self._stderr is not None:
            self._stderr.seek(0)
            tail = self._stderr.read()[-2000:].decode("utf-8", "replace").strip()
        status = "still running" if code is None else (f"killed by signal {-code}" if code < 0 else f"exit {code}")
        return SpeechError(f"{self.name} helper {what} ({status}){': ' + tail if tail else ''}")

    def _exchange(self, request: dict[str, Any], deadline: float, timeout_s: float) -> tuple[dict[str, Any], bytes]:
        proc = self._proc
        assert proc is not None
        assert proc.stdin is not None
        assert proc.stdout is not None
        try:
            proc.stdin.write(json.dumps(request, ensure_ascii=False).encode("utf-8") + b"\n")
            proc.stdin.flush()
        except OSError:
            raise self._why("died before it read the request") from None
        fd = proc.stdout.fileno()
        buf = bytearray()
        header: dict[str, Any] | None = None
        need = -1
        with selectors.DefaultSelector() as sel:
            sel.register(fd, selectors.EVENT_READ)
            while True:
                if header is None and (newline := buf.find(b"\n")) >= 0:
                    try:
                        header = json.loads(bytes(buf[:newline]))
                    except ValueError:
                        raise self._why("answered something that is not the protocol") from None
                    if not isinstance(header, dict):
                        raise self._why("answered something that is not the protocol")
                    del buf[: newline + 1]
                    need = int(header.get("pcm_bytes", 0))
                if header is not None and len(buf) >= need:
                    return header, bytes(buf[:need])
                if header is None and len(buf) > MAX_HEADER_BYTES:
                    raise self._why("answered something that is not the protocol")
                left = deadline - time.monotonic()
                if left <= 0 or not sel.select(left):
                    raise self._why(f"did not answer within {timeout_s:.1f} s and was killed")
                chunk = os.read(fd, 1 << 20)
                if not chunk:
                    with contextlib.suppress(subprocess.TimeoutExpired):
                        proc.wait(timeout=1)
                    raise self._why("died during the request")
                buf += chunk
