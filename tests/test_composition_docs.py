"""docs/composition.md describes exactly the clip types and fields the registry (renderer/clips) declares.

The per-clip tables stay hand-written prose; this test checks them against the registry: every clip
type has its section, every field a clip type declares is in a table (its own, or the visual-fields
table for the fields shared by visual clips), and no table names a field the clip does not have.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from renderer.clips import CLIP_TYPES, ClipType
from renderer.clips.groups import VISUAL
from renderer.timeline import clip_fields

DOC = (Path(__file__).resolve().parents[1] / "docs" / "composition.md").read_text(encoding="utf-8")


def section(heading: str) -> str:
    """The text under a ``##``/``###`` heading that starts with ``heading``, up to the next heading."""
    match = re.search(rf"^#+ {re.escape(heading)}.*?$(.*?)(?=^#)", DOC + "\n#", re.M | re.S)
    assert match, f"docs/composition.md has no section {heading!r}"
    return match.group(1)


def table_fields(text: str) -> set[str]:
    """The field names in the first column of the tables in ``text``."""
    names: set[str] = set()
    for line in text.splitlines():
        if line.startswith("| `"):
            names |= set(re.findall(r"`([a-z_]+)`", line.split("|")[1]))
    return names


def backticked(text: str) -> list[str]:
    return re.findall(r"`([a-z_]+)`", text)


def test_the_common_type_row_and_the_visual_heading_list_the_registry() -> None:
    common = section("Clips: common fields")
    type_row = next(line for line in common.splitlines() if line.startswith("| `type`"))
    assert backticked(type_row.split("|")[4]) == [c.name for c in CLIP_TYPES]
    heading = re.search(r"^### Visual fields \((.*)\)$", DOC, re.M)
    assert heading
    assert backticked(heading.group(1)) == [c.name for c in CLIP_TYPES if VISUAL in c.groups]


@pytest.mark.parametrize("clip", CLIP_TYPES, ids=lambda c: c.name)
def test_each_clip_type_has_its_fields_documented(clip: ClipType) -> None:
    own = table_fields(section(f"`{clip.name}`"))
    shared = table_fields(section("Visual fields")) if VISUAL in clip.groups else set()
    if clip.name == "captions":  # "plus every styling field of `text`"
        own |= table_fields(section("`text`")) - {"text"}
    missing = set(clip.own_fields) - own - shared
    assert not missing, f"docs/composition.md does not describe {clip.name}.{sorted(missing)}"
    unknown = own - set(clip_fields(clip))
    assert not unknown, f"docs/composition.md describes {clip.name} fields that do not exist: {sorted(unknown)}"
