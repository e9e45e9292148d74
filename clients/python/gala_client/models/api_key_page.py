from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.api_key import ApiKey





T = TypeVar("T", bound="ApiKeyPage")



@_attrs_define
class ApiKeyPage:
    """ 
        Attributes:
            items (list[ApiKey]):
            next_cursor (None | str): Pass as `cursor` to get the next page; `null` on the last page.
            eta_seconds (float | None | Unset): Seconds left at the rate so far (0 once ended; null while queued or before
                any progress).
            batch_id (None | Unset | UUID): The batch this job is a row of.
            batch_row (int | None | Unset): Its row in the batch (from 0).
     """

    items: list[ApiKey]
    next_cursor: None | str
    eta_seconds: float | None | Unset = UNSET
    batch_id: None | Unset | UUID = UNSET
    batch_row: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.api_key import ApiKey # noqa: PLC0415
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)



        next_cursor: None | str
        next_cursor = self.next_cursor

        eta_seconds: float | None | Unset
        if isinstance(self.eta_seconds, Unset):
            eta_seconds = UNSET
        else:
            eta_seconds = self.eta_seconds

        batch_id: None | str | Unset
        if isinstance(self.batch_id, Unset):
            batch_id = UNSET
        elif isinstance(self.batch_id, UUID):
            batch_id = str(self.batch_id)
        else:
            batch_id = self.batch_id

        batch_row: int | None | Unset
        if isinstance(self.batch_row, Unset):
            batch_row = UNSET
        else:
            batch_row = self.batch_row


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "items": items,
            "next_cursor": next_cursor,
        })
        if eta_seconds is not UNSET:
            field_dict["eta_seconds"] = eta_seconds
        if batch_id is not UNSET:
            field_dict["batch_id"] = batch_id
        if batch_row is not UNSET:
            field_dict["batch_row"] = batch_row

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.api_key import ApiKey # noqa: PLC0415
        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = ApiKey.from_dict(items_item_data)



            items.append(items_item)


        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))


        def _parse_eta_seconds(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        eta_seconds = _parse_eta_seconds(d.pop("eta_seconds", UNSET))


        def _parse_batch_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                batch_id_type_0 = UUID(data)



                return batch_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        batch_id = _parse_batch_id(d.pop("batch_id", UNSET))


        def _parse_batch_row(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        batch_row = _parse_batch_row(d.pop("batch_row", UNSET))


        api_key_page = cls(
            items=items,
            next_cursor=next_cursor,
            eta_seconds=eta_seconds,
            batch_id=batch_id,
            batch_row=batch_row,
        )


        api_key_page.additional_properties = d
        return api_key_page

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
