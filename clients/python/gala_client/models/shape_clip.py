from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.clip_length_type_1 import ClipLengthType1
from ..models.position import Position
from ..models.shape_clip_shape_type_0 import ShapeClipShapeType0
from ..types import UNSET, Unset
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.offset import Offset
  from ..models.param_ref import ParamRef
  from ..models.shape_stroke import ShapeStroke
  from ..models.transition import Transition
  from ..models.visual_keyframes import VisualKeyframes





T = TypeVar("T", bound="ShapeClip")



@_attrs_define
class ShapeClip:
    """ A rectangle, rounded rectangle, ellipse or line, filled and/or stroked.

        Attributes:
            type_ (Literal['shape']):
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
            shape (None | ParamRef | ShapeClipShapeType0 | Unset): Default `rectangle`.
            width (float | None | ParamRef | Unset): Fraction of the frame width, default 0.5 (a line's length).
            height (float | None | ParamRef | Unset): Fraction of the frame height, default 0.5 (not for lines).
            fill (None | ParamRef | str | Unset): Default `"#ffffff"`; `null` for none (not for lines).
            stroke (None | ShapeStroke | Unset): Outline inside the box; `null` (default) for none.
            radius (float | None | ParamRef | Unset): Corner radius of a `rounded_rectangle`, pixels at the output height;
                default 16.
            keyframes (None | Unset | VisualKeyframes):
     """

    type_: Literal['shape']
    name: None | str | Unset = UNSET
    start: float | None | ParamRef | Unset = UNSET
    length: ClipLengthType1 | float | None | ParamRef | Unset = UNSET
    position: None | ParamRef | Position | Unset = UNSET
    offset: None | Offset | Unset = UNSET
    scale: float | None | ParamRef | Unset = UNSET
    opacity: float | None | ParamRef | Unset = UNSET
    rotation: float | None | ParamRef | Unset = UNSET
    transition: None | Transition | Unset = UNSET
    shape: None | ParamRef | ShapeClipShapeType0 | Unset = UNSET
    width: float | None | ParamRef | Unset = UNSET
    height: float | None | ParamRef | Unset = UNSET
    fill: None | ParamRef | str | Unset = UNSET
    stroke: None | ShapeStroke | Unset = UNSET
    radius: float | None | ParamRef | Unset = UNSET
    keyframes: None | Unset | VisualKeyframes = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.offset import Offset # noqa: PLC0415
        from ..models.param_ref import ParamRef # noqa: PLC0415
        from ..models.shape_stroke import ShapeStroke # noqa: PLC0415
        from ..models.transition import Transition # noqa: PLC0415
        from ..models.visual_keyframes import VisualKeyframes # noqa: PLC0415
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

        shape: dict[str, Any] | None | str | Unset
        if isinstance(self.shape, Unset):
            shape = UNSET
        elif isinstance(self.shape, ShapeClipShapeType0):
            shape = self.shape.value
        elif isinstance(self.shape, ParamRef):
            shape = self.shape.to_dict()
        else:
            shape = self.shape

        width: dict[str, Any] | float | None | Unset
        if isinstance(self.width, Unset):
            width = UNSET
        elif isinstance(self.width, ParamRef):
            width = self.width.to_dict()
        else:
            width = self.width

        height: dict[str, Any] | float | None | Unset
        if isinstance(self.height, Unset):
            height = UNSET
        elif isinstance(self.height, ParamRef):
            height = self.height.to_dict()
        else:
            height = self.height

        fill: dict[str, Any] | None | str | Unset
        if isinstance(self.fill, Unset):
            fill = UNSET
        elif isinstance(self.fill, ParamRef):
            fill = self.fill.to_dict()
        else:
            fill = self.fill

        stroke: dict[str, Any] | None | Unset
        if isinstance(self.stroke, Unset):
            stroke = UNSET
        elif isinstance(self.stroke, ShapeStroke):
            stroke = self.stroke.to_dict()
        else:
            stroke = self.stroke

        radius: dict[str, Any] | float | None | Unset
        if isinstance(self.radius, Unset):
            radius = UNSET
        elif isinstance(self.radius, ParamRef):
            radius = self.radius.to_dict()
        else:
            radius = self.radius

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
        if shape is not UNSET:
            field_dict["shape"] = shape
        if width is not UNSET:
            field_dict["width"] = width
        if height is not UNSET:
            field_dict["height"] = height
        if fill is not UNSET:
            field_dict["fill"] = fill
        if stroke is not UNSET:
            field_dict["stroke"] = stroke
        if radius is not UNSET:
            field_dict["radius"] = radius
        if keyframes is not UNSET:
            field_dict["keyframes"] = keyframes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.offset import Offset # noqa: PLC0415
        from ..models.param_ref import ParamRef # noqa: PLC0415
        from ..models.shape_stroke import ShapeStroke # noqa: PLC0415
        from ..models.transition import Transition # noqa: PLC0415
        from ..models.visual_keyframes import VisualKeyframes # noqa: PLC0415
        d = dict(src_dict)
        type_ = cast(Literal['shape'] , d.pop("type"))
        if type_ != 'shape':
            raise ValueError(f"type must match const 'shape', got '{type_}'")

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


        def _parse_shape(data: object) -> None | ParamRef | ShapeClipShapeType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                shape_type_0 = ShapeClipShapeType0(data)



                return shape_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                shape_type_2 = ParamRef.from_dict(data)



                return shape_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ParamRef | ShapeClipShapeType0 | Unset, data)

        shape = _parse_shape(d.pop("shape", UNSET))


        def _parse_width(data: object) -> float | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                width_type_1 = ParamRef.from_dict(data)



                return width_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | None | ParamRef | Unset, data)

        width = _parse_width(d.pop("width", UNSET))


        def _parse_height(data: object) -> float | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                height_type_1 = ParamRef.from_dict(data)



                return height_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | None | ParamRef | Unset, data)

        height = _parse_height(d.pop("height", UNSET))


        def _parse_fill(data: object) -> None | ParamRef | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                fill_type_2 = ParamRef.from_dict(data)



                return fill_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ParamRef | str | Unset, data)

        fill = _parse_fill(d.pop("fill", UNSET))


        def _parse_stroke(data: object) -> None | ShapeStroke | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                stroke_type_0 = ShapeStroke.from_dict(data)



                return stroke_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ShapeStroke | Unset, data)

        stroke = _parse_stroke(d.pop("stroke", UNSET))


        def _parse_radius(data: object) -> float | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                radius_type_1 = ParamRef.from_dict(data)



                return radius_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | None | ParamRef | Unset, data)

        radius = _parse_radius(d.pop("radius", UNSET))


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


        shape_clip = cls(
            type_=type_,
            name=name,
            start=start,
            length=length,
            position=position,
            offset=offset,
            scale=scale,
            opacity=opacity,
            rotation=rotation,
            transition=transition,
            shape=shape,
            width=width,
            height=height,
            fill=fill,
            stroke=stroke,
            radius=radius,
            keyframes=keyframes,
        )


        shape_clip.additional_properties = d
        return shape_clip

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
