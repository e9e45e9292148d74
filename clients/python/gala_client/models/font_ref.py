from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.param_ref import ParamRef





T = TypeVar("T", bound="FontRef")



@_attrs_define
class FontRef:
    """ 
        Attributes:
            asset (ParamRef | UUID): An asset id (`GET /assets`), or a placeholder for an asset parameter (`x-gala-asset`).
     """

    asset: ParamRef | UUID





    def to_dict(self) -> dict[str, Any]:
        from ..models.param_ref import ParamRef # noqa: PLC0415
        asset: dict[str, Any] | str
        if isinstance(self.asset, UUID):
            asset = str(self.asset)
        else:
            asset = self.asset.to_dict()



        field_dict: dict[str, Any] = {}

        field_dict.update({
            "asset": asset,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.param_ref import ParamRef # noqa: PLC0415
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


        font_ref = cls(
            asset=asset,
        )

        return font_ref

