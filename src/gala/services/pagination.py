"""Keyset pagination over UUIDv7 ids (time-ordered), newest first, with opaque cursors."""

from __future__ import annotations

import base64
import binascii
import uuid
from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from gala.errors import BadRequest, FieldError

T = TypeVar("T")


def encode_cursor(last_id: uuid.UUID) -> str:
    return base64.urlsafe_b64encode(last_id.bytes).rstrip(b"=").decode()


def decode_cursor(cursor: str) -> uuid.UUID:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        if len(raw) != 16:
            raise ValueError
        return uuid.UUID(bytes=raw)
    except (ValueError, binascii.Error):
        raise BadRequest(
            "The cursor is not one this server issued.",
            errors=[FieldError("not a valid cursor", parameter="cursor", location="query")],
        ) from None


def page(
    session: Session, query: Select[Any], id_column: Any, *, limit: int, cursor: str | None
) -> tuple[Sequence[Any], str | None]:
    if cursor:
        query = query.where(id_column < decode_cursor(cursor))
    rows = session.scalars(query.order_by(id_column.desc()).limit(limit + 1)).all()
    if len(rows) > limit:
        rows = rows[:limit]
        return rows, encode_cursor(rows[-1].id)
    return rows, None


__all__ = ["decode_cursor", "encode_cursor", "page", "select"]
