from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.model_preview_voice import ModelPreviewVoice





T = TypeVar("T", bound="ModelPreview")



@_attrs_define
class ModelPreview:
    """ 
        Attributes:
            text (str | Unset): The sentence (the markup of docs/speech.md).
            voice (ModelPreviewVoice | Unset): Overrides of the model's voice, as a clip's `voice`.
            frames (int | Unset):  Default: 6.
            height (int | Unset):  Default: 240.
     """

    text: str | Unset = UNSET
    voice: ModelPreviewVoice | Unset = UNSET
    frames: int | Unset = 6
    height: int | Unset = 240





    def to_dict(self) -> dict[str, Any]:
        from ..models.model_preview_voice import ModelPreviewVoice # noqa: PLC0415
        text = self.text

        voice: dict[str, Any] | Unset = UNSET
        if not isinstance(self.voice, Unset):
            voice = self.voice.to_dict()

        frames = self.frames

        height = self.height


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if text is not UNSET:
            field_dict["text"] = text
        if voice is not UNSET:
            field_dict["voice"] = voice
        if frames is not UNSET:
            field_dict["frames"] = frames
        if height is not UNSET:
            field_dict["height"] = height

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.model_preview_voice import ModelPreviewVoice # noqa: PLC0415
        d = dict(src_dict)
        text = d.pop("text", UNSET)

        _voice = d.pop("voice", UNSET)
        voice: ModelPreviewVoice | Unset
        if isinstance(_voice,  Unset):
            voice = UNSET
        else:
            voice = ModelPreviewVoice.from_dict(_voice)




        frames = d.pop("frames", UNSET)

        height = d.pop("height", UNSET)

        model_preview = cls(
            text=text,
            voice=voice,
            frames=frames,
            height=height,
        )

        return model_preview

