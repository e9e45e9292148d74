from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="Voice")



@_attrs_define
class Voice:
    """ How the avatar speaks. `engine` names the text-to-speech engine; further engine-specific
    settings may be added by later versions, so clients should keep unknown fields.

        Attributes:
            engine (str | Unset):  Default: 'espeak-ng'.
            voice (str | Unset): Engine voice id, e.g. `es`.
            language (str | Unset):  Default: 'es'.
            rate (float | Unset): Speed multiplier. Default: 1.0.
            pitch (float | Unset): Semitones relative to the voice's default. Default: 0.0.
     """

    engine: str | Unset = 'espeak-ng'
    voice: str | Unset = UNSET
    language: str | Unset = 'es'
    rate: float | Unset = 1.0
    pitch: float | Unset = 0.0





    def to_dict(self) -> dict[str, Any]:
        engine = self.engine

        voice = self.voice

        language = self.language

        rate = self.rate

        pitch = self.pitch


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if engine is not UNSET:
            field_dict["engine"] = engine
        if voice is not UNSET:
            field_dict["voice"] = voice
        if language is not UNSET:
            field_dict["language"] = language
        if rate is not UNSET:
            field_dict["rate"] = rate
        if pitch is not UNSET:
            field_dict["pitch"] = pitch

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        engine = d.pop("engine", UNSET)

        voice = d.pop("voice", UNSET)

        language = d.pop("language", UNSET)

        rate = d.pop("rate", UNSET)

        pitch = d.pop("pitch", UNSET)

        voice = cls(
            engine=engine,
            voice=voice,
            language=language,
            rate=rate,
            pitch=pitch,
        )

        return voice

