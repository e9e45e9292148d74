from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.layer_placement_position import LayerPlacementPosition
from ..types import UNSET, Unset
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.layer_placement_offset import LayerPlacementOffset
  from ..models.param_ref import ParamRef





T = TypeVar("T", bound="ColorLayer")



@_attrs_define
class ColorLayer:
    """ 
        Attributes:
            type_ (Literal['color']):
            color (ParamRef | str):
            start (float | ParamRef | Unset):
            end (float | None | ParamRef | Unset): `null`: until the end.
            fade_in (float | ParamRef | Unset):
            fade_out (float | ParamRef | Unset):
            name (str | Unset): A label for editors; not rendered.
            id (str | Unset): A label for editors; not rendered.
            position (LayerPlacementPosition | Unset):
            offset (LayerPlacementOffset | Unset): Pixels from the anchor; positive `y` is down.
            opacity (float | Unset):
            width (int | Unset): Pixels; omit for full frame.
            height (int | Unset): Pixels; omit for full frame.
     """

    type_: Literal['color']
    color: ParamRef | str
    start: float | ParamRef | Unset = UNSET
    end: float | None | ParamRef | Unset = UNSET
    fade_in: float | ParamRef | Unset = UNSET
    fade_out: float | ParamRef | Unset = UNSET
    name: str | Unset = UNSET
    id: str | Unset = UNSET
    position: LayerPlacementPosition | Unset = UNSET
    offset: LayerPlacementOffset | Unset = UNSET
    opacity: float | Unset = UNSET
    width: int | Unset = UNSET
    height: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.layer_placement_offset import LayerPlacementOffset # noqa: PLC0415
        from ..models.param_ref import ParamRef # noqa: PLC0415
        type_ = self.type_

        color: dict[str, Any] | str
        if isinstance(self.color, ParamRef):
            color = self.color.to_dict()
        else:
            color = self.color

        start: dict[str, Any] | float | Unset
        if isinstance(self.start, Unset):
            start = UNSET
        elif isinstance(self.start, ParamRef):
            start = self.start.to_dict()
        else:
            start = self.start

        end: dict[str, Any] | float | None | Unset
        if isinstance(self.end, Unset):
            end = UNSET
        elif isinstance(self.end, ParamRef):
            end = self.end.to_dict()
        else:
            end = self.end

        fade_in: dict[str, Any] | float | Unset
        if isinstance(self.fade_in, Unset):
            fade_in = UNSET
        elif isinstance(self.fade_in, ParamRef):
            fade_in = self.fade_in.to_dict()
        else:
            fade_in = self.fade_in

        fade_out: dict[str, Any] | float | Unset
        if isinstance(self.fade_out, Unset):
            fade_out = UNSET
        elif isinstance(self.fade_out, ParamRef):
            fade_out = self.fade_out.to_dict()
        else:
            fade_out = self.fade_out

        name = self.name

        id = self.id

        position: str | Unset = UNSET
        if not isinstance(self.position, Unset):
            position = self.position.value


        offset: dict[str, Any] | Unset = UNSET
        if not isinstance(self.offset, Unset):
            offset = self.offset.to_dict()

        opacity = self.opacity

        width = self.width

        height = self.height


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "type": type_,
            "color": color,
        })
        if start is not UNSET:
            field_dict["start"] = start
        if end is not UNSET:
            field_dict["end"] = end
        if fade_in is not UNSET:
            field_dict["fade_in"] = fade_in
        if fade_out is not UNSET:
            field_dict["fade_out"] = fade_out
        if name is not UNSET:
            field_dict["name"] = name
        if id is not UNSET:
            field_dict["id"] = id
        if position is not UNSET:
            field_dict["position"] = position
        if offset is not UNSET:
            field_dict["offset"] = offset
        if opacity is not UNSET:
            field_dict["opacity"] = opacity
        if width is not UNSET:
            field_dict["width"] = width
        if height is not UNSET:
            field_dict["height"] = height

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.layer_placement_offset import LayerPlacementOffset # noqa: PLC0415
        from ..models.param_ref import ParamRef # noqa: PLC0415
        d = dict(src_dict)
        type_ = cast(Literal['color'] , d.pop("type"))
        if type_ != 'color':
            raise ValueError(f"type must match const 'color', got '{type_}'")

        def _parse_color(data: object) -> ParamRef | str:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_color_value_type_1 = ParamRef.from_dict(data)



                return componentsschemas_color_value_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ParamRef | str, data)

        color = _parse_color(d.pop("color"))


        def _parse_start(data: object) -> float | ParamRef | Unset:
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

        start = _parse_start(d.pop("start", UNSET))


        def _parse_end(data: object) -> float | None | ParamRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_time_value_type_1 = ParamRef.from_dict(data)



                return componentsschemas_time_value_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | None | ParamRef | Unset, data)

        end = _parse_end(d.pop("end", UNSET))


        def _parse_fade_in(data: object) -> float | ParamRef | Unset:
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

        fade_in = _parse_fade_in(d.pop("fade_in", UNSET))


        def _parse_fade_out(data: object) -> float | ParamRef | Unset:
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

        fade_out = _parse_fade_out(d.pop("fade_out", UNSET))


        name = d.pop("name", UNSET)

        id = d.pop("id", UNSET)

        _position = d.pop("position", UNSET)
        position: LayerPlacementPosition | Unset
        if isinstance(_position,  Unset):
            position = UNSET
        else:
            position = LayerPlacementPosition(_position)




        _offset = d.pop("offset", UNSET)
        offset: LayerPlacementOffset | Unset
        if isinstance(_offset,  Unset):
            offset = UNSET
        else:
            offset = LayerPlacementOffset.from_dict(_offset)




        opacity = d.pop("opacity", UNSET)

        width = d.pop("width", UNSET)

        height = d.pop("height", UNSET)

        color_layer = cls(
            type_=type_,
            color=color,
            start=start,
            end=end,
            fade_in=fade_in,
            fade_out=fade_out,
            name=name,
            id=id,
            position=position,
            offset=offset,
            opacity=opacity,
            width=width,
            height=height,
        )


        color_layer.additional_properties = d
        return color_layer

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
