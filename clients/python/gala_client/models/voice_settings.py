from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.param_ref import ParamRef





T = TypeVar("T", bound="VoiceSettings")



@_attrs_define
class VoiceSettings:
    """ How the script is spoken; unset fields take the model's voice (avatar clips), then the engine's defaults. GALA lists
    the supported languages and voices when one is unknown.

        Attributes:
            engine (None | str | Unset): `espeak-ng` (default), `piper` where installed.
            language (None | ParamRef | str | Unset): E.g. `"en"`, `"es"`, `"en-us"`.
            voice (None | ParamRef | str | Unset): An engine voice or variant; null = default.
            rate (float | None | ParamRef | Unset): Speed multiplier, default 1.
            pitch (float | None | ParamRef | Unset): 0..100, default 50 (the voice's normal pitch).
     """

    engine: None | str | Unset = UNSET
    language: None | ParamRef | str | Unset = UNSET
    voice: None | ParamRef | str | Unset = UNSET
    rate: float | None | ParamRef | Unset = UNSET
    pitch: float | None | ParamRef | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.param_ref import ParamRef # noqa: PLC0415
        engine: None | str | Unset
        if isinstance(self.engine, Unset):
            engine = UNSET
        else:
            engine = self.engine

        language: dict[str, Any] | None | str | Unset
        if isinstance(self.language, Unset):
            language = UNSET
        elif isinstance(self.language, ParamRef):
            language = self.language.to_dict()
        else:
            language = self.language

        voice: dict[str, Any] | None | str | Unset
        if isinstance(self.voice, Unset):
            voice = UNSET
        elif isinstance(self.voice, ParamRef):
            voice = self.voice.to_dict()
        else:
            voice = self.voice

        rate: dict[str, Any] | float | None | Unset
        if isinstance(self.rate, Unset):
            rate = UNSET
        elif isinstance(self.rate, ParamRef):
            rate = self.rate.to_dict()
        else:
            rate = self.rate

        pitch: dict[str, Any] | float | None | Unset
        if isinstance(self.pitch, Unset):
            pitch = UNSET
        elif isinstance(self.pitch, ParamRef):
            pitch = self.pitch.to_dict()
        else:
            pitch = self.pitch


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if engine is not UNSET:
            field_dict["engine"] = engine
        if language is not UNSET:
            field_dict["language"] = language
        if voice is not UNSET:
            field_dict["voice"] = voice
        if rate is not UNSET:
            field_dict["rate"] = rate
        if pitch is not UNSET:
            field_dict["pitch"] = pitch

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.param_ref import ParamRef # noqa: PLC0415
        d = dict(src_dict)
        def _parse_engine(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        engine = _parse_engine(d.pop("engine", UNSET))


        def _parse_language(data: object) -> None | ParamRef | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                language_type_1 = ParamRef.from_dict(data)



                return language_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ParamRef | str | Unset, data)

        language = _parse_language(d.pop("language", UNSET))


        def _parse_voice(data: object) -> None | ParamRef | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                voice_type_1 = ParamRef.from_dict(data)



                return voice_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ParamRef | str | Unset, data)

        voice = _parse_voice(d.pop("voice", UNSET))


        def _parse_rate(data: object) -> float | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rate_type_1 = ParamRef.from_dict(data)



                return rate_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | None | ParamRef | Unset, data)

        rate = _parse_rate(d.pop("rate", UNSET))


        def _parse_pitch(data: object) -> float | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                pitch_type_1 = ParamRef.from_dict(data)



                return pitch_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | None | ParamRef | Unset, data)

        pitch = _parse_pitch(d.pop("pitch", UNSET))


        voice_settings = cls(
            engine=engine,
            language=language,
            voice=voice,
            rate=rate,
            pitch=pitch,
        )

        return voice_settings

