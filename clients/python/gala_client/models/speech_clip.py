from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.clip_length_type_1 import ClipLengthType1
from ..types import UNSET, Unset
from typing import cast
from typing import Literal, cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.param_ref import ParamRef
  from ..models.resolved_speech import ResolvedSpeech
  from ..models.sound_keyframes import SoundKeyframes
  from ..models.sound_transition import SoundTransition
  from ..models.voice_settings import VoiceSettings





T = TypeVar("T", bound="SpeechClip")



@_attrs_define
class SpeechClip:
    """ A voice-over: `script` spoken by a text-to-speech engine (or a `recording`). Its `"auto"` length (the default) is
    the speech's; music ducks under it.

        Attributes:
            type_ (Literal['speech']):
            name (None | str | Unset): A label, for people.
            start (float | None | ParamRef | Unset):
            length (ClipLengthType1 | float | None | ParamRef | Unset): Seconds (> 0), `"end"` (until the video ends) or
                `"auto"` (the media's length after
                trimming; `video`, `captions`, `avatar`, `audio`, `speech`). Default `"auto"` for those, `"end"` otherwise.
            script (None | ParamRef | str | Unset): The words to say, plain text or the markup of docs/speech.md (`<break
                time="500ms"/>`, `<emphasis>`); a recording's transcript.
            recording (None | ParamRef | Unset | UUID): A recorded voice (an `audio` asset) instead of synthesis; `script`
                its words.
            voice (None | Unset | VoiceSettings):
            volume (float | None | ParamRef | Unset):
            speech (None | ResolvedSpeech | Unset):
            fade_in (float | None | ParamRef | Unset):
            fade_out (float | None | ParamRef | Unset):
            keyframes (None | SoundKeyframes | Unset):
            transition (None | SoundTransition | Unset):
     """

    type_: Literal['speech']
    name: None | str | Unset = UNSET
    start: float | None | ParamRef | Unset = UNSET
    length: ClipLengthType1 | float | None | ParamRef | Unset = UNSET
    script: None | ParamRef | str | Unset = UNSET
    recording: None | ParamRef | Unset | UUID = UNSET
    voice: None | Unset | VoiceSettings = UNSET
    volume: float | None | ParamRef | Unset = UNSET
    speech: None | ResolvedSpeech | Unset = UNSET
    fade_in: float | None | ParamRef | Unset = UNSET
    fade_out: float | None | ParamRef | Unset = UNSET
    keyframes: None | SoundKeyframes | Unset = UNSET
    transition: None | SoundTransition | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.param_ref import ParamRef # noqa: PLC0415
        from ..models.resolved_speech import ResolvedSpeech # noqa: PLC0415
        from ..models.sound_keyframes import SoundKeyframes # noqa: PLC0415
        from ..models.sound_transition import SoundTransition # noqa: PLC0415
        from ..models.voice_settings import VoiceSettings # noqa: PLC0415
        type_ = self.type_

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        start: dict[str, Any] | float | None | Unset
        if isinstance(self.start, Unset):
            start = UNSET
        elif isinstance(self.start, ParamRef):
            start = self.start.to_dict()
        else:
            start = self.start

        length: dict[str, Any] | float | None | str | Unset
        if isinstance(self.length, Unset):
            length = UNSET
        elif isinstance(self.length, ClipLengthType1):
            length = self.length.value
        elif isinstance(self.length, ParamRef):
            length = self.length.to_dict()
        else:
            length = self.length

        script: dict[str, Any] | None | str | Unset
        if isinstance(self.script, Unset):
            script = UNSET
        elif isinstance(self.script, ParamRef):
            script = self.script.to_dict()
        else:
            script = self.script

        recording: dict[str, Any] | None | str | Unset
        if isinstance(self.recording, Unset):
            recording = UNSET
        elif isinstance(self.recording, UUID):
            recording = str(self.recording)
        elif isinstance(self.recording, ParamRef):
            recording = self.recording.to_dict()
        else:
            recording = self.recording

        voice: dict[str, Any] | None | Unset
        if isinstance(self.voice, Unset):
            voice = UNSET
        elif isinstance(self.voice, VoiceSettings):
            voice = self.voice.to_dict()
        else:
            voice = self.voice

        volume: dict[str, Any] | float | None | Unset
        if isinstance(self.volume, Unset):
            volume = UNSET
        elif isinstance(self.volume, ParamRef):
            volume = self.volume.to_dict()
        else:
            volume = self.volume

        speech: dict[str, Any] | None | Unset
        if isinstance(self.speech, Unset):
            speech = UNSET
        elif isinstance(self.speech, ResolvedSpeech):
            speech = self.speech.to_dict()
        else:
            speech = self.speech

        fade_in: dict[str, Any] | float | None | Unset
        if isinstance(self.fade_in, Unset):
            fade_in = UNSET
        elif isinstance(self.fade_in, ParamRef):
            fade_in = self.fade_in.to_dict()
        else:
            fade_in = self.fade_in

        fade_out: dict[str, Any] | float | None | Unset
        if isinstance(self.fade_out, Unset):
            fade_out = UNSET
        elif isinstance(self.fade_out, ParamRef):
            fade_out = self.fade_out.to_dict()
        else:
            fade_out = self.fade_out

        keyframes: dict[str, Any] | None | Unset
        if isinstance(self.keyframes, Unset):
            keyframes = UNSET
        elif isinstance(self.keyframes, SoundKeyframes):
            keyframes = self.keyframes.to_dict()
        else:
            keyframes = self.keyframes

        transition: dict[str, Any] | None | Unset
        if isinstance(self.transition, Unset):
            transition = UNSET
        elif isinstance(self.transition, SoundTransition):
            transition = self.transition.to_dict()
        else:
            transition = self.transition


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "type": type_,
        })
        if name is not UNSET:
            field_dict["name"] = name
        if start is not UNSET:
            field_dict["start"] = start
        if length is not UNSET:
            field_dict["length"] = length
        if script is not UNSET:
            field_dict["script"] = script
        if recording is not UNSET:
            field_dict["recording"] = recording
        if voice is not UNSET:
            field_dict["voice"] = voice
        if volume is not UNSET:
            field_dict["volume"] = volume
        if speech is not UNSET:
            field_dict["speech"] = speech
        if fade_in is not UNSET:
            field_dict["fade_in"] = fade_in
        if fade_out is not UNSET:
            field_dict["fade_out"] = fade_out
        if keyframes is not UNSET:
            field_dict["keyframes"] = keyframes
        if transition is not UNSET:
            field_dict["transition"] = transition

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.param_ref import ParamRef # noqa: PLC0415
        from ..models.resolved_speech import ResolvedSpeech # noqa: PLC0415
        from ..models.sound_keyframes import SoundKeyframes # noqa: PLC0415
        from ..models.sound_transition import SoundTransition # noqa: PLC0415
        from ..models.voice_settings import VoiceSettings # noqa: PLC0415
        d = dict(src_dict)
        type_ = cast(Literal['speech'] , d.pop("type"))
        if type_ != 'speech':
            raise ValueError(f"type must match const 'speech', got '{type_}'")

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        def _parse_start(data: object) -> float | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_optional_seconds_type_1 = ParamRef.from_dict(data)



                return componentsschemas_optional_seconds_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | None | ParamRef | Unset, data)

        start = _parse_start(d.pop("start", UNSET))


        def _parse_length(data: object) -> ClipLengthType1 | float | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_clip_length_type_1 = ClipLengthType1(data)



                return componentsschemas_clip_length_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_clip_length_type_2 = ParamRef.from_dict(data)



                return componentsschemas_clip_length_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ClipLengthType1 | float | None | ParamRef | Unset, data)

        length = _parse_length(d.pop("length", UNSET))


        def _parse_script(data: object) -> None | ParamRef | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                script_type_1 = ParamRef.from_dict(data)



                return script_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ParamRef | str | Unset, data)

        script = _parse_script(d.pop("script", UNSET))


        def _parse_recording(data: object) -> None | ParamRef | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_asset_ref_type_0 = UUID(data)



                return componentsschemas_asset_ref_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_asset_ref_type_1 = ParamRef.from_dict(data)



                return componentsschemas_asset_ref_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ParamRef | Unset | UUID, data)

        recording = _parse_recording(d.pop("recording", UNSET))


        def _parse_voice(data: object) -> None | Unset | VoiceSettings:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                voice_type_0 = VoiceSettings.from_dict(data)



                return voice_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VoiceSettings, data)

        voice = _parse_voice(d.pop("voice", UNSET))


        def _parse_volume(data: object) -> float | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_optional_volume_type_1 = ParamRef.from_dict(data)



                return componentsschemas_optional_volume_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | None | ParamRef | Unset, data)

        volume = _parse_volume(d.pop("volume", UNSET))


        def _parse_speech(data: object) -> None | ResolvedSpeech | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                speech_type_0 = ResolvedSpeech.from_dict(data)



                return speech_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ResolvedSpeech | Unset, data)

        speech = _parse_speech(d.pop("speech", UNSET))


        def _parse_fade_in(data: object) -> float | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_optional_seconds_type_1 = ParamRef.from_dict(data)



                return componentsschemas_optional_seconds_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | None | ParamRef | Unset, data)

        fade_in = _parse_fade_in(d.pop("fade_in", UNSET))


        def _parse_fade_out(data: object) -> float | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_optional_seconds_type_1 = ParamRef.from_dict(data)



                return componentsschemas_optional_seconds_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | None | ParamRef | Unset, data)

        fade_out = _parse_fade_out(d.pop("fade_out", UNSET))


        def _parse_keyframes(data: object) -> None | SoundKeyframes | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                keyframes_type_0 = SoundKeyframes.from_dict(data)



                return keyframes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SoundKeyframes | Unset, data)

        keyframes = _parse_keyframes(d.pop("keyframes", UNSET))


        def _parse_transition(data: object) -> None | SoundTransition | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                transition_type_0 = SoundTransition.from_dict(data)



                return transition_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SoundTransition | Unset, data)

        transition = _parse_transition(d.pop("transition", UNSET))


        speech_clip = cls(
            type_=type_,
            name=name,
            start=start,
            length=length,
            script=script,
            recording=recording,
            voice=voice,
            volume=volume,
            speech=speech,
            fade_in=fade_in,
            fade_out=fade_out,
            keyframes=keyframes,
            transition=transition,
        )


        speech_clip.additional_properties = d
        return speech_clip

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
