"""Talking to a running GALA through the client generated from the contract (``gala_client``).

The CLI's job commands and the smoke test use these helpers, which proves the contract is
usable by generated clients. Downloads stream through the client's own httpx connection.
"""

from __future__ import annotations

import hashlib
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gala_client import Client
from gala_client.api.assets import assets_get
from gala_client.api.jobs import jobs_create, jobs_get
from gala_client.api.templates import templates_list
from gala_client.models import Asset, Job, JobCreate, JobCreateParams, JobOptions, Problem, TemplatePage
from gala_client.models.job_status import JobStatus
from gala_client.types import Response

TERMINAL = {JobStatus.DONE, JobStatus.FAILED, JobStatus.CANCELED}


class RemoteError(RuntimeError):
    """The API answered with a problem, or not as the contract says."""


def connect(base_url: str, timeout: float = 30.0) -> Client:
    import httpx

    return Client(base_url=base_url, timeout=httpx.Timeout(timeout), raise_on_unexpected_status=True)


def _parsed(response: Response[Any], expected: type) -> Any:
    if isinstance(response.parsed, expected):
        return response.parsed
    if isinstance(response.parsed, Problem):
        p = response.parsed
        details = "; ".join(f"{e.pointer or e.parameter or ''} {e.detail}".strip() for e in (p.errors or []))
        raise RemoteError(f"{p.status} {p.title}: {p.detail}" + (f" ({details})" if details else ""))
    raise RemoteError(f"unexpected answer {response.status_code}: {response.content[:300]!r}")


def template_id_by_name(client: Client, name: str) -> uuid.UUID:
    page = _parsed(templates_list.sync_detailed(client=client, name=name, limit=1), TemplatePage)
    if not page.items:
        raise RemoteError(f"there is no template named {name!r}")
    return uuid.UUID(str(page.items[0].id))


def submit(
    client: Client,
    template: str,
    params: dict[str, Any],
    *,
    draft: bool = False,
    basename: str | None = None,
    idempotency_key: str | None = None,
) -> Job:
    try:
        template_id = uuid.UUID(template)
    except ValueError:
        template_id = template_id_by_name(client, template)
    options = JobOptions(draft=draft) if basename is None else JobOptions(draft=draft, basename=basename)
    body = JobCreate(template_id=template_id, params=JobCreateParams.from_dict(params), options=options)
    response = jobs_create.sync_detailed(client=client, body=body, idempotency_key=idempotency_key or str(uuid.uuid4()))
    job: Job = _parsed(response, Job)
    return job


def wait(
    client: Client,
    job_id: uuid.UUID,
    *,
    timeout: float = 600.0,
    interval: float = 0.2,
    on_update: Callable[[Job], None] | None = None,
) -> Job:
    deadline = time.monotonic() + timeout
    while True:
        job: Job = _parsed(jobs_get.sync_detailed(job_id, client=client), Job)
        if on_update is not None:
            on_update(job)
        if job.status in TERMINAL:
            return job
        if time.monotonic() > deadline:
            raise RemoteError(f"job {job_id} still {job.status.value} after {timeout:.0f} s")
        time.sleep(interval)


def asset(client: Client, asset_id: uuid.UUID | str) -> Asset:
    result: Asset = _parsed(assets_get.sync_detailed(uuid.UUID(str(asset_id)), client=client), Asset)
    return result


@dataclass(frozen=True)
class Download:
    path: Path
    size: int
    sha256: str
    mime: str


def download(client: Client, asset_id: uuid.UUID | str, target: Path) -> Download:
    """Stream an asset's bytes to ``target`` (atomically) and check them against its sha256."""
    meta = asset(client, asset_id)
    digest = hashlib.sha256()
    size = 0
    partial = target.with_name(f".{target.name}.part")
    target.parent.mkdir(parents=True, exist_ok=True)
    http = client.get_httpx_client()
    with http.stream("GET", f"/assets/{asset_id}/content") as response:
        if response.status_code != 200:
            raise RemoteError(f"download of asset {asset_id} answered {response.status_code}")
        with partial.open("wb") as out:
            for chunk in response.iter_bytes(1 << 20):
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
        mime = response.headers.get("content-type", "")
    if digest.hexdigest() != meta.sha256 or size != meta.size_bytes:
        partial.unlink(missing_ok=True)
        raise RemoteError(f"asset {asset_id}: downloaded bytes do not match the stored sha256/size")
    partial.replace(target)
    return Download(target, size, digest.hexdigest(), mime)
