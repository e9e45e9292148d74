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
  from ..models.batch_create_rows_item import BatchCreateRowsItem
  from ..models.batch_options import BatchOptions
  from ..models.labels import Labels





T = TypeVar("T", bound="BatchCreate")



@_attrs_define
class BatchCreate:
    """ 
        Attributes:
            template_id (UUID):
            rows (list[BatchCreateRowsItem]):
            template_version (int | None | Unset): The version to render; `null` or absent means the latest.
            options (BatchOptions | Unset): The options of every row's job (`basename` comes from `basename_column`).
            basename_column (str | Unset): The row field whose value names the row's outputs.
            concurrency (int | Unset): How many rows are dispatched at a time. Default: 4.
            skip_invalid (bool | Unset): Create the valid rows and report the others in `skipped`, instead of creating
                nothing. Default: False.
            labels (Labels | Unset): Free key/value labels for the client's own bookkeeping.
     """

    template_id: UUID
    rows: list[BatchCreateRowsItem]
    template_version: int | None | Unset = UNSET
    options: BatchOptions | Unset = UNSET
    basename_column: str | Unset = UNSET
    concurrency: int | Unset = 4
    skip_invalid: bool | Unset = False
    labels: Labels | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.batch_create_rows_item import BatchCreateRowsItem # noqa: PLC0415
        from ..models.batch_options import BatchOptions # noqa: PLC0415
        from ..models.labels import Labels # noqa: PLC0415
        template_id = str(self.template_id)

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)



        template_version: int | None | Unset
        if isinstance(self.template_version, Unset):
            template_version = UNSET
        else:
            template_version = self.template_version

        options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options.to_dict()

        basename_column = self.basename_column

        concurrency = self.concurrency

        skip_invalid = self.skip_invalid

        labels: dict[str, Any] | Unset = UNSET
        if not isinstance(self.labels, Unset):
            labels = self.labels.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "template_id": template_id,
            "rows": rows,
        })
        if template_version is not UNSET:
            field_dict["template_version"] = template_version
        if options is not UNSET:
            field_dict["options"] = options
        if basename_column is not UNSET:
            field_dict["basename_column"] = basename_column
        if concurrency is not UNSET:
            field_dict["concurrency"] = concurrency
        if skip_invalid is not UNSET:
            field_dict["skip_invalid"] = skip_invalid
        if labels is not UNSET:
            field_dict["labels"] = labels

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.batch_create_rows_item import BatchCreateRowsItem # noqa: PLC0415
        from ..models.batch_options import BatchOptions # noqa: PLC0415
        from ..models.labels import Labels # noqa: PLC0415
        d = dict(src_dict)
        template_id = UUID(d.pop("template_id"))




        rows = []
        _rows = d.pop("rows")
        for rows_item_data in (_rows):
            rows_item = BatchCreateRowsItem.from_dict(rows_item_data)



            rows.append(rows_item)


        def _parse_template_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        template_version = _parse_template_version(d.pop("template_version", UNSET))


        _options = d.pop("options", UNSET)
        options: BatchOptions | Unset
        if isinstance(_options,  Unset):
            options = UNSET
        else:
            options = BatchOptions.from_dict(_options)




        basename_column = d.pop("basename_column", UNSET)

        concurrency = d.pop("concurrency", UNSET)

        skip_invalid = d.pop("skip_invalid", UNSET)

        _labels = d.pop("labels", UNSET)
        labels: Labels | Unset
        if isinstance(_labels,  Unset):
            labels = UNSET
        else:
            labels = Labels.from_dict(_labels)




        batch_create = cls(
            template_id=template_id,
            rows=rows,
            template_version=template_version,
            options=options,
            basename_column=basename_column,
            concurrency=concurrency,
            skip_invalid=skip_invalid,
            labels=labels,
        )

        return batch_create

