from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.layer_placement_position import LayerPlacementPosition
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.layer_placement_offset import LayerPlacementOffset





T = TypeVar("T", bound="LayerPlacement")



@_attrs_define
class LayerPlacement:
    """ 
        Attributes:
            name (str | Unset): A label for editors; not rendered.
            id (str | Unset): A label for editors; not rendered.
            position (LayerPlacementPosition | Unset):
            offset (LayerPlacementOffset | Unset): Pixels from the anchor; positive `y` is down.
            opacity (float | Unset):
     """

    name: str | Unset = UNSET
    id: str | Unset = UNSET
    position: LayerPlacementPosition | Unset = UNSET
    offset: LayerPlacementOffset | Unset = UNSET
    opacity: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.layer_placement_offset import LayerPlacementOffset # noqa: PLC0415
        name = self.name

        id = self.id

        position: str | Unset = UNSET
        if not isinstance(self.position, Unset):
            position = self.position.value


        offset: dict[str, Any] | Unset = UNSET
        if not isinstance(self.offset, Unset):
            offset = self.offset.to_dict()

        opacity = self.opacity


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if name is not UNSET:
            field_dict["name"] = name
        if id is not UNSET:
            field_dict["id"] = id
        if position is not UNSET:
            field_dict["position"] = position
        if offset is not UNSET:
            field_dict["offset"] = offset
        if opacity is not UNSET:
            field_dict["opacity"] = opacity

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.layer_placement_offset import LayerPlacementOffset # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        id = d.pop("id", UNSET)

        _position = d.pop("position", UNSET)
        position: LayerPlacementPosition | Unset
        if isinstance(_position,  Unset):
            position = UNSET
        else:
            position = LayerPlacementPosition(_position)




        _offset = d.pop("offset", UNSET)
        offset: LayerPlacementOffset | Unset
        if isinstance(_offset,  Unset):
            offset = UNSET
        else:
            offset = LayerPlacementOffset.from_dict(_offset)




        opacity = d.pop("opacity", UNSET)

        layer_placement = cls(
            name=name,
            id=id,
            position=position,
            offset=offset,
            opacity=opacity,
        )


        layer_placement.additional_properties = d
        return layer_placement

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
