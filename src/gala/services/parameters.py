"""Typed template parameters: a JSON Schema per template, placeholders ``{"$param": name}``."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterator
from typing import Any

import jsonschema_rs

from gala.errors import FieldError, Unprocessable
from gala.schemas import compile_schema, pointer, schema_errors

PARAM_KEY = "$param"


def is_ref(node: Any) -> bool:
    return isinstance(node, dict) and len(node) == 1 and isinstance(node.get(PARAM_KEY), str)


def refs(node: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every placeholder in a document, with its path."""
    if is_ref(node):
        yield path, node[PARAM_KEY]
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from refs(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from refs(value, (*path, index))


def check_template(composition: dict[str, Any], parameters: dict[str, Any]) -> None:
    """The parameter schema must be valid; every placeholder must name one of its properties."""
    errors: list[FieldError] = []
    if not jsonschema_rs.meta.is_valid(parameters):
        errors.append(FieldError("is not a valid JSON Schema (2020-12)", pointer="/parameters"))
    else:
        try:
            compile_schema(parameters)
        except (ValueError, jsonschema_rs.ReferencingError) as exc:
            errors.append(FieldError(f"cannot be compiled: {exc}", pointer="/parameters"))
    declared = parameters.get("properties", {}) if isinstance(parameters.get("properties"), dict) else {}
    for path, name in refs(composition):
        if name not in declared:
            errors.append(
                FieldError(
                    f"uses parameter {name!r}, which /parameters/properties does not declare",
                    pointer=pointer(("composition", *path)),
                )
            )
    if errors:
        raise Unprocessable("The template is not consistent.", errors=errors[:20])


def apply_defaults(schema: dict[str, Any], value: Any) -> Any:
    """Fill ``default``s of missing object properties, recursively through nested objects."""
    if not isinstance(value, dict):
        return value
    props = schema.get("properties")
    if not isinstance(props, dict):
        return value
    out = dict(value)
    for name, sub in props.items():
        if not isinstance(sub, dict):
            continue
        if name not in out and "default" in sub:
            out[name] = copy.deepcopy(sub["default"])
        if name in out:
            out[name] = apply_defaults(sub, out[name])
    return out


def validate_params(schema: dict[str, Any], params: dict[str, Any]) -> dict[str, Any]:
    resolved = apply_defaults(schema, params)
    errors = schema_errors(compile_schema(schema), resolved)
    if errors:
        errors = [dataclasses.replace(e, pointer="/params" + (e.pointer or "")) for e in errors]
        raise Unprocessable("The parameters do not match the template's parameter schema.", errors=errors)
    return resolved


def substitute(node: Any, params: dict[str, Any]) -> Any:
    """Replace every placeholder by its parameter's value, keeping JSON types."""
    if is_ref(node):
        return copy.deepcopy(params.get(node[PARAM_KEY]))
    if isinstance(node, dict):
        return {k: substitute(v, params) for k, v in node.items()}
    if isinstance(node, list):
        return [substitute(v, params) for v in node]
    return node
