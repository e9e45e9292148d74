"""Previews run in the API's sandbox processes: bounded (429), and a frame over its budget is killed."""

from __future__ import annotations

import contextlib
import io
import time
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from gala.sandbox import Timeout
from gala.services import previews
from gala.services.builtin import HELLO_ID


def preview(client: Any, **body: Any) -> Any:
    return client.post(f"/templates/{HELLO_ID}/preview", json=body)


def test_previews_beyond_the_bound_are_429(app: Any, client: Any) -> None:
    pool = app.app.extensions["gala"].sandbox
    with contextlib.ExitStack() as stack:
        for _ in range(pool.size):
            stack.enter_context(pool.slot())
        r = preview(client, t=0)
        assert r.status_code == 429
        assert r.headers["retry-after"] == "1"
        assert f"{pool.size} previews are already rendering" in r.json()["detail"]
    assert preview(client, t=0).status_code == 200  # the slots are free again


def test_a_frame_over_its_budget_is_422_and_its_process_is_gone(app: Any, client: Any) -> None:
    rt = app.app.extensions["gala"]
    with pytest.raises(Exception, match="longer than 0 s") as caught:
        previews.preview(rt, HELLO_ID, {"t": 1, "width": 1280}, timeout=0)
    assert getattr(caught.value, "status", None) == 422
    assert caught.value.errors[0].pointer == "/t"  # type: ignore[attr-defined]
    stopped = caught.value.__cause__
    assert isinstance(stopped, Timeout)
    assert stopped.pid is not None
    assert not Path(f"/proc/{stopped.pid}").exists(), "the timed-out preview's process is still there"
    assert stopped.pid not in rt.sandbox.pids()
    # The work really stopped, so its slot is free at once, and a fresh process serves the next one.
    r = preview(client, t=1, width=320)
    assert r.status_code == 200, r.text
    assert Image.open(io.BytesIO(r.content)).size == (320, 180)
    assert not any(rt.tmp_dir.iterdir()), "the preview's local copies were left behind"


def test_a_served_app_warms_its_sandbox_and_stops_it_on_shutdown(app: Any) -> None:
    pool = app.app.extensions["gala"].sandbox
    with app.test_client() as client:  # runs the ASGI lifespan, as uvicorn does
        deadline = time.monotonic() + 60
        while len(pool.pids()) < pool.size and time.monotonic() < deadline:
            time.sleep(0.05)
        pids = pool.pids()
        assert len(pids) == pool.size, "the sandbox processes were not started in the background"
        assert preview(client, t=0, width=160).status_code == 200
        assert sorted(pool.pids()) == sorted(pids)  # served by a warm process, none started
    assert all(not Path(f"/proc/{pid}").exists() for pid in pids)


def test_a_spoken_template_previews_with_its_speech_synthesized_once(app: Any, client: Any) -> None:
    """Its duration comes from the speech (output.duration null), as in a job: the preview synthesizes
    it first, in the sandbox, and keeps it by content, so the next frames do not synthesize again."""
    rt = app.app.extensions["gala"]
    avatar = {
        "type": "avatar",
        "model": "builtin",
        "framing": "bust",
        "script": {"$param": "script"},
        "voice": {"language": "es"},
    }
    created = client.post(
        "/templates",
        json={
            "name": "spoken",
            "composition": {
                "version": 2,
                "output": {"size": "360p", "duration": None},
                "background": "#223344",
                "tracks": [{"clips": [avatar]}],
            },
            "parameters": {
                "type": "object",
                "properties": {"script": {"type": "string", "default": "Hola, soy GALA."}},
            },
        },
    )
    assert created.status_code == 201, created.text
    path = f"/templates/{created.json()['id']}/preview"
    first = client.post(path, json={"t": 0.5, "width": 320})
    assert first.status_code == 200, first.text
    assert Image.open(io.BytesIO(first.content)).size == (320, 180)
    cache = rt.tmp_dir / previews.SPEECH_CACHE
    kept = sorted(p.name for p in cache.glob("*.wav"))
    assert len(kept) == 1
    again = client.post(path, json={"t": 0.5, "width": 320})
    assert again.content == first.content
    other = client.post(path, json={"t": 0.5, "width": 320, "params": {"script": "Adiós."}})
    assert other.status_code == 200, other.text
    assert sorted(p.name for p in cache.glob("*.wav")) != kept
    assert len(list(cache.glob("*.wav"))) == 2
