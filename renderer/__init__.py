"""GALA's rendering library: composition JSON in, MP4 + JPEG thumbnail out.

Pure library: no HTTP, no database, no knowledge of the GALA service.

    >>> from renderer import hello_composition, render
    >>> result = render(hello_composition(), pathlib.Path("/tmp/out"))
"""

from .composition import COMPOSITION_VERSION, hello_composition, normalise
from .encoder import RenderOutput, render
from .errors import RenderCanceled, RenderError

__all__ = [
    "COMPOSITION_VERSION",
    "RenderCanceled",
    "RenderError",
    "RenderOutput",
    "hello_composition",
    "normalise",
    "render",
]
