from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.param_ref import ParamRef
  from ..models.resolved_speech import ResolvedSpeech
  from ..models.voice_settings import VoiceSettings





T = TypeVar("T", bound="SpokenWords")



@_attrs_define
class SpokenWords:
    """ 
        Attributes:
            script (None | ParamRef | str | Unset): The words to say, plain text or the markup of docs/speech.md (`<break
                time="500ms"/>`, `<emphasis>`); a recording's transcript.
            recording (None | ParamRef | Unset | UUID): A recorded voice (an `audio` asset) instead of synthesis; `script`
                its words.
            voice (None | Unset | VoiceSettings):
            volume (float | None | ParamRef | Unset):
            speech (None | ResolvedSpeech | Unset):
     """

    script: None | ParamRef | str | Unset = UNSET
    recording: None | ParamRef | Unset | UUID = UNSET
    voice: None | Unset | VoiceSettings = UNSET
    volume: float | None | ParamRef | Unset = UNSET
    speech: None | ResolvedSpeech | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.param_ref import ParamRef # noqa: PLC0415
        from ..models.resolved_speech import ResolvedSpeech # noqa: PLC0415
        from ..models.voice_settings import VoiceSettings # noqa: PLC0415
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


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
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

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.param_ref import ParamRef # noqa: PLC0415
        from ..models.resolved_speech import ResolvedSpeech # noqa: PLC0415
        from ..models.voice_settings import VoiceSettings # noqa: PLC0415
        d = dict(src_dict)
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


        spoken_words = cls(
            script=script,
            recording=recording,
            voice=voice,
            volume=volume,
            speech=speech,
        )


        spoken_words.additional_properties = d
        return spoken_words

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
