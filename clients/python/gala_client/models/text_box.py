from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.param_ref import ParamRef





T = TypeVar("T", bound="TextBox")



@_attrs_define
class TextBox:
    """ A rectangle behind the text: `color` default `"#000000"`, `opacity` default 0.6, `padding` pixels default 16.

        Attributes:
            color (None | ParamRef | str | Unset):
            opacity (float | None | ParamRef | Unset):
            padding (float | None | ParamRef | Unset):
     """

    color: None | ParamRef | str | Unset = UNSET
    opacity: float | None | ParamRef | Unset = UNSET
    padding: float | None | ParamRef | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.param_ref import ParamRef # noqa: PLC0415
        color: dict[str, Any] | None | str | Unset
        if isinstance(self.color, Unset):
            color = UNSET
        elif isinstance(self.color, ParamRef):
            color = self.color.to_dict()
        else:
            color = self.color

        opacity: dict[str, Any] | float | None | Unset
        if isinstance(self.opacity, Unset):
            opacity = UNSET
        elif isinstance(self.opacity, ParamRef):
            opacity = self.opacity.to_dict()
        else:
            opacity = self.opacity

        padding: dict[str, Any] | float | None | Unset
        if isinstance(self.padding, Unset):
            padding = UNSET
        elif isinstance(self.padding, ParamRef):
            padding = self.padding.to_dict()
        else:
            padding = self.padding


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if color is not UNSET:
            field_dict["color"] = color
        if opacity is not UNSET:
            field_dict["opacity"] = opacity
        if padding is not UNSET:
            field_dict["padding"] = padding

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.param_ref import ParamRef # noqa: PLC0415
        d = dict(src_dict)
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


        def _parse_padding(data: object) -> float | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                padding_type_1 = ParamRef.from_dict(data)



                return padding_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | None | ParamRef | Unset, data)

        padding = _parse_padding(d.pop("padding", UNSET))


        text_box = cls(
            color=color,
            opacity=opacity,
            padding=padding,
        )

        return text_box

