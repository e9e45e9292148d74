"""What one attempt of a job holds while it runs: the job, its attempt number, its local files."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gala.jobs.fetch import StoredAsset
from gala.jobs.stages import Stage


@dataclass
class Claim:
    job_id: uuid.UUID
    attempt: int
    composition: dict[str, Any]
    basename: str
    staging_dir: Path
    stage: Stage  # the stage running now
    stored: list[tuple[str, str]] = field(default_factory=list)  # (provider, key) put by this attempt
    assets: list[StoredAsset] = field(default_factory=list)  # the media the composition names
    recorded: bool = False  # every output stored and its asset row committed (the golden rule)
    cleaned: bool = False  # this attempt's one `cleanup ...` line was logged

    def key(self, filename: str) -> str:
        """Objects are stored under keys unique to the attempt: a stale attempt can only ever
        delete its own objects, never the ones a later attempt committed."""
        return f"jobs/{self.job_id}/a{self.attempt}/{filename}"
