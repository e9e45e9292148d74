from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="BatchOptions")



@_attrs_define
class BatchOptions:
    """ The options of every row's job (`basename` comes from `basename_column`).

        Attributes:
            draft (bool | Unset):  Default: False.
     """

    draft: bool | Unset = False





    def to_dict(self) -> dict[str, Any]:
        draft = self.draft


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if draft is not UNSET:
            field_dict["draft"] = draft

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        draft = d.pop("draft", UNSET)

        batch_options = cls(
            draft=draft,
        )

        return batch_options

