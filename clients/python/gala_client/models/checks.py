from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.check_result import CheckResult





T = TypeVar("T", bound="Checks")



@_attrs_define
class Checks:
    """ 
        Attributes:
            database (CheckResult):
            broker (CheckResult):
            storage (CheckResult):
     """

    database: CheckResult
    broker: CheckResult
    storage: CheckResult
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.check_result import CheckResult # noqa: PLC0415
        database = self.database.to_dict()

        broker = self.broker.to_dict()

        storage = self.storage.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "database": database,
            "broker": broker,
            "storage": storage,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.check_result import CheckResult # noqa: PLC0415
        d = dict(src_dict)
        database = CheckResult.from_dict(d.pop("database"))




        broker = CheckResult.from_dict(d.pop("broker"))




        storage = CheckResult.from_dict(d.pop("storage"))




        checks = cls(
            database=database,
            broker=broker,
            storage=storage,
        )


        checks.additional_properties = d
        return checks

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
