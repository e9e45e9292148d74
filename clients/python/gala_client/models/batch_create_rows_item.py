from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.batch_create_rows_item_params import BatchCreateRowsItemParams





T = TypeVar("T", bound="BatchCreateRowsItem")



@_attrs_define
class BatchCreateRowsItem:
    """ 
        Attributes:
            params (BatchCreateRowsItemParams | Unset): Values for the template's parameters.
     """

    params: BatchCreateRowsItemParams | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.batch_create_rows_item_params import BatchCreateRowsItemParams # noqa: PLC0415
        params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.params, Unset):
            params = self.params.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if params is not UNSET:
            field_dict["params"] = params

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.batch_create_rows_item_params import BatchCreateRowsItemParams # noqa: PLC0415
        d = dict(src_dict)
        _params = d.pop("params", UNSET)
        params: BatchCreateRowsItemParams | Unset
        if isinstance(_params,  Unset):
            params = UNSET
        else:
            params = BatchCreateRowsItemParams.from_dict(_params)




        batch_create_rows_item = cls(
            params=params,
        )

        return batch_create_rows_item

