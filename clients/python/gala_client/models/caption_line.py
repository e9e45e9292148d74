from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="CaptionLine")



@_attrs_define
class CaptionLine:
    """ 
        Attributes:
            start (float):
            end (float): After `start`.
            text (str):
     """

    start: float
    end: float
    text: str





    def to_dict(self) -> dict[str, Any]:
        start = self.start

        end = self.end

        text = self.text


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "start": start,
            "end": end,
            "text": text,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        start = d.pop("start")

        end = d.pop("end")

        text = d.pop("text")

        caption_line = cls(
            start=start,
            end=end,
            text=text,
        )

        return caption_line

