from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ParamRef")



@_attrs_define
class ParamRef:
    """ A placeholder for the parameter named by `$param`. It is replaced by the parameter's
    value, keeping its JSON type: a number stays a number.

        Attributes:
            param (str):
     """

    param: str





    def to_dict(self) -> dict[str, Any]:
        param = self.param


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "$param": param,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        param = d.pop("$param")

        param_ref = cls(
            param=param,
        )

        return param_ref

