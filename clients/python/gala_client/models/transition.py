from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.transition_step import TransitionStep





T = TypeVar("T", bound="Transition")



@_attrs_define
class Transition:
    """ Entrance (`in`) and exit (`out`); `in.duration + out.duration` must fit in the clip.

        Attributes:
            in_ (None | TransitionStep | Unset):
            out (None | TransitionStep | Unset):
     """

    in_: None | TransitionStep | Unset = UNSET
    out: None | TransitionStep | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.transition_step import TransitionStep # noqa: PLC0415
        in_: dict[str, Any] | None | Unset
        if isinstance(self.in_, Unset):
            in_ = UNSET
        elif isinstance(self.in_, TransitionStep):
            in_ = self.in_.to_dict()
        else:
            in_ = self.in_

        out: dict[str, Any] | None | Unset
        if isinstance(self.out, Unset):
            out = UNSET
        elif isinstance(self.out, TransitionStep):
            out = self.out.to_dict()
        else:
            out = self.out


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if in_ is not UNSET:
            field_dict["in"] = in_
        if out is not UNSET:
            field_dict["out"] = out

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.transition_step import TransitionStep # noqa: PLC0415
        d = dict(src_dict)
        def _parse_in_(data: object) -> None | TransitionStep | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                in_type_0 = TransitionStep.from_dict(data)



                return in_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TransitionStep | Unset, data)

        in_ = _parse_in_(d.pop("in", UNSET))


        def _parse_out(data: object) -> None | TransitionStep | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                out_type_0 = TransitionStep.from_dict(data)



                return out_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TransitionStep | Unset, data)

        out = _parse_out(d.pop("out", UNSET))


        transition = cls(
            in_=in_,
            out=out,
        )

        return transition

