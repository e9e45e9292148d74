"""Sample assets for the captioned clip: a 4 s video with sound (dots orbiting over a gradient).

The subtitles are not generated: they are the committed ``captions.srt`` next to this file, which the
gallery passes as the template's ``srt`` parameter (the template's default is the same text).
"""

from __future__ import annotations

from pathlib import Path

from examples.media import orbit_scene, video

SRT = Path(__file__).with_name("captions.srt")
SECONDS = 4.0


def generate(folder: Path, scale: float = 1.0) -> dict[str, tuple[Path, str]]:
    """Write the clip into ``folder``; ``scale`` 1 gives 960x540 at 25 fps. Returns id -> (path, kind)."""
    width, height = max(32, 2 * round(480 * scale)), max(18, 2 * round(270 * scale))
    scene = orbit_scene(width, height, background=("#1e3a8a", "#0f766e"), accents=("#f472b6", "#facc15", "#22d3ee"))
    return {"clip": (video(folder / "clip.mp4", width, height, SECONDS, 25, scene, tone_hz=330.0), "video")}
