"""Synthesized speech cached as assets: the jobs' store for gala.speech.resolve.

A cache entry is an `audio` asset (source `speech`) whose id is derived from the speech cache key
(uuid5), so finding it is one primary-key read and two jobs (or two batch rows) that say the same words
share it. The WAV and its timing document are two objects in the default storage; the asset's
``media.timing_object`` names the second. Saving the same key twice (two workers at once) keeps the
first row; the second's objects are deleted.
"""

from __future__ import annotations

import hashlib
import json
import uuid
import wave
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from gala.db import transaction
from gala.jobs.fetch import StoredAsset
from gala.orm import Asset, AvatarModel
from gala.runtime import Runtime
from gala.speech.resolve import Resolved, spoken_clips
from renderer.avatar.rig import KINDS as RIG_KINDS  # models drawn from their reference images

NAMESPACE = uuid.UUID("6f1d5a7e-3c7b-5d0e-9a51-0c1f2d3b4a60")  # fixed: ids must not change between versions
SOURCE = "speech"


def asset_id(key: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, key)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class AssetStore:
    """gala.speech.resolve.SpeechStore over the database and storage of a runtime."""

    def __init__(self, rt: Runtime) -> None:
        self.rt = rt

    def row(self, key: str) -> Asset | None:
        with self.rt.sessions() as session:
            return session.get(Asset, asset_id(key))

    def find(self, key: str) -> Resolved | None:
        asset = self.row(key)
        if asset is None:
            return None
        where = (asset.media or {}).get("timing_object")
        if not isinstance(where, str):
            return None
        raw = b"".join(self.rt.storage.get(asset.provider).open_range(where))  # raises StorageError
        return Resolved(str(asset.id), json.loads(raw.decode("utf-8")))

    def save(self, key: str, wav: Path, timing: dict[str, Any]) -> Resolved:
        storage = self.rt.storage.default
        doc = wav.with_suffix(".json")
        doc.write_text(json.dumps(timing, ensure_ascii=False), encoding="utf-8")
        stored: list[str] = []
        try:
            stored.append(storage.put_file(wav, f"speech/{key[:2]}/{key}.wav", mime="audio/wav"))
            stored.append(storage.put_file(doc, f"speech/{key[:2]}/{key}.json", mime="application/json"))
            with wave.open(str(wav), "rb") as w:
                rate, channels = w.getframerate(), w.getnchannels()
            row = Asset(
                id=asset_id(key),
                kind="audio",
                name=f"speech-{key[:12]}.wav",
                mime="audio/wav",
                size_bytes=wav.stat().st_size,
                sha256=_sha256(wav),
                provider=storage.provider,
                object_key=stored[0],
                source=SOURCE,
                labels={},
                media={
                    "duration": float(timing["duration"]),
                    "sample_rate": rate,
                    "channels": channels,
                    "audio_codec": "pcm_s16le",
                    "timing_object": stored[1],
                },
            )
            with transaction(self.rt.sessions) as session:
                session.add(row)
        except IntegrityError:
            # Another attempt saved the same words first: use its entry. On key-addressed providers
            # (localfs, s3) our objects are its objects (same key, same bytes), so none is deleted.
            found = self.find(key)
            if found is None:
                raise
            return found
        except BaseException:
            for object_key in stored:
                storage.delete(object_key)
            raise
        finally:
            doc.unlink(missing_ok=True)
        return Resolved(str(row.id), timing)


def recording_digest(rt: Runtime, asset: str) -> str:
    """A recorded voice's part of the cache key: its bytes' sha256 (checked at job creation to exist)."""
    with rt.sessions() as session:
        row = session.get(Asset, uuid.UUID(asset))
        if row is None:
            raise LookupError(f"the recording {asset} is gone")
        return row.sha256


def stored_assets(rt: Runtime, ids: list[str]) -> list[StoredAsset]:
    """The speech assets a resolved composition names, for the fetch stage to make local."""
    wanted = {uuid.UUID(i) for i in ids}
    with rt.sessions() as session:
        return [StoredAsset.of(a) for a in (session.get(Asset, i) for i in wanted) if a is not None]


# ---------------------------------------------------------------------------- avatar models

BUILTIN = "builtin"  # what the renderer's avatar clip draws: the built-in presenter


def clip_voice(model_voice: dict[str, Any]) -> dict[str, Any]:
    """A model's `voice` as a clip's voice defaults; the model's pitch is semitones (-12..12), the
    engines' 0-100 with 50 normal, about four steps a semitone for espeak-ng."""
    out = {k: model_voice[k] for k in ("engine", "language", "voice", "rate") if model_voice.get(k) is not None}
    pitch = model_voice.get("pitch")
    if isinstance(pitch, int | float) and not isinstance(pitch, bool):
        out["pitch"] = max(0, min(100, round(50 + float(pitch) * 50 / 12)))
    return out


def clip_rig(model: AvatarModel) -> dict[str, Any] | None:
    """A puppet or photo model as the avatar clip's resolved `rig` field (None for other kinds)."""
    if model.kind not in RIG_KINDS or model.rig is None:
        return None
    return {
        "kind": model.kind,
        "assets": {r.role: str(r.asset_id) for r in model.references if r.role is not None},
        "anchors": model.rig.get("anchors") or {},
    }


def rig_assets(composition: dict[str, Any]) -> list[str]:
    """The image assets the avatar clips' resolved rigs name (bind_models added them)."""
    return [
        str(a)
        for spoken in spoken_clips(composition)
        if isinstance(spoken.clip.get("rig"), dict)
        for a in (spoken.clip["rig"].get("assets") or {}).values()
    ]


def avatar_models(session: Session, composition: dict[str, Any]) -> dict[str, AvatarModel]:
    """The models the composition's avatar clips name by id (those that exist)."""
    wanted: set[uuid.UUID] = set()
    for spoken in spoken_clips(composition):
        if spoken.clip.get("type") == "avatar":
            try:
                wanted.add(uuid.UUID(str(spoken.clip.get("model"))))
            except ValueError:
                continue
    return {str(m.id): m for m in (session.get(AvatarModel, i) for i in wanted) if m is not None}


def bind_models(rt: Runtime, composition: dict[str, Any]) -> Callable[[dict[str, Any]], dict[str, Any] | None]:
    """Point each avatar clip naming the built-in presenter's model at what the renderer draws (a puppet
    or photo model: its `rig`, whose images the fetch stage adds), and give every clip its model's voice
    as defaults (for gala.speech.resolve's ``voice_defaults``)."""
    with rt.sessions() as session:
        models = avatar_models(session, composition)
    defaults: dict[int, dict[str, Any]] = {}
    for spoken in spoken_clips(composition):
        model = models.get(str(spoken.clip.get("model")))
        if spoken.clip.get("type") == "avatar":
            spoken.clip.pop("rig", None)  # only GALA fills it in, from the model
        if model is not None:
            defaults[id(spoken.clip)] = clip_voice(model.voice)
            if model.kind == BUILTIN:
                spoken.clip["model"] = BUILTIN
            rig = clip_rig(model)
            if rig is not None and spoken.clip.get("type") == "avatar":
                spoken.clip["rig"] = rig
    return lambda clip: defaults.get(id(clip))


def voice_list(rt: Runtime, composition: dict[str, Any]) -> list[dict[str, Any] | None]:
    """:func:`bind_models` as plain data for another process (the preview sandbox): each spoken
    clip's voice defaults, in :func:`spoken_clips` order; binds the composition in place too."""
    if next(spoken_clips(composition), None) is None:
        return []
    bound = bind_models(rt, composition)
    return [bound(spoken.clip) for spoken in spoken_clips(composition)]
