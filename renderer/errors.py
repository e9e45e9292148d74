"""Exceptions raised by the renderer."""

from __future__ import annotations

from collections.abc import Sequence


class RenderError(Exception):
    """A render could not be done; ``str(error)`` is meant to be shown to users.

    ``problems`` lists every individual problem found (for composition
    validation there may be several); it always holds at least one entry.
    """

    def __init__(self, message: str, *, problems: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.problems: tuple[str, ...] = tuple(problems) or (message,)

    def __str__(self) -> str:
        return self.message


class RenderCanceled(RenderError):
    """The render was stopped because ``should_cancel()`` returned True."""

    def __init__(self, message: str = "render canceled") -> None:
        super().__init__(message)


class MediaError(RenderError):
    """A media file (asset) cannot be used.

    ``reason`` is a stable, machine-readable word for callers (the upload
    path maps it to an HTTP problem): ``"unsupported"`` (not a format we
    accept), ``"corrupt"`` (claims to be one but does not decode),
    ``"too_large"`` (pixels over the limit) or ``"too_long"`` (duration over
    the limit).
    """

    REASONS = ("unsupported", "corrupt", "too_large", "too_long")

    def __init__(self, message: str, *, reason: str) -> None:
        if reason not in self.REASONS:
            raise ValueError(f"unknown MediaError reason {reason!r}")
        super().__init__(message)
        self.reason = reason
