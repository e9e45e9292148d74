from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.param_ref import ParamRef





T = TypeVar("T", bound="LayerTiming")



@_attrs_define
class LayerTiming:
    """ 
        Attributes:
            start (float | ParamRef | Unset):
            end (float | None | ParamRef | Unset): `null`: until the end.
            fade_in (float | ParamRef | Unset):
            fade_out (float | ParamRef | Unset):
     """

    start: float | ParamRef | Unset = UNSET
    end: float | None | ParamRef | Unset = UNSET
    fade_in: float | ParamRef | Unset = UNSET
    fade_out: float | ParamRef | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.param_ref import ParamRef # noqa: PLC0415
        start: dict[str, Any] | float | Unset
        if isinstance(self.start, Unset):
            start = UNSET
        elif isinstance(self.start, ParamRef):
            start = self.start.to_dict()
        else:
            start = self.start

        end: dict[str, Any] | float | None | Unset
        if isinstance(self.end, Unset):
            end = UNSET
        elif isinstance(self.end, ParamRef):
            end = self.end.to_dict()
        else:
            end = self.end

        fade_in: dict[str, Any] | float | Unset
        if isinstance(self.fade_in, Unset):
            fade_in = UNSET
        elif isinstance(self.fade_in, ParamRef):
            fade_in = self.fade_in.to_dict()
        else:
            fade_in = self.fade_in

        fade_out: dict[str, Any] | float | Unset
        if isinstance(self.fade_out, Unset):
            fade_out = UNSET
        elif isinstance(self.fade_out, ParamRef):
            fade_out = self.fade_out.to_dict()
        else:
            fade_out = self.fade_out


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if start is not UNSET:
            field_dict["start"] = start
        if end is not UNSET:
            field_dict["end"] = end
        if fade_in is not UNSET:
            field_dict["fade_in"] = fade_in
        if fade_out is not UNSET:
            field_dict["fade_out"] = fade_out

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.param_ref import ParamRef # noqa: PLC0415
        d = dict(src_dict)
        def _parse_start(data: object) -> float | ParamRef | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_time_value_type_1 = ParamRef.from_dict(data)



                return componentsschemas_time_value_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | ParamRef | Unset, data)

        start = _parse_start(d.pop("start", UNSET))


        def _parse_end(data: object) -> float | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_time_value_type_1 = ParamRef.from_dict(data)



                return componentsschemas_time_value_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | None | ParamRef | Unset, data)

        end = _parse_end(d.pop("end", UNSET))


        def _parse_fade_in(data: object) -> float | ParamRef | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_time_value_type_1 = ParamRef.from_dict(data)



                return componentsschemas_time_value_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | ParamRef | Unset, data)

        fade_in = _parse_fade_in(d.pop("fade_in", UNSET))


        def _parse_fade_out(data: object) -> float | ParamRef | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_time_value_type_1 = ParamRef.from_dict(data)



                return componentsschemas_time_value_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | ParamRef | Unset, data)

        fade_out = _parse_fade_out(d.pop("fade_out", UNSET))


        layer_timing = cls(
            start=start,
            end=end,
            fade_in=fade_in,
            fade_out=fade_out,
        )


        layer_timing.additional_properties = d
        return layer_timing

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
