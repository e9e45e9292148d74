"""The renderer work the API hands to its sandbox processes. Imported only in those processes.

Arguments and answers are plain data (paths, dicts, tuples), so that nothing of the renderer has
to be imported by the API to build or read them. The renderer's own errors, which users must
see, come back as answers, not exceptions:

* ``("ok", value)``;
* ``("render_error", problems)`` for :class:`renderer.RenderError` (a preview);
* ``("media_error", message, reason)`` for :class:`renderer.errors.MediaError` (an upload).
"""

from __future__ import annotations

import pathlib
from typing import Any

from renderer import media  # the reason these run in a sandbox: PyAV and FFmpeg
from renderer.assets import AssetFile, Limits, load_image_as_given
from renderer.assets import sniff as sniff_format
from renderer.encoder import render_frame
from renderer.errors import MediaError, RenderError

# (path, kind, duration or None) per asset id, as previews send them.
AssetFiles = dict[str, tuple[str, str, float | None]]


def _limits(caps: tuple[int, float]) -> Limits:
    return Limits(max_pixels=caps[0], max_duration=caps[1])


def frame(
    composition: dict[str, Any],
    t: float,
    files: AssetFiles,
    width: int,
    caps: tuple[int, float],
    speech: tuple[str, list[dict[str, Any] | None]] | None = None,
) -> Any:
    """The JPEG of the frame at ``t``. ``speech`` = (cache directory, each spoken clip's voice
    defaults): its `speech` and `avatar` clips are synthesized first (or found in the cache), as
    a job's speech stage does, so their timing and the video's duration are the job's."""
    assets = {key: AssetFile(pathlib.Path(p), kind, duration) for key, (p, kind, duration) in files.items()}
    try:
        if speech is not None:
            assets.update(_speak(composition, *speech))
        return ("ok", render_frame(composition, t, assets=assets, width=width, limits=_limits(caps)))
    except RenderError as exc:
        return ("render_error", exc.problems)


def _speak(composition: dict[str, Any], cache_dir: str, voices: list[dict[str, Any] | None]) -> dict[str, AssetFile]:
    from gala.speech.model import SpeechError
    from gala.speech.resolve import DirectoryStore, Engines, resolve, spoken_clips

    defaults = {id(spoken.clip): voice for spoken, voice in zip(spoken_clips(composition), voices, strict=False)}
    engines = Engines()
    try:
        found = resolve(
            composition,
            DirectoryStore(pathlib.Path(cache_dir)),
            engines,
            pathlib.Path(cache_dir) / "work",
            voice_defaults=lambda clip: defaults.get(id(clip)),
        )
    except SpeechError as exc:
        raise RenderError(f"the speech cannot be synthesized: {exc}") from exc
    finally:
        engines.close()
    return {
        r.asset: AssetFile(path=r.path or pathlib.Path(cache_dir), kind="audio", duration=r.timing["duration"])
        for r in found
    }


def sniff(path: str) -> Any:
    """The renderer's word for the container format of ``path``, or None."""
    try:
        return ("ok", sniff_format(pathlib.Path(path)))
    except MediaError as exc:
        return ("media_error", str(exc), exc.reason)


def probe(path: str, kind: str, caps: tuple[int, float]) -> Any:
    try:
        return ("ok", media.probe(pathlib.Path(path), kind, _limits(caps)).as_dict())
    except MediaError as exc:
        return ("media_error", str(exc), exc.reason)


def check_rig(kind: str, files: dict[str, str], anchors: dict[str, Any], caps: tuple[int, float]) -> Any:
    """A puppet's or photo's images (paths by role) made into a puppet: ``("ok", {"anchors", "face",
    "size"})`` (a photo's face located, its found anchors under the given ones), or ``("rig_error",
    message, role or anchor)``."""
    from renderer.avatar import rig
    from renderer.avatar.face import MIN_FACE_FRACTION, locate_face
    from renderer.avatar.puppet import PuppetError

    images = {}
    for role, path in files.items():
        try:
            images[role] = load_image_as_given(pathlib.Path(path), _limits(caps))
        except MediaError as exc:
            return ("rig_error", str(exc), role)
    face = None
    merged = dict(anchors)
    if kind == "photo" and "photo" in images:
        found = locate_face(images["photo"])
        if found is not None:
            x, y, w, h = found.box
            face = {"x": x, "y": y, "width": w, "height": h}
            merged = {**found.anchors(), **anchors}
        elif not all(k in anchors for k in rig.PHOTO_ANCHORS):  # every anchor given: no face needed
            return (
                "rig_error",
                "no face was found in this photo: give a frontal portrait (the face upright, unhidden, well "
                f"lit, at least {round(MIN_FACE_FRACTION * 100)} % of the picture's shorter side), or give all "
                f"of the anchors {', '.join(rig.PHOTO_ANCHORS)} yourself",
                "photo",
            )
    try:
        rig.build(kind, images, merged)
    except PuppetError as exc:
        return ("rig_error", str(exc), exc.role)
    size = next(iter(images.values())).size if images else (0, 0)
    return ("ok", {"anchors": merged, "face": face, "size": list(size)})


def presenter_strip(
    text: str,
    voice: dict[str, Any],
    frames: int,
    height: int,
    model_rig: dict[str, Any] | None = None,
    files: dict[str, str] | None = None,
) -> Any:
    """A presenter saying ``text``: ``frames`` frames spread over the speech, side by side (a JPEG).
    The built-in one, or a puppet or photo model's ``model_rig`` (its images' paths in ``files``, by
    asset id). Synthesis runs in this process's own helper (gala.speech), never in the API's."""
    import io

    from PIL import Image

    from gala.speech.model import SpeechInputError
    from gala.speech.resolve import Engines, plan
    from renderer.avatar import rig
    from renderer.avatar.presentation import Presentation, present
    from renderer.clips.avatar import builtin_puppet, performance_of

    engines = Engines()
    try:
        planned = plan({"script": text, "voice": voice})
        speech = engines.get(planned.engine).synthesize(planned.request)
    except SpeechInputError as exc:
        return ("speech_error", str(exc), exc.field)
    finally:
        engines.close()
    timing = speech.timing_document()
    clip = {
        "type": "avatar",
        "start": 0.0,
        "end": timing["duration"],
        "speech": {"asset": "-", "timing": timing},
        "movement": {"blinks": True, "breathing": True, "sway": True, "nods": True, "seed": 0},
    }
    paths = files or {}
    puppet = (
        builtin_puppet(max(320, 2 * height))
        if model_rig is None
        else rig.load(model_rig, lambda asset: load_image_as_given(pathlib.Path(paths[asset])))
    )
    performance = performance_of(clip, puppet.parts.canvas[1])
    look = Presentation("bust", (241, 245, 249), height)
    tiles = [present(puppet, performance.pose_at(timing["duration"] * (i + 0.5) / frames), look) for i in range(frames)]
    strip = Image.new("RGB", (sum(t.width for t in tiles), height), (241, 245, 249))
    x = 0
    for tile in tiles:
        strip.paste(tile, (x, 0), tile)
        x += tile.width
    out = io.BytesIO()
    strip.save(out, format="JPEG", quality=88)
    return ("ok", out.getvalue())


TASKS = {"frame": frame, "sniff": sniff, "probe": probe, "presenter_strip": presenter_strip, "check_rig": check_rig}
