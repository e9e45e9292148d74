"""Work the API must not do in its own process: decoding untrusted media with PyAV (FFmpeg).

A small, bounded :class:`~gala.sandbox.pool.Pool` of warm worker processes runs named tasks
(:mod:`gala.sandbox.tasks`: preview frames, upload sniffing and probing) with a hard timeout: a
task that overruns, or a child that crashes, is killed and replaced, and the caller gets a clear
error instead of a hung request or a leftover thread. The API process itself never imports PyAV
(an import-linter contract in pyproject.toml).

The standard library's ``concurrent.futures.ProcessPoolExecutor`` cannot stop a running task
(``cancel()`` only works before it starts) and breaks the whole pool when a child dies, so the
pool is written here on ``multiprocessing`` directly (forkserver start method, renderer
pre-imported in the server so a new child is warm at once).
"""

from __future__ import annotations

from gala.sandbox.pool import Busy, Crashed, Pool, SandboxError, TaskFailed, Timeout

__all__ = ["Busy", "Crashed", "Pool", "SandboxError", "TaskFailed", "Timeout"]
