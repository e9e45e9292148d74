from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.aspect_ratio import AspectRatio
from ..models.output_format import OutputFormat
from ..models.output_quality import OutputQuality
from ..models.size_preset import SizePreset
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.custom_size import CustomSize
  from ..models.param_ref import ParamRef
  from ..models.poster import Poster
  from ..models.time_range import TimeRange





T = TypeVar("T", bound="OutputV2")



@_attrs_define
class OutputV2:
    """ 
        Attributes:
            size (CustomSize | None | ParamRef | SizePreset | Unset): A preset (default `"720p"`) or `{"width", "height"}`.
            aspect (AspectRatio | None | ParamRef | Unset): Only with a preset size. Default `"16:9"`.
            fps (float | None | ParamRef | Unset): Frames per second, default 30.
            format_ (None | OutputFormat | ParamRef | Unset): Default `mp4`.
            quality (None | OutputQuality | ParamRef | Unset): Default `medium`.
            duration (float | None | ParamRef | Unset): Seconds; `null` (default) = the end of the last clip with a definite
                end.
            range_ (None | TimeRange | Unset): Render only this part of the timeline.
            poster (None | Poster | Unset): When the JPEG poster is taken (default: `range.start + min(1, length / 2)`).
     """

    size: CustomSize | None | ParamRef | SizePreset | Unset = UNSET
    aspect: AspectRatio | None | ParamRef | Unset = UNSET
    fps: float | None | ParamRef | Unset = UNSET
    format_: None | OutputFormat | ParamRef | Unset = UNSET
    quality: None | OutputQuality | ParamRef | Unset = UNSET
    duration: float | None | ParamRef | Unset = UNSET
    range_: None | TimeRange | Unset = UNSET
    poster: None | Poster | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.custom_size import CustomSize # noqa: PLC0415
        from ..models.param_ref import ParamRef # noqa: PLC0415
        from ..models.poster import Poster # noqa: PLC0415
        from ..models.time_range import TimeRange # noqa: PLC0415
        size: dict[str, Any] | None | str | Unset
        if isinstance(self.size, Unset):
            size = UNSET
        elif isinstance(self.size, SizePreset):
            size = self.size.value
        elif isinstance(self.size, CustomSize):
            size = self.size.to_dict()
        elif isinstance(self.size, ParamRef):
            size = self.size.to_dict()
        else:
            size = self.size

        aspect: dict[str, Any] | None | str | Unset
        if isinstance(self.aspect, Unset):
            aspect = UNSET
        elif isinstance(self.aspect, AspectRatio):
            aspect = self.aspect.value
        elif isinstance(self.aspect, ParamRef):
            aspect = self.aspect.to_dict()
        else:
            aspect = self.aspect

        fps: dict[str, Any] | float | None | Unset
        if isinstance(self.fps, Unset):
            fps = UNSET
        elif isinstance(self.fps, ParamRef):
            fps = self.fps.to_dict()
        else:
            fps = self.fps

        format_: dict[str, Any] | None | str | Unset
        if isinstance(self.format_, Unset):
            format_ = UNSET
        elif isinstance(self.format_, OutputFormat):
            format_ = self.format_.value
        elif isinstance(self.format_, ParamRef):
            format_ = self.format_.to_dict()
        else:
            format_ = self.format_

        quality: dict[str, Any] | None | str | Unset
        if isinstance(self.quality, Unset):
            quality = UNSET
        elif isinstance(self.quality, OutputQuality):
            quality = self.quality.value
        elif isinstance(self.quality, ParamRef):
            quality = self.quality.to_dict()
        else:
            quality = self.quality

        duration: dict[str, Any] | float | None | Unset
        if isinstance(self.duration, Unset):
            duration = UNSET
        elif isinstance(self.duration, ParamRef):
            duration = self.duration.to_dict()
        else:
            duration = self.duration

        range_: dict[str, Any] | None | Unset
        if isinstance(self.range_, Unset):
            range_ = UNSET
        elif isinstance(self.range_, TimeRange):
            range_ = self.range_.to_dict()
        else:
            range_ = self.range_

        poster: dict[str, Any] | None | Unset
        if isinstance(self.poster, Unset):
            poster = UNSET
        elif isinstance(self.poster, Poster):
            poster = self.poster.to_dict()
        else:
            poster = self.poster


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if size is not UNSET:
            field_dict["size"] = size
        if aspect is not UNSET:
            field_dict["aspect"] = aspect
        if fps is not UNSET:
            field_dict["fps"] = fps
        if format_ is not UNSET:
            field_dict["format"] = format_
        if quality is not UNSET:
            field_dict["quality"] = quality
        if duration is not UNSET:
            field_dict["duration"] = duration
        if range_ is not UNSET:
            field_dict["range"] = range_
        if poster is not UNSET:
            field_dict["poster"] = poster

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.custom_size import CustomSize # noqa: PLC0415
        from ..models.param_ref import ParamRef # noqa: PLC0415
        from ..models.poster import Poster # noqa: PLC0415
        from ..models.time_range import TimeRange # noqa: PLC0415
        d = dict(src_dict)
        def _parse_size(data: object) -> CustomSize | None | ParamRef | SizePreset | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                size_type_0 = SizePreset(data)



                return size_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                size_type_1 = CustomSize.from_dict(data)



                return size_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                size_type_3 = ParamRef.from_dict(data)



                return size_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CustomSize | None | ParamRef | SizePreset | Unset, data)

        size = _parse_size(d.pop("size", UNSET))


        def _parse_aspect(data: object) -> AspectRatio | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                aspect_type_0 = AspectRatio(data)



                return aspect_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                aspect_type_2 = ParamRef.from_dict(data)



                return aspect_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AspectRatio | None | ParamRef | Unset, data)

        aspect = _parse_aspect(d.pop("aspect", UNSET))


        def _parse_fps(data: object) -> float | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                fps_type_1 = ParamRef.from_dict(data)



                return fps_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | None | ParamRef | Unset, data)

        fps = _parse_fps(d.pop("fps", UNSET))


        def _parse_format_(data: object) -> None | OutputFormat | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                format_type_0 = OutputFormat(data)



                return format_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                format_type_2 = ParamRef.from_dict(data)



                return format_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OutputFormat | ParamRef | Unset, data)

        format_ = _parse_format_(d.pop("format", UNSET))


        def _parse_quality(data: object) -> None | OutputQuality | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                quality_type_0 = OutputQuality(data)



                return quality_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                quality_type_2 = ParamRef.from_dict(data)



                return quality_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OutputQuality | ParamRef | Unset, data)

        quality = _parse_quality(d.pop("quality", UNSET))


        def _parse_duration(data: object) -> float | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                duration_type_1 = ParamRef.from_dict(data)



                return duration_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | None | ParamRef | Unset, data)

        duration = _parse_duration(d.pop("duration", UNSET))


        def _parse_range_(data: object) -> None | TimeRange | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                range_type_0 = TimeRange.from_dict(data)



                return range_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TimeRange | Unset, data)

        range_ = _parse_range_(d.pop("range", UNSET))


        def _parse_poster(data: object) -> None | Poster | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                poster_type_0 = Poster.from_dict(data)



                return poster_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Poster | Unset, data)

        poster = _parse_poster(d.pop("poster", UNSET))


        output_v2 = cls(
            size=size,
            aspect=aspect,
            fps=fps,
            format_=format_,
            quality=quality,
            duration=duration,
            range_=range_,
            poster=poster,
        )

        return output_v2

