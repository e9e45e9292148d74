from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.resolved_speech_timing import ResolvedSpeechTiming





T = TypeVar("T", bound="ResolvedSpeech")



@_attrs_define
class ResolvedSpeech:
    """ Filled in by GALA before rendering (the synthesized audio and its timing); anything given here is replaced.

        Attributes:
            asset (str | Unset):
            timing (ResolvedSpeechTiming | Unset): The timing document of docs/speech.md.
            text (None | str | Unset): The script's plain text (markup removed).
     """

    asset: str | Unset = UNSET
    timing: ResolvedSpeechTiming | Unset = UNSET
    text: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.resolved_speech_timing import ResolvedSpeechTiming # noqa: PLC0415
        asset = self.asset

        timing: dict[str, Any] | Unset = UNSET
        if not isinstance(self.timing, Unset):
            timing = self.timing.to_dict()

        text: None | str | Unset
        if isinstance(self.text, Unset):
            text = UNSET
        else:
            text = self.text


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if asset is not UNSET:
            field_dict["asset"] = asset
        if timing is not UNSET:
            field_dict["timing"] = timing
        if text is not UNSET:
            field_dict["text"] = text

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.resolved_speech_timing import ResolvedSpeechTiming # noqa: PLC0415
        d = dict(src_dict)
        asset = d.pop("asset", UNSET)

        _timing = d.pop("timing", UNSET)
        timing: ResolvedSpeechTiming | Unset
        if isinstance(_timing,  Unset):
            timing = UNSET
        else:
            timing = ResolvedSpeechTiming.from_dict(_timing)




        def _parse_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text = _parse_text(d.pop("text", UNSET))


        resolved_speech = cls(
            asset=asset,
            timing=timing,
            text=text,
        )


        resolved_speech.additional_properties = d
        return resolved_speech

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
