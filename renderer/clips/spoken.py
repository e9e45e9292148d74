"""What the `speech` and `avatar` clips share: the words they say and, once GALA has synthesized them,
the audio and its timing document.

The renderer never synthesizes: before a render, GALA's resolver (``gala.speech.resolve``) speaks each
such clip and adds the resolved field ``speech`` = ``{"asset": <id of the WAV>, "timing": <the timing
document of docs/speech.md>}``, and the WAV to the assets. Rendering a clip without it is a RenderError
that says so. The checks here are the shape of the fields; what an engine accepts (languages, voices,
the script's length) is checked by GALA when the job is created.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..audio import MediaSound, Sound
from ..checks import Checker, show, type_name
from ..errors import RenderError
from ..schema import NULL, Schema, described, number, optional, param
from .base import Context
from .spec import AssetSlot, ClipType, FieldGroup

RECORDING_KINDS = ("audio",)
SPEECH_KINDS = ("audio",)
SPOKEN_TYPES = ("speech", "avatar")  # the clip types taking this group
VOICE_FIELDS = frozenset({"engine", "language", "voice", "rate", "pitch"})


def _check(c: Checker, where: str, obj: Mapping[str, Any], out: dict[str, Any], clip: ClipType) -> None:
    script = obj.get("script")
    if script is not None and (not isinstance(script, str) or not script.strip()):
        c.fail(f"{where}.script must be non-empty text (the words to say), got {show(script)}")
        script = None
    out["script"] = script
    out["recording"] = (
        c.asset(where, obj, "recording", RECORDING_KINDS, f"a {clip.name} clip")
        if obj.get("recording") is not None
        else None
    )
    if out["script"] is None and out["recording"] is None:
        c.fail(f"{where} needs a script (the words to say) or a recording (an audio asset)")
    raw = c.sub(where, obj, "voice", VOICE_FIELDS) or {}
    voice: dict[str, Any] = {}
    for key in ("engine", "language", "voice"):
        value = raw.get(key)
        if value is not None and not isinstance(value, str):
            c.fail(f"{where}.voice.{key} must be a string, got {type_name(value)}")
            value = None
        voice[key] = value
    voice["rate"] = c.number(f"{where}.voice", raw, "rate", 1.0, 0.5, 2.5)
    voice["pitch"] = int(c.number(f"{where}.voice", raw, "pitch", 50, 0, 100))
    out["voice"] = voice
    out["volume"] = c.number(where, obj, "volume", 1.0, 0.0, 2.0)
    out["role"] = "voice"  # the soundtrack and music clips duck under it
    resolved = obj.get("speech")
    out["speech"] = None
    if resolved is not None:
        got = c.sub(where, obj, "speech", frozenset({"asset", "timing", "text"}))
        if got is not None:
            asset = c.asset(f"{where}.speech", got, "asset", SPEECH_KINDS, f"a {clip.name} clip")
            timing = got.get("timing")
            if not isinstance(timing, dict) or not isinstance(timing.get("duration"), int | float):
                c.fail(f"{where}.speech.timing must be a timing document (with its duration)")
            else:
                text = got.get("text")
                out["speech"] = {"asset": asset, "timing": timing, "text": text if isinstance(text, str) else None}


def spoken_by_name(tracks: Any) -> dict[str, Mapping[str, Any]]:
    """The named clips that say words, as written (captions may take their lines from one)."""
    out: dict[str, Mapping[str, Any]] = {}
    for track in tracks if isinstance(tracks, list) else []:
        clips = track.get("clips") if isinstance(track, dict) else None
        for clip in clips if isinstance(clips, list) else []:
            if isinstance(clip, dict) and clip.get("type") in SPOKEN_TYPES and isinstance(clip.get("name"), str):
                out.setdefault(clip["name"], clip)
    return out


def spoken_length(c: Checker, where: str, clip: dict[str, Any]) -> float | None:
    """``length: "auto"``: as long as the speech (unknown until GALA has synthesized it)."""
    resolved = clip.get("speech")
    return None if resolved is None else max(1e-3, float(resolved["timing"]["duration"]))


def resolved(clip: Mapping[str, Any]) -> dict[str, Any]:
    """The clip's synthesized speech, or the RenderError saying it was never synthesized."""
    speech = clip.get("speech")
    if speech is None:
        name = f" {clip['name']!r}" if clip.get("name") else ""
        raise RenderError(
            f"the {clip['type']} clip{name} has no synthesized speech: render it through GALA "
            "(a job, a preview or `gala render`), which speaks its script first"
        )
    return dict(speech)


def spoken_sounds(clip: dict[str, Any], ctx: Context) -> list[Sound]:
    """The speech's WAV on the timeline as a `voice` sound, from the clip's start."""
    speech = resolved(clip)
    asset = str(speech["asset"])
    return [
        MediaSound(
            clip,
            float(clip["start"]),
            float(clip["end"]),
            path=ctx.asset_path(asset),
            kind="audio",
            trim_start=0.0,
            media_length=float(speech["timing"]["duration"]),
            loop=False,
        )
    ]


VOICE_SCHEMA: Schema = {
    "type": "object",
    "description": "How the script is spoken; unset fields take the model's voice (avatar clips), "
    "then the engine's defaults. GALA lists the supported languages and voices when one is unknown.",
    "additionalProperties": False,
    "properties": {
        "engine": {
            "description": "`espeak-ng` (default), `piper` where installed.",
            "anyOf": [{"type": "string"}, NULL],
        },
        "language": param({"type": ["string", "null"]}, description='E.g. `"en"`, `"es"`, `"en-us"`.'),
        "voice": param({"type": ["string", "null"]}, description="An engine voice or variant; null = default."),
        "rate": param(number(0.5, 2.5), description="Speed multiplier, default 1."),
        "pitch": param(number(0, 100), description="0..100, default 50 (the voice's normal pitch)."),
    },
}
RESOLVED_SCHEMA: Schema = {
    "type": "object",
    "description": "Filled in by GALA before rendering (the synthesized audio and its timing); "
    "anything given here is replaced.",
    "properties": {
        "asset": {"type": "string"},
        "timing": {"type": "object", "description": "The timing document of docs/speech.md."},
        "text": {"type": ["string", "null"], "description": "The script's plain text (markup removed)."},
    },
}

SPOKEN = FieldGroup(
    "SpokenWords",
    {
        "type": "object",
        "properties": {
            "script": param(
                {"type": ["string", "null"], "minLength": 1},
                description="The words to say, plain text or the markup of docs/speech.md "
                '(`<break time="500ms"/>`, `<emphasis>`); a recording\'s transcript.',
            ),
            "recording": optional(
                "AssetRef", description="A recorded voice (an `audio` asset) instead of synthesis; `script` its words."
            ),
            "voice": optional("VoiceSettings"),
            "volume": described("OptionalVolume"),
            "speech": {"anyOf": [{"$ref": "#/components/schemas/ResolvedSpeech"}, NULL]},
        },
    },
    _check,
    components={"VoiceSettings": VOICE_SCHEMA, "ResolvedSpeech": RESOLVED_SCHEMA},
    slots=(AssetSlot(("recording",), RECORDING_KINDS), AssetSlot(("speech", "asset"), SPEECH_KINDS)),
)
