from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.clip_length_type_1 import ClipLengthType1
from ..models.position import Position
from ..models.text_style_align_type_0 import TextStyleAlignType0
from ..types import UNSET, Unset
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.font_ref import FontRef
  from ..models.offset import Offset
  from ..models.param_ref import ParamRef
  from ..models.text_box import TextBox
  from ..models.text_stroke import TextStroke
  from ..models.transition import Transition
  from ..models.visual_keyframes import VisualKeyframes





T = TypeVar("T", bound="TextClip")



@_attrs_define
class TextClip:
    """ 
        Attributes:
            type_ (Literal['text']):
            text (ParamRef | str): `\\n` breaks lines; long lines wrap at word boundaries.
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
            font (FontRef | None | Unset): `null` (default): the bundled DejaVu Sans (covers Latin-1).
            size (float | None | ParamRef | Unset): Pixels at the output height; default 64 (48 for captions).
            color (None | ParamRef | str | Unset):
            bold (bool | None | ParamRef | Unset):
            stroke (None | TextStroke | Unset): Outline; `null` for none (captions default to `{"color": "#000000", "width":
                3}`).
            box (None | TextBox | Unset):
            align (None | ParamRef | TextStyleAlignType0 | Unset): Default `center`.
            max_width (float | None | ParamRef | Unset): Wrap width as a fraction of the frame width; default 0.9 (0.8 for
                captions).
            line_height (float | None | ParamRef | Unset): Multiple of `size`, default 1.2.
            keyframes (None | Unset | VisualKeyframes):
     """

    type_: Literal['text']
    text: ParamRef | str
    name: None | str | Unset = UNSET
    start: float | None | ParamRef | Unset = UNSET
    length: ClipLengthType1 | float | None | ParamRef | Unset = UNSET
    position: None | ParamRef | Position | Unset = UNSET
    offset: None | Offset | Unset = UNSET
    scale: float | None | ParamRef | Unset = UNSET
    opacity: float | None | ParamRef | Unset = UNSET
    rotation: float | None | ParamRef | Unset = UNSET
    transition: None | Transition | Unset = UNSET
    font: FontRef | None | Unset = UNSET
    size: float | None | ParamRef | Unset = UNSET
    color: None | ParamRef | str | Unset = UNSET
    bold: bool | None | ParamRef | Unset = UNSET
    stroke: None | TextStroke | Unset = UNSET
    box: None | TextBox | Unset = UNSET
    align: None | ParamRef | TextStyleAlignType0 | Unset = UNSET
    max_width: float | None | ParamRef | Unset = UNSET
    line_height: float | None | ParamRef | Unset = UNSET
    keyframes: None | Unset | VisualKeyframes = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.font_ref import FontRef # noqa: PLC0415
        from ..models.offset import Offset # noqa: PLC0415
        from ..models.param_ref import ParamRef # noqa: PLC0415
        from ..models.text_box import TextBox # noqa: PLC0415
        from ..models.text_stroke import TextStroke # noqa: PLC0415
        from ..models.transition import Transition # noqa: PLC0415
        from ..models.visual_keyframes import VisualKeyframes # noqa: PLC0415
        type_ = self.type_

        text: dict[str, Any] | str
        if isinstance(self.text, ParamRef):
            text = self.text.to_dict()
        else:
            text = self.text

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

        font: dict[str, Any] | None | Unset
        if isinstance(self.font, Unset):
            font = UNSET
        elif isinstance(self.font, FontRef):
            font = self.font.to_dict()
        else:
            font = self.font

        size: dict[str, Any] | float | None | Unset
        if isinstance(self.size, Unset):
            size = UNSET
        elif isinstance(self.size, ParamRef):
            size = self.size.to_dict()
        else:
            size = self.size

        color: dict[str, Any] | None | str | Unset
        if isinstance(self.color, Unset):
            color = UNSET
        elif isinstance(self.color, ParamRef):
            color = self.color.to_dict()
        else:
            color = self.color

        bold: bool | dict[str, Any] | None | Unset
        if isinstance(self.bold, Unset):
            bold = UNSET
        elif isinstance(self.bold, ParamRef):
            bold = self.bold.to_dict()
        else:
            bold = self.bold

        stroke: dict[str, Any] | None | Unset
        if isinstance(self.stroke, Unset):
            stroke = UNSET
        elif isinstance(self.stroke, TextStroke):
            stroke = self.stroke.to_dict()
        else:
            stroke = self.stroke

        box: dict[str, Any] | None | Unset
        if isinstance(self.box, Unset):
            box = UNSET
        elif isinstance(self.box, TextBox):
            box = self.box.to_dict()
        else:
            box = self.box

        align: dict[str, Any] | None | str | Unset
        if isinstance(self.align, Unset):
            align = UNSET
        elif isinstance(self.align, TextStyleAlignType0):
            align = self.align.value
        elif isinstance(self.align, ParamRef):
            align = self.align.to_dict()
        else:
            align = self.align

        max_width: dict[str, Any] | float | None | Unset
        if isinstance(self.max_width, Unset):
            max_width = UNSET
        elif isinstance(self.max_width, ParamRef):
            max_width = self.max_width.to_dict()
        else:
            max_width = self.max_width

        line_height: dict[str, Any] | float | None | Unset
        if isinstance(self.line_height, Unset):
            line_height = UNSET
        elif isinstance(self.line_height, ParamRef):
            line_height = self.line_height.to_dict()
        else:
            line_height = self.line_height

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
            "text": text,
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
        if font is not UNSET:
            field_dict["font"] = font
        if size is not UNSET:
            field_dict["size"] = size
        if color is not UNSET:
            field_dict["color"] = color
        if bold is not UNSET:
            field_dict["bold"] = bold
        if stroke is not UNSET:
            field_dict["stroke"] = stroke
        if box is not UNSET:
            field_dict["box"] = box
        if align is not UNSET:
            field_dict["align"] = align
        if max_width is not UNSET:
            field_dict["max_width"] = max_width
        if line_height is not UNSET:
            field_dict["line_height"] = line_height
        if keyframes is not UNSET:
            field_dict["keyframes"] = keyframes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.font_ref import FontRef # noqa: PLC0415
        from ..models.offset import Offset # noqa: PLC0415
        from ..models.param_ref import ParamRef # noqa: PLC0415
        from ..models.text_box import TextBox # noqa: PLC0415
        from ..models.text_stroke import TextStroke # noqa: PLC0415
        from ..models.transition import Transition # noqa: PLC0415
        from ..models.visual_keyframes import VisualKeyframes # noqa: PLC0415
        d = dict(src_dict)
        type_ = cast(Literal['text'] , d.pop("type"))
        if type_ != 'text':
            raise ValueError(f"type must match const 'text', got '{type_}'")

        def _parse_text(data: object) -> ParamRef | str:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                text_type_1 = ParamRef.from_dict(data)



                return text_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ParamRef | str, data)

        text = _parse_text(d.pop("text"))


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


        def _parse_font(data: object) -> FontRef | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                font_type_0 = FontRef.from_dict(data)



                return font_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FontRef | None | Unset, data)

        font = _parse_font(d.pop("font", UNSET))


        def _parse_size(data: object) -> float | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                size_type_1 = ParamRef.from_dict(data)



                return size_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | None | ParamRef | Unset, data)

        size = _parse_size(d.pop("size", UNSET))


        def _parse_color(data: object) -> None | ParamRef | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_optional_color_type_1 = ParamRef.from_dict(data)



                return componentsschemas_optional_color_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ParamRef | str | Unset, data)

        color = _parse_color(d.pop("color", UNSET))


        def _parse_bold(data: object) -> bool | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_optional_boolean_type_1 = ParamRef.from_dict(data)



                return componentsschemas_optional_boolean_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(bool | None | ParamRef | Unset, data)

        bold = _parse_bold(d.pop("bold", UNSET))


        def _parse_stroke(data: object) -> None | TextStroke | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                stroke_type_0 = TextStroke.from_dict(data)



                return stroke_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TextStroke | Unset, data)

        stroke = _parse_stroke(d.pop("stroke", UNSET))


        def _parse_box(data: object) -> None | TextBox | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                box_type_0 = TextBox.from_dict(data)



                return box_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TextBox | Unset, data)

        box = _parse_box(d.pop("box", UNSET))


        def _parse_align(data: object) -> None | ParamRef | TextStyleAlignType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                align_type_0 = TextStyleAlignType0(data)



                return align_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                align_type_2 = ParamRef.from_dict(data)



                return align_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ParamRef | TextStyleAlignType0 | Unset, data)

        align = _parse_align(d.pop("align", UNSET))


        def _parse_max_width(data: object) -> float | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                max_width_type_1 = ParamRef.from_dict(data)



                return max_width_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | None | ParamRef | Unset, data)

        max_width = _parse_max_width(d.pop("max_width", UNSET))


        def _parse_line_height(data: object) -> float | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                line_height_type_1 = ParamRef.from_dict(data)



                return line_height_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | None | ParamRef | Unset, data)

        line_height = _parse_line_height(d.pop("line_height", UNSET))


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


        text_clip = cls(
            type_=type_,
            text=text,
            name=name,
            start=start,
            length=length,
            position=position,
            offset=offset,
            scale=scale,
            opacity=opacity,
            rotation=rotation,
            transition=transition,
            font=font,
            size=size,
            color=color,
            bold=bold,
            stroke=stroke,
            box=box,
            align=align,
            max_width=max_width,
            line_height=line_height,
            keyframes=keyframes,
        )


        text_clip.additional_properties = d
        return text_clip

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
