from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.api_key_scope import ApiKeyScope
from ..types import UNSET, Unset






T = TypeVar("T", bound="ApiKeyCreate")



@_attrs_define
class ApiKeyCreate:
    """ 
        Attributes:
            scope (ApiKeyScope): A level; each includes the ones before it (an admin key can also write and read).
            name (str | Unset): What the key is for. Default: ''.
     """

    scope: ApiKeyScope
    name: str | Unset = ''





    def to_dict(self) -> dict[str, Any]:
        scope = self.scope.value

        name = self.name


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "scope": scope,
        })
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        scope = ApiKeyScope(d.pop("scope"))




        name = d.pop("name", UNSET)

        api_key_create = cls(
            scope=scope,
            name=name,
        )

        return api_key_create

