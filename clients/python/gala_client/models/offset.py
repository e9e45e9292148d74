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





T = TypeVar("T", bound="Offset")



@_attrs_define
class Offset:
    """ Fractions of the frame width/height; `y` grows downwards.

        Attributes:
            x (float | None | ParamRef | Unset):
            y (float | None | ParamRef | Unset):
     """

    x: float | None | ParamRef | Unset = UNSET
    y: float | None | ParamRef | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.param_ref import ParamRef # noqa: PLC0415
        x: dict[str, Any] | float | None | Unset
        if isinstance(self.x, Unset):
            x = UNSET
        elif isinstance(self.x, ParamRef):
            x = self.x.to_dict()
        else:
            x = self.x

        y: dict[str, Any] | float | None | Unset
        if isinstance(self.y, Unset):
            y = UNSET
        elif isinstance(self.y, ParamRef):
            y = self.y.to_dict()
        else:
            y = self.y


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if x is not UNSET:
            field_dict["x"] = x
        if y is not UNSET:
            field_dict["y"] = y

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.param_ref import ParamRef # noqa: PLC0415
        d = dict(src_dict)
        def _parse_x(data: object) -> float | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                x_type_1 = ParamRef.from_dict(data)



                return x_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | None | ParamRef | Unset, data)

        x = _parse_x(d.pop("x", UNSET))


        def _parse_y(data: object) -> float | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                y_type_1 = ParamRef.from_dict(data)



                return y_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | None | ParamRef | Unset, data)

        y = _parse_y(d.pop("y", UNSET))


        offset = cls(
            x=x,
            y=y,
        )

        return offset

