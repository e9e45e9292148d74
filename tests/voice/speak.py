"""Compositions with spoken clips, resolved the way `gala render` resolves them (espeak-ng, cached in a
directory), for the tests that render through the real renderer."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from gala.speech.resolve import DirectoryStore, Engines, resolve
from renderer.assets import AssetFile


def resolved(composition: dict[str, Any], cache: Path) -> tuple[dict[str, Any], dict[str, AssetFile]]:
    """A copy of ``composition`` with its speech synthesized, and the assets mapping the renderer needs."""
    out = copy.deepcopy(composition)
    engines = Engines()
    try:
        found = resolve(out, DirectoryStore(cache), engines, cache / "work")
    finally:
        engines.close()
    files = {
        r.asset: AssetFile(path=r.path or Path(), kind="audio", duration=float(r.timing["duration"])) for r in found
    }
    return out, files
