from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.webhook_event_type import WebhookEventType
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="WebhookPatch")



@_attrs_define
class WebhookPatch:
    """ 
        Attributes:
            url (str | Unset): An `http://` or `https://` URL whose host resolves to public addresses (see
                `webhooks.create`).
            description (None | str | Unset):
            events (list[WebhookEventType] | None | Unset): `null` means all event types.
            secret (str | Unset): A Standard Webhooks secret, `whsec_` and the base64 of 24 to 64 random bytes.
            enabled (bool | Unset):
     """

    url: str | Unset = UNSET
    description: None | str | Unset = UNSET
    events: list[WebhookEventType] | None | Unset = UNSET
    secret: str | Unset = UNSET
    enabled: bool | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        url = self.url

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        events: list[str] | None | Unset
        if isinstance(self.events, Unset):
            events = UNSET
        elif isinstance(self.events, list):
            events = []
            for componentsschemas_webhook_events_item_data in self.events:
                componentsschemas_webhook_events_item = componentsschemas_webhook_events_item_data.value
                events.append(componentsschemas_webhook_events_item)


        else:
            events = self.events

        secret = self.secret

        enabled = self.enabled


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if url is not UNSET:
            field_dict["url"] = url
        if description is not UNSET:
            field_dict["description"] = description
        if events is not UNSET:
            field_dict["events"] = events
        if secret is not UNSET:
            field_dict["secret"] = secret
        if enabled is not UNSET:
            field_dict["enabled"] = enabled

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        def _parse_events(data: object) -> list[WebhookEventType] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                events_type_0 = []
                _events_type_0 = data
                for componentsschemas_webhook_events_item_data in (_events_type_0):
                    componentsschemas_webhook_events_item = WebhookEventType(componentsschemas_webhook_events_item_data)



                    events_type_0.append(componentsschemas_webhook_events_item)

                return events_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[WebhookEventType] | None | Unset, data)

        events = _parse_events(d.pop("events", UNSET))


        secret = d.pop("secret", UNSET)

        enabled = d.pop("enabled", UNSET)

        webhook_patch = cls(
            url=url,
            description=description,
            events=events,
            secret=secret,
            enabled=enabled,
        )

        return webhook_patch

