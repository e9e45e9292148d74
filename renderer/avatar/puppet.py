"""The 2D puppet: a base image, mouth shapes A-H plus X, eyes open and closed, placed at anchor points.

Pure: Pillow only, no PyAV, no GALA. A puppet is made of reference images with roles:

- ``base``: the whole character (RGBA) *without* a mouth and eyes, or with them painted over by the
  patches (then every patch must be opaque where it covers them);
- ``mouth_A`` ... ``mouth_H``, ``mouth_X``: one small RGBA patch per mouth shape of the Preston Blair /
  Rhubarb set (see renderer.visemes), all placed with their centre on the ``mouth`` anchor;
- ``eyes_open``, ``eyes_closed``: one patch for both eyes, centred on the ``eyes`` anchor;
- a ``pivot`` (where the body sways from; default the bottom centre) and a ``bleed`` (how many rows at
  the bottom are only there so a swaying body never shows a gap; framings stop above them).

Per frame only a cached sprite per (mouth, eyes) is looked up and one affine resample places it, so
the cost does not grow with the script (see docs/avatars.md for measured figures).
"""

from __future__ import annotations

import math
import random
import threading
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import numpy as np
import numpy.typing as npt
from PIL import Image

from ..visemes import SHAPES, Segment

Point = tuple[float, float]
Box = tuple[float, float, float, float]
Rect = tuple[int, int, int, int]
ByteArray = npt.NDArray[np.uint8]


class PuppetError(ValueError):
    """A puppet that cannot be built; `role` names the reference image at fault."""

    def __init__(self, message: str, *, role: str) -> None:
        super().__init__(message)
        self.role = role


@dataclass(frozen=True)
class PuppetParts:
    """The reference images of a puppet and where its patches go (canvas pixels of `base`)."""

    base: Image.Image
    mouths: Mapping[str, Image.Image]
    eyes_open: Image.Image
    eyes_closed: Image.Image
    mouth_anchor: Point
    eyes_anchor: Point
    pivot: Point | None = None
    bleed: int = 0

    def check(self) -> None:
        """Refuse a puppet that cannot be animated, naming the role (e.g. a missing mouth shape)."""
        missing = [s for s in SHAPES if s not in self.mouths]
        if missing:
            raise PuppetError(
                f"puppet is missing mouth shapes {', '.join(missing)}: give one image per shape of {', '.join(SHAPES)}",
                role="mouth_" + missing[0],
            )
        images = {"base": self.base, "eyes_open": self.eyes_open, "eyes_closed": self.eyes_closed}
        images.update({"mouth_" + s: self.mouths[s] for s in SHAPES})
        for role, image in images.items():
            if image.mode != "RGBA":
                raise PuppetError(f"{role} must have an alpha channel (RGBA), got {image.mode}", role=role)
        w, h = self.base.size
        for name, (x, y) in (("mouth", self.mouth_anchor), ("eyes", self.eyes_anchor)):
            if not (0 <= x < w and 0 <= y < h):
                raise PuppetError(f"the {name} anchor {x, y} lies outside the base image {w}x{h}", role=name)
        if not 0 <= self.bleed < h // 2:
            raise PuppetError(f"bleed must be 0-{h // 2 - 1} rows", role="base")

    @property
    def canvas(self) -> tuple[int, int]:
        return self.base.size

    @property
    def sway_pivot(self) -> Point:
        w, h = self.base.size
        return self.pivot if self.pivot is not None else (w / 2, float(h - self.bleed))


def _patch_origin(anchor: Point, patch: Image.Image) -> tuple[int, int]:
    return round(anchor[0] - patch.width / 2), round(anchor[1] - patch.height / 2)


@dataclass(frozen=True)
class ColorMap:
    """An affine colour map, ``out = matrix @ rgb + offset`` on 0-255 values (e.g. R'G'B' to Y'CbCr).

    `Puppet.placed` applies it to the resized parts once, on premultiplied pixels (the offset weighted by
    alpha), so a frame can be drawn straight in the encoder's colour space: the map is affine and every
    step after it (the "over" of a patch, the bilinear placing) is a weighted mean, so mapping first gives
    the pixels of mapping the finished sprite, up to 8-bit rounding.
    """

    matrix: tuple[tuple[float, float, float], tuple[float, float, float], tuple[float, float, float]]
    offset: tuple[float, float, float]

    def premultiplied(self, pixels: ByteArray) -> ByteArray:
        """Premultiplied HxWx4 bytes with their colour mapped, still premultiplied; every band <= alpha."""
        # On premultiplied pixels the offset scales with alpha: one 4x4 matrix on (r, g, b, a), rounded
        # and saturated by OpenCV.
        rows = [[*coeffs, offset / 255] for coeffs, offset in zip(self.matrix, self.offset, strict=True)]
        matrix = np.array([*rows, [0.0, 0.0, 0.0, 1.0]], dtype=np.float64)
        out: ByteArray = _opencv().transform(pixels, matrix)
        np.minimum(out[:, :, :3], out[:, :, 3:4], out=out[:, :, :3])
        return out


@dataclass(frozen=True)
class _Patch:
    """A mouth or eyes patch resized for one level: premultiplied colour (HxWx4, alpha last), 255 - alpha
    (HxWx1), and its top-left on the level's canvas, clipped to it."""

    premul: ByteArray
    keep: ByteArray
    at: tuple[int, int]

    def over(self, canvas: ByteArray, at: tuple[int, int]) -> None:
        """Composite onto `canvas` at `at` (premultiplied, in place): out = patch + out * (1 - alpha)."""
        x, y = at
        h, w = self.keep.shape[:2]
        region = canvas[y : y + h, x : x + w]
        mixed = region * self.keep.astype(np.uint16)
        mixed += 127
        mixed //= 255
        mixed += self.premul
        region[...] = mixed

    def extent(self) -> Rect | None:
        """The canvas rectangle (x0, y0, x1, y1) where the patch is not transparent (None: nowhere)."""
        rows, cols = np.nonzero(self.keep[:, :, 0] < 255)
        if not len(rows):
            return None
        x, y = self.at
        return x + int(cols.min()), y + int(rows.min()), x + int(cols.max()) + 1, y + int(rows.max()) + 1


def _overlap(a: Rect, b: Rect) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _union(rects: Iterable[Rect | None]) -> Rect | None:
    present = [r for r in rects if r is not None]
    if not present:
        return None
    x0, y0, x1, y1 = zip(*present, strict=True)
    return min(x0), min(y0), max(x1), max(y1)


@dataclass(frozen=True)
class _Scaled:
    """A puppet's parts resized once for one output scale: the base premultiplied (HxWx4 bytes) and each
    patch ready to composite (see Puppet.placed).

    Where what the eyes patches cover and what the mouth patches cover do not overlap (the usual case),
    `tiles` holds each patch already composited on the base, over the whole area its group (eyes or mouth)
    covers: switching a mouth is then one copy of a small tile, no arithmetic."""

    factor: float
    base: ByteArray
    patches: Mapping[str, _Patch]
    tiles: Mapping[str, tuple[Rect, ByteArray]] = field(default_factory=dict)

    @classmethod
    def of(cls, factor: float, base: ByteArray, patches: Mapping[str, _Patch]) -> _Scaled:
        groups = {g: _union(p.extent() for r, p in patches.items() if r.startswith(g)) for g in ("eyes", "mouth")}
        eyes, mouth = groups["eyes"], groups["mouth"]
        apart = eyes is not None and mouth is not None and not _overlap(eyes, mouth)
        if not apart:
            return cls(factor, base, patches)
        assert eyes is not None
        assert mouth is not None
        tiles = {}
        for role, patch in patches.items():
            rect = eyes if role.startswith("eyes") else mouth
            tile = base[rect[1] : rect[3], rect[0] : rect[2]].copy()
            x, y = patch.at
            # The patch's part inside the group's area (all of what it does not leave transparent).
            x0, y0 = max(x, rect[0]), max(y, rect[1])
            h, w = patch.keep.shape[:2]
            x1, y1 = min(x + w, rect[2]), min(y + h, rect[3])
            if x0 < x1 and y0 < y1:
                inner = _Patch(
                    patch.premul[y0 - y : y1 - y, x0 - x : x1 - x], patch.keep[y0 - y : y1 - y, x0 - x : x1 - x], (0, 0)
                )
                inner.over(tile, (x0 - rect[0], y0 - rect[1]))
            tiles[role] = (rect, tile)
        return cls(factor, base, patches, tiles)

    def show(self, canvas: ByteArray, roles: tuple[str, ...], shown: tuple[str, ...] | None) -> None:
        """Put the patches `roles` on `canvas`, which shows the base with `shown` (None: the bare base)."""
        if self.tiles:
            for role, old in zip(roles, shown or (None,) * len(roles), strict=True):
                if role != old:
                    (x0, y0, x1, y1), tile = self.tiles[role]
                    canvas[y0:y1, x0:x1] = tile
            return
        for role in shown or ():  # all of them: they overlap
            (x, y), (h, w) = self.patches[role].at, self.patches[role].keep.shape[:2]
            canvas[y : y + h, x : x + w] = self.base[y : y + h, x : x + w]
        for role in roles:
            self.patches[role].over(canvas, self.patches[role].at)


def _premultiplied_resize(image: Image.Image, size: tuple[int, int]) -> ByteArray:
    pixels = np.array(image.convert("RGBa").resize(size, Image.Resampling.LANCZOS), dtype=np.uint8)
    # Lanczos rings: keep every colour band <= alpha, as un-premultiplying would (a colour over 255 clamps).
    np.minimum(pixels[:, :, :3], pixels[:, :, 3:4], out=pixels[:, :, :3])
    return pixels


def _scaled_patch(image: Image.Image, at: tuple[int, int], factor: float, canvas: tuple[int, int]) -> _Patch:
    size = (max(1, round(image.width * factor)), max(1, round(image.height * factor)))
    premul = _premultiplied_resize(image, size)
    x, y = round(at[0] * factor), round(at[1] * factor)
    # Clip to the canvas (a patch may reach past its edge).
    x0, y0 = max(0, -x), max(0, -y)
    x1, y1 = min(size[0], canvas[0] - x), min(size[1], canvas[1] - y)
    premul = np.ascontiguousarray(premul[y0:y1, x0:x1])
    keep = 255 - premul[:, :, 3:4]
    return _Patch(premul, keep, (x + x0, y + y0))


@cache
def _opencv() -> Any:
    """OpenCV, imported on first use (checking a composition must not load it), on one thread: a render's
    producer, encoder and audio threads already fill the cores, and OpenCV's pool only adds hand-offs there
    (measured on 2 cores: the same warp at twice the CPU time and three times the wall time)."""
    import cv2

    cv2.setNumThreads(1)
    return cv2


class _Composed(threading.local):
    """Per thread, per level: the level's base with the eyes and mouth of the last frame composited on it,
    so the next frame only restores and redraws those two patches (renders run side by side in threads)."""

    def __init__(self) -> None:
        self.by_level: dict[tuple[float, ColorMap | None], tuple[ByteArray, tuple[str, ...]]] = {}


class Puppet:
    """A checked puppet: whole sprites per (mouth, eyes) for stills, parts pre-scaled per output size."""

    def __init__(self, parts: PuppetParts) -> None:
        parts.check()
        self.parts = parts
        self._sprites: dict[tuple[str, bool], Image.Image] = {}
        self._scaled: dict[tuple[float, ColorMap | None], _Scaled] = {}
        self._composed_here = _Composed()

    def sprite(self, mouth: str, eyes_closed: bool = False) -> Image.Image:
        """The base with that mouth and those eyes on it (RGBA, canvas size). Composed once, then reused."""
        key = (mouth if mouth in self.parts.mouths else "X", eyes_closed)
        cached = self._sprites.get(key)
        if cached is None:
            parts = self.parts
            cached = parts.base.copy()
            eyes = parts.eyes_closed if eyes_closed else parts.eyes_open
            mouth_patch = parts.mouths[key[0]]
            cached.alpha_composite(eyes, _patch_origin(parts.eyes_anchor, eyes))
            cached.alpha_composite(mouth_patch, _patch_origin(parts.mouth_anchor, mouth_patch))
            self._sprites[key] = cached
        return cached

    def scaled(self, factor: float, colors: ColorMap | None = None) -> _Scaled:
        """The parts resized by `factor`, their colours mapped by `colors` (kept for the few levels a render
        uses)."""
        factor = round(factor, 4)
        cached = self._scaled.get((factor, colors))
        if cached is None and colors is not None:
            rgb = self.scaled(factor)
            patches = {
                role: _Patch(colors.premultiplied(patch.premul), patch.keep, patch.at)
                for role, patch in rgb.patches.items()
            }
            cached = _Scaled.of(rgb.factor, colors.premultiplied(rgb.base), patches)
            self._keep_level((factor, colors), cached)
        if cached is None:
            parts = self.parts
            w, h = parts.canvas
            base = _premultiplied_resize(parts.base, (round(w * factor), round(h * factor)))
            size = (int(base.shape[1]), int(base.shape[0]))
            named = {
                "eyes_open": (parts.eyes_open, parts.eyes_anchor),
                "eyes_closed": (parts.eyes_closed, parts.eyes_anchor),
            }
            named.update({"mouth_" + s: (image, parts.mouth_anchor) for s, image in parts.mouths.items()})
            patches = {
                role: _scaled_patch(image, _patch_origin(anchor, image), factor, size)
                for role, (image, anchor) in named.items()
            }
            cached = _Scaled.of(factor, base, patches)
            self._keep_level((factor, None), cached)
        return cached

    def _keep_level(self, key: tuple[float, ColorMap | None], level: _Scaled) -> None:
        if len(self._scaled) >= 6:
            self._scaled.pop(next(iter(self._scaled)))
        self._scaled[key] = level

    def _composed(self, key: tuple[float, ColorMap | None], level: _Scaled, roles: tuple[str, str]) -> ByteArray:
        """The level's base with the eyes and mouth `roles` on it (this thread's copy, updated in place)."""
        held = self._composed_here.by_level.get(key)
        if held is None:
            if len(self._composed_here.by_level) >= 2:
                self._composed_here.by_level.pop(next(iter(self._composed_here.by_level)))
            canvas, shown = level.base.copy(), None
        else:
            canvas, shown = held
        if shown != roles:
            level.show(canvas, roles, shown)
            self._composed_here.by_level[key] = (canvas, roles)
        return canvas

    def posed(self, pose: Pose, box: Box, out_size: tuple[int, int]) -> Image.Image:
        """The puppet in `pose`, showing canvas `box` at `out_size` (RGBA; outside the canvas is transparent)."""
        pixels = self.placed(pose, box, out_size)
        return Image.frombuffer("RGBa", out_size, pixels, "raw", "RGBa", 0, 1).convert("RGBA")

    def placed(self, pose: Pose, box: Box, out_size: tuple[int, int], colors: ColorMap | None = None) -> ByteArray:
        """`posed` as premultiplied bytes (HxWx4): colour times alpha, then alpha. With `colors`, the colour
        is mapped (see ColorMap), for drawing straight in the encoder's colour space.

        The sprite is composed at about twice the output scale from parts resized once (premultiplied, so
        filtering does not darken the silhouette's edge), then placed (crop, scale, sway, breath and nod
        together) with one bilinear affine from that level, which samples it at half rate: every output
        pixel is a weighted mean of the 2x2 level pixels around its centre, edges antialiased like a 2x2
        supersample. OpenCV's fixed-point warp does it in ~0.7 ms for a 720p bust (Pillow's bilinear
        affine ~9 ms; a nearest-neighbour 2x placing plus a 2x2 box filter ~3 ms).
        """
        cv2 = _opencv()
        # The affine uses the cached level's own factor, so any level near 2x is exact; levels a sixteenth
        # of an octave apart (~4 %) let an animated size reuse a few resized copies.
        factor = round(2.0 ** (round(math.log2(2 * out_size[1] / (box[3] - box[1])) * 16) / 16), 4)
        level = self.scaled(factor, colors)
        mouth = pose.mouth if pose.mouth in self.parts.mouths else "X"
        roles = ("eyes_closed" if pose.eyes_closed else "eyes_open", "mouth_" + mouth)
        canvas = self._composed((factor, colors), level, roles)
        a, b, c, d, e, f = (v * level.factor for v in pose_affine(pose, self.parts.sway_pivot, box, out_size))
        # pose_affine maps pixel centres as Pillow does (pixel i spans [i, i + 1)); OpenCV maps indices.
        matrix = np.array([[a, b, c + (a + b - 1) / 2], [d, e, f + (d + e - 1) / 2]], dtype=np.float64)
        out: ByteArray = cv2.warpAffine(
            canvas,
            matrix,
            out_size,
            flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
            borderMode=cv2.BORDER_CONSTANT,
            borderValue=(0, 0, 0, 0),
        )
        return out


# ---------------------------------------------------------------------------------------------- movement


@dataclass(frozen=True)
class Movement:
    """How the puppet moves besides its mouth. Amplitudes are fractions of the canvas height or degrees."""

    blinks: bool = True
    blink_every_s: tuple[float, float] = (3.0, 6.0)  # the gap between blinks is drawn from this range
    blink_s: float = 0.15
    breathing: float = 0.006  # extra scale at the top of a breath
    breath_s: float = 4.5
    sway_deg: float = 1.2
    sway_s: float = 7.0
    nods: bool = True
    nod: float = 0.012  # how far the body dips on a nod
    nod_s: float = 0.4
    nod_gap_s: float = 2.5  # at most one nod in this long
    seed: int = 0
    # A frame is on screen for 1/fps from its time t, so it shows the shape at the middle of that span:
    # without this the mouth trails the sound by half a frame on average (measured: docs/avatars.md).
    mouth_lead_s: float = 1 / 60


@dataclass(frozen=True)
class WordCue:
    """A word start, in seconds; `stressed` where the word carries a primary stress or emphasis."""

    start: float
    stressed: bool = True


def blink_times(duration: float, movement: Movement) -> tuple[float, ...]:
    """Blink starts in [0, duration): gaps drawn from `blink_every_s` with a generator seeded by `seed`.

    `random.Random` with an integer seed gives the same sequence on every platform and Python version
    (its Mersenne Twister and `random()` are specified), so a re-render blinks at the same frames.
    """
    if not movement.blinks:
        return ()
    rng = random.Random(movement.seed)  # noqa: S311 - animation, not secrets
    low, high = movement.blink_every_s
    times: list[float] = []
    t = low * 0.5 + rng.random() * (high - low) * 0.5  # the first blink comes a little earlier
    while t < duration:
        times.append(round(t, 6))
        t += low + rng.random() * (high - low)
    return tuple(times)


def nod_times(words: Iterable[WordCue], movement: Movement) -> tuple[float, ...]:
    """Nods on stressed word starts, greedily keeping at most one per `nod_gap_s` (a steady speaker)."""
    if not movement.nods:
        return ()
    times: list[float] = []
    for word in sorted(words, key=lambda w: w.start):
        if word.stressed and (not times or word.start - times[-1] >= movement.nod_gap_s):
            times.append(word.start)
    return tuple(times)


@dataclass(frozen=True)
class Pose:
    """What the puppet shows at one instant: which sprite, and how it is moved about its pivot."""

    mouth: str
    eyes_closed: bool
    angle_deg: float = 0.0  # counter-clockwise
    scale: float = 1.0
    dy: float = 0.0  # canvas pixels, down is positive


def _active(starts: Sequence[float], length: float, t: float) -> float | None:
    """Progress 0-1 through the event (of `length` s) that is running at t, or None."""
    i = bisect_right(starts, t) - 1
    if i < 0 or t >= starts[i] + length:
        return None
    return (t - starts[i]) / length


@dataclass(frozen=True)
class Performance:
    """A puppet's whole performance: a mouth timeline plus blinks, nods and idle motion, queried by time."""

    timeline: Sequence[Segment]
    movement: Movement = Movement()
    blinks: tuple[float, ...] = ()
    nods: tuple[float, ...] = ()
    canvas_height: int = 640
    _starts: tuple[float, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(s for s, _, _ in self.timeline))

    @classmethod
    def plan(
        cls,
        timeline: Sequence[Segment],
        words: Iterable[WordCue] = (),
        movement: Movement = Movement(),
        *,
        canvas_height: int = 640,
        duration: float | None = None,
    ) -> Performance:
        end = duration if duration is not None else (timeline[-1][1] if timeline else 0.0)
        return cls(
            timeline,
            movement,
            blink_times(end, movement),
            nod_times(words, movement),
            canvas_height,
        )

    def mouth_at(self, t: float) -> str:
        """The timeline's shape at t (pose_at adds the movement's mouth lead)."""
        i = bisect_right(self._starts, t) - 1
        if i < 0 or t >= self.timeline[i][1]:
            return "X"
        return self.timeline[i][2]

    def pose_at(self, t: float) -> Pose:
        m = self.movement
        eyes_closed = _active(self.blinks, m.blink_s, t) is not None
        breath = 0.5 - 0.5 * math.cos(2 * math.pi * t / m.breath_s) if m.breath_s > 0 else 0.0
        scale = 1.0 + m.breathing * breath
        angle = 0.0
        if m.sway_s > 0:
            # Two incommensurate sines, so the sway never looks like a metronome.
            w = 2 * math.pi * t / m.sway_s
            angle = m.sway_deg * (0.75 * math.sin(w) + 0.25 * math.sin(2.71 * w + 1.3))
        dy = 0.0
        nod = _active(self.nods, m.nod_s, t)
        if nod is not None:
            dy = m.nod * self.canvas_height * math.sin(math.pi * nod) ** 2
        return Pose(self.mouth_at(t + m.mouth_lead_s), eyes_closed, angle, scale, dy)


# ------------------------------------------------------------------------------------------- placing


def pose_affine(pose: Pose, pivot: Point, box: Box, out_size: tuple[int, int]) -> tuple[float, ...]:
    """Pillow AFFINE coefficients mapping an output pixel to the canvas pixel it shows.

    The output shows canvas `box` scaled to `out_size`, with the puppet turned by `angle_deg`, scaled by
    `scale` about `pivot` and moved down by `dy` (all of it one resample: no intermediate image).
    """
    x0, y0, x1, y1 = box
    kx = (x1 - x0) / out_size[0]
    ky = (y1 - y0) / out_size[1]
    px, py = pivot
    theta = math.radians(pose.angle_deg)
    c, s = math.cos(theta) / pose.scale, math.sin(theta) / pose.scale
    # Output (u, v) shows the posed canvas point q = (x0 + kx u, y0 + ky v). The source is the inverse of
    # posed_point: src = pivot + R^-1 (q - pivot - (0, dy)) / scale, where on screen coordinates (y down)
    # R^-1 (x, y) = (x c - y s, x s + y c) undoes a counter-clockwise turn.
    qx0, qy0 = x0 - px, y0 - py - pose.dy
    return (c * kx, -s * ky, px + c * qx0 - s * qy0, s * kx, c * ky, py + s * qx0 + c * qy0)


def posed_point(pose: Pose, pivot: Point, point: Point) -> Point:
    """Where a canvas point (e.g. the mouth anchor) ends up on the canvas after the pose."""
    theta = math.radians(pose.angle_deg)
    x, y = point[0] - pivot[0], point[1] - pivot[1]
    c, s = math.cos(theta) * pose.scale, math.sin(theta) * pose.scale
    return pivot[0] + c * x + s * y, pivot[1] - s * x + c * y + pose.dy


def render_posed(puppet: Puppet, pose: Pose, box: Box, out_size: tuple[int, int]) -> Image.Image:
    """The puppet in `pose`, showing canvas `box` at `out_size` (RGBA): see Puppet.posed."""
    return puppet.posed(pose, box, out_size)
