from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.volume_keyframes_item import VolumeKeyframesItem





T = TypeVar("T", bound="SoundKeyframes")



@_attrs_define
class SoundKeyframes:
    """ 
        Attributes:
            volume (list[VolumeKeyframesItem] | Unset): 1..100 keyframes, `t` strictly increasing; `value`: a gain, 0..2.
     """

    volume: list[VolumeKeyframesItem] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.volume_keyframes_item import VolumeKeyframesItem # noqa: PLC0415
        volume: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.volume, Unset):
            volume = []
            for componentsschemas_volume_keyframes_item_data in self.volume:
                componentsschemas_volume_keyframes_item = componentsschemas_volume_keyframes_item_data.to_dict()
                volume.append(componentsschemas_volume_keyframes_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if volume is not UNSET:
            field_dict["volume"] = volume

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.volume_keyframes_item import VolumeKeyframesItem # noqa: PLC0415
        d = dict(src_dict)
        _volume = d.pop("volume", UNSET)
        volume: list[VolumeKeyframesItem] | Unset = UNSET
        if _volume is not UNSET:
            volume = []
            for componentsschemas_volume_keyframes_item_data in _volume:
                componentsschemas_volume_keyframes_item = VolumeKeyframesItem.from_dict(componentsschemas_volume_keyframes_item_data)



                volume.append(componentsschemas_volume_keyframes_item)


        sound_keyframes = cls(
            volume=volume,
        )

        return sound_keyframes

