"""Jobs with spoken clips, through real workers: the speech stage synthesizes (espeak-ng helper), caches
the audio as an asset, hands over to the render queue; a second job with the same words reuses it; a
voice the engine lacks is a 422 at creation naming the field, and nothing is enqueued."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select

from gala.orm import Asset, Job, JobEvent
from gala.services.builtin import PRESENTER_ID
from tests.worker.conftest import Stack

SCRIPT = 'Hola a todos. <break time="200ms"/> Esto es GALA.'


def composition(script: str = SCRIPT, language: Any = "es") -> dict[str, Any]:
    return {
        "version": 2,
        "output": {"size": {"width": 160, "height": 90}, "fps": 10},
        "background": "#203040",
        "tracks": [
            {
                "clips": [
                    {
                        "type": "avatar",
                        "name": "host",
                        "model": "builtin",
                        "framing": "circle",
                        "script": script,
                        "voice": {"language": language},
                    }
                ]
            },
            {"clips": [{"type": "speech", "start": 0.2, "script": "Uno, dos.", "voice": {"language": "es"}}]},
        ],
    }


def template(stack: Stack, comp: dict[str, Any]) -> str:
    r = stack.client.post("/templates", json={"name": "voice", "composition": comp})
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


def speech_assets(stack: Stack) -> list[Asset]:
    with stack.rt.sessions() as session:
        return list(session.scalars(select(Asset).where(Asset.source == "speech")).all())


def test_speech_is_synthesized_once_cached_and_rendered(stack: Stack) -> None:
    stack.worker()
    tid = template(stack, composition())
    first = stack.client.post("/jobs", json={"template_id": tid})
    assert first.status_code == 201, first.text
    job = stack.wait_done(first.json()["id"], timeout=120)
    assert job["status"] == "done", (job, stack.logs())
    cached = speech_assets(stack)
    assert len(cached) == 2
    assert all(a.kind == "audio" and a.mime == "audio/wav" for a in cached)
    assert all(0.5 < a.media["duration"] < 5 for a in cached)
    video = stack.client.get(f"/assets/{job['output_asset_ids'][0]}").json()
    # "auto" length: the avatar lasts as long as its speech, so the video does too.
    longest = max(a.media["duration"] for a in cached)
    assert abs(video["media"]["duration"] - longest) < 0.25, (video["media"], longest)
    with stack.rt.sessions() as session:
        stages = session.scalars(select(JobEvent.stage).where(JobEvent.job_id == uuid.UUID(job["id"]))).all()
    assert "synthesizing speech" in stages
    # The same words again: no new synthesis, the same two cached assets.
    again = stack.wait_done(stack.client.post("/jobs", json={"template_id": tid}).json()["id"], timeout=120)
    assert again["status"] == "done", stack.logs()
    assert sorted(str(a.id) for a in speech_assets(stack)) == sorted(str(a.id) for a in cached)
    log = "".join(p.read_text() for p in stack.log_dir.glob("*.log"))
    assert log.count("clips=2 synthesized=2 ") == 1, log[-3000:]
    assert log.count("clips=2 synthesized=0 ") == 1, log[-3000:]


def test_an_unknown_language_is_refused_before_anything_is_enqueued(stack: Stack) -> None:
    tid = template(stack, composition(language="xx-nope"))
    r = stack.client.post("/jobs", json={"template_id": tid})
    assert r.status_code == 422, r.text
    errors = r.json()["errors"]
    assert errors[0]["pointer"] == "/template/composition/tracks/0/clips/0/voice/language", errors
    for needle in ("xx-nope", "supported:", " es,"):
        assert needle in errors[0]["detail"]
    with stack.rt.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Job)) == 0


def test_a_script_over_the_limit_is_refused(stack: Stack) -> None:
    tid = template(stack, composition(script="palabra " * 3000))
    r = stack.client.post("/jobs", json={"template_id": tid})
    assert r.status_code == 422, r.text
    error = r.json()["errors"][0]
    assert error["pointer"] == "/template/composition/tracks/0/clips/0/script"
    assert "limit is 20000" in error["detail"]


def test_the_built_in_presenter_is_a_read_only_model(stack: Stack) -> None:
    model = stack.client.get(f"/models/{PRESENTER_ID}").json()
    assert (model["kind"], model["name"], model["voice"]["language"]) == ("builtin", "presenter", "en")
    assert stack.client.delete(f"/models/{PRESENTER_ID}").status_code == 409
    assert stack.client.patch(f"/models/{PRESENTER_ID}", json={"name": "x"}).status_code == 409


def test_an_avatar_needs_a_model_that_renders(stack: Stack) -> None:
    missing = "01900000-0000-7000-8000-00000000dead"
    other = stack.client.post("/models", json={"name": "Ana"}).json()["id"]
    for model, needle in ((missing, "there is no model"), (other, "nothing to draw")):
        comp = composition()
        comp["tracks"][0]["clips"][0]["model"] = model
        r = stack.client.post("/jobs", json={"template_id": template(stack, comp)})
        assert r.status_code == 422, r.text
        error = r.json()["errors"][0]
        assert error["pointer"] == "/template/composition/tracks/0/clips/0/model"
        assert needle in error["detail"]


def test_the_presenter_preview_is_a_strip_of_frames_saying_the_sentence(stack: Stack) -> None:
    import io

    from PIL import Image

    r = stack.client.post(
        f"/models/{PRESENTER_ID}/preview",
        json={"text": "Hola, soy GALA.", "voice": {"language": "es"}, "frames": 4, "height": 120},
    )
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "image/jpeg"
    strip = Image.open(io.BytesIO(r.content))
    assert strip.height == 120
    assert strip.width == 4 * 96  # four bust tiles at 4:5
    bad = stack.client.post(f"/models/{PRESENTER_ID}/preview", json={"voice": {"language": "xx-nope"}})
    assert bad.status_code == 422, bad.text
    assert bad.json()["errors"][0]["pointer"] == "/voice/language"


def test_a_photo_model_talks_through_the_pipeline(stack: Stack) -> None:
    """A photo model's image reaches the render host through the fetch stage (its rig names it), and a
    photo cannot have its background removed (no segmentation model ships): 422 before anything runs."""
    import io

    from renderer.avatar.samples import sample_portrait

    buf = io.BytesIO()
    sample_portrait(240, 300).save(buf, "PNG")
    photo = stack.client.post("/assets", files={"file": ("me.png", buf.getvalue(), "image/png")}).json()["id"]
    refs = [{"asset_id": photo, "role": "photo"}]
    made = stack.client.post("/models", json={"name": "me", "kind": "photo", "reference_assets": refs})
    assert made.status_code == 201, made.text
    comp = composition()
    comp["tracks"][0]["clips"][0].update(model=made.json()["id"], framing="bust")
    comp["tracks"][0]["clips"][0]["background"] = "remove"
    refused = stack.client.post("/jobs", json={"template_id": template(stack, comp)})
    assert refused.status_code == 422, refused.text
    assert refused.json()["errors"][0]["pointer"] == "/template/composition/tracks/0/clips/0/background"
    assert "segmentation" in refused.json()["errors"][0]["detail"]
    del comp["tracks"][0]["clips"][0]["background"]
    stack.worker()
    job = stack.client.post("/jobs", json={"template_id": template(stack, comp)})
    assert job.status_code == 201, job.text
    done = stack.wait_done(job.json()["id"], timeout=120)
    assert done["status"] == "done", (done, stack.logs())
