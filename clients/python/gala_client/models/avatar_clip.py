from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.avatar_framing import AvatarFraming
from ..models.clip_length_type_1 import ClipLengthType1
from ..models.position import Position
from ..types import UNSET, Unset
from typing import cast
from typing import Literal, cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.avatar_movement import AvatarMovement
  from ..models.offset import Offset
  from ..models.param_ref import ParamRef
  from ..models.resolved_rig import ResolvedRig
  from ..models.resolved_speech import ResolvedSpeech
  from ..models.transition import Transition
  from ..models.visual_keyframes import VisualKeyframes
  from ..models.voice_settings import VoiceSettings





T = TypeVar("T", bound="AvatarClip")



@_attrs_define
class AvatarClip:
    """ A talking presenter saying `script` (or a `recording`). Its `"auto"` length (the default) is the speech's; music
    ducks under it.

        Attributes:
            type_ (Literal['avatar']):
            model (str): A model id: the built-in presenter's is `01900000-0000-7000-8000-000000000002` (`"builtin"` also
                names it).
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
            script (None | ParamRef | str | Unset): The words to say, plain text or the markup of docs/speech.md (`<break
                time="500ms"/>`, `<emphasis>`); a recording's transcript.
            recording (None | ParamRef | Unset | UUID): A recorded voice (an `audio` asset) instead of synthesis; `script`
                its words.
            voice (None | Unset | VoiceSettings):
            volume (float | None | ParamRef | Unset):
            speech (None | ResolvedSpeech | Unset):
            framing (AvatarFraming | None | Unset):
            size (float | None | ParamRef | Unset): Height as a fraction of the frame's; default 0.9 (full), 0.8 (bust),
                0.32 (circle), 0.3 (pip).
            background (Literal['remove'] | None | ParamRef | str | Unset): A colour behind the puppet inside its framing;
                null keeps the scene. `"remove"` cuts the model out of its own background: puppets already are; a photo model
                would need a segmentation model, and none ships with GALA, so it is refused for photos.
            rig (None | ResolvedRig | Unset):
            border (float | None | ParamRef | Unset): A ring around circle and pip framings, pixels; default 0.
            movement (AvatarMovement | None | Unset):
            keyframes (None | Unset | VisualKeyframes):
     """

    type_: Literal['avatar']
    model: str
    name: None | str | Unset = UNSET
    start: float | None | ParamRef | Unset = UNSET
    length: ClipLengthType1 | float | None | ParamRef | Unset = UNSET
    position: None | ParamRef | Position | Unset = UNSET
    offset: None | Offset | Unset = UNSET
    scale: float | None | ParamRef | Unset = UNSET
    opacity: float | None | ParamRef | Unset = UNSET
    rotation: float | None | ParamRef | Unset = UNSET
    transition: None | Transition | Unset = UNSET
    script: None | ParamRef | str | Unset = UNSET
    recording: None | ParamRef | Unset | UUID = UNSET
    voice: None | Unset | VoiceSettings = UNSET
    volume: float | None | ParamRef | Unset = UNSET
    speech: None | ResolvedSpeech | Unset = UNSET
    framing: AvatarFraming | None | Unset = UNSET
    size: float | None | ParamRef | Unset = UNSET
    background: Literal['remove'] | None | ParamRef | str | Unset = UNSET
    rig: None | ResolvedRig | Unset = UNSET
    border: float | None | ParamRef | Unset = UNSET
    movement: AvatarMovement | None | Unset = UNSET
    keyframes: None | Unset | VisualKeyframes = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.avatar_movement import AvatarMovement # noqa: PLC0415
        from ..models.offset import Offset # noqa: PLC0415
        from ..models.param_ref import ParamRef # noqa: PLC0415
        from ..models.resolved_rig import ResolvedRig # noqa: PLC0415
        from ..models.resolved_speech import ResolvedSpeech # noqa: PLC0415
        from ..models.transition import Transition # noqa: PLC0415
        from ..models.visual_keyframes import VisualKeyframes # noqa: PLC0415
        from ..models.voice_settings import VoiceSettings # noqa: PLC0415
        type_ = self.type_

        model = self.model

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

        script: dict[str, Any] | None | str | Unset
        if isinstance(self.script, Unset):
            script = UNSET
        elif isinstance(self.script, ParamRef):
            script = self.script.to_dict()
        else:
            script = self.script

        recording: dict[str, Any] | None | str | Unset
        if isinstance(self.recording, Unset):
            recording = UNSET
        elif isinstance(self.recording, UUID):
            recording = str(self.recording)
        elif isinstance(self.recording, ParamRef):
            recording = self.recording.to_dict()
        else:
            recording = self.recording

        voice: dict[str, Any] | None | Unset
        if isinstance(self.voice, Unset):
            voice = UNSET
        elif isinstance(self.voice, VoiceSettings):
            voice = self.voice.to_dict()
        else:
            voice = self.voice

        volume: dict[str, Any] | float | None | Unset
        if isinstance(self.volume, Unset):
            volume = UNSET
        elif isinstance(self.volume, ParamRef):
            volume = self.volume.to_dict()
        else:
            volume = self.volume

        speech: dict[str, Any] | None | Unset
        if isinstance(self.speech, Unset):
            speech = UNSET
        elif isinstance(self.speech, ResolvedSpeech):
            speech = self.speech.to_dict()
        else:
            speech = self.speech

        framing: None | str | Unset
        if isinstance(self.framing, Unset):
            framing = UNSET
        elif isinstance(self.framing, AvatarFraming):
            framing = self.framing.value
        else:
            framing = self.framing

        size: dict[str, Any] | float | None | Unset
        if isinstance(self.size, Unset):
            size = UNSET
        elif isinstance(self.size, ParamRef):
            size = self.size.to_dict()
        else:
            size = self.size

        background: dict[str, Any] | Literal['remove'] | None | str | Unset
        if isinstance(self.background, Unset):
            background = UNSET
        elif isinstance(self.background, ParamRef):
            background = self.background.to_dict()
        else:
            background = self.background

        rig: dict[str, Any] | None | Unset
        if isinstance(self.rig, Unset):
            rig = UNSET
        elif isinstance(self.rig, ResolvedRig):
            rig = self.rig.to_dict()
        else:
            rig = self.rig

        border: dict[str, Any] | float | None | Unset
        if isinstance(self.border, Unset):
            border = UNSET
        elif isinstance(self.border, ParamRef):
            border = self.border.to_dict()
        else:
            border = self.border

        movement: dict[str, Any] | None | Unset
        if isinstance(self.movement, Unset):
            movement = UNSET
        elif isinstance(self.movement, AvatarMovement):
            movement = self.movement.to_dict()
        else:
            movement = self.movement

        keyframes: dict[str, Any] | None | Unset
        if isinstance(self.keyframes, Unset):
            keyframes = UNSET
        elif isinstance(self.keyframes, VisualKeyframes):
            keyframes = self.keyframes.to_dict()
        else:
            keyframes = self.keyframes


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "type": type_,
            "model": model,
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
        if script is not UNSET:
            field_dict["script"] = script
        if recording is not UNSET:
            field_dict["recording"] = recording
        if voice is not UNSET:
            field_dict["voice"] = voice
        if volume is not UNSET:
            field_dict["volume"] = volume
        if speech is not UNSET:
            field_dict["speech"] = speech
        if framing is not UNSET:
            field_dict["framing"] = framing
        if size is not UNSET:
            field_dict["size"] = size
        if background is not UNSET:
            field_dict["background"] = background
        if rig is not UNSET:
            field_dict["rig"] = rig
        if border is not UNSET:
            field_dict["border"] = border
        if movement is not UNSET:
            field_dict["movement"] = movement
        if keyframes is not UNSET:
            field_dict["keyframes"] = keyframes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.avatar_movement import AvatarMovement # noqa: PLC0415
        from ..models.offset import Offset # noqa: PLC0415
        from ..models.param_ref import ParamRef # noqa: PLC0415
        from ..models.resolved_rig import ResolvedRig # noqa: PLC0415
        from ..models.resolved_speech import ResolvedSpeech # noqa: PLC0415
        from ..models.transition import Transition # noqa: PLC0415
        from ..models.visual_keyframes import VisualKeyframes # noqa: PLC0415
        from ..models.voice_settings import VoiceSettings # noqa: PLC0415
        d = dict(src_dict)
        type_ = cast(Literal['avatar'] , d.pop("type"))
        if type_ != 'avatar':
            raise ValueError(f"type must match const 'avatar', got '{type_}'")

        model = d.pop("model")

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


        def _parse_script(data: object) -> None | ParamRef | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                script_type_1 = ParamRef.from_dict(data)



                return script_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ParamRef | str | Unset, data)

        script = _parse_script(d.pop("script", UNSET))


        def _parse_recording(data: object) -> None | ParamRef | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_asset_ref_type_0 = UUID(data)



                return componentsschemas_asset_ref_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_asset_ref_type_1 = ParamRef.from_dict(data)



                return componentsschemas_asset_ref_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ParamRef | Unset | UUID, data)

        recording = _parse_recording(d.pop("recording", UNSET))


        def _parse_voice(data: object) -> None | Unset | VoiceSettings:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                voice_type_0 = VoiceSettings.from_dict(data)



                return voice_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VoiceSettings, data)

        voice = _parse_voice(d.pop("voice", UNSET))


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


        def _parse_speech(data: object) -> None | ResolvedSpeech | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                speech_type_0 = ResolvedSpeech.from_dict(data)



                return speech_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ResolvedSpeech | Unset, data)

        speech = _parse_speech(d.pop("speech", UNSET))


        def _parse_framing(data: object) -> AvatarFraming | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                framing_type_0 = AvatarFraming(data)



                return framing_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AvatarFraming | None | Unset, data)

        framing = _parse_framing(d.pop("framing", UNSET))


        def _parse_size(data: object) -> float | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                size_type_1 = ParamRef.from_dict(data)



                return size_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | None | ParamRef | Unset, data)

        size = _parse_size(d.pop("size", UNSET))


        def _parse_background(data: object) -> Literal['remove'] | None | ParamRef | str | Unset:
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
            background_type_1 = cast(Literal['remove'] , data)
            if background_type_1 != 'remove':
                raise ValueError(f"background_type_1 must match const 'remove', got '{background_type_1}'")
            return background_type_1
            return cast(Literal['remove'] | None | ParamRef | str | Unset, data)

        background = _parse_background(d.pop("background", UNSET))


        def _parse_rig(data: object) -> None | ResolvedRig | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rig_type_0 = ResolvedRig.from_dict(data)



                return rig_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ResolvedRig | Unset, data)

        rig = _parse_rig(d.pop("rig", UNSET))


        def _parse_border(data: object) -> float | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                border_type_1 = ParamRef.from_dict(data)



                return border_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | None | ParamRef | Unset, data)

        border = _parse_border(d.pop("border", UNSET))


        def _parse_movement(data: object) -> AvatarMovement | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                movement_type_0 = AvatarMovement.from_dict(data)



                return movement_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AvatarMovement | None | Unset, data)

        movement = _parse_movement(d.pop("movement", UNSET))


        def _parse_keyframes(data: object) -> None | Unset | VisualKeyframes:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                keyframes_type_0 = VisualKeyframes.from_dict(data)



                return keyframes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VisualKeyframes, data)

        keyframes = _parse_keyframes(d.pop("keyframes", UNSET))


        avatar_clip = cls(
            type_=type_,
            model=model,
            name=name,
            start=start,
            length=length,
            position=position,
            offset=offset,
            scale=scale,
            opacity=opacity,
            rotation=rotation,
            transition=transition,
            script=script,
            recording=recording,
            voice=voice,
            volume=volume,
            speech=speech,
            framing=framing,
            size=size,
            background=background,
            rig=rig,
            border=border,
            movement=movement,
            keyframes=keyframes,
        )


        avatar_clip.additional_properties = d
        return avatar_clip

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
