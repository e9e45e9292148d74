"""The concrete composition a job renders: a template version's, with the job's parameters and options."""

from __future__ import annotations

from typing import Any

from gala.orm import TemplateVersion
from gala.parameters import substitute


def draft(composition: dict[str, Any]) -> dict[str, Any]:
    """A fast draft: the renderer's ``output.quality: "draft"`` (half size, fast encoder settings)."""
    output = composition.get("output")
    return {**composition, "output": {**(output if isinstance(output, dict) else {}), "quality": "draft"}}


def resolve(version: TemplateVersion, params: dict[str, Any], options: dict[str, Any]) -> dict[str, Any]:
    """The concrete composition a job renders: placeholders replaced, draft applied.

    A draft is the renderer's own ``output.quality: "draft"`` (half size, fast encoder settings,
    every pixel size scaled along).
    """
    composition: dict[str, Any] = substitute(version.composition, params)
    return draft(composition) if options.get("draft") else composition
