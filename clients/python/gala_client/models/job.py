from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.job_status import JobStatus
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.job_error_type_0 import JobErrorType0
  from ..models.job_options import JobOptions
  from ..models.job_params import JobParams
  from ..models.labels import Labels





T = TypeVar("T", bound="Job")



@_attrs_define
class Job:
    """ 
        Attributes:
            id (UUID):
            template_id (UUID):
            template_version (int):
            params (JobParams):
            options (JobOptions):
            status (JobStatus): `queued → rendering → uploading → done`; or `failed` / `canceled`.
            stage (None | str): What the worker is doing now.
            progress (int):
            error (JobErrorType0 | None):
            output_asset_ids (list[UUID]):
            attempts (int):
            labels (Labels): Free key/value labels for the client's own bookkeeping.
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
            started_at (datetime.datetime | None):
            finished_at (datetime.datetime | None):
            eta_seconds (float | None | Unset): Seconds left at the rate so far (0 once ended; null while queued or before
                any progress).
            batch_id (None | Unset | UUID): The batch this job is a row of.
            batch_row (int | None | Unset): Its row in the batch (from 0).
     """

    id: UUID
    template_id: UUID
    template_version: int
    params: JobParams
    options: JobOptions
    status: JobStatus
    stage: None | str
    progress: int
    error: JobErrorType0 | None
    output_asset_ids: list[UUID]
    attempts: int
    labels: Labels
    created_at: datetime.datetime
    updated_at: datetime.datetime
    started_at: datetime.datetime | None
    finished_at: datetime.datetime | None
    eta_seconds: float | None | Unset = UNSET
    batch_id: None | Unset | UUID = UNSET
    batch_row: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.job_error_type_0 import JobErrorType0 # noqa: PLC0415
        from ..models.job_options import JobOptions # noqa: PLC0415
        from ..models.job_params import JobParams # noqa: PLC0415
        from ..models.labels import Labels # noqa: PLC0415
        id = str(self.id)

        template_id = str(self.template_id)

        template_version = self.template_version

        params = self.params.to_dict()

        options = self.options.to_dict()

        status = self.status.value

        stage: None | str
        stage = self.stage

        progress = self.progress

        error: dict[str, Any] | None
        if isinstance(self.error, JobErrorType0):
            error = self.error.to_dict()
        else:
            error = self.error

        output_asset_ids = []
        for output_asset_ids_item_data in self.output_asset_ids:
            output_asset_ids_item = str(output_asset_ids_item_data)
            output_asset_ids.append(output_asset_ids_item)



        attempts = self.attempts

        labels = self.labels.to_dict()

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

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
            "id": id,
            "template_id": template_id,
            "template_version": template_version,
            "params": params,
            "options": options,
            "status": status,
            "stage": stage,
            "progress": progress,
            "error": error,
            "output_asset_ids": output_asset_ids,
            "attempts": attempts,
            "labels": labels,
            "created_at": created_at,
            "updated_at": updated_at,
            "started_at": started_at,
            "finished_at": finished_at,
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
        from ..models.job_error_type_0 import JobErrorType0 # noqa: PLC0415
        from ..models.job_options import JobOptions # noqa: PLC0415
        from ..models.job_params import JobParams # noqa: PLC0415
        from ..models.labels import Labels # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        template_id = UUID(d.pop("template_id"))




        template_version = d.pop("template_version")

        params = JobParams.from_dict(d.pop("params"))




        options = JobOptions.from_dict(d.pop("options"))




        status = JobStatus(d.pop("status"))




        def _parse_stage(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        stage = _parse_stage(d.pop("stage"))


        progress = d.pop("progress")

        def _parse_error(data: object) -> JobErrorType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_job_error_type_0 = JobErrorType0.from_dict(data)



                return componentsschemas_job_error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobErrorType0 | None, data)

        error = _parse_error(d.pop("error"))


        output_asset_ids = []
        _output_asset_ids = d.pop("output_asset_ids")
        for output_asset_ids_item_data in (_output_asset_ids):
            output_asset_ids_item = UUID(output_asset_ids_item_data)



            output_asset_ids.append(output_asset_ids_item)


        attempts = d.pop("attempts")

        labels = Labels.from_dict(d.pop("labels"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)



                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))


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


        job = cls(
            id=id,
            template_id=template_id,
            template_version=template_version,
            params=params,
            options=options,
            status=status,
            stage=stage,
            progress=progress,
            error=error,
            output_asset_ids=output_asset_ids,
            attempts=attempts,
            labels=labels,
            created_at=created_at,
            updated_at=updated_at,
            started_at=started_at,
            finished_at=finished_at,
            eta_seconds=eta_seconds,
            batch_id=batch_id,
            batch_row=batch_row,
        )


        job.additional_properties = d
        return job

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
