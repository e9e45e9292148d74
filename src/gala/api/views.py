"""ORM rows -> the JSON shapes of the contract."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from gala.orm import ApiKey, Asset, AvatarModel, Job
from gala.services.batches import Summary
from gala.services.live import job_eta
from gala.services.templates import TemplateView

JSON = {"Content-Type": "application/json"}
Reply = tuple[dict[str, Any], int, dict[str, str]]


def ok(body: dict[str, Any], status: int = 200, **headers: str) -> Reply:
    """A JSON answer. Every operation can also answer problem+json, so the type is explicit."""
    return body, status, {**JSON, **headers}


def ts(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat().replace("+00:00", "Z")


def asset(a: Asset) -> dict[str, Any]:
    return {
        "id": str(a.id),
        "kind": a.kind,
        "name": a.name,
        "mime": a.mime,
        "size_bytes": a.size_bytes,
        "sha256": a.sha256,
        "provider": a.provider,
        "object_key": a.object_key,
        "source": a.source,
        "job_id": None if a.job_id is None else str(a.job_id),
        "role": a.role,
        "labels": a.labels or {},
        "media": a.media,
        "content_url": f"/assets/{a.id}/content",
        "created_at": ts(a.created_at),
        "updated_at": ts(a.updated_at),
    }


def model(m: AvatarModel) -> dict[str, Any]:
    return {
        "id": str(m.id),
        "name": m.name,
        "description": m.description,
        "kind": m.kind,
        "reference_asset_ids": [str(r.asset_id) for r in m.references],
        "reference_assets": [{"asset_id": str(r.asset_id), "role": r.role} for r in m.references],
        "anchors": (m.rig or {}).get("anchors"),
        "face": (m.rig or {}).get("face"),
        "voice": m.voice or {},
        "labels": m.labels or {},
        "created_at": ts(m.created_at),
        "updated_at": ts(m.updated_at),
    }


def template(v: TemplateView) -> dict[str, Any]:
    t, ver = v.template, v.version
    return {
        "id": str(t.id),
        "name": ver.name,
        "description": ver.description,
        "version": ver.version,
        "latest_version": t.latest_version,
        "composition": ver.composition,
        "parameters": ver.parameters,
        "labels": ver.labels or {},
        "created_at": ts(t.created_at),
        "updated_at": ts(ver.created_at),
    }


def job(j: Job, outputs: list[uuid.UUID]) -> dict[str, Any]:
    error = None if j.error_code is None else {"code": j.error_code, "message": j.error_message or ""}
    return {
        "id": str(j.id),
        "template_id": str(j.template_id),
        "template_version": j.template_version,
        "params": j.params,
        "options": j.options,
        "status": j.status,
        "stage": j.stage,
        "progress": j.progress,
        "error": error,
        "output_asset_ids": [str(o) for o in outputs],
        "attempts": j.attempts,
        "labels": j.labels or {},
        "created_at": ts(j.created_at),
        "updated_at": ts(j.updated_at),
        "started_at": ts(j.started_at),
        "finished_at": ts(j.finished_at),
        "eta_seconds": job_eta(j.status, j.progress, j.started_at),
        "batch_id": None if j.batch_id is None else str(j.batch_id),
        "batch_row": j.batch_row,
    }


def api_key(key: ApiKey) -> dict[str, Any]:
    """An API key as the contract shows it (``gala keys list --json`` too): never its token or hash."""
    return {
        "id": str(key.id),
        "name": key.name,
        "scope": key.scope,
        "created_at": ts(key.created_at),
        "last_used_at": ts(key.last_used_at),
        "revoked_at": ts(key.revoked_at),
    }


def batch(s: Summary) -> dict[str, Any]:
    b = s.batch
    out = {
        "id": str(b.id),
        "template_id": str(b.template_id),
        "template_version": b.template_version,
        "options": b.options,
        "basename_column": b.basename_column,
        "labels": b.labels or {},
        "status": b.status,
        "rows": b.row_count,
        "concurrency": b.concurrency,
        "counts": s.counts,
        "progress": s.progress,
        "eta_seconds": s.eta_seconds,
        "created_at": ts(b.created_at),
        "updated_at": ts(b.updated_at),
        "finished_at": ts(b.finished_at),
    }
    if s.skipped:
        out["skipped"] = s.skipped
    return out


def page(items: list[dict[str, Any]], next_cursor: str | None) -> dict[str, Any]:
    return {"items": items, "next_cursor": next_cursor}
