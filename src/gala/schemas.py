"""JSON Schema 2020-12 and JSON text rules shared by the HTTP layer and the services.

Framework-free: schema compilation (jsonschema-rs, no network), error reporting with JSON
pointers, and strict JSON parsing (UTF-8, no NaN, no NUL, no lone surrogates).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

import jsonschema_rs

from gala.errors import BadRequest, FieldError

MAX_REPORTED_ERRORS = 20


def compile_schema(schema: Any) -> Any:
    """Compile ``schema`` as JSON Schema 2020-12 with format assertions and no network access."""
    if isinstance(schema, dict) and "$schema" not in schema:
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return jsonschema_rs.Draft202012Validator(schema, validate_formats=True, retriever=_no_retrieval)


def _no_retrieval(uri: str) -> Any:
    raise ValueError(f"remote schema references are not allowed: {uri}")


def pointer(path: Iterable[str | int]) -> str:
    """RFC 6901 JSON pointer for a path of keys and indices."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def schema_errors(validator: Any, instance: Any) -> list[FieldError]:
    errors: list[FieldError] = []
    for found in validator.iter_errors(instance):
        for err in _explain(found):
            errors.append(FieldError(detail=str(err.message), pointer=pointer(err.instance_path)))
        if len(errors) >= MAX_REPORTED_ERRORS:
            break
    return errors[:MAX_REPORTED_ERRORS]


_ALTERNATIVES = frozenset({"OneOfNotValid", "AnyOf"})
_SELECTORS = frozenset({"Constant", "Enum"})


def _explain(err: Any, depth: int = 0) -> Iterator[Any]:
    """The errors of the alternative the instance was meant to be, instead of "not valid under any".

    A ``oneOf``/``anyOf`` failure carries each alternative's errors. An alternative whose
    selector does not match (a ``const``/``enum`` one level down, like a clip's ``type`` or a
    composition's ``version``, or the wrong JSON type altogether) was not meant; among the others
    the one whose errors reach deepest wins, and its errors are explained in turn. When every
    alternative was ruled out by its selector, the summary itself is the best message.
    """
    context = getattr(err.kind, "context", None) if type(err.kind).__name__ in _ALTERNATIVES else None
    if not context or depth > 16:
        yield err
        return
    base = len(err.instance_path)

    def ruled_out(branch: list[Any]) -> bool:
        return any(
            (type(e.kind).__name__ in _SELECTORS and len(e.instance_path) == base + 1)
            or (type(e.kind).__name__ == "Type" and len(e.instance_path) == base)
            for e in branch
        )

    candidates = [branch for branch in context if branch and not ruled_out(branch)]
    if not candidates:
        yield err
        return
    best = max(candidates, key=lambda branch: (max(len(e.instance_path) for e in branch), -len(branch)))
    for sub in best:
        yield from _explain(sub, depth + 1)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def parse_json(raw: bytes, encoding: str = "utf-8") -> Any:
    """Parse a request body strictly: UTF-8, RFC 8259 JSON, no NUL or unpaired surrogates."""
    try:
        text = raw.decode(encoding if encoding.lower().replace("_", "-") in {"utf-8", "utf8"} else "utf-8")
    except UnicodeDecodeError as exc:
        raise BadRequest(f"The request body is not valid UTF-8 (byte {exc.start}).") from None
    try:
        document = json.loads(text, parse_constant=_reject_constant)
    except (json.JSONDecodeError, ValueError) as exc:
        raise BadRequest(f"The request body is not valid JSON: {exc}") from None
    check_text(document)
    return document


def _strings(node: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield (*path, key), key  # keys are strings too
            yield from _strings(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _strings(value, (*path, index))


def text_problem(value: str) -> str | None:
    """Why ``value`` cannot be stored as text, or None. Databases reject NUL; UTF-8 has no lone surrogates."""
    if "\x00" in value:
        return "contains a NUL character (\\u0000), which is not allowed in text"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "contains an unpaired UTF-16 surrogate, which is not valid Unicode text"
    return None


def check_text(document: Any) -> None:
    errors = []
    for path, value in _strings(document):
        problem = text_problem(value)
        if problem:
            errors.append(FieldError(detail=problem, pointer=pointer(path)))
            if len(errors) >= MAX_REPORTED_ERRORS:
                break
    if errors:
        raise BadRequest("The request body contains text that cannot be stored.", errors=errors)
