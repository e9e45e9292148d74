"""A batch's rows from a CSV or JSONL upload, typed against the template's parameter schema.

CSV cells are text; each column named after a declared parameter is converted by the type that
parameter declares (``type`` in ``parameters.properties.<name>``):

* ``integer`` / ``number``: a decimal number (``12``, ``2.5``);
* ``boolean``: ``true``/``false``, ``yes``/``no``, ``1``/``0`` (any case);
* ``object`` / ``array``: a JSON document in the cell;
* ``string`` (asset ids included) or no type: the text as is.

An empty cell means "not given" (the parameter's default applies). A cell that does not convert
is kept as text, so that the schema check reports it at ``/rows/<i>/params/<column>``. JSONL
lines are JSON objects already and are taken as they are.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from gala.errors import FieldError, Unprocessable

ROW_LIMIT = 10_000
# 10,000 rows of a few kilobytes each; the file is parsed in memory, so it is capped.
FILE_MAX_BYTES = 32 * 1024 * 1024
_TRUE = frozenset({"true", "yes", "1"})
_FALSE = frozenset({"false", "no", "0"})


def _types(parameters: dict[str, Any]) -> dict[str, str]:
    props = parameters.get("properties")
    out: dict[str, str] = {}
    if isinstance(props, dict):
        for name, schema in props.items():
            kind = schema.get("type") if isinstance(schema, dict) else None
            if isinstance(kind, list):  # ["integer", "null"]: the first that is not null
                kind = next((k for k in kind if k != "null"), None)
            if isinstance(kind, str):
                out[name] = kind
    return out


def typed(kind: str | None, text: str) -> Any:
    try:
        if kind == "integer":
            return int(text)
        if kind == "number":
            number = float(text)
            return int(number) if number.is_integer() and "." not in text and "e" not in text.lower() else number
        if kind == "boolean":
            low = text.strip().lower()
            if low in _TRUE:
                return True
            if low in _FALSE:
                return False
            return text
        if kind in ("object", "array"):
            return json.loads(text)
    except ValueError:
        return text
    return text


def _too_many() -> Unprocessable:
    return Unprocessable(
        f"A batch has at most {ROW_LIMIT} rows.", errors=[FieldError(f"more than {ROW_LIMIT} rows", pointer="/rows")]
    )


def from_csv(raw: bytes, parameters: dict[str, Any]) -> list[dict[str, Any]]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Unprocessable("The CSV file is not UTF-8.", errors=[FieldError("not UTF-8", pointer="/file")]) from None
    types = _types(parameters)
    rows: list[dict[str, Any]] = []
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        for record in reader:
            if len(rows) >= ROW_LIMIT:
                raise _too_many()
            row = {k: typed(types.get(k), v) for k, v in record.items() if k is not None and v not in (None, "")}
            rows.append(row)
    except csv.Error as exc:
        raise Unprocessable(
            "The CSV file cannot be read.", errors=[FieldError(f"line {reader.line_num}: {exc}", pointer="/file")]
        ) from None
    return rows


def from_jsonl(raw: bytes) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    errors: list[FieldError] = []
    for number, line in enumerate(_lines(raw), start=1):
        if not line.strip():
            continue
        if len(rows) >= ROW_LIMIT:
            raise _too_many()
        try:
            value = json.loads(line)
        except ValueError as exc:
            errors.append(FieldError(f"line {number} is not JSON: {exc}", pointer="/file"))
            continue
        if not isinstance(value, dict):
            errors.append(FieldError(f"line {number} is not a JSON object", pointer="/file"))
            continue
        rows.append(value)
    if errors:
        raise Unprocessable("The JSONL file cannot be read.", errors=errors[:20])
    return rows


def _lines(raw: bytes) -> Iterable[str]:
    try:
        return raw.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        raise Unprocessable("The JSONL file is not UTF-8.", errors=[FieldError("not UTF-8", pointer="/file")]) from None
