from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.param_ref import ParamRef





T = TypeVar("T", bound="OutputV1")



@_attrs_define
class OutputV1:
    """ 
        Attributes:
            width (int | ParamRef | Unset):
            height (int | ParamRef | Unset):
            fps (float | ParamRef | Unset):
            duration (float | ParamRef | Unset):
            thumbnail_at (float | ParamRef | Unset):
     """

    width: int | ParamRef | Unset = UNSET
    height: int | ParamRef | Unset = UNSET
    fps: float | ParamRef | Unset = UNSET
    duration: float | ParamRef | Unset = UNSET
    thumbnail_at: float | ParamRef | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.param_ref import ParamRef # noqa: PLC0415
        width: dict[str, Any] | int | Unset
        if isinstance(self.width, Unset):
            width = UNSET
        elif isinstance(self.width, ParamRef):
            width = self.width.to_dict()
        else:
            width = self.width

        height: dict[str, Any] | int | Unset
        if isinstance(self.height, Unset):
            height = UNSET
        elif isinstance(self.height, ParamRef):
            height = self.height.to_dict()
        else:
            height = self.height

        fps: dict[str, Any] | float | Unset
        if isinstance(self.fps, Unset):
            fps = UNSET
        elif isinstance(self.fps, ParamRef):
            fps = self.fps.to_dict()
        else:
            fps = self.fps

        duration: dict[str, Any] | float | Unset
        if isinstance(self.duration, Unset):
            duration = UNSET
        elif isinstance(self.duration, ParamRef):
            duration = self.duration.to_dict()
        else:
            duration = self.duration

        thumbnail_at: dict[str, Any] | float | Unset
        if isinstance(self.thumbnail_at, Unset):
            thumbnail_at = UNSET
        elif isinstance(self.thumbnail_at, ParamRef):
            thumbnail_at = self.thumbnail_at.to_dict()
        else:
            thumbnail_at = self.thumbnail_at


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if width is not UNSET:
            field_dict["width"] = width
        if height is not UNSET:
            field_dict["height"] = height
        if fps is not UNSET:
            field_dict["fps"] = fps
        if duration is not UNSET:
            field_dict["duration"] = duration
        if thumbnail_at is not UNSET:
            field_dict["thumbnail_at"] = thumbnail_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.param_ref import ParamRef # noqa: PLC0415
        d = dict(src_dict)
        def _parse_width(data: object) -> int | ParamRef | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                width_type_1 = ParamRef.from_dict(data)



                return width_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | ParamRef | Unset, data)

        width = _parse_width(d.pop("width", UNSET))


        def _parse_height(data: object) -> int | ParamRef | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                height_type_1 = ParamRef.from_dict(data)



                return height_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | ParamRef | Unset, data)

        height = _parse_height(d.pop("height", UNSET))


        def _parse_fps(data: object) -> float | ParamRef | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                fps_type_1 = ParamRef.from_dict(data)



                return fps_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | ParamRef | Unset, data)

        fps = _parse_fps(d.pop("fps", UNSET))


        def _parse_duration(data: object) -> float | ParamRef | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                duration_type_1 = ParamRef.from_dict(data)



                return duration_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | ParamRef | Unset, data)

        duration = _parse_duration(d.pop("duration", UNSET))


        def _parse_thumbnail_at(data: object) -> float | ParamRef | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_time_value_type_1 = ParamRef.from_dict(data)



                return componentsschemas_time_value_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | ParamRef | Unset, data)

        thumbnail_at = _parse_thumbnail_at(d.pop("thumbnail_at", UNSET))


        output_v1 = cls(
            width=width,
            height=height,
            fps=fps,
            duration=duration,
            thumbnail_at=thumbnail_at,
        )

        return output_v1

