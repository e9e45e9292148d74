from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.position import Position
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.offset import Offset
  from ..models.param_ref import ParamRef
  from ..models.transition import Transition





T = TypeVar("T", bound="ClipVisual")



@_attrs_define
class ClipVisual:
    """ 
        Attributes:
            position (None | ParamRef | Position | Unset): Where the clip's box is anchored. Default `center` (`bottom` for
                captions).
            offset (None | Offset | Unset):
            scale (float | None | ParamRef | Unset): Size multiplier, default 1.
            opacity (float | None | ParamRef | Unset):
            rotation (float | None | ParamRef | Unset): Degrees clockwise, default 0.
            transition (None | Transition | Unset):
     """

    position: None | ParamRef | Position | Unset = UNSET
    offset: None | Offset | Unset = UNSET
    scale: float | None | ParamRef | Unset = UNSET
    opacity: float | None | ParamRef | Unset = UNSET
    rotation: float | None | ParamRef | Unset = UNSET
    transition: None | Transition | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.offset import Offset # noqa: PLC0415
        from ..models.param_ref import ParamRef # noqa: PLC0415
        from ..models.transition import Transition # noqa: PLC0415
        position: dict[str, Any] | None | str | Unset
        if isinstance(self.position, Unset):
            position = UNSET
        elif isinstance(self.position, Position):
            position = self.position.value
        elif isinstance(self.position, ParamRef):
            position = self.position.to_dict()
        else:
            position = self.position

        offset: dict[str, Any] | None | Unset
        if isinstance(self.offset, Unset):
            offset = UNSET
        elif isinstance(self.offset, Offset):
            offset = self.offset.to_dict()
        else:
            offset = self.offset

        scale: dict[str, Any] | float | None | Unset
        if isinstance(self.scale, Unset):
            scale = UNSET
        elif isinstance(self.scale, ParamRef):
            scale = self.scale.to_dict()
        else:
            scale = self.scale

        opacity: dict[str, Any] | float | None | Unset
        if isinstance(self.opacity, Unset):
            opacity = UNSET
        elif isinstance(self.opacity, ParamRef):
            opacity = self.opacity.to_dict()
        else:
            opacity = self.opacity

        rotation: dict[str, Any] | float | None | Unset
        if isinstance(self.rotation, Unset):
            rotation = UNSET
        elif isinstance(self.rotation, ParamRef):
            rotation = self.rotation.to_dict()
        else:
            rotation = self.rotation

        transition: dict[str, Any] | None | Unset
        if isinstance(self.transition, Unset):
            transition = UNSET
        elif isinstance(self.transition, Transition):
            transition = self.transition.to_dict()
        else:
            transition = self.transition


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if position is not UNSET:
            field_dict["position"] = position
        if offset is not UNSET:
            field_dict["offset"] = offset
        if scale is not UNSET:
            field_dict["scale"] = scale
        if opacity is not UNSET:
            field_dict["opacity"] = opacity
        if rotation is not UNSET:
            field_dict["rotation"] = rotation
        if transition is not UNSET:
            field_dict["transition"] = transition

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.offset import Offset # noqa: PLC0415
        from ..models.param_ref import ParamRef # noqa: PLC0415
        from ..models.transition import Transition # noqa: PLC0415
        d = dict(src_dict)
        def _parse_position(data: object) -> None | ParamRef | Position | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                position_type_0 = Position(data)



                return position_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                position_type_2 = ParamRef.from_dict(data)



                return position_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ParamRef | Position | Unset, data)

        position = _parse_position(d.pop("position", UNSET))


        def _parse_offset(data: object) -> None | Offset | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                offset_type_0 = Offset.from_dict(data)



                return offset_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Offset | Unset, data)

        offset = _parse_offset(d.pop("offset", UNSET))


        def _parse_scale(data: object) -> float | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                scale_type_1 = ParamRef.from_dict(data)



                return scale_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | None | ParamRef | Unset, data)

        scale = _parse_scale(d.pop("scale", UNSET))


        def _parse_opacity(data: object) -> float | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_optional_unit_type_1 = ParamRef.from_dict(data)



                return componentsschemas_optional_unit_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | None | ParamRef | Unset, data)

        opacity = _parse_opacity(d.pop("opacity", UNSET))


        def _parse_rotation(data: object) -> float | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rotation_type_1 = ParamRef.from_dict(data)



                return rotation_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | None | ParamRef | Unset, data)

        rotation = _parse_rotation(d.pop("rotation", UNSET))


        def _parse_transition(data: object) -> None | Transition | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                transition_type_0 = Transition.from_dict(data)



                return transition_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Transition | Unset, data)

        transition = _parse_transition(d.pop("transition", UNSET))


        clip_visual = cls(
            position=position,
            offset=offset,
            scale=scale,
            opacity=opacity,
            rotation=rotation,
            transition=transition,
        )


        clip_visual.additional_properties = d
        return clip_visual

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
