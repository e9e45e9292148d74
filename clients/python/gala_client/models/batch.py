from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.batch_status import BatchStatus
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.batch_counts import BatchCounts
  from ..models.batch_options import BatchOptions
  from ..models.labels import Labels
  from ..models.skipped_row import SkippedRow





T = TypeVar("T", bound="Batch")



@_attrs_define
class Batch:
    """ 
        Attributes:
            id (UUID):
            template_id (UUID):
            template_version (int):
            options (BatchOptions): The options of every row's job (`basename` comes from `basename_column`).
            basename_column (None | str):
            labels (Labels): Free key/value labels for the client's own bookkeeping.
            status (BatchStatus): `running` until every row has ended; then `done` (all done), `failed` (some failed) or
                `canceled`.
            rows (int):
            concurrency (int):
            counts (BatchCounts):
            progress (float): Percent of the rows' work done.
            eta_seconds (float | None): Seconds left at the rate so far (0 once ended; null before any progress).
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
            finished_at (datetime.datetime | None):
            skipped (list[SkippedRow] | Unset): Only in the answer to a create with `skip_invalid`; the rows not created and
                why.
     """

    id: UUID
    template_id: UUID
    template_version: int
    options: BatchOptions
    basename_column: None | str
    labels: Labels
    status: BatchStatus
    rows: int
    concurrency: int
    counts: BatchCounts
    progress: float
    eta_seconds: float | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    finished_at: datetime.datetime | None
    skipped: list[SkippedRow] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.batch_counts import BatchCounts # noqa: PLC0415
        from ..models.batch_options import BatchOptions # noqa: PLC0415
        from ..models.labels import Labels # noqa: PLC0415
        from ..models.skipped_row import SkippedRow # noqa: PLC0415
        id = str(self.id)

        template_id = str(self.template_id)

        template_version = self.template_version

        options = self.options.to_dict()

        basename_column: None | str
        basename_column = self.basename_column

        labels = self.labels.to_dict()

        status = self.status.value

        rows = self.rows

        concurrency = self.concurrency

        counts = self.counts.to_dict()

        progress = self.progress

        eta_seconds: float | None
        eta_seconds = self.eta_seconds

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        skipped: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.skipped, Unset):
            skipped = []
            for skipped_item_data in self.skipped:
                skipped_item = skipped_item_data.to_dict()
                skipped.append(skipped_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "template_id": template_id,
            "template_version": template_version,
            "options": options,
            "basename_column": basename_column,
            "labels": labels,
            "status": status,
            "rows": rows,
            "concurrency": concurrency,
            "counts": counts,
            "progress": progress,
            "eta_seconds": eta_seconds,
            "created_at": created_at,
            "updated_at": updated_at,
            "finished_at": finished_at,
        })
        if skipped is not UNSET:
            field_dict["skipped"] = skipped

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.batch_counts import BatchCounts # noqa: PLC0415
        from ..models.batch_options import BatchOptions # noqa: PLC0415
        from ..models.labels import Labels # noqa: PLC0415
        from ..models.skipped_row import SkippedRow # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        template_id = UUID(d.pop("template_id"))




        template_version = d.pop("template_version")

        options = BatchOptions.from_dict(d.pop("options"))




        def _parse_basename_column(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        basename_column = _parse_basename_column(d.pop("basename_column"))


        labels = Labels.from_dict(d.pop("labels"))




        status = BatchStatus(d.pop("status"))




        rows = d.pop("rows")

        concurrency = d.pop("concurrency")

        counts = BatchCounts.from_dict(d.pop("counts"))




        progress = d.pop("progress")

        def _parse_eta_seconds(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        eta_seconds = _parse_eta_seconds(d.pop("eta_seconds"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)



                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))


        _skipped = d.pop("skipped", UNSET)
        skipped: list[SkippedRow] | Unset = UNSET
        if _skipped is not UNSET:
            skipped = []
            for skipped_item_data in _skipped:
                skipped_item = SkippedRow.from_dict(skipped_item_data)



                skipped.append(skipped_item)


        batch = cls(
            id=id,
            template_id=template_id,
            template_version=template_version,
            options=options,
            basename_column=basename_column,
            labels=labels,
            status=status,
            rows=rows,
            concurrency=concurrency,
            counts=counts,
            progress=progress,
            eta_seconds=eta_seconds,
            created_at=created_at,
            updated_at=updated_at,
            finished_at=finished_at,
            skipped=skipped,
        )


        batch.additional_properties = d
        return batch

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
