"""Sample assets for the slideshow: four landscape "photos" and the music."""

from __future__ import annotations

from pathlib import Path

from examples.media import landscape, music

# (seed, sky top, sky bottom, land, sun): dawn, noon, dusk, night.
PHOTOS = (
    (11, "#fda4af", "#fde68a", "#365314", "#fff7ed"),
    (12, "#38bdf8", "#e0f2fe", "#166534", "#ffffff"),
    (13, "#7c2d12", "#fb923c", "#431407", "#fef08a"),
    (14, "#020617", "#1e3a8a", "#0f172a", "#e2e8f0"),
)


def generate(folder: Path, scale: float = 1.0) -> dict[str, tuple[Path, str]]:
    """Write the assets into ``folder``; ``scale`` 1 gives 1600x900 photos. Returns id -> (path, kind)."""
    width, height = max(32, round(1600 * scale)), max(18, round(900 * scale))
    assets: dict[str, tuple[Path, str]] = {}
    for number, (seed, top, bottom, land, sun) in enumerate(PHOTOS, start=1):
        path = landscape(folder / f"photo{number}.jpg", width, height, seed=seed, sky=(top, bottom), land=land, sun=sun)
        assets[f"photo{number}"] = (path, "image")
    assets["music"] = (music(folder / "music.wav", 12.0, bpm=84), "audio")
    return assets
