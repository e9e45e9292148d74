"""The renderer work the API hands to its sandbox processes. Imported only in those processes.

Arguments and answers are plain data (paths, dicts, tuples), so that nothing of the renderer has
to be imported by the API to build or read them. The renderer's own errors, which users must
see, come back as answers, not exceptions:

* ``("ok", value)``;
* ``("render_error", problems)`` for :class:`renderer.RenderError` (a preview);
* ``("media_error", message, reason)`` for :class:`renderer.errors.MediaError` (an upload).
"""

from __future__ import annotations

import pathlib
from typing import Any

from renderer import media  # the reason these run in a sandbox: PyAV and FFmpeg
from renderer.assets import AssetFile, Limits
from renderer.assets import sniff as sniff_format
from renderer.encoder import render_frame
from renderer.errors import MediaError, RenderError

# (path, kind, duration or None) per asset id, as previews send them.
AssetFiles = dict[str, tuple[str, str, float | None]]


def _limits(caps: tuple[int, float]) -> Limits:
    return Limits(max_pixels=caps[0], max_duration=caps[1])


def frame(composition: dict[str, Any], t: float, files: AssetFiles, width: int, caps: tuple[int, float]) -> Any:
    assets = {key: AssetFile(pathlib.Path(p), kind, duration) for key, (p, kind, duration) in files.items()}
    try:
        return ("ok", render_frame(composition, t, assets=assets, width=width, limits=_limits(caps)))
    except RenderError as exc:
        return ("render_error", exc.problems)


def sniff(path: str) -> Any:
    """The renderer's word for the container format of ``path``, or None."""
    try:
        return ("ok", sniff_format(pathlib.Path(path)))
    except MediaError as exc:
        return ("media_error", str(exc), exc.reason)


def probe(path: str, kind: str, caps: tuple[int, float]) -> Any:
    try:
        return ("ok", media.probe(pathlib.Path(path), kind, _limits(caps)).as_dict())
    except MediaError as exc:
        return ("media_error", str(exc), exc.reason)


TASKS = {"frame": frame, "sniff": sniff, "probe": probe}
