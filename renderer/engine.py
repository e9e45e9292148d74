"""The frame engine: a normalised v2 composition in, RGB frames out, one at a time.

* Clips are built from the registry (:mod:`renderer.clips`) in paint order:
  tracks bottom to top, clips in track order.
* Each frame, every visible clip reports a quantised :class:`State`; the tuple
  of states is the frame's key, so identical frames are detected without
  drawing anything (the encoder reuses the previous frame).
* The longest run of bottom clips that do not change (static content, no
  keyframes/effects, no transition in progress) is pre-blended once onto
  the background as a *base*; a frame copies only the regions that the
  changing clips dirtied in the previous frame back from the base, then
  blends those clips in their own rectangles.
* Video output is composed straight in yuv420p (:meth:`Scene.draw_yuv`,
  :mod:`renderer.yuv`), so no frame is ever colour-converted as a whole.
  There the base also takes the steady clips *above* changing ones, as long
  as no changing clip below them overlaps them in that frame (a static title
  over a moving logo); a :class:`YuvCanvas` remembers which base it holds and
  what was blended over it, so the next frame drawn into it restores only
  those rectangles.
"""

from __future__ import annotations

import itertools
from collections import OrderedDict
from collections.abc import Hashable, Sequence
from typing import Any

import numpy as np

from .audio import Mixer, Sound
from .clips import SOUNDS, VISUALS
from .clips.base import ByteArray, Context, State, VisualClip
from .raster import parse_color
from .yuv import Planes, Rect, copy_planes, copy_rect, new_planes

YUV_BASES = 2  # composed YUV bases kept (a clip moving past a title switches between two)


class YuvCanvas:
    """yuv420p planes that frames are drawn into, and what they hold: which base, what over it."""

    def __init__(self, planes: Planes) -> None:
        self.planes = planes
        self.base: int | None = None  # serial number of the base copied in (None: unknown content)
        self.dirty: list[Rect] = []


def _even(rect: Rect) -> Rect:
    x0, y0, x1, y1 = rect
    return x0 & ~1, y0 & ~1, (x1 + 1) & ~1, (y1 + 1) & ~1


def _overlap(a: Rect, b: Rect) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


class Scene:
    """Produces the frames of a normalised v2 composition at ``ctx``'s size."""

    def __init__(self, comp: dict[str, Any], ctx: Context) -> None:
        self.ctx = ctx
        self.clips: list[VisualClip] = []
        for track in comp["tracks"]:
            for clip in track["clips"]:
                factory = VISUALS.get(clip["type"])
                if factory is not None and clip["start"] is not None and clip["end"] is not None:
                    self.clips.append(VisualClip(clip, factory(clip, ctx), ctx))
        self._background = np.empty((ctx.height, ctx.width, 3), dtype=np.uint8)
        self._background[:, :] = parse_color(str(comp["background"]))
        self._base = self._background
        self._base_key: tuple[Hashable, ...] = ()
        self._canvas = self._background.copy()
        self._dirty: list[Rect] | None = []
        self._closed: set[int] = set()
        self._yuv_background = new_planes(ctx.width, ctx.height, parse_color(str(comp["background"])))
        self._yuv_bases: OrderedDict[tuple[Hashable, ...], tuple[int, Planes]] = OrderedDict()
        self._serials = itertools.count()
        self._yuv_canvas: YuvCanvas | None = None

    def states(self, t: float) -> list[tuple[VisualClip, State]]:
        out: list[tuple[VisualClip, State]] = []
        for i, clip in enumerate(self.clips):
            if t >= clip.end and i not in self._closed and not self.ctx.random_access:
                clip.close()  # frees decoders and sprites of clips that are over
                self._closed.add(i)
                continue
            state = clip.state(t)
            if state is not None:
                out.append((clip, state))
        return out

    @staticmethod
    def key(states: Sequence[tuple[VisualClip, State]]) -> tuple[Hashable, ...]:
        return tuple((id(clip), state) for clip, state in states)

    def _rect(self, state: State) -> Rect | None:
        sx0, sy0, sx1, sy1 = state.sub
        x0, y0 = max(0, state.x + sx0), max(0, state.y + sy0)
        x1, y1 = min(self.ctx.width, state.x + sx1), min(self.ctx.height, state.y + sy1)
        return (x0, y0, x1, y1) if x0 < x1 and y0 < y1 else None

    def draw(self, t: float, states: Sequence[tuple[VisualClip, State]]) -> ByteArray:
        """The frame at ``t`` (``states`` from :meth:`states`). The array is reused by the next call."""
        split = 0
        while split < len(states) and states[split][0].steady and not states[split][0].in_transition(t):
            split += 1
        base_key = self.key(states[:split])
        if base_key != self._base_key:
            base = self._background.copy() if split else self._background
            for clip, state in states[:split]:
                clip.paint(base, state)
            self._base, self._base_key = base, base_key
            self._dirty = None
        canvas = self._canvas
        restored = self._dirty
        if restored is None:
            np.copyto(canvas, self._base)
        else:
            for x0, y0, x1, y1 in restored:
                canvas[y0:y1, x0:x1] = self._base[y0:y1, x0:x1]
        dirty: list[Rect] = []
        for clip, state in states[split:]:
            rect = self._rect(state)
            if rect is None:
                continue
            clip.paint(canvas, state)
            dirty.append(rect)
        # Many small rectangles cost more than one full copy.
        area = sum((r[2] - r[0]) * (r[3] - r[1]) for r in dirty)
        self._dirty = dirty if area < self.ctx.width * self.ctx.height // 2 else None
        return canvas

    def frame(self, t: float) -> ByteArray:
        return self.draw(t, self.states(t))

    def _yuv_base(self, baked: Sequence[tuple[VisualClip, State]]) -> tuple[int, Planes]:
        key = self.key(baked)
        entry = self._yuv_bases.get(key)
        if entry is None:
            planes = self._yuv_background
            if baked:
                planes = (planes[0].copy(), planes[1].copy(), planes[2].copy())
                for clip, state in baked:
                    clip.paint_yuv(planes, state)
            entry = (next(self._serials), planes)
            self._yuv_bases[key] = entry
            while len(self._yuv_bases) > YUV_BASES:
                self._yuv_bases.popitem(last=False)
        else:
            self._yuv_bases.move_to_end(key)
        return entry

    def draw_yuv(self, t: float, states: Sequence[tuple[VisualClip, State]], canvas: YuvCanvas | None = None) -> Planes:
        """The frame at ``t`` as yuv420p planes, drawn into ``canvas`` (default: one the scene keeps)."""
        if canvas is None:
            if self._yuv_canvas is None:
                self._yuv_canvas = YuvCanvas(new_planes(self.ctx.width, self.ctx.height))
            canvas = self._yuv_canvas
        baked: list[tuple[VisualClip, State]] = []
        live: list[tuple[VisualClip, State]] = []
        live_rects: list[Rect] = []
        for clip, state in states:
            rect = self._rect(state)
            if rect is None:
                continue
            rect = _even(rect)
            steady = clip.steady and not clip.in_transition(t)
            if steady and not any(_overlap(rect, other) for other in live_rects):
                baked.append((clip, state))
            else:
                live.append((clip, state))
                live_rects.append(rect)
        serial, base = self._yuv_base(baked)
        if canvas.base != serial:
            copy_planes(canvas.planes, base)
        else:
            for rect in canvas.dirty:
                copy_rect(canvas.planes, base, rect)
        dirty: list[Rect] = []
        for clip, state in live:
            touched = clip.paint_yuv(canvas.planes, state)
            if touched is not None:
                dirty.append(touched)
        # Many small rectangles cost more than one full copy.
        area = sum((r[2] - r[0]) * (r[3] - r[1]) for r in dirty)
        small = area < self.ctx.width * self.ctx.height // 2
        canvas.base, canvas.dirty = (serial if small else None), (dirty if small else [])
        return canvas.planes

    def frame_yuv(self, t: float) -> Planes:
        return self.draw_yuv(t, self.states(t))

    def close(self) -> None:
        for clip in self.clips:
            clip.close()


def build_mixer(comp: dict[str, Any], ctx: Context, start: float, end: float) -> Mixer:
    """The mixer for the timeline span ``start``..``end`` (seconds)."""
    from .audio import MediaSound

    sounds: list[Sound] = []
    soundtrack = comp.get("soundtrack")
    if soundtrack is not None:
        asset = ctx.assets[str(soundtrack["asset"])]
        trim_start = float(soundtrack["trim"]["start"])
        media = None if asset.duration is None else max(0.0, asset.duration - trim_start)
        clip = {**soundtrack, "role": "music"}
        music_end = float(comp["output"]["duration"])
        if not soundtrack["loop"] and media is not None:
            music_end = min(music_end, media)
        sounds.append(
            MediaSound(
                clip,
                0.0,
                music_end,
                path=ctx.asset_path(str(soundtrack["asset"])),
                kind=asset.kind,
                trim_start=trim_start,
                media_length=media,
                loop=bool(soundtrack["loop"]),
            )
        )
    for track in comp["tracks"]:
        for clip in track["clips"]:
            factory = SOUNDS.get(clip["type"])
            if factory is None or clip["start"] is None or clip["end"] is None:
                continue
            sounds.extend(factory(clip, ctx))
    return Mixer(sounds, offset=round(start * 48000))
