from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.composition import Composition
  from ..models.labels import Labels
  from ..models.parameters_schema import ParametersSchema





T = TypeVar("T", bound="TemplateCreate")



@_attrs_define
class TemplateCreate:
    """ 
        Attributes:
            name (str):
            composition (Composition): What a template renders (composition format version 2, see docs/composition.md):
                output
                settings, a background, an optional soundtrack and tracks of clips. Later tracks paint on
                top of earlier ones. Clips name media by asset id (`asset`); an id written in the template
                must exist and be of the right kind when the template is saved. The schema checks shapes
                and ranges; submitting a job also checks meaning (times that fit, asset kinds, SRT that
                parses) and names every problem.
            description (None | str | Unset):
            parameters (ParametersSchema | Unset): A JSON Schema (2020-12) for the job parameters: an object schema whose
                `properties` name
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
            labels (Labels | Unset): Free key/value labels for the client's own bookkeeping.
     """

    name: str
    composition: Composition
    description: None | str | Unset = UNSET
    parameters: ParametersSchema | Unset = UNSET
    labels: Labels | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.composition import Composition # noqa: PLC0415
        from ..models.labels import Labels # noqa: PLC0415
        from ..models.parameters_schema import ParametersSchema # noqa: PLC0415
        name = self.name

        composition = self.composition.to_dict()

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        parameters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.parameters, Unset):
            parameters = self.parameters.to_dict()

        labels: dict[str, Any] | Unset = UNSET
        if not isinstance(self.labels, Unset):
            labels = self.labels.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
            "composition": composition,
        })
        if description is not UNSET:
            field_dict["description"] = description
        if parameters is not UNSET:
            field_dict["parameters"] = parameters
        if labels is not UNSET:
            field_dict["labels"] = labels

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.composition import Composition # noqa: PLC0415
        from ..models.labels import Labels # noqa: PLC0415
        from ..models.parameters_schema import ParametersSchema # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        composition = Composition.from_dict(d.pop("composition"))




        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        _parameters = d.pop("parameters", UNSET)
        parameters: ParametersSchema | Unset
        if isinstance(_parameters,  Unset):
            parameters = UNSET
        else:
            parameters = ParametersSchema.from_dict(_parameters)




        _labels = d.pop("labels", UNSET)
        labels: Labels | Unset
        if isinstance(_labels,  Unset):
            labels = UNSET
        else:
            labels = Labels.from_dict(_labels)




        template_create = cls(
            name=name,
            composition=composition,
            description=description,
            parameters=parameters,
            labels=labels,
        )

        return template_create

