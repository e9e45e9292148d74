from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.transition_type import TransitionType
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.param_ref import ParamRef





T = TypeVar("T", bound="TransitionStep")



@_attrs_define
class TransitionStep:
    """ 
        Attributes:
            type_ (ParamRef | TransitionType):
            duration (float | None | ParamRef | Unset):
     """

    type_: ParamRef | TransitionType
    duration: float | None | ParamRef | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.param_ref import ParamRef # noqa: PLC0415
        type_: dict[str, Any] | str
        if isinstance(self.type_, TransitionType):
            type_ = self.type_.value
        else:
            type_ = self.type_.to_dict()


        duration: dict[str, Any] | float | None | Unset
        if isinstance(self.duration, Unset):
            duration = UNSET
        elif isinstance(self.duration, ParamRef):
            duration = self.duration.to_dict()
        else:
            duration = self.duration


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "type": type_,
        })
        if duration is not UNSET:
            field_dict["duration"] = duration

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.param_ref import ParamRef # noqa: PLC0415
        d = dict(src_dict)
        def _parse_type_(data: object) -> ParamRef | TransitionType:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = TransitionType(data)



                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            type_type_1 = ParamRef.from_dict(data)



            return type_type_1

        type_ = _parse_type_(d.pop("type"))


        def _parse_duration(data: object) -> float | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_optional_positive_seconds_type_1 = ParamRef.from_dict(data)



                return componentsschemas_optional_positive_seconds_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | None | ParamRef | Unset, data)

        duration = _parse_duration(d.pop("duration", UNSET))


        transition_step = cls(
            type_=type_,
            duration=duration,
        )

        return transition_step

