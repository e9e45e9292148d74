from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.template_preview_params import TemplatePreviewParams





T = TypeVar("T", bound="TemplatePreview")



@_attrs_define
class TemplatePreview:
    """ 
        Attributes:
            t (float): Seconds on the composition's timeline (past the end shows the last frame).
            params (TemplatePreviewParams | Unset): Values for the template's parameters, as for a job.
            version (int | None | Unset): The version to preview; `null` or absent means the latest.
            width (int | Unset): Width of the JPEG in pixels (the height follows the composition's aspect). Default: 640.
     """

    t: float
    params: TemplatePreviewParams | Unset = UNSET
    version: int | None | Unset = UNSET
    width: int | Unset = 640





    def to_dict(self) -> dict[str, Any]:
        from ..models.template_preview_params import TemplatePreviewParams # noqa: PLC0415
        t = self.t

        params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.params, Unset):
            params = self.params.to_dict()

        version: int | None | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version

        width = self.width


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "t": t,
        })
        if params is not UNSET:
            field_dict["params"] = params
        if version is not UNSET:
            field_dict["version"] = version
        if width is not UNSET:
            field_dict["width"] = width

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.template_preview_params import TemplatePreviewParams # noqa: PLC0415
        d = dict(src_dict)
        t = d.pop("t")

        _params = d.pop("params", UNSET)
        params: TemplatePreviewParams | Unset
        if isinstance(_params,  Unset):
            params = UNSET
        else:
            params = TemplatePreviewParams.from_dict(_params)




        def _parse_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version = _parse_version(d.pop("version", UNSET))


        width = d.pop("width", UNSET)

        template_preview = cls(
            t=t,
            params=params,
            version=version,
            width=width,
        )

        return template_preview

