from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="KenBurnsPan")



@_attrs_define
class KenBurnsPan:
    """ `[x, y]`, each -1..1, a fraction of the room the zoom leaves. Default `[0, 0]` → `[0, 0]`.

        Attributes:
            from_ (list[float] | None | Unset):
            to (list[float] | None | Unset):
     """

    from_: list[float] | None | Unset = UNSET
    to: list[float] | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from_: list[float] | None | Unset
        if isinstance(self.from_, Unset):
            from_ = UNSET
        elif isinstance(self.from_, list):
            from_ = self.from_


        else:
            from_ = self.from_

        to: list[float] | None | Unset
        if isinstance(self.to, Unset):
            to = UNSET
        elif isinstance(self.to, list):
            to = self.to


        else:
            to = self.to


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if from_ is not UNSET:
            field_dict["from"] = from_
        if to is not UNSET:
            field_dict["to"] = to

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_from_(data: object) -> list[float] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_pan_point_type_0 = cast(list[float], data)

                return componentsschemas_pan_point_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float] | None | Unset, data)

        from_ = _parse_from_(d.pop("from", UNSET))


        def _parse_to(data: object) -> list[float] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_pan_point_type_0 = cast(list[float], data)

                return componentsschemas_pan_point_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float] | None | Unset, data)

        to = _parse_to(d.pop("to", UNSET))


        ken_burns_pan = cls(
            from_=from_,
            to=to,
        )

        return ken_burns_pan

