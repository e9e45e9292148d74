from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.ken_burns_pan import KenBurnsPan





T = TypeVar("T", bound="KenBurns")



@_attrs_define
class KenBurns:
    """ 
        Attributes:
            type_ (Literal['ken_burns']):
            zoom (list[float] | None | Unset): Magnification from, to (each 1..5). Default `[1, 1.2]`.
            pan (KenBurnsPan | None | Unset):
     """

    type_: Literal['ken_burns']
    zoom: list[float] | None | Unset = UNSET
    pan: KenBurnsPan | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.ken_burns_pan import KenBurnsPan # noqa: PLC0415
        type_ = self.type_

        zoom: list[float] | None | Unset
        if isinstance(self.zoom, Unset):
            zoom = UNSET
        elif isinstance(self.zoom, list):
            zoom = self.zoom


        else:
            zoom = self.zoom

        pan: dict[str, Any] | None | Unset
        if isinstance(self.pan, Unset):
            pan = UNSET
        elif isinstance(self.pan, KenBurnsPan):
            pan = self.pan.to_dict()
        else:
            pan = self.pan


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "type": type_,
        })
        if zoom is not UNSET:
            field_dict["zoom"] = zoom
        if pan is not UNSET:
            field_dict["pan"] = pan

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ken_burns_pan import KenBurnsPan # noqa: PLC0415
        d = dict(src_dict)
        type_ = cast(Literal['ken_burns'] , d.pop("type"))
        if type_ != 'ken_burns':
            raise ValueError(f"type must match const 'ken_burns', got '{type_}'")

        def _parse_zoom(data: object) -> list[float] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                zoom_type_0 = cast(list[float], data)

                return zoom_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float] | None | Unset, data)

        zoom = _parse_zoom(d.pop("zoom", UNSET))


        def _parse_pan(data: object) -> KenBurnsPan | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                pan_type_0 = KenBurnsPan.from_dict(data)



                return pan_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(KenBurnsPan | None | Unset, data)

        pan = _parse_pan(d.pop("pan", UNSET))


        ken_burns = cls(
            type_=type_,
            zoom=zoom,
            pan=pan,
        )

        return ken_burns

