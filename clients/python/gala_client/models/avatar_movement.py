from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="AvatarMovement")



@_attrs_define
class AvatarMovement:
    """ Idle movement; each on by default. `seed` draws the blinks (same frames on every render).

        Attributes:
            blinks (bool | None | Unset):
            breathing (bool | None | Unset):
            sway (bool | None | Unset):
            nods (bool | None | Unset): A small dip on stressed words.
            seed (int | None | Unset):
     """

    blinks: bool | None | Unset = UNSET
    breathing: bool | None | Unset = UNSET
    sway: bool | None | Unset = UNSET
    nods: bool | None | Unset = UNSET
    seed: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        blinks: bool | None | Unset
        if isinstance(self.blinks, Unset):
            blinks = UNSET
        else:
            blinks = self.blinks

        breathing: bool | None | Unset
        if isinstance(self.breathing, Unset):
            breathing = UNSET
        else:
            breathing = self.breathing

        sway: bool | None | Unset
        if isinstance(self.sway, Unset):
            sway = UNSET
        else:
            sway = self.sway

        nods: bool | None | Unset
        if isinstance(self.nods, Unset):
            nods = UNSET
        else:
            nods = self.nods

        seed: int | None | Unset
        if isinstance(self.seed, Unset):
            seed = UNSET
        else:
            seed = self.seed


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if blinks is not UNSET:
            field_dict["blinks"] = blinks
        if breathing is not UNSET:
            field_dict["breathing"] = breathing
        if sway is not UNSET:
            field_dict["sway"] = sway
        if nods is not UNSET:
            field_dict["nods"] = nods
        if seed is not UNSET:
            field_dict["seed"] = seed

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_blinks(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        blinks = _parse_blinks(d.pop("blinks", UNSET))


        def _parse_breathing(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        breathing = _parse_breathing(d.pop("breathing", UNSET))


        def _parse_sway(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        sway = _parse_sway(d.pop("sway", UNSET))


        def _parse_nods(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        nods = _parse_nods(d.pop("nods", UNSET))


        def _parse_seed(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        seed = _parse_seed(d.pop("seed", UNSET))


        avatar_movement = cls(
            blinks=blinks,
            breathing=breathing,
            sway=sway,
            nods=nods,
            seed=seed,
        )

        return avatar_movement

