from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.webhook_delivery_status import WebhookDeliveryStatus
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.webhook_attempt import WebhookAttempt





T = TypeVar("T", bound="WebhookDelivery")



@_attrs_define
class WebhookDelivery:
    """ 
        Attributes:
            id (UUID):
            webhook_id (UUID):
            message_id (str): The `webhook-id` header, the same on every attempt.
            event_type (str): A `WebhookEventType`, or `webhook.test`.
            event_id (int | None): The outbox event; `null` for a test message.
            status (WebhookDeliveryStatus):
            attempt_count (int):
            next_attempt_at (datetime.datetime | None): When the next attempt is due while `pending`.
            attempts (list[WebhookAttempt]): Oldest first (the latest 50).
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
     """

    id: UUID
    webhook_id: UUID
    message_id: str
    event_type: str
    event_id: int | None
    status: WebhookDeliveryStatus
    attempt_count: int
    next_attempt_at: datetime.datetime | None
    attempts: list[WebhookAttempt]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.webhook_attempt import WebhookAttempt # noqa: PLC0415
        id = str(self.id)

        webhook_id = str(self.webhook_id)

        message_id = self.message_id

        event_type = self.event_type

        event_id: int | None
        event_id = self.event_id

        status = self.status.value

        attempt_count = self.attempt_count

        next_attempt_at: None | str
        if isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        attempts = []
        for attempts_item_data in self.attempts:
            attempts_item = attempts_item_data.to_dict()
            attempts.append(attempts_item)



        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "webhook_id": webhook_id,
            "message_id": message_id,
            "event_type": event_type,
            "event_id": event_id,
            "status": status,
            "attempt_count": attempt_count,
            "next_attempt_at": next_attempt_at,
            "attempts": attempts,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.webhook_attempt import WebhookAttempt # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        webhook_id = UUID(d.pop("webhook_id"))




        message_id = d.pop("message_id")

        event_type = d.pop("event_type")

        def _parse_event_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        event_id = _parse_event_id(d.pop("event_id"))


        status = WebhookDeliveryStatus(d.pop("status"))




        attempt_count = d.pop("attempt_count")

        def _parse_next_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)



                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))


        attempts = []
        _attempts = d.pop("attempts")
        for attempts_item_data in (_attempts):
            attempts_item = WebhookAttempt.from_dict(attempts_item_data)



            attempts.append(attempts_item)


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        webhook_delivery = cls(
            id=id,
            webhook_id=webhook_id,
            message_id=message_id,
            event_type=event_type,
            event_id=event_id,
            status=status,
            attempt_count=attempt_count,
            next_attempt_at=next_attempt_at,
            attempts=attempts,
            created_at=created_at,
            updated_at=updated_at,
        )


        webhook_delivery.additional_properties = d
        return webhook_delivery

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
