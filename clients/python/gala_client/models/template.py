from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.labels import Labels
  from ..models.template_composition import TemplateComposition
  from ..models.template_parameters import TemplateParameters





T = TypeVar("T", bound="Template")



@_attrs_define
class Template:
    """ 
        Attributes:
            id (UUID):
            name (str):
            description (None | str):
            version (int):
            composition (TemplateComposition): See `Composition`.
            parameters (TemplateParameters): See `ParametersSchema`.
            labels (Labels): Free key/value labels for the client's own bookkeeping.
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
            latest_version (int | Unset):
     """

    id: UUID
    name: str
    description: None | str
    version: int
    composition: TemplateComposition
    parameters: TemplateParameters
    labels: Labels
    created_at: datetime.datetime
    updated_at: datetime.datetime
    latest_version: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.labels import Labels # noqa: PLC0415
        from ..models.template_composition import TemplateComposition # noqa: PLC0415
        from ..models.template_parameters import TemplateParameters # noqa: PLC0415
        id = str(self.id)

        name = self.name

        description: None | str
        description = self.description

        version = self.version

        composition = self.composition.to_dict()

        parameters = self.parameters.to_dict()

        labels = self.labels.to_dict()

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        latest_version = self.latest_version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "name": name,
            "description": description,
            "version": version,
            "composition": composition,
            "parameters": parameters,
            "labels": labels,
            "created_at": created_at,
            "updated_at": updated_at,
        })
        if latest_version is not UNSET:
            field_dict["latest_version"] = latest_version

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.labels import Labels # noqa: PLC0415
        from ..models.template_composition import TemplateComposition # noqa: PLC0415
        from ..models.template_parameters import TemplateParameters # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        name = d.pop("name")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))


        version = d.pop("version")

        composition = TemplateComposition.from_dict(d.pop("composition"))




        parameters = TemplateParameters.from_dict(d.pop("parameters"))




        labels = Labels.from_dict(d.pop("labels"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        latest_version = d.pop("latest_version", UNSET)

        template = cls(
            id=id,
            name=name,
            description=description,
            version=version,
            composition=composition,
            parameters=parameters,
            labels=labels,
            created_at=created_at,
            updated_at=updated_at,
            latest_version=latest_version,
        )


        template.additional_properties = d
        return template

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
