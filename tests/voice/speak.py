"""Compositions with spoken clips, resolved the way `gala render` and the gallery resolve them
(espeak-ng, cached in a directory), for the tests that render through the real renderer."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from examples.gallery import speak
from renderer.assets import AssetFile


def resolved(composition: dict[str, Any], cache: Path) -> tuple[dict[str, Any], dict[str, AssetFile]]:
    """A copy of ``composition`` with its speech synthesized, and the assets mapping the renderer needs."""
    out = copy.deepcopy(composition)
    return out, speak(out, cache)
