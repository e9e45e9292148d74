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





T = TypeVar("T", bound="Duck")



@_attrs_define
class Duck:
    """ While a `voice` clip plays, music is multiplied by `level`, ramping over `attack`/`release` seconds.

        Attributes:
            level (float | None | ParamRef | Unset):
            attack (float | None | ParamRef | Unset):
            release (float | None | ParamRef | Unset):
     """

    level: float | None | ParamRef | Unset = UNSET
    attack: float | None | ParamRef | Unset = UNSET
    release: float | None | ParamRef | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.param_ref import ParamRef # noqa: PLC0415
        level: dict[str, Any] | float | None | Unset
        if isinstance(self.level, Unset):
            level = UNSET
        elif isinstance(self.level, ParamRef):
            level = self.level.to_dict()
        else:
            level = self.level

        attack: dict[str, Any] | float | None | Unset
        if isinstance(self.attack, Unset):
            attack = UNSET
        elif isinstance(self.attack, ParamRef):
            attack = self.attack.to_dict()
        else:
            attack = self.attack

        release: dict[str, Any] | float | None | Unset
        if isinstance(self.release, Unset):
            release = UNSET
        elif isinstance(self.release, ParamRef):
            release = self.release.to_dict()
        else:
            release = self.release


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if level is not UNSET:
            field_dict["level"] = level
        if attack is not UNSET:
            field_dict["attack"] = attack
        if release is not UNSET:
            field_dict["release"] = release

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.param_ref import ParamRef # noqa: PLC0415
        d = dict(src_dict)
        def _parse_level(data: object) -> float | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_optional_unit_type_1 = ParamRef.from_dict(data)



                return componentsschemas_optional_unit_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | None | ParamRef | Unset, data)

        level = _parse_level(d.pop("level", UNSET))


        def _parse_attack(data: object) -> float | None | ParamRef | Unset:
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

        attack = _parse_attack(d.pop("attack", UNSET))


        def _parse_release(data: object) -> float | None | ParamRef | Unset:
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

        release = _parse_release(d.pop("release", UNSET))


        duck = cls(
            level=level,
            attack=attack,
            release=release,
        )

        return duck

