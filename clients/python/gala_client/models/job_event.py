from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.event_kind import EventKind
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.job_event_batch import JobEventBatch
  from ..models.job_event_data_type_0 import JobEventDataType0





T = TypeVar("T", bound="JobEvent")



@_attrs_define
class JobEvent:
    """ The JSON `data` of each event of `GET /jobs/{job_id}/events` and
    `GET /batches/{batch_id}/events` (the SSE `event` field is its `kind`, the SSE `id` its
    `id`). A batch's own events (`batch.*`) carry the batch's id as `job_id` and `batch_id`,
    and the batch's status as `status`.

        Attributes:
            id (int): Its outbox id, in commit order: send it back as `Last-Event-ID`.
            kind (EventKind): What happened to a job (`progress` every 10 %; `dispatched`: its message was re-sent;
                `retried`: queued again), or to a batch (`batch.*`). gala.jobs.events.EventKind owns
                the list; tests/api/test_sse.py checks this enum against it.
            job_id (UUID):
            batch_id (None | UUID):
            status (str): The job's status after the event (a `JobStatus`), or the batch's (a `BatchStatus`).
            stage (None | str): The job's stage after the event, while one runs.
            progress (int):
            attempt (int):
            data (JobEventDataType0 | None): The event's details (an error's code and message, a batch's counts, ...).
            at (datetime.datetime):
            eta_seconds (float | None | Unset): Job streams: seconds left, from the progress rate; null while it cannot be
                told.
            batch (JobEventBatch | Unset): Batch streams, on every event of the batch's rows too.
     """

    id: int
    kind: EventKind
    job_id: UUID
    batch_id: None | UUID
    status: str
    stage: None | str
    progress: int
    attempt: int
    data: JobEventDataType0 | None
    at: datetime.datetime
    eta_seconds: float | None | Unset = UNSET
    batch: JobEventBatch | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.job_event_batch import JobEventBatch # noqa: PLC0415
        from ..models.job_event_data_type_0 import JobEventDataType0 # noqa: PLC0415
        id = self.id

        kind = self.kind.value

        job_id = str(self.job_id)

        batch_id: None | str
        if isinstance(self.batch_id, UUID):
            batch_id = str(self.batch_id)
        else:
            batch_id = self.batch_id

        status = self.status

        stage: None | str
        stage = self.stage

        progress = self.progress

        attempt = self.attempt

        data: dict[str, Any] | None
        if isinstance(self.data, JobEventDataType0):
            data = self.data.to_dict()
        else:
            data = self.data

        at = self.at.isoformat()

        eta_seconds: float | None | Unset
        if isinstance(self.eta_seconds, Unset):
            eta_seconds = UNSET
        else:
            eta_seconds = self.eta_seconds

        batch: dict[str, Any] | Unset = UNSET
        if not isinstance(self.batch, Unset):
            batch = self.batch.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "kind": kind,
            "job_id": job_id,
            "batch_id": batch_id,
            "status": status,
            "stage": stage,
            "progress": progress,
            "attempt": attempt,
            "data": data,
            "at": at,
        })
        if eta_seconds is not UNSET:
            field_dict["eta_seconds"] = eta_seconds
        if batch is not UNSET:
            field_dict["batch"] = batch

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.job_event_batch import JobEventBatch # noqa: PLC0415
        from ..models.job_event_data_type_0 import JobEventDataType0 # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        kind = EventKind(d.pop("kind"))




        job_id = UUID(d.pop("job_id"))




        def _parse_batch_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                batch_id_type_0 = UUID(data)



                return batch_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        batch_id = _parse_batch_id(d.pop("batch_id"))


        status = d.pop("status")

        def _parse_stage(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        stage = _parse_stage(d.pop("stage"))


        progress = d.pop("progress")

        attempt = d.pop("attempt")

        def _parse_data(data: object) -> JobEventDataType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_0 = JobEventDataType0.from_dict(data)



                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobEventDataType0 | None, data)

        data = _parse_data(d.pop("data"))


        at = datetime.datetime.fromisoformat(d.pop("at"))




        def _parse_eta_seconds(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        eta_seconds = _parse_eta_seconds(d.pop("eta_seconds", UNSET))


        _batch = d.pop("batch", UNSET)
        batch: JobEventBatch | Unset
        if isinstance(_batch,  Unset):
            batch = UNSET
        else:
            batch = JobEventBatch.from_dict(_batch)




        job_event = cls(
            id=id,
            kind=kind,
            job_id=job_id,
            batch_id=batch_id,
            status=status,
            stage=stage,
            progress=progress,
            attempt=attempt,
            data=data,
            at=at,
            eta_seconds=eta_seconds,
            batch=batch,
        )


        job_event.additional_properties = d
        return job_event

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
