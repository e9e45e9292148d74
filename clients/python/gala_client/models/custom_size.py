from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.param_ref import ParamRef





T = TypeVar("T", bound="CustomSize")



@_attrs_define
class CustomSize:
    """ 
        Attributes:
            width (int | ParamRef):
            height (int | ParamRef):
     """

    width: int | ParamRef
    height: int | ParamRef





    def to_dict(self) -> dict[str, Any]:
        from ..models.param_ref import ParamRef # noqa: PLC0415
        width: dict[str, Any] | int
        if isinstance(self.width, ParamRef):
            width = self.width.to_dict()
        else:
            width = self.width

        height: dict[str, Any] | int
        if isinstance(self.height, ParamRef):
            height = self.height.to_dict()
        else:
            height = self.height


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "width": width,
            "height": height,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.param_ref import ParamRef # noqa: PLC0415
        d = dict(src_dict)
        def _parse_width(data: object) -> int | ParamRef:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                width_type_1 = ParamRef.from_dict(data)



                return width_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | ParamRef, data)

        width = _parse_width(d.pop("width"))


        def _parse_height(data: object) -> int | ParamRef:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                height_type_1 = ParamRef.from_dict(data)



                return height_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | ParamRef, data)

        height = _parse_height(d.pop("height"))


        custom_size = cls(
            width=width,
            height=height,
        )

        return custom_size

