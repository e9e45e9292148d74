"""Previews: one frame of a template as a JPEG, rendered synchronously for editors.

The parameters and the composition are checked exactly as for a job (:func:`gala.services.jobs.plan`).
The frame is rendered in the API's sandbox (:mod:`gala.sandbox`), never in the API process itself.
The cost is bounded three ways: the frame's width (at most ``MAX_WIDTH``), a wall-clock budget
(``TIMEOUT_SECONDS``; a slower frame is answered 422 and its process killed, so the work really
stops), and at most ``Runtime.sandbox.size`` renderer tasks at once in a process (429 beyond it).
"""

from __future__ import annotations

import logging
import shutil
import uuid
from collections.abc import Callable
from typing import Any

from gala.errors import FieldError, NotFound, ServiceUnavailable, TooManyRequests, Unprocessable
from gala.jobs.fetch import StoredAsset, localize
from gala.jobs.speech import voice_list
from gala.runtime import Runtime
from gala.sandbox import Busy, Crashed, Timeout
from gala.services import jobs, templates
from gala.services.assets import sandbox_caps
from gala.storage import StorageError

log = logging.getLogger(__name__)

MAX_WIDTH = 1280
DEFAULT_WIDTH = 640
TIMEOUT_SECONDS = 10.0
# Speech that previews synthesized, by content (gala.speech.resolve's cache key), so that moving
# the cursor or changing a colour does not synthesize the same words again.
SPEECH_CACHE = "preview-speech"


def preview(rt: Runtime, template_id: uuid.UUID, body: dict[str, Any], *, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """The JPEG of the frame at ``body["t"]``; raises the usual problems (404, 422, 429)."""
    try:
        with rt.sandbox.slot() as call:  # first: a busy server refuses before doing any work
            answer = _render(rt, call, template_id, body, timeout)
    except Busy as exc:  # only the slot raises it
        raise TooManyRequests(
            f"{exc.size} previews are already rendering; retry in a moment.", headers={"Retry-After": "1"}
        ) from None
    if answer[0] == "render_error":
        raise Unprocessable(
            "The frame cannot be rendered.",
            errors=[FieldError(problem, pointer="/params") for problem in answer[1][:20]],
        )
    jpeg: bytes = answer[1]
    return jpeg


def _render(rt: Runtime, call: Callable[..., Any], template_id: uuid.UUID, body: dict[str, Any], timeout: float) -> Any:
    with rt.sessions() as session:
        view = templates.get_in(session, template_id)  # an unknown template is 404 (the path)
        if body.get("version") is not None:
            try:
                view = templates.get_in(session, template_id, body["version"])
            except NotFound:  # a version it does not have is 422 (the body), as for jobs
                raise Unprocessable(
                    "The template version does not exist.",
                    errors=[FieldError(f"template {template_id} has no version {body['version']}", pointer="/version")],
                ) from None
        planned = jobs.plan(session, view.version, body.get("params", {}), {"draft": False})
    voices = voice_list(rt, planned.composition)
    speech = (str(rt.tmp_dir / SPEECH_CACHE), voices) if voices else None
    stored = [StoredAsset.of(a) for a in planned.assets.values()]
    workdir = rt.tmp_dir / f"preview-{uuid.uuid4().hex}"
    try:
        try:
            files, _ = localize(rt, stored, workdir)
        except StorageError as exc:
            raise ServiceUnavailable(f"An asset could not be read from storage: {exc}") from exc
        width = min(MAX_WIDTH, int(body.get("width", DEFAULT_WIDTH)))
        sent = {key: (str(f.path), f.kind, f.duration) for key, f in files.items()}
        answer = call(
            "frame", planned.composition, float(body["t"]), sent, width, sandbox_caps(rt), speech, timeout=timeout
        )
    except Timeout as exc:
        log.warning("preview stopped after %ss template_id=%s pid=%s", timeout, template_id, exc.pid)
        raise Unprocessable(
            f"This frame takes longer than {timeout:g} s to render; preview a simpler moment, or submit a draft job.",
            errors=[FieldError("the frame is too slow to preview", pointer="/t")],
        ) from exc
    except Crashed as exc:
        raise Unprocessable(
            "The frame cannot be rendered.",
            errors=[FieldError(f"rendering this frame stopped the renderer ({exc})", pointer="/params")],
        ) from exc
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return answer
