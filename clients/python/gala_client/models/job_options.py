from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="JobOptions")



@_attrs_define
class JobOptions:
    """ 
        Attributes:
            basename (str | Unset): File name stem of the outputs (`<basename>.mp4`, `<basename>.jpg`). Default: 'output'.
            draft (bool | Unset): Render a fast low-resolution draft: the composition's `output.quality` becomes `draft`
                (half size, fast encoder settings).
                 Default: False.
     """

    basename: str | Unset = 'output'
    draft: bool | Unset = False





    def to_dict(self) -> dict[str, Any]:
        basename = self.basename

        draft = self.draft


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if basename is not UNSET:
            field_dict["basename"] = basename
        if draft is not UNSET:
            field_dict["draft"] = draft

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        basename = d.pop("basename", UNSET)

        draft = d.pop("draft", UNSET)

        job_options = cls(
            basename=basename,
            draft=draft,
        )

        return job_options

