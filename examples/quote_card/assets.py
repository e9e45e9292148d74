"""The quote card needs no media: everything is drawn from the template (gradient, text, a colour rule)."""

from __future__ import annotations

from pathlib import Path


def generate(folder: Path, scale: float = 1.0) -> dict[str, tuple[Path, str]]:
    """No assets; kept so every example has the same ``generate`` entry point."""
    del folder, scale
    return {}
