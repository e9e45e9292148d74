from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field
import json
from .. import types

from ..types import UNSET, Unset

from ..models.batch_upload_format import BatchUploadFormat
from ..types import File, FileTypes
from ..types import UNSET, Unset
from io import BytesIO






T = TypeVar("T", bound="BatchUpload")



@_attrs_define
class BatchUpload:
    """ The multipart form of a batch: the rows in `file`, the other fields of `BatchCreate` as
    text (numbers in decimal, `skip_invalid` as `true`/`false`, `options` and `labels` as JSON).

        Attributes:
            file (File): The rows: CSV with a header line, or JSONL (one object per line).
            template_id (str): A template id (a UUID).
            format_ (BatchUploadFormat | Unset): Default: `jsonl` for a `.jsonl`/`.ndjson` file name, else `csv`.
            template_version (str | Unset): A version number; absent means the latest.
            basename_column (str | Unset):
            concurrency (str | Unset): 1 to 32 (default 4).
            skip_invalid (str | Unset): `true` or `false` (the default).
            options (str | Unset): JSON text of `options`.
            labels (str | Unset): JSON text of `labels`.
     """

    file: File
    template_id: str
    format_: BatchUploadFormat | Unset = UNSET
    template_version: str | Unset = UNSET
    basename_column: str | Unset = UNSET
    concurrency: str | Unset = UNSET
    skip_invalid: str | Unset = UNSET
    options: str | Unset = UNSET
    labels: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        file = self.file.to_tuple()


        template_id = self.template_id

        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_.value


        template_version = self.template_version

        basename_column = self.basename_column

        concurrency = self.concurrency

        skip_invalid = self.skip_invalid

        options = self.options

        labels = self.labels


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "file": file,
            "template_id": template_id,
        })
        if format_ is not UNSET:
            field_dict["format"] = format_
        if template_version is not UNSET:
            field_dict["template_version"] = template_version
        if basename_column is not UNSET:
            field_dict["basename_column"] = basename_column
        if concurrency is not UNSET:
            field_dict["concurrency"] = concurrency
        if skip_invalid is not UNSET:
            field_dict["skip_invalid"] = skip_invalid
        if options is not UNSET:
            field_dict["options"] = options
        if labels is not UNSET:
            field_dict["labels"] = labels

        return field_dict


    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("file", self.file.to_tuple()))



        files.append(("template_id", (None, str(self.template_id).encode(), "text/plain")))



        if not isinstance(self.format_, Unset):
            files.append(("format",  (None, str(self.format_.value).encode(), "text/plain")))



        if not isinstance(self.template_version, Unset):
            files.append(("template_version", (None, str(self.template_version).encode(), "text/plain")))



        if not isinstance(self.basename_column, Unset):
            files.append(("basename_column", (None, str(self.basename_column).encode(), "text/plain")))



        if not isinstance(self.concurrency, Unset):
            files.append(("concurrency", (None, str(self.concurrency).encode(), "text/plain")))



        if not isinstance(self.skip_invalid, Unset):
            files.append(("skip_invalid", (None, str(self.skip_invalid).encode(), "text/plain")))



        if not isinstance(self.options, Unset):
            files.append(("options", (None, str(self.options).encode(), "text/plain")))



        if not isinstance(self.labels, Unset):
            files.append(("labels", (None, str(self.labels).encode(), "text/plain")))




        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))



        return files


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file = File(
             payload = BytesIO(d.pop("file"))
        )




        template_id = d.pop("template_id")

        _format_ = d.pop("format", UNSET)
        format_: BatchUploadFormat | Unset
        if isinstance(_format_,  Unset):
            format_ = UNSET
        else:
            format_ = BatchUploadFormat(_format_)




        template_version = d.pop("template_version", UNSET)

        basename_column = d.pop("basename_column", UNSET)

        concurrency = d.pop("concurrency", UNSET)

        skip_invalid = d.pop("skip_invalid", UNSET)

        options = d.pop("options", UNSET)

        labels = d.pop("labels", UNSET)

        batch_upload = cls(
            file=file,
            template_id=template_id,
            format_=format_,
            template_version=template_version,
            basename_column=basename_column,
            concurrency=concurrency,
            skip_invalid=skip_invalid,
            options=options,
            labels=labels,
        )


        batch_upload.additional_properties = d
        return batch_upload

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
