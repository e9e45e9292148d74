"""Talking to a running GALA through the client generated from the contract (``gala_client``).

The CLI's resource commands and the smoke test use these helpers, which proves the contract is
usable by generated clients. Every request is built by a generated operation module; downloads
stream through the client's own httpx connection (the generated functions buffer whole bodies).
"""

from __future__ import annotations

import hashlib
import json
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gala_client import AuthenticatedClient, Client
from gala_client.api.assets import assets_content, assets_get
from gala_client.api.jobs import jobs_create, jobs_get
from gala_client.api.templates import templates_list
from gala_client.models import Asset, Job, JobCreate, JobCreateParams, JobOptions, TemplatePage
from gala_client.models.job_status import JobStatus
from gala_client.types import Response

TERMINAL = {JobStatus.DONE, JobStatus.FAILED, JobStatus.CANCELED}


class RemoteError(RuntimeError):
    """The API answered with a problem, or not as the contract says."""


class ProblemAnswer(RemoteError):
    """The API answered with a problem+json document (RFC 9457); ``problem`` is it, as JSON."""

    def __init__(self, problem: dict[str, Any]) -> None:
        self.problem = problem
        super().__init__(describe_problem(problem))


def describe_problem(problem: dict[str, Any]) -> str:
    """A problem as a short paragraph: its status and title, its detail, then one line per field error."""
    head = f"{problem.get('status', '')} {problem.get('title', 'error')}".strip()
    lines = [f"{head}: {problem['detail']}" if problem.get("detail") else head]
    for error in problem.get("errors") or []:
        where = error.get("pointer") or ""
        if not where and error.get("parameter"):
            where = f"{error.get('in', 'query')} parameter {error['parameter']}"
        lines.append(f"  {where}: {error.get('detail', '')}" if where else f"  {error.get('detail', '')}")
    for user in problem.get("users") or []:  # an asset in use: who uses it, and where
        lines.append(f"  used by {user.get('detail', '')}")
    return "\n".join(lines)


def connect(base_url: str, timeout: float = 30.0, *, api_key: str | None = None) -> Client:
    """The generated client for ``base_url``; with ``api_key``, every request sends ``Authorization: Bearer``."""
    import httpx

    if api_key:
        return AuthenticatedClient(
            base_url=base_url, token=api_key, timeout=httpx.Timeout(timeout), raise_on_unexpected_status=True
        )
    return Client(base_url=base_url, timeout=httpx.Timeout(timeout), raise_on_unexpected_status=True)


def parsed(response: Response[Any], expected: type | None) -> Any:
    """The answer's model when it is ``expected`` (None: any empty 2xx); else raise.

    A problem+json answer raises :class:`ProblemAnswer`, anything else :class:`RemoteError`.
    """
    if expected is None and 200 <= response.status_code < 300:
        return None
    if expected is not None and isinstance(response.parsed, expected):
        return response.parsed
    problem = _problem(response)
    if problem is not None:
        raise ProblemAnswer(problem)
    raise RemoteError(f"unexpected answer {response.status_code}: {response.content[:300]!r}")


def _problem(response: Response[Any]) -> dict[str, Any] | None:
    if not response.headers.get("content-type", "").startswith("application/problem+json"):
        return None
    try:
        document = json.loads(response.content)
    except ValueError:
        return None
    return document if isinstance(document, dict) else None


def template_id_by_name(client: Client, name: str) -> uuid.UUID:
    page = parsed(templates_list.sync_detailed(client=client, name=name, limit=1), TemplatePage)
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
    job: Job = parsed(response, Job)
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
        job = get_job(client, job_id)
        if on_update is not None:
            on_update(job)
        if job.status in TERMINAL:
            return job
        if time.monotonic() > deadline:
            raise RemoteError(f"job {job_id} still {job.status.value} after {timeout:.0f} s")
        time.sleep(interval)


def get_job(client: Client, job_id: uuid.UUID) -> Job:
    result: Job = parsed(jobs_get.sync_detailed(job_id, client=client), Job)
    return result


def asset(client: Client, asset_id: uuid.UUID | str) -> Asset:
    result: Asset = parsed(assets_get.sync_detailed(uuid.UUID(str(asset_id)), client=client), Asset)
    return result


@dataclass(frozen=True)
class Download:
    path: Path
    size: int
    sha256: str
    mime: str


def download(
    client: Client, asset_id: uuid.UUID | str, target: Path, *, on_bytes: Callable[[int], None] | None = None
) -> Download:
    """Stream an asset's bytes to ``target`` (atomically) and check them against its sha256.

    ``on_bytes`` is called with the size of each chunk written (for a progress bar).
    """
    meta = asset(client, asset_id)
    digest = hashlib.sha256()
    size = 0
    partial = target.with_name(f".{target.name}.part")
    target.parent.mkdir(parents=True, exist_ok=True)
    http = client.get_httpx_client()
    # The generated module builds the request; its sync functions would hold the whole body in memory.
    request = assets_content._get_kwargs(uuid.UUID(str(asset_id)))
    with http.stream(request["method"], request["url"], headers=request.get("headers")) as response:
        if response.status_code != 200:
            raise RemoteError(f"download of asset {asset_id} answered {response.status_code}")
        with partial.open("wb") as out:
            for chunk in response.iter_bytes(1 << 20):
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
                if on_bytes is not None:
                    on_bytes(len(chunk))
        mime = response.headers.get("content-type", "")
    if digest.hexdigest() != meta.sha256 or size != meta.size_bytes:
        partial.unlink(missing_ok=True)
        raise RemoteError(f"asset {asset_id}: downloaded bytes do not match the stored sha256/size")
    partial.replace(target)
    return Download(target, size, digest.hexdigest(), mime)
