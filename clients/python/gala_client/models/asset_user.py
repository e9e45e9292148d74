from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.asset_user_type import AssetUserType
from ..types import UNSET, Unset
from uuid import UUID






T = TypeVar("T", bound="AssetUser")



@_attrs_define
class AssetUser:
    """ 
        Attributes:
            type_ (AssetUserType):
            id (UUID):
            detail (str):
            version (int | Unset): For templates: the version that uses the asset.
            pointer (str | Unset): Where the asset id is, in the template version or the job.
     """

    type_: AssetUserType
    id: UUID
    detail: str
    version: int | Unset = UNSET
    pointer: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        id = str(self.id)

        detail = self.detail

        version = self.version

        pointer = self.pointer


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "type": type_,
            "id": id,
            "detail": detail,
        })
        if version is not UNSET:
            field_dict["version"] = version
        if pointer is not UNSET:
            field_dict["pointer"] = pointer

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = AssetUserType(d.pop("type"))




        id = UUID(d.pop("id"))




        detail = d.pop("detail")

        version = d.pop("version", UNSET)

        pointer = d.pop("pointer", UNSET)

        asset_user = cls(
            type_=type_,
            id=id,
            detail=detail,
            version=version,
            pointer=pointer,
        )


        asset_user.additional_properties = d
        return asset_user

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
