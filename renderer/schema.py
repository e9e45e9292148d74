"""Small builders for the JSON Schema (OpenAPI 3.1) fragments the clip types and the timeline declare.

The composition part of the contract is generated from these fragments (:mod:`renderer.contract`),
so each names other schemas by their component name (``ref("Color")``).  Every optional field also
takes ``null`` ("use the default") and most values may be a template placeholder (``ParamRef``).
"""

from __future__ import annotations

from typing import Any

Schema = dict[str, Any]

NULL: Schema = {"type": "null"}


def ref(name: str) -> Schema:
    """A reference to the component schema ``name``."""
    return {"$ref": f"#/components/schemas/{name}"}


PARAM = ref("ParamRef")


def param(*alternatives: Schema, description: str | None = None) -> Schema:
    """``alternatives``, or a placeholder for a template parameter."""
    out: Schema = {} if description is None else {"description": description}
    out["anyOf"] = [*alternatives, PARAM]
    return out


def optional(name: str, *, description: str | None = None, placeholder: bool = False) -> Schema:
    """The component ``name`` or ``null`` (and a placeholder when ``placeholder``)."""
    out: Schema = {} if description is None else {"description": description}
    out["anyOf"] = [ref(name), NULL, *([PARAM] if placeholder else [])]
    return out


def described(name: str, description: str | None = None) -> Schema:
    """A reference to ``name`` with a description of this use of it."""
    return ref(name) if description is None else {"description": description, **ref(name)}


def number(lo: float | None = None, hi: float | None = None, *, exclusive_lo: bool = False) -> Schema:
    """An optional number (``null`` allowed) in a range."""
    out: Schema = {"type": ["number", "null"]}
    if lo is not None:
        out["exclusiveMinimum" if exclusive_lo else "minimum"] = plain(lo)
    if hi is not None:
        out["maximum"] = plain(hi)
    return out


def choice(options: tuple[str, ...]) -> Schema:
    return {"type": "string", "enum": list(options)}


def plain(value: float) -> float | int:
    """3600.0 -> 3600, so the generated YAML reads as written by hand."""
    return int(value) if float(value).is_integer() else value
