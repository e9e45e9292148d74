"""The loop a sandbox worker process runs: receive ``(task, args)``, answer ``(status, value)``.

``status`` is ``"ok"`` (``value`` is what the task returned) or ``"raised"`` (``value`` says which
exception, in words: exception objects do not always survive pickling). A task module lists what
may be called in ``TASKS``. Standard library only, like the pool: the task module brings the rest.
"""

from __future__ import annotations

import importlib
import resource
import signal
from multiprocessing.connection import Connection
from typing import Any


def serve(conn: Connection, module: str) -> None:
    # Ctrl-C in the API's terminal is for the API, which then closes the pool (EOF below).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A crash on hostile media must not leave a core file of the decoder's memory behind.
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    tasks: dict[str, Any] = importlib.import_module(module).TASKS
    while True:
        try:
            task, args = conn.recv()
        except (EOFError, OSError):
            return  # the pool closed us, or the API is gone
        try:
            answer: tuple[str, Any] = ("ok", tasks[task](*args))
        except Exception as exc:
            answer = ("raised", f"{type(exc).__name__}: {exc}")
        conn.send(answer)
