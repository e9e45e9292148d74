"""Mouth shapes from phonemes: the Preston Blair / Rhubarb set A-H plus X (rest).

Pure: no PyAV, no GALA. Input is IPA phonemes with start and end in seconds (the timing document of
gala.speech), output a timeline of (start, end, shape) covering [0, duration) with no gaps.

  A  closed lips (p b m)             E  slightly rounded (ɔ ɜ ɚ, Spanish o)
  B  slightly open, teeth (most      F  puckered (u ʊ w, oʊ)
     consonants, i ɪ j)              G  lower lip under teeth (f v)
  C  open (e ɛ æ ʌ ə)                H  tongue up (l)
  D  wide open (a ɑ, aɪ aʊ)          X  rest, mouth closed and relaxed (silence)
"""

from __future__ import annotations

import heapq
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import NamedTuple

SHAPES = ("A", "B", "C", "D", "E", "F", "G", "H", "X")
Segment = tuple[float, float, str]


class MouthGeometry(NamedTuple):
    """How a shape opens a mouth that is warped rather than drawn (the photo model): `open`, the lips'
    gap as a fraction of the mouth's width; `width`, the mouth's width relative to rest; `teeth`, whether
    the upper teeth show in the gap."""

    open: float
    width: float
    teeth: bool


# The chart above as numbers; the built-in drawing's mouths rank the same (tests/avatar/test_character.py).
MOUTH_GEOMETRY: dict[str, MouthGeometry] = {
    "A": MouthGeometry(0.0, 0.96, False),
    "B": MouthGeometry(0.07, 1.0, True),
    "C": MouthGeometry(0.2, 1.02, True),
    "D": MouthGeometry(0.34, 1.06, True),
    "E": MouthGeometry(0.22, 0.84, False),
    "F": MouthGeometry(0.1, 0.7, False),
    "G": MouthGeometry(0.05, 1.0, True),
    "H": MouthGeometry(0.18, 0.96, True),
    "X": MouthGeometry(0.0, 1.0, False),
}

# Marks that change a phoneme's length, stress or tone but not the mouth.
_MODIFIERS = str.maketrans("", "", "ˈˌːˑ͡‿̯̩̪̃-'")
# Checked in order; the first prefix that matches wins (so "oʊ" is F before "o" is E).
_PREFIXES: tuple[tuple[str, str], ...] = (
    ("oʊ", "F"),
    ("əʊ", "F"),
    ("aɪ", "D"),
    ("aʊ", "D"),
    ("ɔɪ", "E"),
    ("eɪ", "C"),
)
_FIRST: dict[str, str] = {}
for _shape, _chars in (
    ("A", "pbmɱβ"),
    ("G", "fvɸ"),
    ("H", "lɫʎɭ"),
    ("F", "uʊwɥyʏɵ"),
    ("E", "oɔɜɝɚɒœø"),
    ("D", "aɑɐä"),
    ("C", "eɛæʌəɘɞɤ"),
    ("B", "iɪjɨtdkgɡqszʃʒʂʐɕʑnŋɲɳθðɹrɾɽʁʀhɦxχçɣʔcɟʝ"),
):
    for _ch in _chars:
        _FIRST[_ch] = _shape


def shape_for(ipa: str) -> str:
    """The mouth shape of one IPA phoneme; X for a pause or an empty symbol, B for anything unknown."""
    core = ipa.translate(_MODIFIERS).strip()
    if not core:
        return "X"
    for prefix, shape in _PREFIXES:
        if core.startswith(prefix):
            return shape
    return _FIRST.get(core[0], "B")


def _merge_equal(segments: list[Segment]) -> list[Segment]:
    out: list[Segment] = []
    for start, end, shape in segments:
        if out and out[-1][2] == shape:
            out[-1] = (out[-1][0], end, shape)
        else:
            out.append((start, end, shape))
    return out


def viseme_timeline(
    phonemes: Iterable[tuple[float, float, str]],
    *,
    duration: float | None = None,
    min_shape_s: float = 0.05,
    rest_after_s: float = 0.15,
) -> list[Segment]:
    """Phonemes (start, end, ipa) to mouth shapes.

    A silence shorter than `rest_after_s` keeps the previous shape (the mouth does not snap shut between
    words); a shape held less than `min_shape_s` (about 1.5 frames at 30 fps) is merged into the longer
    of its neighbours, so the mouth does not flicker. The result starts at 0 and ends at `duration`
    (default: the last phoneme's end).
    """
    ordered = sorted((float(s), float(e), shape_for(ipa)) for s, e, ipa in phonemes if e > s)
    end_of_all = duration if duration is not None else (ordered[-1][1] if ordered else 0.0)
    segments: list[Segment] = []
    cursor = 0.0
    for start, end, shape in ordered:
        start = max(start, cursor)
        if end <= start:
            continue
        if start > cursor:
            if segments and start - cursor < rest_after_s:
                segments[-1] = (segments[-1][0], start, segments[-1][2])
            else:
                segments.append((cursor, start, "X"))
        segments.append((start, end, shape))
        cursor = end
    if end_of_all > cursor:
        segments.append((cursor, end_of_all, "X"))
    return _merge_short(_merge_equal(segments), min_shape_s)


def _merge_short(segments: list[Segment], min_shape_s: float) -> list[Segment]:
    """Merge the shortest shape into the longer of its neighbours (the earlier on a tie of lengths, the
    first on a tie of shortest), then equal neighbours, until every shape lasts `min_shape_s`.

    A heap of lengths over a linked list, so a 10-minute script takes milliseconds (the same merges done by
    rescanning the list were quadratic: 4.5 s at each preview of such an avatar).
    """
    starts = [s for s, _, _ in segments]
    ends = [e for _, e, _ in segments]
    shapes = [shape for _, _, shape in segments]
    count = len(segments)
    prev = list(range(-1, count - 1))
    nxt = [*range(1, count), -1]
    version = [0] * count
    heap = [(ends[i] - starts[i], i, 0) for i in range(count)]
    heapq.heapify(heap)
    alive = count

    def remove(i: int) -> None:
        nonlocal alive
        p, n = prev[i], nxt[i]
        if p >= 0:
            nxt[p] = n
        if n >= 0:
            prev[n] = p
        version[i] = -1
        alive -= 1

    def changed(i: int) -> None:
        version[i] += 1
        heapq.heappush(heap, (ends[i] - starts[i], i, version[i]))

    while alive > 1 and heap:
        length, i, seen = heapq.heappop(heap)
        if version[i] != seen:
            continue  # stale: merged away or lengthened since
        if length >= min_shape_s:
            break
        before, after = prev[i], nxt[i]
        if after < 0 or (before >= 0 and ends[before] - starts[before] >= ends[after] - starts[after]):
            ends[before] = ends[i]
            kept = before
        else:
            starts[after] = starts[i]
            kept = after
        remove(i)
        # The only new neighbours are `before` and `after`; equal shapes merge into the earlier.
        if before >= 0 and after >= 0 and shapes[before] == shapes[after]:
            ends[before] = ends[after]
            remove(after)
            kept = before
        changed(kept)
    out: list[Segment] = []
    i = next((j for j in range(count) if version[j] >= 0 and prev[j] < 0), -1)
    while i >= 0:
        out.append((starts[i], ends[i], shapes[i]))
        i = nxt[i]
    return out


def envelope_timeline(
    rms: Sequence[float], frame_s: float, *, silence: float = 0.02, min_shape_s: float = 0.05
) -> list[Segment]:
    """Mouth shapes from a loudness envelope alone (no phoneme timing): louder is more open.

    Frames are RMS of samples scaled to [0, 1]; thresholds are relative to the loudest frame.
    """
    peak = max(rms, default=0.0)
    phonemes: list[tuple[float, float, str]] = []
    for i, value in enumerate(rms):
        if value < silence or peak <= 0:
            continue
        level = value / peak
        ipa = "a" if level > 0.6 else "e" if level > 0.3 else "t"
        phonemes.append((i * frame_s, (i + 1) * frame_s, ipa))
    return viseme_timeline(phonemes, duration=len(rms) * frame_s, min_shape_s=min_shape_s)


def shape_at(timeline: Sequence[Segment], t: float) -> str:
    """The shape shown at time t (X outside the timeline)."""
    i = bisect_right([start for start, _, _ in timeline], t) - 1
    if i < 0 or t >= timeline[i][1]:
        return "X"
    return timeline[i][2]
