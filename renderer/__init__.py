"""GALA's rendering library: a composition (JSON) in, a video (MP4/WebM/GIF) or JPEG plus a poster out.

Pure library: no HTTP, no database, no knowledge of the GALA service.  The
format is documented in docs/composition.md.

Importing this package (or checking a composition) does not load FFmpeg: the names
here are the av-free ones.  Rendering and probing import PyAV and live in their modules:

    >>> from renderer import hello_composition
    >>> from renderer.encoder import render
    >>> result = render(hello_composition(), pathlib.Path("/tmp/out"))

Entry points: :func:`normalise` (semantic checks with human messages), the clip-type
registry :data:`renderer.clips.CLIP_TYPES`, :func:`renderer.encoder.render` (a file),
:func:`renderer.encoder.render_frame` (one JPEG frame, for previews),
:func:`renderer.media.probe` (checking an uploaded asset).
"""

from .assets import AssetFile, Limits, MediaInfo
from .errors import MediaError, RenderCanceled, RenderError
from .examples import hello_composition
from .timeline import VERSION as COMPOSITION_VERSION
from .timeline import normalise

__all__ = [
    "COMPOSITION_VERSION",
    "AssetFile",
    "Limits",
    "MediaError",
    "MediaInfo",
    "RenderCanceled",
    "RenderError",
    "hello_composition",
    "normalise",
]
