"""The concrete composition a job renders: a template version's, with the job's parameters and options."""

from __future__ import annotations

from typing import Any

from gala.orm import TemplateVersion
from gala.services.parameters import substitute

DRAFT_MAX_HEIGHT = 360
DRAFT_MAX_FPS = 15


def draft(composition: dict[str, Any]) -> dict[str, Any]:
    """A fast low-resolution version of a composition: at most 360p and 15 fps."""
    out = dict(composition)
    output = dict(out.get("output") or {})
    width, height = output.get("width", 1280), output.get("height", 720)
    if isinstance(width, int) and isinstance(height, int) and height > DRAFT_MAX_HEIGHT:
        scale = DRAFT_MAX_HEIGHT / height
        output["width"] = max(16, round(width * scale / 2) * 2)
        output["height"] = DRAFT_MAX_HEIGHT
        for layer in out.get("layers") or []:
            if isinstance(layer, dict) and isinstance(layer.get("size"), int | float):
                layer["size"] = max(4, round(layer["size"] * scale))
    fps = output.get("fps", 30)
    if isinstance(fps, int | float) and fps > DRAFT_MAX_FPS:
        output["fps"] = DRAFT_MAX_FPS
    out["output"] = output
    return out


def resolve(version: TemplateVersion, params: dict[str, Any], options: dict[str, Any]) -> dict[str, Any]:
    """The concrete composition a job renders: placeholders replaced, draft applied.

    A version-2 draft is the renderer's own ``output.quality: "draft"`` (half size, fast encoder
    settings, every pixel size scaled along); version 1 keeps its 360p / 15 fps draft.
    """
    composition: dict[str, Any] = substitute(version.composition, params)
    if options.get("draft"):
        if composition.get("version") == 2:
            output = composition.get("output")
            composition["output"] = {**(output if isinstance(output, dict) else {}), "quality": "draft"}
        else:
            composition = draft(composition)
    return composition
