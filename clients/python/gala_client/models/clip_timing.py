from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.clip_length_type_1 import ClipLengthType1
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.param_ref import ParamRef





T = TypeVar("T", bound="ClipTiming")



@_attrs_define
class ClipTiming:
    """ 
        Attributes:
            name (None | str | Unset): A label, for people.
            start (float | None | ParamRef | Unset):
            length (ClipLengthType1 | float | None | ParamRef | Unset): Seconds (> 0), `"end"` (until the video ends) or
                `"auto"` (the media's length after
                trimming; `video`, `captions`, `avatar`, `audio`, `speech`). Default `"auto"` for those, `"end"` otherwise.
     """

    name: None | str | Unset = UNSET
    start: float | None | ParamRef | Unset = UNSET
    length: ClipLengthType1 | float | None | ParamRef | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.param_ref import ParamRef # noqa: PLC0415
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        start: dict[str, Any] | float | None | Unset
        if isinstance(self.start, Unset):
            start = UNSET
        elif isinstance(self.start, ParamRef):
            start = self.start.to_dict()
        else:
            start = self.start

        length: dict[str, Any] | float | None | str | Unset
        if isinstance(self.length, Unset):
            length = UNSET
        elif isinstance(self.length, ClipLengthType1):
            length = self.length.value
        elif isinstance(self.length, ParamRef):
            length = self.length.to_dict()
        else:
            length = self.length


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if name is not UNSET:
            field_dict["name"] = name
        if start is not UNSET:
            field_dict["start"] = start
        if length is not UNSET:
            field_dict["length"] = length

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.param_ref import ParamRef # noqa: PLC0415
        d = dict(src_dict)
        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        def _parse_start(data: object) -> float | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_optional_seconds_type_1 = ParamRef.from_dict(data)



                return componentsschemas_optional_seconds_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | None | ParamRef | Unset, data)

        start = _parse_start(d.pop("start", UNSET))


        def _parse_length(data: object) -> ClipLengthType1 | float | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_clip_length_type_1 = ClipLengthType1(data)



                return componentsschemas_clip_length_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_clip_length_type_2 = ParamRef.from_dict(data)



                return componentsschemas_clip_length_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ClipLengthType1 | float | None | ParamRef | Unset, data)

        length = _parse_length(d.pop("length", UNSET))


        clip_timing = cls(
            name=name,
            start=start,
            length=length,
        )


        clip_timing.additional_properties = d
        return clip_timing

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
