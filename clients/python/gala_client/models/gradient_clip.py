from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.clip_length_type_1 import ClipLengthType1
from ..models.gradient_clip_kind_type_0 import GradientClipKindType0
from ..models.position import Position
from ..types import UNSET, Unset
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.offset import Offset
  from ..models.param_ref import ParamRef
  from ..models.transition import Transition
  from ..models.visual_keyframes import VisualKeyframes





T = TypeVar("T", bound="GradientClip")



@_attrs_define
class GradientClip:
    """ 
        Attributes:
            type_ (Literal['gradient']):
            colors (list[ParamRef | str]): Evenly spaced stops.
            name (None | str | Unset): A label, for people.
            start (float | None | ParamRef | Unset):
            length (ClipLengthType1 | float | None | ParamRef | Unset): Seconds (> 0), `"end"` (until the video ends) or
                `"auto"` (the media's length after
                trimming; `video`, `captions`, `avatar`, `audio`, `speech`). Default `"auto"` for those, `"end"` otherwise.
            position (None | ParamRef | Position | Unset): Where the clip's box is anchored. Default `center` (`bottom` for
                captions).
            offset (None | Offset | Unset):
            scale (float | None | ParamRef | Unset): Size multiplier, default 1.
            opacity (float | None | ParamRef | Unset):
            rotation (float | None | ParamRef | Unset): Degrees clockwise, default 0.
            transition (None | Transition | Unset):
            angle (float | None | ParamRef | Unset): Degrees, CSS-style (0 = bottom→top, 90 = left→right); default 180.
            kind (GradientClipKindType0 | None | Unset): Default `linear`.
            keyframes (None | Unset | VisualKeyframes):
     """

    type_: Literal['gradient']
    colors: list[ParamRef | str]
    name: None | str | Unset = UNSET
    start: float | None | ParamRef | Unset = UNSET
    length: ClipLengthType1 | float | None | ParamRef | Unset = UNSET
    position: None | ParamRef | Position | Unset = UNSET
    offset: None | Offset | Unset = UNSET
    scale: float | None | ParamRef | Unset = UNSET
    opacity: float | None | ParamRef | Unset = UNSET
    rotation: float | None | ParamRef | Unset = UNSET
    transition: None | Transition | Unset = UNSET
    angle: float | None | ParamRef | Unset = UNSET
    kind: GradientClipKindType0 | None | Unset = UNSET
    keyframes: None | Unset | VisualKeyframes = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.offset import Offset # noqa: PLC0415
        from ..models.param_ref import ParamRef # noqa: PLC0415
        from ..models.transition import Transition # noqa: PLC0415
        from ..models.visual_keyframes import VisualKeyframes # noqa: PLC0415
        type_ = self.type_

        colors = []
        for colors_item_data in self.colors:
            colors_item: dict[str, Any] | str
            if isinstance(colors_item_data, ParamRef):
                colors_item = colors_item_data.to_dict()
            else:
                colors_item = colors_item_data
            colors.append(colors_item)



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

        angle: dict[str, Any] | float | None | Unset
        if isinstance(self.angle, Unset):
            angle = UNSET
        elif isinstance(self.angle, ParamRef):
            angle = self.angle.to_dict()
        else:
            angle = self.angle

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, GradientClipKindType0):
            kind = self.kind.value
        else:
            kind = self.kind

        keyframes: dict[str, Any] | None | Unset
        if isinstance(self.keyframes, Unset):
            keyframes = UNSET
        elif isinstance(self.keyframes, VisualKeyframes):
            keyframes = self.keyframes.to_dict()
        else:
            keyframes = self.keyframes


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "type": type_,
            "colors": colors,
        })
        if name is not UNSET:
            field_dict["name"] = name
        if start is not UNSET:
            field_dict["start"] = start
        if length is not UNSET:
            field_dict["length"] = length
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
        if angle is not UNSET:
            field_dict["angle"] = angle
        if kind is not UNSET:
            field_dict["kind"] = kind
        if keyframes is not UNSET:
            field_dict["keyframes"] = keyframes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.offset import Offset # noqa: PLC0415
        from ..models.param_ref import ParamRef # noqa: PLC0415
        from ..models.transition import Transition # noqa: PLC0415
        from ..models.visual_keyframes import VisualKeyframes # noqa: PLC0415
        d = dict(src_dict)
        type_ = cast(Literal['gradient'] , d.pop("type"))
        if type_ != 'gradient':
            raise ValueError(f"type must match const 'gradient', got '{type_}'")

        colors = []
        _colors = d.pop("colors")
        for colors_item_data in (_colors):
            def _parse_colors_item(data: object) -> ParamRef | str:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    colors_item_type_1 = ParamRef.from_dict(data)



                    return colors_item_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(ParamRef | str, data)

            colors_item = _parse_colors_item(colors_item_data)

            colors.append(colors_item)


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


        def _parse_angle(data: object) -> float | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                angle_type_1 = ParamRef.from_dict(data)



                return angle_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | None | ParamRef | Unset, data)

        angle = _parse_angle(d.pop("angle", UNSET))


        def _parse_kind(data: object) -> GradientClipKindType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = GradientClipKindType0(data)



                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GradientClipKindType0 | None | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))


        def _parse_keyframes(data: object) -> None | Unset | VisualKeyframes:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                keyframes_type_0 = VisualKeyframes.from_dict(data)



                return keyframes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VisualKeyframes, data)

        keyframes = _parse_keyframes(d.pop("keyframes", UNSET))


        gradient_clip = cls(
            type_=type_,
            colors=colors,
            name=name,
            start=start,
            length=length,
            position=position,
            offset=offset,
            scale=scale,
            opacity=opacity,
            rotation=rotation,
            transition=transition,
            angle=angle,
            kind=kind,
            keyframes=keyframes,
        )


        gradient_clip.additional_properties = d
        return gradient_clip

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
