"""The sandbox's media tasks as a decoder bug on hostile bytes would make them: the probe segfaults."""

from __future__ import annotations

import os
import signal


def sniff(path: str) -> object:
    del path
    return ("ok", "png")


def probe(path: str, kind: str, caps: object) -> object:
    del path, kind, caps
    os.kill(os.getpid(), signal.SIGSEGV)
    return None


TASKS = {"sniff": sniff, "probe": probe}
