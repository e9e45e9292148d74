from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="ModelPreviewVoice")



@_attrs_define
class ModelPreviewVoice:
    """ Overrides of the model's voice, as a clip's `voice`.

        Attributes:
            language (str | Unset):
            voice (str | Unset):
            rate (float | Unset):
            pitch (int | Unset):
     """

    language: str | Unset = UNSET
    voice: str | Unset = UNSET
    rate: float | Unset = UNSET
    pitch: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        language = self.language

        voice = self.voice

        rate = self.rate

        pitch = self.pitch


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
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
        d = dict(src_dict)
        language = d.pop("language", UNSET)

        voice = d.pop("voice", UNSET)

        rate = d.pop("rate", UNSET)

        pitch = d.pop("pitch", UNSET)

        model_preview_voice = cls(
            language=language,
            voice=voice,
            rate=rate,
            pitch=pitch,
        )

        return model_preview_voice

