"""Previews: one frame of a template as a JPEG, rendered synchronously for editors.

The parameters and the composition are checked exactly as for a job (:func:`gala.services.jobs.plan`).
The cost is bounded three ways: the frame's width (at most ``MAX_WIDTH``), a wall-clock budget
(``TIMEOUT_SECONDS``; a slower frame is answered 422 and its thread left to finish), and at most
``CONCURRENCY`` frames rendering at once in a process, counting abandoned ones (429 beyond it).
"""

from __future__ import annotations

import logging
import shutil
import threading
import uuid
from dataclasses import dataclass, field
from typing import Any

import renderer.encoder
from gala.errors import FieldError, NotFound, ServiceUnavailable, TooManyRequests, Unprocessable
from gala.jobs.fetch import StoredAsset, localize
from gala.services import jobs, templates
from gala.services.assets import limits
from gala.services.runtime import Runtime
from gala.storage import StorageError

log = logging.getLogger(__name__)

MAX_WIDTH = 1280
DEFAULT_WIDTH = 640
TIMEOUT_SECONDS = 10.0
CONCURRENCY = 2
_slots = threading.BoundedSemaphore(CONCURRENCY)


@dataclass
class _Outcome:
    jpeg: bytes | None = None
    error: BaseException | None = None
    done: threading.Event = field(default_factory=threading.Event)


def preview(rt: Runtime, template_id: uuid.UUID, body: dict[str, Any], *, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """The JPEG of the frame at ``body["t"]``; raises the usual problems (404, 422, 429)."""
    if not _slots.acquire(blocking=False):
        raise TooManyRequests(
            f"{CONCURRENCY} previews are already rendering; retry in a moment.", headers={"Retry-After": "1"}
        )
    handed_over = False
    try:
        with rt.sessions() as session:
            view = templates.get_in(session, template_id)  # an unknown template is 404 (the path)
            if body.get("version") is not None:
                try:
                    view = templates.get_in(session, template_id, body["version"])
                except NotFound:  # a version it does not have is 422 (the body), as for jobs
                    raise Unprocessable(
                        "The template version does not exist.",
                        errors=[
                            FieldError(f"template {template_id} has no version {body['version']}", pointer="/version")
                        ],
                    ) from None
            planned = jobs.plan(session, view.version, body.get("params", {}), {"draft": False})
        stored = [StoredAsset.of(a) for a in planned.assets.values()]
        workdir = rt.tmp_dir / f"preview-{uuid.uuid4().hex}"
        try:
            files, _ = localize(rt, stored, workdir)
        except StorageError as exc:
            shutil.rmtree(workdir, ignore_errors=True)
            raise ServiceUnavailable(f"An asset could not be read from storage: {exc}") from exc
        outcome = _Outcome()
        width = min(MAX_WIDTH, int(body.get("width", DEFAULT_WIDTH)))
        args = (planned.composition, float(body["t"]), files, width, limits(rt), workdir, outcome)
        threading.Thread(target=_render, args=args, name="gala-preview", daemon=True).start()
        handed_over = True  # the thread releases the slot when it ends, however long it takes
    finally:
        if not handed_over:
            _slots.release()
    if not outcome.done.wait(timeout):
        log.warning("preview abandoned after %ss template_id=%s", timeout, template_id)
        raise Unprocessable(
            f"This frame takes longer than {timeout:g} s to render; preview a simpler moment, or submit a draft job.",
            errors=[FieldError("the frame is too slow to preview", pointer="/t")],
        )
    if isinstance(outcome.error, renderer.RenderError):
        raise Unprocessable(
            "The frame cannot be rendered.",
            errors=[FieldError(problem, pointer="/params") for problem in outcome.error.problems[:20]],
        ) from None
    if outcome.error is not None:
        raise outcome.error
    assert outcome.jpeg is not None
    return outcome.jpeg


def _render(
    composition: dict[str, Any],
    t: float,
    files: dict[str, renderer.AssetFile],
    width: int,
    caps: renderer.Limits,
    workdir: Any,
    outcome: _Outcome,
) -> None:
    try:
        outcome.jpeg = renderer.encoder.render_frame(composition, t, assets=files, width=width, limits=caps)
    except BaseException as exc:  # handed to the request thread, which raises it
        outcome.error = exc
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
        _slots.release()
        outcome.done.set()
