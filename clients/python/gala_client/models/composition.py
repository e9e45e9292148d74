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
  from ..models.output_v2 import OutputV2
  from ..models.param_ref import ParamRef
  from ..models.soundtrack import Soundtrack
  from ..models.track import Track





T = TypeVar("T", bound="Composition")



@_attrs_define
class Composition:
    """ What a template renders (composition format version 2, see docs/composition.md): output
    settings, a background, an optional soundtrack and tracks of clips. Later tracks paint on
    top of earlier ones. Clips name media by asset id (`asset`); an id written in the template
    must exist and be of the right kind when the template is saved. The schema checks shapes
    and ranges; submitting a job also checks meaning (times that fit, asset kinds, SRT that
    parses) and names every problem.

        Attributes:
            version (Literal[2]):
            output (OutputV2 | Unset):
            background (None | ParamRef | str | Unset):
            soundtrack (None | Soundtrack | Unset): Background music for the whole video; `null` for none.
            tracks (list[Track] | None | Unset):
     """

    version: Literal[2]
    output: OutputV2 | Unset = UNSET
    background: None | ParamRef | str | Unset = UNSET
    soundtrack: None | Soundtrack | Unset = UNSET
    tracks: list[Track] | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.output_v2 import OutputV2 # noqa: PLC0415
        from ..models.param_ref import ParamRef # noqa: PLC0415
        from ..models.soundtrack import Soundtrack # noqa: PLC0415
        from ..models.track import Track # noqa: PLC0415
        version = self.version

        output: dict[str, Any] | Unset = UNSET
        if not isinstance(self.output, Unset):
            output = self.output.to_dict()

        background: dict[str, Any] | None | str | Unset
        if isinstance(self.background, Unset):
            background = UNSET
        elif isinstance(self.background, ParamRef):
            background = self.background.to_dict()
        else:
            background = self.background

        soundtrack: dict[str, Any] | None | Unset
        if isinstance(self.soundtrack, Unset):
            soundtrack = UNSET
        elif isinstance(self.soundtrack, Soundtrack):
            soundtrack = self.soundtrack.to_dict()
        else:
            soundtrack = self.soundtrack

        tracks: list[dict[str, Any]] | None | Unset
        if isinstance(self.tracks, Unset):
            tracks = UNSET
        elif isinstance(self.tracks, list):
            tracks = []
            for tracks_type_0_item_data in self.tracks:
                tracks_type_0_item = tracks_type_0_item_data.to_dict()
                tracks.append(tracks_type_0_item)


        else:
            tracks = self.tracks


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "version": version,
        })
        if output is not UNSET:
            field_dict["output"] = output
        if background is not UNSET:
            field_dict["background"] = background
        if soundtrack is not UNSET:
            field_dict["soundtrack"] = soundtrack
        if tracks is not UNSET:
            field_dict["tracks"] = tracks

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.output_v2 import OutputV2 # noqa: PLC0415
        from ..models.param_ref import ParamRef # noqa: PLC0415
        from ..models.soundtrack import Soundtrack # noqa: PLC0415
        from ..models.track import Track # noqa: PLC0415
        d = dict(src_dict)
        version = cast(Literal[2] , d.pop("version"))
        if version != 2:
            raise ValueError(f"version must match const 2, got '{version}'")

        _output = d.pop("output", UNSET)
        output: OutputV2 | Unset
        if isinstance(_output,  Unset):
            output = UNSET
        else:
            output = OutputV2.from_dict(_output)




        def _parse_background(data: object) -> None | ParamRef | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_optional_color_type_1 = ParamRef.from_dict(data)



                return componentsschemas_optional_color_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ParamRef | str | Unset, data)

        background = _parse_background(d.pop("background", UNSET))


        def _parse_soundtrack(data: object) -> None | Soundtrack | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                soundtrack_type_0 = Soundtrack.from_dict(data)



                return soundtrack_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Soundtrack | Unset, data)

        soundtrack = _parse_soundtrack(d.pop("soundtrack", UNSET))


        def _parse_tracks(data: object) -> list[Track] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tracks_type_0 = []
                _tracks_type_0 = data
                for tracks_type_0_item_data in (_tracks_type_0):
                    tracks_type_0_item = Track.from_dict(tracks_type_0_item_data)



                    tracks_type_0.append(tracks_type_0_item)

                return tracks_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Track] | None | Unset, data)

        tracks = _parse_tracks(d.pop("tracks", UNSET))


        composition = cls(
            version=version,
            output=output,
            background=background,
            soundtrack=soundtrack,
            tracks=tracks,
        )

        return composition

