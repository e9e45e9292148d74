from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.batch_counts import BatchCounts





T = TypeVar("T", bound="JobEventBatch")



@_attrs_define
class JobEventBatch:
    """ Batch streams, on every event of the batch's rows too.

        Attributes:
            progress (int):
            eta_seconds (float | None):
            counts (BatchCounts):
     """

    progress: int
    eta_seconds: float | None
    counts: BatchCounts
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.batch_counts import BatchCounts # noqa: PLC0415
        progress = self.progress

        eta_seconds: float | None
        eta_seconds = self.eta_seconds

        counts = self.counts.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "progress": progress,
            "eta_seconds": eta_seconds,
            "counts": counts,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.batch_counts import BatchCounts # noqa: PLC0415
        d = dict(src_dict)
        progress = d.pop("progress")

        def _parse_eta_seconds(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        eta_seconds = _parse_eta_seconds(d.pop("eta_seconds"))


        counts = BatchCounts.from_dict(d.pop("counts"))




        job_event_batch = cls(
            progress=progress,
            eta_seconds=eta_seconds,
            counts=counts,
        )


        job_event_batch.additional_properties = d
        return job_event_batch

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
