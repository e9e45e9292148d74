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
  from ..models.job_create_params import JobCreateParams
  from ..models.job_options import JobOptions
  from ..models.labels import Labels





T = TypeVar("T", bound="JobCreate")



@_attrs_define
class JobCreate:
    """ 
        Attributes:
            template_id (UUID):
            template_version (int | None | Unset): The version to render; `null` or absent means the latest.
            params (JobCreateParams | Unset): Values for the template's parameters.
            options (JobOptions | Unset):
            labels (Labels | Unset): Free key/value labels for the client's own bookkeeping.
     """

    template_id: UUID
    template_version: int | None | Unset = UNSET
    params: JobCreateParams | Unset = UNSET
    options: JobOptions | Unset = UNSET
    labels: Labels | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.job_create_params import JobCreateParams # noqa: PLC0415
        from ..models.job_options import JobOptions # noqa: PLC0415
        from ..models.labels import Labels # noqa: PLC0415
        template_id = str(self.template_id)

        template_version: int | None | Unset
        if isinstance(self.template_version, Unset):
            template_version = UNSET
        else:
            template_version = self.template_version

        params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.params, Unset):
            params = self.params.to_dict()

        options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options.to_dict()

        labels: dict[str, Any] | Unset = UNSET
        if not isinstance(self.labels, Unset):
            labels = self.labels.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "template_id": template_id,
        })
        if template_version is not UNSET:
            field_dict["template_version"] = template_version
        if params is not UNSET:
            field_dict["params"] = params
        if options is not UNSET:
            field_dict["options"] = options
        if labels is not UNSET:
            field_dict["labels"] = labels

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.job_create_params import JobCreateParams # noqa: PLC0415
        from ..models.job_options import JobOptions # noqa: PLC0415
        from ..models.labels import Labels # noqa: PLC0415
        d = dict(src_dict)
        template_id = UUID(d.pop("template_id"))




        def _parse_template_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        template_version = _parse_template_version(d.pop("template_version", UNSET))


        _params = d.pop("params", UNSET)
        params: JobCreateParams | Unset
        if isinstance(_params,  Unset):
            params = UNSET
        else:
            params = JobCreateParams.from_dict(_params)




        _options = d.pop("options", UNSET)
        options: JobOptions | Unset
        if isinstance(_options,  Unset):
            options = UNSET
        else:
            options = JobOptions.from_dict(_options)




        _labels = d.pop("labels", UNSET)
        labels: Labels | Unset
        if isinstance(_labels,  Unset):
            labels = UNSET
        else:
            labels = Labels.from_dict(_labels)




        job_create = cls(
            template_id=template_id,
            template_version=template_version,
            params=params,
            options=options,
            labels=labels,
        )

        return job_create

