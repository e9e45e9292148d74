from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.model_create_kind import ModelCreateKind
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.labels import Labels
  from ..models.model_anchors import ModelAnchors
  from ..models.reference_asset import ReferenceAsset
  from ..models.voice import Voice





T = TypeVar("T", bound="ModelCreate")



@_attrs_define
class ModelCreate:
    """ 
        Attributes:
            name (str):
            description (None | str | Unset):
            kind (ModelCreateKind | Unset): `avatar` (data only), `puppet` (a 2D cut-out: `reference_assets` with roles and
                `anchors`),
                or `photo` (a talking photo: one portrait; its face is located on create, 422 when none is found).
                 Default: ModelCreateKind.AVATAR.
            reference_asset_ids (list[UUID] | Unset): Assets (images, video, audio) the model is built from. Each must
                exist.
            reference_assets (list[ReferenceAsset] | Unset): The model's reference assets with their roles; for a `puppet`
                every role of `ReferenceRole` but
                `photo`, once each, all RGBA images; for a `photo` one image with the role `photo`. Each asset
                must exist and, for those kinds, be an image. Replaces `reference_asset_ids` when both are given.
            anchors (ModelAnchors | Unset): Where a model's face is, in the pixels of its `base` (puppet) or `photo` image.
                A puppet needs
                `mouth` and `eyes` (the centres its mouth and eyes patches are placed on) and may give `pivot`
                (where its body sways from; default the bottom centre above the bleed) and `bleed` (rows at the
                bottom that no framing shows). A photo's anchors are found when it is created (`left_eye`,
                `right_eye`, `mouth`: the centre of the line between the lips, `mouth_width`, `jaw`: the chin);
                any given on create or update replace the found ones.
            voice (Voice | Unset): How the avatar speaks. `engine` names the text-to-speech engine; further engine-specific
                settings may be added by later versions, so clients should keep unknown fields.
            labels (Labels | Unset): Free key/value labels for the client's own bookkeeping.
     """

    name: str
    description: None | str | Unset = UNSET
    kind: ModelCreateKind | Unset = ModelCreateKind.AVATAR
    reference_asset_ids: list[UUID] | Unset = UNSET
    reference_assets: list[ReferenceAsset] | Unset = UNSET
    anchors: ModelAnchors | Unset = UNSET
    voice: Voice | Unset = UNSET
    labels: Labels | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.labels import Labels # noqa: PLC0415
        from ..models.model_anchors import ModelAnchors # noqa: PLC0415
        from ..models.reference_asset import ReferenceAsset # noqa: PLC0415
        from ..models.voice import Voice # noqa: PLC0415
        name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        reference_asset_ids: list[str] | Unset = UNSET
        if not isinstance(self.reference_asset_ids, Unset):
            reference_asset_ids = []
            for reference_asset_ids_item_data in self.reference_asset_ids:
                reference_asset_ids_item = str(reference_asset_ids_item_data)
                reference_asset_ids.append(reference_asset_ids_item)



        reference_assets: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.reference_assets, Unset):
            reference_assets = []
            for componentsschemas_reference_assets_item_data in self.reference_assets:
                componentsschemas_reference_assets_item = componentsschemas_reference_assets_item_data.to_dict()
                reference_assets.append(componentsschemas_reference_assets_item)



        anchors: dict[str, Any] | Unset = UNSET
        if not isinstance(self.anchors, Unset):
            anchors = self.anchors.to_dict()

        voice: dict[str, Any] | Unset = UNSET
        if not isinstance(self.voice, Unset):
            voice = self.voice.to_dict()

        labels: dict[str, Any] | Unset = UNSET
        if not isinstance(self.labels, Unset):
            labels = self.labels.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
        })
        if description is not UNSET:
            field_dict["description"] = description
        if kind is not UNSET:
            field_dict["kind"] = kind
        if reference_asset_ids is not UNSET:
            field_dict["reference_asset_ids"] = reference_asset_ids
        if reference_assets is not UNSET:
            field_dict["reference_assets"] = reference_assets
        if anchors is not UNSET:
            field_dict["anchors"] = anchors
        if voice is not UNSET:
            field_dict["voice"] = voice
        if labels is not UNSET:
            field_dict["labels"] = labels

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.labels import Labels # noqa: PLC0415
        from ..models.model_anchors import ModelAnchors # noqa: PLC0415
        from ..models.reference_asset import ReferenceAsset # noqa: PLC0415
        from ..models.voice import Voice # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        _kind = d.pop("kind", UNSET)
        kind: ModelCreateKind | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = ModelCreateKind(_kind)




        _reference_asset_ids = d.pop("reference_asset_ids", UNSET)
        reference_asset_ids: list[UUID] | Unset = UNSET
        if _reference_asset_ids is not UNSET:
            reference_asset_ids = []
            for reference_asset_ids_item_data in _reference_asset_ids:
                reference_asset_ids_item = UUID(reference_asset_ids_item_data)



                reference_asset_ids.append(reference_asset_ids_item)


        _reference_assets = d.pop("reference_assets", UNSET)
        reference_assets: list[ReferenceAsset] | Unset = UNSET
        if _reference_assets is not UNSET:
            reference_assets = []
            for componentsschemas_reference_assets_item_data in _reference_assets:
                componentsschemas_reference_assets_item = ReferenceAsset.from_dict(componentsschemas_reference_assets_item_data)



                reference_assets.append(componentsschemas_reference_assets_item)


        _anchors = d.pop("anchors", UNSET)
        anchors: ModelAnchors | Unset
        if isinstance(_anchors,  Unset):
            anchors = UNSET
        else:
            anchors = ModelAnchors.from_dict(_anchors)




        _voice = d.pop("voice", UNSET)
        voice: Voice | Unset
        if isinstance(_voice,  Unset):
            voice = UNSET
        else:
            voice = Voice.from_dict(_voice)




        _labels = d.pop("labels", UNSET)
        labels: Labels | Unset
        if isinstance(_labels,  Unset):
            labels = UNSET
        else:
            labels = Labels.from_dict(_labels)




        model_create = cls(
            name=name,
            description=description,
            kind=kind,
            reference_asset_ids=reference_asset_ids,
            reference_assets=reference_assets,
            anchors=anchors,
            voice=voice,
            labels=labels,
        )

        return model_create

