"""Typed template parameters: a JSON Schema per template, placeholders ``{"$param": name}``."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterator
from typing import Any

import jsonschema_rs

from gala.errors import FieldError, Unprocessable
from gala.schemas import compile_schema, pointer, schema_errors
from renderer.clips import BY_NAME as CLIP_TYPES
from renderer.timeline import SOUNDTRACK_KINDS

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
    errors += check_asset_keywords(parameters)
    errors += check_asset_placeholders(composition, parameters)
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


# --------------------------------------------------------------------------- asset references

ASSET_KEYWORD = "x-gala-asset"
ASSET_KINDS = ("image", "audio", "video", "font")

JsonPath = tuple[str | int, ...]


@dataclasses.dataclass(frozen=True)
class AssetSlot:
    """A place in a composition that holds an asset id (or a placeholder for one)."""

    path: JsonPath
    value: Any
    kinds: tuple[str, ...]


def asset_slots(composition: Any) -> Iterator[AssetSlot]:
    """Every asset field of a composition, with the kinds it accepts (the clip types declare them).

    Parts that are not shaped as expected are skipped: the schema and the renderer's normaliser
    report those.
    """
    if not isinstance(composition, dict):
        return
    soundtrack = composition.get("soundtrack")
    if isinstance(soundtrack, dict) and "asset" in soundtrack:
        yield AssetSlot(("soundtrack", "asset"), soundtrack["asset"], SOUNDTRACK_KINDS)
    tracks = composition.get("tracks")
    for ti, track in enumerate(tracks if isinstance(tracks, list) else []):
        clips = track.get("clips") if isinstance(track, dict) else None
        for ci, clip in enumerate(clips if isinstance(clips, list) else []):
            kind = clip.get("type") if isinstance(clip, dict) else None
            spec = CLIP_TYPES.get(kind) if isinstance(kind, str) else None
            if spec is None:
                continue
            for slot in spec.all_slots:
                node: Any = clip
                for key in slot.path:
                    node = node.get(key) if isinstance(node, dict) else None
                if node is not None:
                    yield AssetSlot(("tracks", ti, "clips", ci, *slot.path), node, slot.kinds)


def declared_kinds(schema: Any) -> tuple[str, ...] | None:
    """The kinds an ``x-gala-asset`` schema accepts; None when it is not an asset parameter."""
    if not isinstance(schema, dict) or ASSET_KEYWORD not in schema:
        return None
    value = schema[ASSET_KEYWORD]
    kinds = [value] if isinstance(value, str) else value
    if isinstance(kinds, list) and kinds and all(isinstance(k, str) and k in ASSET_KINDS for k in kinds):
        return tuple(dict.fromkeys(kinds))
    return ()  # malformed: reported by check_asset_keywords


def _asset_schemas(schema: Any, path: JsonPath) -> Iterator[tuple[JsonPath, dict[str, Any]]]:
    """Every subschema carrying ``x-gala-asset``, below ``properties`` and ``items``."""
    if not isinstance(schema, dict):
        return
    if ASSET_KEYWORD in schema:
        yield path, schema
    props = schema.get("properties")
    if isinstance(props, dict):
        for name, sub in props.items():
            yield from _asset_schemas(sub, (*path, "properties", name))
    items = schema.get("items")
    if isinstance(items, dict):
        yield from _asset_schemas(items, (*path, "items"))
    prefix = schema.get("prefixItems")
    if isinstance(prefix, list):
        for index, sub in enumerate(prefix):
            yield from _asset_schemas(sub, (*path, "prefixItems", index))


def check_asset_keywords(parameters: dict[str, Any]) -> list[FieldError]:
    errors = []
    for path, schema in _asset_schemas(parameters, ()):
        where = pointer(("parameters", *path))
        if not declared_kinds(schema):
            errors.append(
                FieldError(
                    f"{ASSET_KEYWORD} must be an asset kind or a non-empty list of them ({', '.join(ASSET_KINDS)})",
                    pointer=f"{where}/{ASSET_KEYWORD}",
                )
            )
        if schema.get("type") != "string":
            errors.append(FieldError('an asset parameter must be declared "type": "string"', pointer=f"{where}/type"))
    return errors


def check_asset_placeholders(composition: dict[str, Any], parameters: dict[str, Any]) -> list[FieldError]:
    """A placeholder in an ``asset`` field must name an asset parameter of kinds that field accepts."""
    raw_props = parameters.get("properties")
    props: dict[str, Any] = raw_props if isinstance(raw_props, dict) else {}
    errors = []
    for slot in asset_slots(composition):
        if not is_ref(slot.value):
            continue
        name = slot.value[PARAM_KEY]
        if name not in props:
            continue  # reported as an undeclared parameter
        kinds = declared_kinds(props[name])
        where = pointer(("composition", *slot.path))
        if kinds is None:
            errors.append(
                FieldError(
                    f"parameter {name!r} stands for an asset here, so it must declare "
                    f'"{ASSET_KEYWORD}" (one of: {", ".join(slot.kinds)})',
                    pointer=where,
                )
            )
        elif kinds and not set(kinds) <= set(slot.kinds):
            errors.append(
                FieldError(
                    f"parameter {name!r} may be {' or '.join(kinds)}, but this field needs {' or '.join(slot.kinds)}",
                    pointer=where,
                )
            )
    return errors


@dataclasses.dataclass(frozen=True)
class AssetValue:
    """An asset id a job's parameters give, where it is (a pointer into the request) and its kinds."""

    pointer: str
    value: Any
    kinds: tuple[str, ...]


def asset_params(schema: dict[str, Any], params: Any) -> Iterator[AssetValue]:
    """The values of a job's asset parameters (``x-gala-asset``), walking schema and values together."""
    yield from _asset_values(schema, params, ("params",))


def _asset_values(schema: Any, value: Any, path: JsonPath) -> Iterator[AssetValue]:
    if not isinstance(schema, dict):
        return
    kinds = declared_kinds(schema)
    if kinds and value is not None:
        yield AssetValue(pointer(path), value, kinds)
        return
    props = schema.get("properties")
    if isinstance(props, dict) and isinstance(value, dict):
        for name, sub in props.items():
            if name in value:
                yield from _asset_values(sub, value[name], (*path, name))
    if isinstance(value, list):
        raw_prefix = schema.get("prefixItems")
        prefix: list[Any] = raw_prefix if isinstance(raw_prefix, list) else []
        items = schema.get("items")
        for index, item in enumerate(value):
            sub = prefix[index] if index < len(prefix) else items
            yield from _asset_values(sub, item, (*path, index))


def param_origin(template_composition: Any, path: JsonPath) -> str | None:
    """Which parameter put the value at ``path`` of the resolved composition: ``/params/<name>/...``.

    Follows ``path`` through the template's composition until a placeholder; None when the value
    is written in the template itself.
    """
    node = template_composition
    for depth, key in enumerate(path):
        if is_ref(node):
            return pointer(("params", node[PARAM_KEY], *path[depth:]))
        dict_step = isinstance(node, dict) and isinstance(key, str) and key in node
        list_step = isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node)
        if not (dict_step or list_step):
            return None
        node = node[key]
    return pointer(("params", node[PARAM_KEY])) if is_ref(node) else None
