from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.text_style_align_type_0 import TextStyleAlignType0
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.font_ref import FontRef
  from ..models.param_ref import ParamRef
  from ..models.text_box import TextBox
  from ..models.text_stroke import TextStroke





T = TypeVar("T", bound="TextStyle")



@_attrs_define
class TextStyle:
    """ 
        Attributes:
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
     """

    font: FontRef | None | Unset = UNSET
    size: float | None | ParamRef | Unset = UNSET
    color: None | ParamRef | str | Unset = UNSET
    bold: bool | None | ParamRef | Unset = UNSET
    stroke: None | TextStroke | Unset = UNSET
    box: None | TextBox | Unset = UNSET
    align: None | ParamRef | TextStyleAlignType0 | Unset = UNSET
    max_width: float | None | ParamRef | Unset = UNSET
    line_height: float | None | ParamRef | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.font_ref import FontRef # noqa: PLC0415
        from ..models.param_ref import ParamRef # noqa: PLC0415
        from ..models.text_box import TextBox # noqa: PLC0415
        from ..models.text_stroke import TextStroke # noqa: PLC0415
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


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
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

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.font_ref import FontRef # noqa: PLC0415
        from ..models.param_ref import ParamRef # noqa: PLC0415
        from ..models.text_box import TextBox # noqa: PLC0415
        from ..models.text_stroke import TextStroke # noqa: PLC0415
        d = dict(src_dict)
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


        text_style = cls(
            font=font,
            size=size,
            color=color,
            bold=bold,
            stroke=stroke,
            box=box,
            align=align,
            max_width=max_width,
            line_height=line_height,
        )


        text_style.additional_properties = d
        return text_style

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
