"""GALA's rendering library: a composition (JSON) in, a video (MP4/WebM/GIF) or JPEG plus a poster out.

Pure library: no HTTP, no database, no knowledge of the GALA service.  The
format is documented in docs/composition.md.

    >>> from renderer import hello_composition, render
    >>> result = render(hello_composition(), pathlib.Path("/tmp/out"))

Main entry points: :func:`render` (a file), :func:`render_frame` (one JPEG
frame, for previews), :func:`normalise` (semantic checks with human messages),
:func:`renderer.media.probe` (checking an uploaded asset).
"""

from .composition import COMPOSITION_VERSION, hello_composition
from .encoder import RenderOutput, render, render_frame
from .errors import MediaError, RenderCanceled, RenderError
from .media import AssetFile, Limits, MediaInfo, probe
from .timeline import VERSION as COMPOSITION_VERSION_2
from .timeline import normalise, normalise_v2

__all__ = [
    "COMPOSITION_VERSION",
    "COMPOSITION_VERSION_2",
    "AssetFile",
    "Limits",
    "MediaError",
    "MediaInfo",
    "RenderCanceled",
    "RenderError",
    "RenderOutput",
    "hello_composition",
    "normalise",
    "normalise_v2",
    "probe",
    "render",
    "render_frame",
]
