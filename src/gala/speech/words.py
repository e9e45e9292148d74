"""Matching an engine's word groups to the words of the script's text."""

from __future__ import annotations

import re

WORD = re.compile(r"\w+(?:['’]\w+)*")


def text_words(text: str, offset: int = 0) -> list[tuple[int, str]]:
    """(offset, word) for each word of `text`, offsets shifted by `offset`."""
    return [(offset + m.start(), m.group(0)) for m in WORD.finditer(text)]


def assign(groups: int, words: int) -> list[int]:
    """For each of `groups` spoken word groups, the index of the text word it belongs to.

    Equal counts pair one to one. Otherwise (an engine reads "1999" as three words, or joins two) groups
    are spread in order over the words, so times stay monotonic; with fewer groups than words some words
    get no time of their own (they are left out of the timing document).
    """
    if groups == 0 or words == 0:
        return []
    if groups == words:
        return list(range(groups))
    return [min(words - 1, i * words // groups) for i in range(groups)]
