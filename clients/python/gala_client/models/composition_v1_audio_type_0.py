from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="CompositionV1AudioType0")



@_attrs_define
class CompositionV1AudioType0:
    """ A quiet tone under the video; without it the audio track is silent.

        Attributes:
            tone_hz (float | Unset):
            volume (float | Unset):
     """

    tone_hz: float | Unset = UNSET
    volume: float | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        tone_hz = self.tone_hz

        volume = self.volume


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if tone_hz is not UNSET:
            field_dict["tone_hz"] = tone_hz
        if volume is not UNSET:
            field_dict["volume"] = volume

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        tone_hz = d.pop("tone_hz", UNSET)

        volume = d.pop("volume", UNSET)

        composition_v1_audio_type_0 = cls(
            tone_hz=tone_hz,
            volume=volume,
        )

        return composition_v1_audio_type_0

