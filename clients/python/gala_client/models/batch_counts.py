from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="BatchCounts")



@_attrs_define
class BatchCounts:
    """ 
        Attributes:
            queued (int):
            rendering (int):
            uploading (int):
            done (int):
            failed (int):
            canceled (int):
     """

    queued: int
    rendering: int
    uploading: int
    done: int
    failed: int
    canceled: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        queued = self.queued

        rendering = self.rendering

        uploading = self.uploading

        done = self.done

        failed = self.failed

        canceled = self.canceled


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "queued": queued,
            "rendering": rendering,
            "uploading": uploading,
            "done": done,
            "failed": failed,
            "canceled": canceled,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        queued = d.pop("queued")

        rendering = d.pop("rendering")

        uploading = d.pop("uploading")

        done = d.pop("done")

        failed = d.pop("failed")

        canceled = d.pop("canceled")

        batch_counts = cls(
            queued=queued,
            rendering=rendering,
            uploading=uploading,
            done=done,
            failed=failed,
            canceled=canceled,
        )


        batch_counts.additional_properties = d
        return batch_counts

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
