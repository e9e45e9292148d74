from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.offset_keyframes_item import OffsetKeyframesItem
  from ..models.opacity_keyframes_item import OpacityKeyframesItem
  from ..models.rotation_keyframes_item import RotationKeyframesItem
  from ..models.scale_keyframes_item import ScaleKeyframesItem
  from ..models.volume_keyframes_item import VolumeKeyframesItem





T = TypeVar("T", bound="VideoKeyframes")



@_attrs_define
class VideoKeyframes:
    """ `VisualKeyframes` plus the sound's `volume`.

        Attributes:
            opacity (list[OpacityKeyframesItem] | Unset): 1..100 keyframes, `t` strictly increasing; `value`: 0..1.
            scale (list[ScaleKeyframesItem] | Unset): 1..100 keyframes, `t` strictly increasing; `value`: > 0, at most 10.
            rotation (list[RotationKeyframesItem] | Unset): 1..100 keyframes, `t` strictly increasing; `value`: degrees,
                -3600..3600.
            offset_x (list[OffsetKeyframesItem] | Unset): 1..100 keyframes, `t` strictly increasing; `value`: a fraction of
                the frame, -1..1.
            offset_y (list[OffsetKeyframesItem] | Unset): 1..100 keyframes, `t` strictly increasing; `value`: a fraction of
                the frame, -1..1.
            volume (list[VolumeKeyframesItem] | Unset): 1..100 keyframes, `t` strictly increasing; `value`: a gain, 0..2.
     """

    opacity: list[OpacityKeyframesItem] | Unset = UNSET
    scale: list[ScaleKeyframesItem] | Unset = UNSET
    rotation: list[RotationKeyframesItem] | Unset = UNSET
    offset_x: list[OffsetKeyframesItem] | Unset = UNSET
    offset_y: list[OffsetKeyframesItem] | Unset = UNSET
    volume: list[VolumeKeyframesItem] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.offset_keyframes_item import OffsetKeyframesItem # noqa: PLC0415
        from ..models.opacity_keyframes_item import OpacityKeyframesItem # noqa: PLC0415
        from ..models.rotation_keyframes_item import RotationKeyframesItem # noqa: PLC0415
        from ..models.scale_keyframes_item import ScaleKeyframesItem # noqa: PLC0415
        from ..models.volume_keyframes_item import VolumeKeyframesItem # noqa: PLC0415
        opacity: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.opacity, Unset):
            opacity = []
            for componentsschemas_opacity_keyframes_item_data in self.opacity:
                componentsschemas_opacity_keyframes_item = componentsschemas_opacity_keyframes_item_data.to_dict()
                opacity.append(componentsschemas_opacity_keyframes_item)



        scale: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.scale, Unset):
            scale = []
            for componentsschemas_scale_keyframes_item_data in self.scale:
                componentsschemas_scale_keyframes_item = componentsschemas_scale_keyframes_item_data.to_dict()
                scale.append(componentsschemas_scale_keyframes_item)



        rotation: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.rotation, Unset):
            rotation = []
            for componentsschemas_rotation_keyframes_item_data in self.rotation:
                componentsschemas_rotation_keyframes_item = componentsschemas_rotation_keyframes_item_data.to_dict()
                rotation.append(componentsschemas_rotation_keyframes_item)



        offset_x: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.offset_x, Unset):
            offset_x = []
            for componentsschemas_offset_keyframes_item_data in self.offset_x:
                componentsschemas_offset_keyframes_item = componentsschemas_offset_keyframes_item_data.to_dict()
                offset_x.append(componentsschemas_offset_keyframes_item)



        offset_y: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.offset_y, Unset):
            offset_y = []
            for componentsschemas_offset_keyframes_item_data in self.offset_y:
                componentsschemas_offset_keyframes_item = componentsschemas_offset_keyframes_item_data.to_dict()
                offset_y.append(componentsschemas_offset_keyframes_item)



        volume: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.volume, Unset):
            volume = []
            for componentsschemas_volume_keyframes_item_data in self.volume:
                componentsschemas_volume_keyframes_item = componentsschemas_volume_keyframes_item_data.to_dict()
                volume.append(componentsschemas_volume_keyframes_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if opacity is not UNSET:
            field_dict["opacity"] = opacity
        if scale is not UNSET:
            field_dict["scale"] = scale
        if rotation is not UNSET:
            field_dict["rotation"] = rotation
        if offset_x is not UNSET:
            field_dict["offset_x"] = offset_x
        if offset_y is not UNSET:
            field_dict["offset_y"] = offset_y
        if volume is not UNSET:
            field_dict["volume"] = volume

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.offset_keyframes_item import OffsetKeyframesItem # noqa: PLC0415
        from ..models.opacity_keyframes_item import OpacityKeyframesItem # noqa: PLC0415
        from ..models.rotation_keyframes_item import RotationKeyframesItem # noqa: PLC0415
        from ..models.scale_keyframes_item import ScaleKeyframesItem # noqa: PLC0415
        from ..models.volume_keyframes_item import VolumeKeyframesItem # noqa: PLC0415
        d = dict(src_dict)
        _opacity = d.pop("opacity", UNSET)
        opacity: list[OpacityKeyframesItem] | Unset = UNSET
        if _opacity is not UNSET:
            opacity = []
            for componentsschemas_opacity_keyframes_item_data in _opacity:
                componentsschemas_opacity_keyframes_item = OpacityKeyframesItem.from_dict(componentsschemas_opacity_keyframes_item_data)



                opacity.append(componentsschemas_opacity_keyframes_item)


        _scale = d.pop("scale", UNSET)
        scale: list[ScaleKeyframesItem] | Unset = UNSET
        if _scale is not UNSET:
            scale = []
            for componentsschemas_scale_keyframes_item_data in _scale:
                componentsschemas_scale_keyframes_item = ScaleKeyframesItem.from_dict(componentsschemas_scale_keyframes_item_data)



                scale.append(componentsschemas_scale_keyframes_item)


        _rotation = d.pop("rotation", UNSET)
        rotation: list[RotationKeyframesItem] | Unset = UNSET
        if _rotation is not UNSET:
            rotation = []
            for componentsschemas_rotation_keyframes_item_data in _rotation:
                componentsschemas_rotation_keyframes_item = RotationKeyframesItem.from_dict(componentsschemas_rotation_keyframes_item_data)



                rotation.append(componentsschemas_rotation_keyframes_item)


        _offset_x = d.pop("offset_x", UNSET)
        offset_x: list[OffsetKeyframesItem] | Unset = UNSET
        if _offset_x is not UNSET:
            offset_x = []
            for componentsschemas_offset_keyframes_item_data in _offset_x:
                componentsschemas_offset_keyframes_item = OffsetKeyframesItem.from_dict(componentsschemas_offset_keyframes_item_data)



                offset_x.append(componentsschemas_offset_keyframes_item)


        _offset_y = d.pop("offset_y", UNSET)
        offset_y: list[OffsetKeyframesItem] | Unset = UNSET
        if _offset_y is not UNSET:
            offset_y = []
            for componentsschemas_offset_keyframes_item_data in _offset_y:
                componentsschemas_offset_keyframes_item = OffsetKeyframesItem.from_dict(componentsschemas_offset_keyframes_item_data)



                offset_y.append(componentsschemas_offset_keyframes_item)


        _volume = d.pop("volume", UNSET)
        volume: list[VolumeKeyframesItem] | Unset = UNSET
        if _volume is not UNSET:
            volume = []
            for componentsschemas_volume_keyframes_item_data in _volume:
                componentsschemas_volume_keyframes_item = VolumeKeyframesItem.from_dict(componentsschemas_volume_keyframes_item_data)



                volume.append(componentsschemas_volume_keyframes_item)


        video_keyframes = cls(
            opacity=opacity,
            scale=scale,
            rotation=rotation,
            offset_x=offset_x,
            offset_y=offset_y,
            volume=volume,
        )

        return video_keyframes

