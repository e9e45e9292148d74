from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="LayerPlacementOffset")



@_attrs_define
class LayerPlacementOffset:
    """ Pixels from the anchor; positive `y` is down.

        Attributes:
            x (int | Unset):
            y (int | Unset):
     """

    x: int | Unset = UNSET
    y: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        x = self.x

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
        d = dict(src_dict)
        x = d.pop("x", UNSET)

        y = d.pop("y", UNSET)

        layer_placement_offset = cls(
            x=x,
            y=y,
        )

        return layer_placement_offset

