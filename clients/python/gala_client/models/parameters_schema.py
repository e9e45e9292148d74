from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import Literal, cast






T = TypeVar("T", bound="ParametersSchema")



@_attrs_define
class ParametersSchema:
    """ A JSON Schema (2020-12) for the job parameters: an object schema whose `properties` name
    the parameters that `ParamRef`s use. `default`s are applied to jobs.

    **Asset parameters.** A (sub)schema with the keyword `x-gala-asset` takes an asset id; the
    keyword names the asset kinds it accepts, one (`"image"`) or a list (`["audio", "video"]`),
    from `image`, `audio`, `video`, `font`. Declare it as a string, e.g.
    `{"type": "string", "format": "uuid", "x-gala-asset": "image"}`; it may sit in `properties`
    (at any depth) and in array `items`. A job's value must be the id of an existing asset of
    one of those kinds, else 422 pointing at the parameter (`/params/logo`). A placeholder in a
    composition's `asset` field must name such a parameter, with kinds that field accepts
    (image clips: `image`; video clips: `video`; audio clips and the soundtrack: `audio` or
    `video`; fonts: `font`).

        Attributes:
            type_ (Literal['object'] | Unset):
     """

    type_: Literal['object'] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal['object'] | Unset , d.pop("type", UNSET))
        if type_ != 'object'and not isinstance(type_, Unset):
            raise ValueError(f"type must match const 'object', got '{type_}'")

        parameters_schema = cls(
            type_=type_,
        )


        parameters_schema.additional_properties = d
        return parameters_schema

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
