from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.face_box import FaceBox
  from ..models.labels import Labels
  from ..models.model_anchors import ModelAnchors
  from ..models.model_voice import ModelVoice
  from ..models.reference_asset import ReferenceAsset





T = TypeVar("T", bound="Model")



@_attrs_define
class Model:
    """ 
        Attributes:
            id (UUID):
            name (str):
            description (None | str):
            kind (str): `avatar`, `puppet`, `photo`; `builtin` for the built-in presenter (drawn from code, present in
                every database, id `01900000-0000-7000-8000-000000000002`, read-only). An `avatar` clip names a
                model by its id (a `builtin`, `puppet` or `photo` one); the model's `voice` is the default for
                its clips. Later versions may add kinds.
            reference_asset_ids (list[UUID]):
            reference_assets (list[ReferenceAsset]):
            anchors (ModelAnchors | None): A puppet's or photo's anchors (see `ModelAnchors`); null for other kinds.
            face (FaceBox | None): A photo model's located face; null for other kinds.
            voice (ModelVoice): See `Voice`; unknown fields may appear.
            labels (Labels): Free key/value labels for the client's own bookkeeping.
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
     """

    id: UUID
    name: str
    description: None | str
    kind: str
    reference_asset_ids: list[UUID]
    reference_assets: list[ReferenceAsset]
    anchors: ModelAnchors | None
    face: FaceBox | None
    voice: ModelVoice
    labels: Labels
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.face_box import FaceBox # noqa: PLC0415
        from ..models.labels import Labels # noqa: PLC0415
        from ..models.model_anchors import ModelAnchors # noqa: PLC0415
        from ..models.model_voice import ModelVoice # noqa: PLC0415
        from ..models.reference_asset import ReferenceAsset # noqa: PLC0415
        id = str(self.id)

        name = self.name

        description: None | str
        description = self.description

        kind = self.kind

        reference_asset_ids = []
        for reference_asset_ids_item_data in self.reference_asset_ids:
            reference_asset_ids_item = str(reference_asset_ids_item_data)
            reference_asset_ids.append(reference_asset_ids_item)



        reference_assets = []
        for reference_assets_item_data in self.reference_assets:
            reference_assets_item = reference_assets_item_data.to_dict()
            reference_assets.append(reference_assets_item)



        anchors: dict[str, Any] | None
        if isinstance(self.anchors, ModelAnchors):
            anchors = self.anchors.to_dict()
        else:
            anchors = self.anchors

        face: dict[str, Any] | None
        if isinstance(self.face, FaceBox):
            face = self.face.to_dict()
        else:
            face = self.face

        voice = self.voice.to_dict()

        labels = self.labels.to_dict()

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "name": name,
            "description": description,
            "kind": kind,
            "reference_asset_ids": reference_asset_ids,
            "reference_assets": reference_assets,
            "anchors": anchors,
            "face": face,
            "voice": voice,
            "labels": labels,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.face_box import FaceBox # noqa: PLC0415
        from ..models.labels import Labels # noqa: PLC0415
        from ..models.model_anchors import ModelAnchors # noqa: PLC0415
        from ..models.model_voice import ModelVoice # noqa: PLC0415
        from ..models.reference_asset import ReferenceAsset # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        name = d.pop("name")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))


        kind = d.pop("kind")

        reference_asset_ids = []
        _reference_asset_ids = d.pop("reference_asset_ids")
        for reference_asset_ids_item_data in (_reference_asset_ids):
            reference_asset_ids_item = UUID(reference_asset_ids_item_data)



            reference_asset_ids.append(reference_asset_ids_item)


        reference_assets = []
        _reference_assets = d.pop("reference_assets")
        for reference_assets_item_data in (_reference_assets):
            reference_assets_item = ReferenceAsset.from_dict(reference_assets_item_data)



            reference_assets.append(reference_assets_item)


        def _parse_anchors(data: object) -> ModelAnchors | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                anchors_type_0 = ModelAnchors.from_dict(data)



                return anchors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelAnchors | None, data)

        anchors = _parse_anchors(d.pop("anchors"))


        def _parse_face(data: object) -> FaceBox | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                face_type_0 = FaceBox.from_dict(data)



                return face_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FaceBox | None, data)

        face = _parse_face(d.pop("face"))


        voice = ModelVoice.from_dict(d.pop("voice"))




        labels = Labels.from_dict(d.pop("labels"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        model = cls(
            id=id,
            name=name,
            description=description,
            kind=kind,
            reference_asset_ids=reference_asset_ids,
            reference_assets=reference_assets,
            anchors=anchors,
            face=face,
            voice=voice,
            labels=labels,
            created_at=created_at,
            updated_at=updated_at,
        )


        model.additional_properties = d
        return model

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
