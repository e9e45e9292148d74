from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.param_ref import ParamRef





T = TypeVar("T", bound="SoundTransitionStep")



@_attrs_define
class SoundTransitionStep:
    """ 
        Attributes:
            type_ (Literal['fade']):
            duration (float | None | ParamRef | Unset):
     """

    type_: Literal['fade']
    duration: float | None | ParamRef | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.param_ref import ParamRef # noqa: PLC0415
        type_ = self.type_

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
        type_ = cast(Literal['fade'] , d.pop("type"))
        if type_ != 'fade':
            raise ValueError(f"type must match const 'fade', got '{type_}'")

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


        sound_transition_step = cls(
            type_=type_,
            duration=duration,
        )

        return sound_transition_step

