"""What a stage implementation receives: the attempt, its heartbeat, and what earlier stages of
the same task left for it (stages on the same queue run in one task, on one host)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from gala.jobs.claim import Claim
from gala.jobs.formats import Output
from gala.jobs.lease import Heartbeat
from gala.runtime import Runtime
from renderer.assets import AssetFile


@dataclass
class StageContext:
    rt: Runtime
    claim: Claim
    beat: Heartbeat
    hostname: str = "-"
    files: dict[str, AssetFile] = field(default_factory=dict)  # asset id -> local file (fetch)
    downloaded: list[Path] = field(default_factory=list)  # files to delete when the task ends
    outputs: list[Output] = field(default_factory=list)  # what the render left (render -> store)
