"""The sandbox's media tasks as a decoder stuck in a loop on hostile bytes would make them."""

from __future__ import annotations

import time

from tests.sandbox.crashing_probe import sniff


def probe(path: str, kind: str, caps: object) -> object:
    del path, kind, caps
    time.sleep(60)
    return None


TASKS = {"sniff": sniff, "probe": probe}
