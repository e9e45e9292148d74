from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.color_layer import ColorLayer
  from ..models.composition_v1_audio_type_0 import CompositionV1AudioType0
  from ..models.output_v1 import OutputV1
  from ..models.param_ref import ParamRef
  from ..models.text_layer import TextLayer





T = TypeVar("T", bound="CompositionV1")



@_attrs_define
class CompositionV1:
    """ Composition format version 1 (legacy, still rendered): output settings, a background and
    layers, painted in order. Prefer version 2 (`CompositionV2`) for new templates.

        Attributes:
            version (Literal[1]):
            output (OutputV1 | Unset):
            background (ParamRef | str | Unset):
            layers (list[ColorLayer | TextLayer] | Unset):
            audio (CompositionV1AudioType0 | None | Unset): A quiet tone under the video; without it the audio track is
                silent.
     """

    version: Literal[1]
    output: OutputV1 | Unset = UNSET
    background: ParamRef | str | Unset = UNSET
    layers: list[ColorLayer | TextLayer] | Unset = UNSET
    audio: CompositionV1AudioType0 | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.color_layer import ColorLayer # noqa: PLC0415
        from ..models.composition_v1_audio_type_0 import CompositionV1AudioType0 # noqa: PLC0415
        from ..models.output_v1 import OutputV1 # noqa: PLC0415
        from ..models.param_ref import ParamRef # noqa: PLC0415
        from ..models.text_layer import TextLayer # noqa: PLC0415
        version = self.version

        output: dict[str, Any] | Unset = UNSET
        if not isinstance(self.output, Unset):
            output = self.output.to_dict()

        background: dict[str, Any] | str | Unset
        if isinstance(self.background, Unset):
            background = UNSET
        elif isinstance(self.background, ParamRef):
            background = self.background.to_dict()
        else:
            background = self.background

        layers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.layers, Unset):
            layers = []
            for layers_item_data in self.layers:
                layers_item: dict[str, Any]
                if isinstance(layers_item_data, TextLayer):
                    layers_item = layers_item_data.to_dict()
                else:
                    layers_item = layers_item_data.to_dict()

                layers.append(layers_item)



        audio: dict[str, Any] | None | Unset
        if isinstance(self.audio, Unset):
            audio = UNSET
        elif isinstance(self.audio, CompositionV1AudioType0):
            audio = self.audio.to_dict()
        else:
            audio = self.audio


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "version": version,
        })
        if output is not UNSET:
            field_dict["output"] = output
        if background is not UNSET:
            field_dict["background"] = background
        if layers is not UNSET:
            field_dict["layers"] = layers
        if audio is not UNSET:
            field_dict["audio"] = audio

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.color_layer import ColorLayer # noqa: PLC0415
        from ..models.composition_v1_audio_type_0 import CompositionV1AudioType0 # noqa: PLC0415
        from ..models.output_v1 import OutputV1 # noqa: PLC0415
        from ..models.param_ref import ParamRef # noqa: PLC0415
        from ..models.text_layer import TextLayer # noqa: PLC0415
        d = dict(src_dict)
        version = cast(Literal[1] , d.pop("version"))
        if version != 1:
            raise ValueError(f"version must match const 1, got '{version}'")

        _output = d.pop("output", UNSET)
        output: OutputV1 | Unset
        if isinstance(_output,  Unset):
            output = UNSET
        else:
            output = OutputV1.from_dict(_output)




        def _parse_background(data: object) -> ParamRef | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_color_value_type_1 = ParamRef.from_dict(data)



                return componentsschemas_color_value_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ParamRef | str | Unset, data)

        background = _parse_background(d.pop("background", UNSET))


        _layers = d.pop("layers", UNSET)
        layers: list[ColorLayer | TextLayer] | Unset = UNSET
        if _layers is not UNSET:
            layers = []
            for layers_item_data in _layers:
                def _parse_layers_item(data: object) -> ColorLayer | TextLayer:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_layer_type_0 = TextLayer.from_dict(data)



                        return componentsschemas_layer_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_layer_type_1 = ColorLayer.from_dict(data)



                    return componentsschemas_layer_type_1

                layers_item = _parse_layers_item(layers_item_data)

                layers.append(layers_item)


        def _parse_audio(data: object) -> CompositionV1AudioType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                audio_type_0 = CompositionV1AudioType0.from_dict(data)



                return audio_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CompositionV1AudioType0 | None | Unset, data)

        audio = _parse_audio(d.pop("audio", UNSET))


        composition_v1 = cls(
            version=version,
            output=output,
            background=background,
            layers=layers,
            audio=audio,
        )

        return composition_v1

