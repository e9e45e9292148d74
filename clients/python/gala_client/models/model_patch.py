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
  from ..models.labels import Labels
  from ..models.voice import Voice





T = TypeVar("T", bound="ModelPatch")



@_attrs_define
class ModelPatch:
    """ 
        Attributes:
            name (str | Unset):
            description (None | str | Unset):
            reference_asset_ids (list[UUID] | Unset):
            voice (Voice | Unset): How the avatar speaks. `engine` names the text-to-speech engine; further engine-specific
                settings may be added by later versions, so clients should keep unknown fields.
            labels (Labels | Unset): Free key/value labels for the client's own bookkeeping.
     """

    name: str | Unset = UNSET
    description: None | str | Unset = UNSET
    reference_asset_ids: list[UUID] | Unset = UNSET
    voice: Voice | Unset = UNSET
    labels: Labels | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.labels import Labels # noqa: PLC0415
        from ..models.voice import Voice # noqa: PLC0415
        name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        reference_asset_ids: list[str] | Unset = UNSET
        if not isinstance(self.reference_asset_ids, Unset):
            reference_asset_ids = []
            for reference_asset_ids_item_data in self.reference_asset_ids:
                reference_asset_ids_item = str(reference_asset_ids_item_data)
                reference_asset_ids.append(reference_asset_ids_item)



        voice: dict[str, Any] | Unset = UNSET
        if not isinstance(self.voice, Unset):
            voice = self.voice.to_dict()

        labels: dict[str, Any] | Unset = UNSET
        if not isinstance(self.labels, Unset):
            labels = self.labels.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if reference_asset_ids is not UNSET:
            field_dict["reference_asset_ids"] = reference_asset_ids
        if voice is not UNSET:
            field_dict["voice"] = voice
        if labels is not UNSET:
            field_dict["labels"] = labels

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.labels import Labels # noqa: PLC0415
        from ..models.voice import Voice # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        _reference_asset_ids = d.pop("reference_asset_ids", UNSET)
        reference_asset_ids: list[UUID] | Unset = UNSET
        if _reference_asset_ids is not UNSET:
            reference_asset_ids = []
            for reference_asset_ids_item_data in _reference_asset_ids:
                reference_asset_ids_item = UUID(reference_asset_ids_item_data)



                reference_asset_ids.append(reference_asset_ids_item)


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




        model_patch = cls(
            name=name,
            description=description,
            reference_asset_ids=reference_asset_ids,
            voice=voice,
            labels=labels,
        )

        return model_patch

