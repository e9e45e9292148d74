"""Sample assets for the presenter: only the music (the presenter is drawn from code, its voice synthesized)."""

from __future__ import annotations

from pathlib import Path

from examples.media import music


def generate(folder: Path, scale: float = 1.0) -> dict[str, tuple[Path, str]]:
    """Write the music into ``folder`` (``scale`` changes nothing: no pictures). Returns id -> (path, kind)."""
    return {"music": (music(folder / "music.wav", 12.0, bpm=92), "audio")}
