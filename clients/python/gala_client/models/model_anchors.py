from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ModelAnchors")



@_attrs_define
class ModelAnchors:
    """ Where a model's face is, in the pixels of its `base` (puppet) or `photo` image. A puppet needs
    `mouth` and `eyes` (the centres its mouth and eyes patches are placed on) and may give `pivot`
    (where its body sways from; default the bottom centre above the bleed) and `bleed` (rows at the
    bottom that no framing shows). A photo's anchors are found when it is created (`left_eye`,
    `right_eye`, `mouth`: the centre of the line between the lips, `mouth_width`, `jaw`: the chin);
    any given on create or update replace the found ones.

        Attributes:
            mouth (list[float] | Unset): [x, y] in the image's pixels (from its top-left corner).
            eyes (list[float] | Unset): [x, y] in the image's pixels (from its top-left corner).
            pivot (list[float] | None | Unset):
            bleed (int | Unset):
            left_eye (list[float] | Unset): [x, y] in the image's pixels (from its top-left corner).
            right_eye (list[float] | Unset): [x, y] in the image's pixels (from its top-left corner).
            mouth_width (float | Unset):
            jaw (list[float] | Unset): [x, y] in the image's pixels (from its top-left corner).
     """

    mouth: list[float] | Unset = UNSET
    eyes: list[float] | Unset = UNSET
    pivot: list[float] | None | Unset = UNSET
    bleed: int | Unset = UNSET
    left_eye: list[float] | Unset = UNSET
    right_eye: list[float] | Unset = UNSET
    mouth_width: float | Unset = UNSET
    jaw: list[float] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        mouth: list[float] | Unset = UNSET
        if not isinstance(self.mouth, Unset):
            mouth = self.mouth



        eyes: list[float] | Unset = UNSET
        if not isinstance(self.eyes, Unset):
            eyes = self.eyes



        pivot: list[float] | None | Unset
        if isinstance(self.pivot, Unset):
            pivot = UNSET
        elif isinstance(self.pivot, list):
            pivot = self.pivot


        else:
            pivot = self.pivot

        bleed = self.bleed

        left_eye: list[float] | Unset = UNSET
        if not isinstance(self.left_eye, Unset):
            left_eye = self.left_eye



        right_eye: list[float] | Unset = UNSET
        if not isinstance(self.right_eye, Unset):
            right_eye = self.right_eye



        mouth_width = self.mouth_width

        jaw: list[float] | Unset = UNSET
        if not isinstance(self.jaw, Unset):
            jaw = self.jaw




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if mouth is not UNSET:
            field_dict["mouth"] = mouth
        if eyes is not UNSET:
            field_dict["eyes"] = eyes
        if pivot is not UNSET:
            field_dict["pivot"] = pivot
        if bleed is not UNSET:
            field_dict["bleed"] = bleed
        if left_eye is not UNSET:
            field_dict["left_eye"] = left_eye
        if right_eye is not UNSET:
            field_dict["right_eye"] = right_eye
        if mouth_width is not UNSET:
            field_dict["mouth_width"] = mouth_width
        if jaw is not UNSET:
            field_dict["jaw"] = jaw

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        mouth = cast(list[float], d.pop("mouth", UNSET))


        eyes = cast(list[float], d.pop("eyes", UNSET))


        def _parse_pivot(data: object) -> list[float] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                pivot_type_0 = cast(list[float], data)

                return pivot_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float] | None | Unset, data)

        pivot = _parse_pivot(d.pop("pivot", UNSET))


        bleed = d.pop("bleed", UNSET)

        left_eye = cast(list[float], d.pop("left_eye", UNSET))


        right_eye = cast(list[float], d.pop("right_eye", UNSET))


        mouth_width = d.pop("mouth_width", UNSET)

        jaw = cast(list[float], d.pop("jaw", UNSET))


        model_anchors = cls(
            mouth=mouth,
            eyes=eyes,
            pivot=pivot,
            bleed=bleed,
            left_eye=left_eye,
            right_eye=right_eye,
            mouth_width=mouth_width,
            jaw=jaw,
        )

        return model_anchors

