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





T = TypeVar("T", bound="ShapeStroke")



@_attrs_define
class ShapeStroke:
    """ A line's stroke defaults to `{"color": "#ffffff", "width": 4}`.

        Attributes:
            color (None | ParamRef | str | Unset):
            width (float | None | ParamRef | Unset): Pixels at the output height, default 4.
     """

    color: None | ParamRef | str | Unset = UNSET
    width: float | None | ParamRef | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.param_ref import ParamRef # noqa: PLC0415
        color: dict[str, Any] | None | str | Unset
        if isinstance(self.color, Unset):
            color = UNSET
        elif isinstance(self.color, ParamRef):
            color = self.color.to_dict()
        else:
            color = self.color

        width: dict[str, Any] | float | None | Unset
        if isinstance(self.width, Unset):
            width = UNSET
        elif isinstance(self.width, ParamRef):
            width = self.width.to_dict()
        else:
            width = self.width


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if color is not UNSET:
            field_dict["color"] = color
        if width is not UNSET:
            field_dict["width"] = width

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


        shape_stroke = cls(
            color=color,
            width=width,
        )

        return shape_stroke

