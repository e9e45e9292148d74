from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.webhook_event_type import WebhookEventType
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="WebhookCreate")



@_attrs_define
class WebhookCreate:
    """ 
        Attributes:
            url (str): An `http://` or `https://` URL whose host resolves to public addresses (see `webhooks.create`).
            description (None | str | Unset):
            events (list[WebhookEventType] | Unset): The event types sent to the endpoint; absent means all of them.
            secret (str | Unset): A Standard Webhooks secret, `whsec_` and the base64 of 24 to 64 random bytes.
     """

    url: str
    description: None | str | Unset = UNSET
    events: list[WebhookEventType] | Unset = UNSET
    secret: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        url = self.url

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        events: list[str] | Unset = UNSET
        if not isinstance(self.events, Unset):
            events = []
            for componentsschemas_webhook_events_item_data in self.events:
                componentsschemas_webhook_events_item = componentsschemas_webhook_events_item_data.value
                events.append(componentsschemas_webhook_events_item)



        secret = self.secret


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "url": url,
        })
        if description is not UNSET:
            field_dict["description"] = description
        if events is not UNSET:
            field_dict["events"] = events
        if secret is not UNSET:
            field_dict["secret"] = secret

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        _events = d.pop("events", UNSET)
        events: list[WebhookEventType] | Unset = UNSET
        if _events is not UNSET:
            events = []
            for componentsschemas_webhook_events_item_data in _events:
                componentsschemas_webhook_events_item = WebhookEventType(componentsschemas_webhook_events_item_data)



                events.append(componentsschemas_webhook_events_item)


        secret = d.pop("secret", UNSET)

        webhook_create = cls(
            url=url,
            description=description,
            events=events,
            secret=secret,
        )

        return webhook_create

