from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.easing import Easing
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.param_ref import ParamRef





T = TypeVar("T", bound="VolumeKeyframesItem")



@_attrs_define
class VolumeKeyframesItem:
    """ 
        Attributes:
            t (float): Seconds from the clip start.
            value (float | ParamRef):
            easing (Easing | None | Unset):
     """

    t: float
    value: float | ParamRef
    easing: Easing | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.param_ref import ParamRef # noqa: PLC0415
        t = self.t

        value: dict[str, Any] | float
        if isinstance(self.value, ParamRef):
            value = self.value.to_dict()
        else:
            value = self.value

        easing: None | str | Unset
        if isinstance(self.easing, Unset):
            easing = UNSET
        elif isinstance(self.easing, Easing):
            easing = self.easing.value
        else:
            easing = self.easing


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "t": t,
            "value": value,
        })
        if easing is not UNSET:
            field_dict["easing"] = easing

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.param_ref import ParamRef # noqa: PLC0415
        d = dict(src_dict)
        t = d.pop("t")

        def _parse_value(data: object) -> float | ParamRef:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                value_type_1 = ParamRef.from_dict(data)



                return value_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | ParamRef, data)

        value = _parse_value(d.pop("value"))


        def _parse_easing(data: object) -> Easing | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                easing_type_0 = Easing(data)



                return easing_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Easing | None | Unset, data)

        easing = _parse_easing(d.pop("easing", UNSET))


        volume_keyframes_item = cls(
            t=t,
            value=value,
            easing=easing,
        )

        return volume_keyframes_item

