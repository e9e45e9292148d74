"""Sample assets for the promo: the product shot, the brand mark and the music."""

from __future__ import annotations

from pathlib import Path

from examples.media import badge, music, product


def generate(folder: Path, scale: float = 1.0) -> dict[str, tuple[Path, str]]:
    """Write the assets into ``folder``; ``scale`` 1 suits a 1280x720 render. Returns id -> (path, kind)."""
    return {
        "product": (
            product(folder / "product.png", round(480 * scale), round(640 * scale), body="#0f172a", accent="#a78bfa"),
            "image",
        ),
        "logo": (badge(folder / "logo.png", max(16, round(256 * scale)), fill="#7c3aed", ring="#fde047"), "image"),
        "music": (music(folder / "music.wav", 8.0, bpm=104), "audio"),
    }
