from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.avatar_clip import AvatarClip
  from ..models.captions_clip import CaptionsClip
  from ..models.clip_timing import ClipTiming
  from ..models.color_clip import ColorClip
  from ..models.gradient_clip import GradientClip
  from ..models.image_clip import ImageClip
  from ..models.param_ref import ParamRef
  from ..models.shape_clip import ShapeClip
  from ..models.speech_clip import SpeechClip
  from ..models.text_clip import TextClip
  from ..models.video_clip import VideoClip





T = TypeVar("T", bound="Track")



@_attrs_define
class Track:
    """ 
        Attributes:
            name (None | str | Unset): A label, for people.
            crossfade (float | None | ParamRef | Unset):
            clips (list[AvatarClip | CaptionsClip | ClipTiming | ColorClip | GradientClip | ImageClip | ShapeClip |
                SpeechClip | TextClip | VideoClip] | None | Unset):
     """

    name: None | str | Unset = UNSET
    crossfade: float | None | ParamRef | Unset = UNSET
    clips: list[AvatarClip | CaptionsClip | ClipTiming | ColorClip | GradientClip | ImageClip | ShapeClip | SpeechClip | TextClip | VideoClip] | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.avatar_clip import AvatarClip # noqa: PLC0415
        from ..models.captions_clip import CaptionsClip # noqa: PLC0415
        from ..models.clip_timing import ClipTiming # noqa: PLC0415
        from ..models.color_clip import ColorClip # noqa: PLC0415
        from ..models.gradient_clip import GradientClip # noqa: PLC0415
        from ..models.image_clip import ImageClip # noqa: PLC0415
        from ..models.param_ref import ParamRef # noqa: PLC0415
        from ..models.shape_clip import ShapeClip # noqa: PLC0415
        from ..models.speech_clip import SpeechClip # noqa: PLC0415
        from ..models.text_clip import TextClip # noqa: PLC0415
        from ..models.video_clip import VideoClip # noqa: PLC0415
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        crossfade: dict[str, Any] | float | None | Unset
        if isinstance(self.crossfade, Unset):
            crossfade = UNSET
        elif isinstance(self.crossfade, ParamRef):
            crossfade = self.crossfade.to_dict()
        else:
            crossfade = self.crossfade

        clips: list[dict[str, Any]] | None | Unset
        if isinstance(self.clips, Unset):
            clips = UNSET
        elif isinstance(self.clips, list):
            clips = []
            for clips_type_0_item_data in self.clips:
                clips_type_0_item: dict[str, Any]
                if isinstance(clips_type_0_item_data, ColorClip):
                    clips_type_0_item = clips_type_0_item_data.to_dict()
                elif isinstance(clips_type_0_item_data, GradientClip):
                    clips_type_0_item = clips_type_0_item_data.to_dict()
                elif isinstance(clips_type_0_item_data, ImageClip):
                    clips_type_0_item = clips_type_0_item_data.to_dict()
                elif isinstance(clips_type_0_item_data, VideoClip):
                    clips_type_0_item = clips_type_0_item_data.to_dict()
                elif isinstance(clips_type_0_item_data, TextClip):
                    clips_type_0_item = clips_type_0_item_data.to_dict()
                elif isinstance(clips_type_0_item_data, CaptionsClip):
                    clips_type_0_item = clips_type_0_item_data.to_dict()
                elif isinstance(clips_type_0_item_data, ShapeClip):
                    clips_type_0_item = clips_type_0_item_data.to_dict()
                elif isinstance(clips_type_0_item_data, AvatarClip):
                    clips_type_0_item = clips_type_0_item_data.to_dict()
                elif isinstance(clips_type_0_item_data, ClipTiming):
                    clips_type_0_item = clips_type_0_item_data.to_dict()
                else:
                    clips_type_0_item = clips_type_0_item_data.to_dict()

                clips.append(clips_type_0_item)


        else:
            clips = self.clips


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if name is not UNSET:
            field_dict["name"] = name
        if crossfade is not UNSET:
            field_dict["crossfade"] = crossfade
        if clips is not UNSET:
            field_dict["clips"] = clips

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.avatar_clip import AvatarClip # noqa: PLC0415
        from ..models.captions_clip import CaptionsClip # noqa: PLC0415
        from ..models.clip_timing import ClipTiming # noqa: PLC0415
        from ..models.color_clip import ColorClip # noqa: PLC0415
        from ..models.gradient_clip import GradientClip # noqa: PLC0415
        from ..models.image_clip import ImageClip # noqa: PLC0415
        from ..models.param_ref import ParamRef # noqa: PLC0415
        from ..models.shape_clip import ShapeClip # noqa: PLC0415
        from ..models.speech_clip import SpeechClip # noqa: PLC0415
        from ..models.text_clip import TextClip # noqa: PLC0415
        from ..models.video_clip import VideoClip # noqa: PLC0415
        d = dict(src_dict)
        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        def _parse_crossfade(data: object) -> float | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_optional_seconds_type_1 = ParamRef.from_dict(data)



                return componentsschemas_optional_seconds_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | None | ParamRef | Unset, data)

        crossfade = _parse_crossfade(d.pop("crossfade", UNSET))


        def _parse_clips(data: object) -> list[AvatarClip | CaptionsClip | ClipTiming | ColorClip | GradientClip | ImageClip | ShapeClip | SpeechClip | TextClip | VideoClip] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                clips_type_0 = []
                _clips_type_0 = data
                for clips_type_0_item_data in (_clips_type_0):
                    def _parse_clips_type_0_item(data: object) -> AvatarClip | CaptionsClip | ClipTiming | ColorClip | GradientClip | ImageClip | ShapeClip | SpeechClip | TextClip | VideoClip:
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_clip_type_0 = ColorClip.from_dict(data)



                            return componentsschemas_clip_type_0
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_clip_type_1 = GradientClip.from_dict(data)



                            return componentsschemas_clip_type_1
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_clip_type_2 = ImageClip.from_dict(data)



                            return componentsschemas_clip_type_2
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_clip_type_3 = VideoClip.from_dict(data)



                            return componentsschemas_clip_type_3
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_clip_type_4 = TextClip.from_dict(data)



                            return componentsschemas_clip_type_4
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_clip_type_5 = CaptionsClip.from_dict(data)



                            return componentsschemas_clip_type_5
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_clip_type_6 = ShapeClip.from_dict(data)



                            return componentsschemas_clip_type_6
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_clip_type_7 = AvatarClip.from_dict(data)



                            return componentsschemas_clip_type_7
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_clip_type_8 = ClipTiming.from_dict(data)



                            return componentsschemas_clip_type_8
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_clip_type_10 = SpeechClip.from_dict(data)



                        return componentsschemas_clip_type_10

                    clips_type_0_item = _parse_clips_type_0_item(clips_type_0_item_data)

                    clips_type_0.append(clips_type_0_item)

                return clips_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AvatarClip | CaptionsClip | ClipTiming | ColorClip | GradientClip | ImageClip | ShapeClip | SpeechClip | TextClip | VideoClip] | None | Unset, data)

        clips = _parse_clips(d.pop("clips", UNSET))


        track = cls(
            name=name,
            crossfade=crossfade,
            clips=clips,
        )

        return track

