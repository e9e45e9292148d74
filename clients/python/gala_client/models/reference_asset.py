from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.reference_role import ReferenceRole
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="ReferenceAsset")



@_attrs_define
class ReferenceAsset:
    """ 
        Attributes:
            asset_id (UUID):
            role (None | ReferenceRole | Unset): Its role in a `puppet` or `photo` model; null for an `avatar` model's
                references.
     """

    asset_id: UUID
    role: None | ReferenceRole | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        asset_id = str(self.asset_id)

        role: None | str | Unset
        if isinstance(self.role, Unset):
            role = UNSET
        elif isinstance(self.role, ReferenceRole):
            role = self.role.value
        else:
            role = self.role


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "asset_id": asset_id,
        })
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        asset_id = UUID(d.pop("asset_id"))




        def _parse_role(data: object) -> None | ReferenceRole | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                role_type_0 = ReferenceRole(data)



                return role_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReferenceRole | Unset, data)

        role = _parse_role(d.pop("role", UNSET))


        reference_asset = cls(
            asset_id=asset_id,
            role=role,
        )

        return reference_asset

