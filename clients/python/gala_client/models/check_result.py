from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.check_result_status import CheckResultStatus
from ..types import UNSET, Unset






T = TypeVar("T", bound="CheckResult")



@_attrs_define
class CheckResult:
    """ 
        Attributes:
            status (CheckResultStatus):
            detail (str | Unset):
            latency_ms (float | Unset):
     """

    status: CheckResultStatus
    detail: str | Unset = UNSET
    latency_ms: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        detail = self.detail

        latency_ms = self.latency_ms


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "status": status,
        })
        if detail is not UNSET:
            field_dict["detail"] = detail
        if latency_ms is not UNSET:
            field_dict["latency_ms"] = latency_ms

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = CheckResultStatus(d.pop("status"))




        detail = d.pop("detail", UNSET)

        latency_ms = d.pop("latency_ms", UNSET)

        check_result = cls(
            status=status,
            detail=detail,
            latency_ms=latency_ms,
        )


        check_result.additional_properties = d
        return check_result

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
