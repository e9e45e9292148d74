from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.resolved_rig_kind import ResolvedRigKind
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.resolved_rig_anchors import ResolvedRigAnchors
  from ..models.resolved_rig_assets import ResolvedRigAssets





T = TypeVar("T", bound="ResolvedRig")



@_attrs_define
class ResolvedRig:
    """ Filled in by GALA before rendering from the clip's `puppet` or `photo` model (its images by role and its anchors,
    see the Models API); anything given here is replaced.

        Attributes:
            kind (ResolvedRigKind | Unset):
            assets (ResolvedRigAssets | Unset):
            anchors (ResolvedRigAnchors | Unset):
     """

    kind: ResolvedRigKind | Unset = UNSET
    assets: ResolvedRigAssets | Unset = UNSET
    anchors: ResolvedRigAnchors | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.resolved_rig_anchors import ResolvedRigAnchors # noqa: PLC0415
        from ..models.resolved_rig_assets import ResolvedRigAssets # noqa: PLC0415
        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        assets: dict[str, Any] | Unset = UNSET
        if not isinstance(self.assets, Unset):
            assets = self.assets.to_dict()

        anchors: dict[str, Any] | Unset = UNSET
        if not isinstance(self.anchors, Unset):
            anchors = self.anchors.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if kind is not UNSET:
            field_dict["kind"] = kind
        if assets is not UNSET:
            field_dict["assets"] = assets
        if anchors is not UNSET:
            field_dict["anchors"] = anchors

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.resolved_rig_anchors import ResolvedRigAnchors # noqa: PLC0415
        from ..models.resolved_rig_assets import ResolvedRigAssets # noqa: PLC0415
        d = dict(src_dict)
        _kind = d.pop("kind", UNSET)
        kind: ResolvedRigKind | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = ResolvedRigKind(_kind)




        _assets = d.pop("assets", UNSET)
        assets: ResolvedRigAssets | Unset
        if isinstance(_assets,  Unset):
            assets = UNSET
        else:
            assets = ResolvedRigAssets.from_dict(_assets)




        _anchors = d.pop("anchors", UNSET)
        anchors: ResolvedRigAnchors | Unset
        if isinstance(_anchors,  Unset):
            anchors = UNSET
        else:
            anchors = ResolvedRigAnchors.from_dict(_anchors)




        resolved_rig = cls(
            kind=kind,
            assets=assets,
            anchors=anchors,
        )


        resolved_rig.additional_properties = d
        return resolved_rig

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
