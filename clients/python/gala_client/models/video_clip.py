from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.clip_length_type_1 import ClipLengthType1
from ..models.fit import Fit
from ..models.position import Position
from ..types import UNSET, Unset
from typing import cast
from typing import Literal, cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.ken_burns import KenBurns
  from ..models.media_trim import MediaTrim
  from ..models.offset import Offset
  from ..models.param_ref import ParamRef
  from ..models.transition import Transition
  from ..models.video_keyframes import VideoKeyframes





T = TypeVar("T", bound="VideoClip")



@_attrs_define
class VideoClip:
    """ 
        Attributes:
            type_ (Literal['video']):
            asset (ParamRef | UUID): An asset id (`GET /assets`), or a placeholder for an asset parameter (`x-gala-asset`).
            name (None | str | Unset): A label, for people.
            start (float | None | ParamRef | Unset):
            length (ClipLengthType1 | float | None | ParamRef | Unset): Seconds (> 0), `"end"` (until the video ends) or
                `"auto"` (the media's length after
                trimming; `video`, `captions`, `avatar`, `audio`, `speech`). Default `"auto"` for those, `"end"` otherwise.
            position (None | ParamRef | Position | Unset): Where the clip's box is anchored. Default `center` (`bottom` for
                captions).
            offset (None | Offset | Unset):
            scale (float | None | ParamRef | Unset): Size multiplier, default 1.
            opacity (float | None | ParamRef | Unset):
            rotation (float | None | ParamRef | Unset): Degrees clockwise, default 0.
            transition (None | Transition | Unset):
            fit (Fit | None | ParamRef | Unset):
            effect (KenBurns | None | Unset):
            trim (MediaTrim | None | Unset):
            volume (float | None | ParamRef | Unset):
            mute (bool | None | ParamRef | Unset):
            keyframes (None | Unset | VideoKeyframes):
     """

    type_: Literal['video']
    asset: ParamRef | UUID
    name: None | str | Unset = UNSET
    start: float | None | ParamRef | Unset = UNSET
    length: ClipLengthType1 | float | None | ParamRef | Unset = UNSET
    position: None | ParamRef | Position | Unset = UNSET
    offset: None | Offset | Unset = UNSET
    scale: float | None | ParamRef | Unset = UNSET
    opacity: float | None | ParamRef | Unset = UNSET
    rotation: float | None | ParamRef | Unset = UNSET
    transition: None | Transition | Unset = UNSET
    fit: Fit | None | ParamRef | Unset = UNSET
    effect: KenBurns | None | Unset = UNSET
    trim: MediaTrim | None | Unset = UNSET
    volume: float | None | ParamRef | Unset = UNSET
    mute: bool | None | ParamRef | Unset = UNSET
    keyframes: None | Unset | VideoKeyframes = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.ken_burns import KenBurns # noqa: PLC0415
        from ..models.media_trim import MediaTrim # noqa: PLC0415
        from ..models.offset import Offset # noqa: PLC0415
        from ..models.param_ref import ParamRef # noqa: PLC0415
        from ..models.transition import Transition # noqa: PLC0415
        from ..models.video_keyframes import VideoKeyframes # noqa: PLC0415
        type_ = self.type_

        asset: dict[str, Any] | str
        if isinstance(self.asset, UUID):
            asset = str(self.asset)
        else:
            asset = self.asset.to_dict()


        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        start: dict[str, Any] | float | None | Unset
        if isinstance(self.start, Unset):
            start = UNSET
        elif isinstance(self.start, ParamRef):
            start = self.start.to_dict()
        else:
            start = self.start

        length: dict[str, Any] | float | None | str | Unset
        if isinstance(self.length, Unset):
            length = UNSET
        elif isinstance(self.length, ClipLengthType1):
            length = self.length.value
        elif isinstance(self.length, ParamRef):
            length = self.length.to_dict()
        else:
            length = self.length

        position: dict[str, Any] | None | str | Unset
        if isinstance(self.position, Unset):
            position = UNSET
        elif isinstance(self.position, Position):
            position = self.position.value
        elif isinstance(self.position, ParamRef):
            position = self.position.to_dict()
        else:
            position = self.position

        offset: dict[str, Any] | None | Unset
        if isinstance(self.offset, Unset):
            offset = UNSET
        elif isinstance(self.offset, Offset):
            offset = self.offset.to_dict()
        else:
            offset = self.offset

        scale: dict[str, Any] | float | None | Unset
        if isinstance(self.scale, Unset):
            scale = UNSET
        elif isinstance(self.scale, ParamRef):
            scale = self.scale.to_dict()
        else:
            scale = self.scale

        opacity: dict[str, Any] | float | None | Unset
        if isinstance(self.opacity, Unset):
            opacity = UNSET
        elif isinstance(self.opacity, ParamRef):
            opacity = self.opacity.to_dict()
        else:
            opacity = self.opacity

        rotation: dict[str, Any] | float | None | Unset
        if isinstance(self.rotation, Unset):
            rotation = UNSET
        elif isinstance(self.rotation, ParamRef):
            rotation = self.rotation.to_dict()
        else:
            rotation = self.rotation

        transition: dict[str, Any] | None | Unset
        if isinstance(self.transition, Unset):
            transition = UNSET
        elif isinstance(self.transition, Transition):
            transition = self.transition.to_dict()
        else:
            transition = self.transition

        fit: dict[str, Any] | None | str | Unset
        if isinstance(self.fit, Unset):
            fit = UNSET
        elif isinstance(self.fit, Fit):
            fit = self.fit.value
        elif isinstance(self.fit, ParamRef):
            fit = self.fit.to_dict()
        else:
            fit = self.fit

        effect: dict[str, Any] | None | Unset
        if isinstance(self.effect, Unset):
            effect = UNSET
        elif isinstance(self.effect, KenBurns):
            effect = self.effect.to_dict()
        else:
            effect = self.effect

        trim: dict[str, Any] | None | Unset
        if isinstance(self.trim, Unset):
            trim = UNSET
        elif isinstance(self.trim, MediaTrim):
            trim = self.trim.to_dict()
        else:
            trim = self.trim

        volume: dict[str, Any] | float | None | Unset
        if isinstance(self.volume, Unset):
            volume = UNSET
        elif isinstance(self.volume, ParamRef):
            volume = self.volume.to_dict()
        else:
            volume = self.volume

        mute: bool | dict[str, Any] | None | Unset
        if isinstance(self.mute, Unset):
            mute = UNSET
        elif isinstance(self.mute, ParamRef):
            mute = self.mute.to_dict()
        else:
            mute = self.mute

        keyframes: dict[str, Any] | None | Unset
        if isinstance(self.keyframes, Unset):
            keyframes = UNSET
        elif isinstance(self.keyframes, VideoKeyframes):
            keyframes = self.keyframes.to_dict()
        else:
            keyframes = self.keyframes


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "type": type_,
            "asset": asset,
        })
        if name is not UNSET:
            field_dict["name"] = name
        if start is not UNSET:
            field_dict["start"] = start
        if length is not UNSET:
            field_dict["length"] = length
        if position is not UNSET:
            field_dict["position"] = position
        if offset is not UNSET:
            field_dict["offset"] = offset
        if scale is not UNSET:
            field_dict["scale"] = scale
        if opacity is not UNSET:
            field_dict["opacity"] = opacity
        if rotation is not UNSET:
            field_dict["rotation"] = rotation
        if transition is not UNSET:
            field_dict["transition"] = transition
        if fit is not UNSET:
            field_dict["fit"] = fit
        if effect is not UNSET:
            field_dict["effect"] = effect
        if trim is not UNSET:
            field_dict["trim"] = trim
        if volume is not UNSET:
            field_dict["volume"] = volume
        if mute is not UNSET:
            field_dict["mute"] = mute
        if keyframes is not UNSET:
            field_dict["keyframes"] = keyframes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ken_burns import KenBurns # noqa: PLC0415
        from ..models.media_trim import MediaTrim # noqa: PLC0415
        from ..models.offset import Offset # noqa: PLC0415
        from ..models.param_ref import ParamRef # noqa: PLC0415
        from ..models.transition import Transition # noqa: PLC0415
        from ..models.video_keyframes import VideoKeyframes # noqa: PLC0415
        d = dict(src_dict)
        type_ = cast(Literal['video'] , d.pop("type"))
        if type_ != 'video':
            raise ValueError(f"type must match const 'video', got '{type_}'")

        def _parse_asset(data: object) -> ParamRef | UUID:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_asset_ref_type_0 = UUID(data)



                return componentsschemas_asset_ref_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_asset_ref_type_1 = ParamRef.from_dict(data)



            return componentsschemas_asset_ref_type_1

        asset = _parse_asset(d.pop("asset"))


        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        def _parse_start(data: object) -> float | None | ParamRef | Unset:
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

        start = _parse_start(d.pop("start", UNSET))


        def _parse_length(data: object) -> ClipLengthType1 | float | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_clip_length_type_1 = ClipLengthType1(data)



                return componentsschemas_clip_length_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_clip_length_type_2 = ParamRef.from_dict(data)



                return componentsschemas_clip_length_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ClipLengthType1 | float | None | ParamRef | Unset, data)

        length = _parse_length(d.pop("length", UNSET))


        def _parse_position(data: object) -> None | ParamRef | Position | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                position_type_0 = Position(data)



                return position_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                position_type_2 = ParamRef.from_dict(data)



                return position_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ParamRef | Position | Unset, data)

        position = _parse_position(d.pop("position", UNSET))


        def _parse_offset(data: object) -> None | Offset | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                offset_type_0 = Offset.from_dict(data)



                return offset_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Offset | Unset, data)

        offset = _parse_offset(d.pop("offset", UNSET))


        def _parse_scale(data: object) -> float | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                scale_type_1 = ParamRef.from_dict(data)



                return scale_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | None | ParamRef | Unset, data)

        scale = _parse_scale(d.pop("scale", UNSET))


        def _parse_opacity(data: object) -> float | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_optional_unit_type_1 = ParamRef.from_dict(data)



                return componentsschemas_optional_unit_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | None | ParamRef | Unset, data)

        opacity = _parse_opacity(d.pop("opacity", UNSET))


        def _parse_rotation(data: object) -> float | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rotation_type_1 = ParamRef.from_dict(data)



                return rotation_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | None | ParamRef | Unset, data)

        rotation = _parse_rotation(d.pop("rotation", UNSET))


        def _parse_transition(data: object) -> None | Transition | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                transition_type_0 = Transition.from_dict(data)



                return transition_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Transition | Unset, data)

        transition = _parse_transition(d.pop("transition", UNSET))


        def _parse_fit(data: object) -> Fit | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                fit_type_0 = Fit(data)



                return fit_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                fit_type_2 = ParamRef.from_dict(data)



                return fit_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Fit | None | ParamRef | Unset, data)

        fit = _parse_fit(d.pop("fit", UNSET))


        def _parse_effect(data: object) -> KenBurns | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                effect_type_0 = KenBurns.from_dict(data)



                return effect_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(KenBurns | None | Unset, data)

        effect = _parse_effect(d.pop("effect", UNSET))


        def _parse_trim(data: object) -> MediaTrim | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                trim_type_0 = MediaTrim.from_dict(data)



                return trim_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MediaTrim | None | Unset, data)

        trim = _parse_trim(d.pop("trim", UNSET))


        def _parse_volume(data: object) -> float | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_optional_volume_type_1 = ParamRef.from_dict(data)



                return componentsschemas_optional_volume_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | None | ParamRef | Unset, data)

        volume = _parse_volume(d.pop("volume", UNSET))


        def _parse_mute(data: object) -> bool | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_optional_boolean_type_1 = ParamRef.from_dict(data)



                return componentsschemas_optional_boolean_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(bool | None | ParamRef | Unset, data)

        mute = _parse_mute(d.pop("mute", UNSET))


        def _parse_keyframes(data: object) -> None | Unset | VideoKeyframes:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                keyframes_type_0 = VideoKeyframes.from_dict(data)



                return keyframes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VideoKeyframes, data)

        keyframes = _parse_keyframes(d.pop("keyframes", UNSET))


        video_clip = cls(
            type_=type_,
            asset=asset,
            name=name,
            start=start,
            length=length,
            position=position,
            offset=offset,
            scale=scale,
            opacity=opacity,
            rotation=rotation,
            transition=transition,
            fit=fit,
            effect=effect,
            trim=trim,
            volume=volume,
            mute=mute,
            keyframes=keyframes,
        )


        video_clip.additional_properties = d
        return video_clip

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
