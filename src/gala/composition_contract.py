"""The composition part of the contract (``openapi/gala.yaml``) is generated from the renderer's clip registry.

``python -m gala.composition_contract`` (``make composition``) rewrites the block of schema
components between the two marker comments with :func:`renderer.contract.components`;
``--check`` only reports whether the file is up to date (tests/test_composition_contract.py runs
it, so a clip-type change without a regenerated contract fails, as the client's drift test does).

The block is written into ``gala.yaml`` itself rather than a separate file: every consumer
(Connexion's routing, the 3.1 validation adapter, ``gala check-spec``, Schemathesis, the client
generator, Swagger UI and ``/openapi.json``) then reads one self-contained document, unchanged.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import yaml

from renderer.contract import components

SPEC = Path(__file__).resolve().parents[2] / "openapi" / "gala.yaml"
BEGIN = "    # BEGIN composition: generated from renderer/clips by `make composition`; do not edit by hand"
END = "    # END composition"
INDENT = "    "  # under `components: schemas:`


class _Dumper(yaml.SafeDumper):
    """Reads like the hand-written parts: block style, indented lists, short leaves on one line."""

    def ignore_aliases(self, data: Any) -> bool:
        return True  # shared fragments are written out each time, never as YAML anchors

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _is_leaf(value: Any) -> bool:
    if isinstance(value, dict):
        return all(
            not isinstance(v, (dict, list)) or (isinstance(v, list) and all(_scalar(i) for i in v))
            for v in value.values()
        )
    if isinstance(value, list):
        return all(_scalar(i) for i in value)
    return True


def _scalar(value: Any) -> bool:
    return not isinstance(value, (dict, list))


def _short(value: Any) -> bool:
    """A leaf whose one-line form fits comfortably (the longest description stays on its own lines)."""
    return _is_leaf(value) and len(json.dumps(value, ensure_ascii=False)) <= 72


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


def _dict(dumper: yaml.SafeDumper, value: dict[str, Any]) -> yaml.MappingNode:
    return dumper.represent_mapping("tag:yaml.org,2002:map", value.items(), flow_style=_short(value))


def _list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=_short(value))


_Dumper.add_representer(str, _str)
_Dumper.add_representer(dict, _dict)
_Dumper.add_representer(list, _list)


def render() -> str:
    """The generated block, markers included."""
    text = yaml.dump(
        components(),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=120,
    )
    body = "\n".join(INDENT + line if line else line for line in text.splitlines())
    return f"{BEGIN}\n{body}\n{END}"


def splice(spec: str) -> str:
    """``spec`` with its generated block replaced by the current one."""
    start, end = spec.find(BEGIN), spec.find(END)
    if start < 0 or end < start:
        raise ValueError(f"{SPEC.name} has no generated composition block ({BEGIN.strip()!r} ... {END.strip()!r})")
    return spec[:start] + render() + spec[end + len(END) :]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    current = SPEC.read_text(encoding="utf-8")
    wanted = splice(current)
    if "--check" in args:
        if wanted != current:
            print(f"{SPEC} is out of date: run `make composition`", file=sys.stderr)
            return 1
        return 0
    if wanted != current:
        SPEC.write_text(wanted, encoding="utf-8")
        print(f"rewrote the composition schemas in {SPEC}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
