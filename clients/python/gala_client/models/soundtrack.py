from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.duck import Duck
  from ..models.param_ref import ParamRef
  from ..models.soundtrack_trim import SoundtrackTrim





T = TypeVar("T", bound="Soundtrack")



@_attrs_define
class Soundtrack:
    """ 
        Attributes:
            asset (ParamRef | UUID): An asset id (`GET /assets`), or a placeholder for an asset parameter (`x-gala-asset`).
            volume (float | None | ParamRef | Unset):
            fade_in (float | None | ParamRef | Unset):
            fade_out (float | None | ParamRef | Unset):
            trim (None | SoundtrackTrim | Unset):
            loop (bool | None | ParamRef | Unset):
            duck (Duck | None | Unset):
     """

    asset: ParamRef | UUID
    volume: float | None | ParamRef | Unset = UNSET
    fade_in: float | None | ParamRef | Unset = UNSET
    fade_out: float | None | ParamRef | Unset = UNSET
    trim: None | SoundtrackTrim | Unset = UNSET
    loop: bool | None | ParamRef | Unset = UNSET
    duck: Duck | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.duck import Duck # noqa: PLC0415
        from ..models.param_ref import ParamRef # noqa: PLC0415
        from ..models.soundtrack_trim import SoundtrackTrim # noqa: PLC0415
        asset: dict[str, Any] | str
        if isinstance(self.asset, UUID):
            asset = str(self.asset)
        else:
            asset = self.asset.to_dict()


        volume: dict[str, Any] | float | None | Unset
        if isinstance(self.volume, Unset):
            volume = UNSET
        elif isinstance(self.volume, ParamRef):
            volume = self.volume.to_dict()
        else:
            volume = self.volume

        fade_in: dict[str, Any] | float | None | Unset
        if isinstance(self.fade_in, Unset):
            fade_in = UNSET
        elif isinstance(self.fade_in, ParamRef):
            fade_in = self.fade_in.to_dict()
        else:
            fade_in = self.fade_in

        fade_out: dict[str, Any] | float | None | Unset
        if isinstance(self.fade_out, Unset):
            fade_out = UNSET
        elif isinstance(self.fade_out, ParamRef):
            fade_out = self.fade_out.to_dict()
        else:
            fade_out = self.fade_out

        trim: dict[str, Any] | None | Unset
        if isinstance(self.trim, Unset):
            trim = UNSET
        elif isinstance(self.trim, SoundtrackTrim):
            trim = self.trim.to_dict()
        else:
            trim = self.trim

        loop: bool | dict[str, Any] | None | Unset
        if isinstance(self.loop, Unset):
            loop = UNSET
        elif isinstance(self.loop, ParamRef):
            loop = self.loop.to_dict()
        else:
            loop = self.loop

        duck: dict[str, Any] | None | Unset
        if isinstance(self.duck, Unset):
            duck = UNSET
        elif isinstance(self.duck, Duck):
            duck = self.duck.to_dict()
        else:
            duck = self.duck


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "asset": asset,
        })
        if volume is not UNSET:
            field_dict["volume"] = volume
        if fade_in is not UNSET:
            field_dict["fade_in"] = fade_in
        if fade_out is not UNSET:
            field_dict["fade_out"] = fade_out
        if trim is not UNSET:
            field_dict["trim"] = trim
        if loop is not UNSET:
            field_dict["loop"] = loop
        if duck is not UNSET:
            field_dict["duck"] = duck

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.duck import Duck # noqa: PLC0415
        from ..models.param_ref import ParamRef # noqa: PLC0415
        from ..models.soundtrack_trim import SoundtrackTrim # noqa: PLC0415
        d = dict(src_dict)
        def _parse_asset(data: object) -> ParamRef | UUID:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_asset_ref_type_0 = UUID(data)



                return componentsschemas_asset_ref_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_asset_ref_type_1 = ParamRef.from_dict(data)



            return componentsschemas_asset_ref_type_1

        asset = _parse_asset(d.pop("asset"))


        def _parse_volume(data: object) -> float | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_optional_volume_type_1 = ParamRef.from_dict(data)



                return componentsschemas_optional_volume_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | None | ParamRef | Unset, data)

        volume = _parse_volume(d.pop("volume", UNSET))


        def _parse_fade_in(data: object) -> float | None | ParamRef | Unset:
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

        fade_in = _parse_fade_in(d.pop("fade_in", UNSET))


        def _parse_fade_out(data: object) -> float | None | ParamRef | Unset:
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

        fade_out = _parse_fade_out(d.pop("fade_out", UNSET))


        def _parse_trim(data: object) -> None | SoundtrackTrim | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                trim_type_0 = SoundtrackTrim.from_dict(data)



                return trim_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SoundtrackTrim | Unset, data)

        trim = _parse_trim(d.pop("trim", UNSET))


        def _parse_loop(data: object) -> bool | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_optional_boolean_type_1 = ParamRef.from_dict(data)



                return componentsschemas_optional_boolean_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(bool | None | ParamRef | Unset, data)

        loop = _parse_loop(d.pop("loop", UNSET))


        def _parse_duck(data: object) -> Duck | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                duck_type_0 = Duck.from_dict(data)



                return duck_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Duck | None | Unset, data)

        duck = _parse_duck(d.pop("duck", UNSET))


        soundtrack = cls(
            asset=asset,
            volume=volume,
            fade_in=fade_in,
            fade_out=fade_out,
            trim=trim,
            loop=loop,
            duck=duck,
        )

        return soundtrack

