"""What every visual clip shares: timing, keyframes, transitions, fit, transforms, sprites.

A clip *type* only provides :class:`Content`: its natural size and its pixels
(for a source rectangle scaled to an output size).  :class:`VisualClip`
wraps any content and works out, for a time ``t``, everything else: whether
the clip is on screen, its animated opacity/scale/rotation/offset, the
transition in progress, the fit and the Ken Burns window, and where the
result lands in the frame.  Rendered sprites are cached by their quantised
parameters, so a moving but otherwise unchanged clip is drawn once.
"""

from __future__ import annotations

import math
import pathlib
from collections import OrderedDict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt
from PIL import Image

from ..animate import ease1, evaluate1
from ..assets import DEFAULT_LIMITS, AssetFile, Limits
from ..yuv import Patch, Planes, Rect, make_patch, paint_patch

ByteArray = npt.NDArray[np.uint8]
FloatArray = npt.NDArray[np.float32]

SAFE_MARGIN = 0.05  # text, captions and colour boxes keep this fraction of the short side from the edges
OPACITY_STEPS = 255
SPRITE_CACHE = 6  # sprites kept per clip (distinct transforms)


@dataclass
class Context:
    """What clips need to know about the render: its pixel size and the assets."""

    width: int
    height: int
    pixel_scale: float  # render height / the composition's nominal height (drafts, previews)
    fps: float
    assets: Mapping[str, AssetFile] = field(default_factory=dict)
    limits: Limits = DEFAULT_LIMITS
    random_access: bool = False  # previews: one frame, seek instead of streaming

    def asset_path(self, asset_id: str) -> pathlib.Path:
        return pathlib.Path(self.assets[asset_id].path)


class SpriteSource(Protocol):
    """Where a sprite drawn straight in YUV gets its patches, and its RGB pixels only if an RGB frame asks."""

    def patch(self, px: int, py: int) -> Patch: ...

    def pixels(self) -> tuple[ByteArray, ByteArray | None]:
        """Straight RGB (HxWx3) and alpha (HxW; None: opaque)."""
        ...


class Sprite:
    """Pixels ready to blend: RGB, and either no alpha (opaque) or a straight 8-bit alpha.

    ``rgb`` is uint8 HxWx3 (for opaque sprites, copied as is) and ``a8`` uint8
    HxW; the float ``alpha`` (HxWx1) and ``premul`` (colour times alpha) that
    RGB blending uses are worked out on first use, and so are the YUV
    :class:`~renderer.yuv.Patch` es (one per chroma phase) that YUV frames use.
    A solid sprite (``solid`` set) has no arrays at all. A sprite with a ``source`` (see
    :class:`SpriteSource`) asks it for its patches, and for its RGB and alpha on first use.
    """

    __slots__ = ("_a8", "_alpha", "_patches", "_premul", "_rgb", "_source", "height", "solid", "width")

    def __init__(
        self,
        width: int,
        height: int,
        *,
        rgb: ByteArray | None = None,
        a8: ByteArray | None = None,
        solid: tuple[int, int, int] | None = None,
        source: SpriteSource | None = None,
    ) -> None:
        self.width, self.height = width, height
        self._rgb, self._a8, self.solid = rgb, a8, solid
        self._source = source
        self._alpha: FloatArray | None = None
        self._premul: FloatArray | None = None
        self._patches: dict[tuple[int, int], Patch] = {}

    def _pixels(self) -> None:
        if self._source is not None:
            self._rgb, self._a8 = self._source.pixels()
            self._source = None

    @property
    def rgb(self) -> ByteArray | None:
        self._pixels()
        return self._rgb

    @property
    def a8(self) -> ByteArray | None:
        self._pixels()
        return self._a8

    @property
    def alpha(self) -> FloatArray | None:
        if self._alpha is None and self.a8 is not None:
            self._alpha = (self.a8.astype(np.float32) * np.float32(1 / 255))[:, :, None]
        return self._alpha

    @property
    def premul(self) -> FloatArray:
        if self._premul is None:
            assert self.rgb is not None
            base = self.rgb.astype(np.float32)
            alpha = self.alpha
            self._premul = base * alpha if alpha is not None else base
        return self._premul

    def patch(self, x: int, y: int) -> Patch:
        """The YUV planes for a top-left corner at ``(x, y)`` (made once per chroma phase)."""
        phase = (x & 1, y & 1)
        patch = self._patches.get(phase)
        if patch is None and self._source is not None:
            patch = self._patches[phase] = self._source.patch(*phase)
        if patch is None:
            patch = make_patch(*phase, rgb=self.rgb, a8=self.a8, solid=self.solid, size=(self.width, self.height))
            self._patches[phase] = patch
        return patch

    @classmethod
    def from_image(cls, image: Image.Image) -> Sprite:
        """From a PIL image (RGB or RGBA, straight alpha)."""
        if image.mode == "RGB":
            return cls(image.width, image.height, rgb=np.asarray(image, dtype=np.uint8))
        rgba = np.asarray(image.convert("RGBA"), dtype=np.uint8)
        a8 = rgba[:, :, 3]
        rgb = np.ascontiguousarray(rgba[:, :, :3])
        if int(a8.min()) == 255:
            return cls(image.width, image.height, rgb=rgb)
        return cls(image.width, image.height, rgb=rgb, a8=np.ascontiguousarray(a8))

    def to_image(self) -> Image.Image:
        """Back to a PIL RGBA image (for rotation)."""
        if self.solid is not None:
            return Image.new("RGBA", (self.width, self.height), (*self.solid, 255))
        assert self.rgb is not None
        a8 = np.full((self.height, self.width), 255, np.uint8) if self.a8 is None else self.a8
        return Image.fromarray(np.concatenate([self.rgb, a8[:, :, None]], axis=2))


def blend(canvas: ByteArray, sprite: Sprite, x: int, y: int, opacity: float, sub: tuple[int, int, int, int]) -> None:
    """Paint ``sprite``'s sub-rectangle ``sub`` (sx0, sy0, sx1, sy1) at (x, y) with ``opacity``."""
    fh, fw = canvas.shape[0], canvas.shape[1]
    sx0, sy0, sx1, sy1 = sub
    x0, y0 = max(x + sx0, 0), max(y + sy0, 0)
    x1, y1 = min(x + sx1, fw), min(y + sy1, fh)
    if x0 >= x1 or y0 >= y1 or opacity <= 0:
        return
    region = canvas[y0:y1, x0:x1]
    ax0, ay0, ax1, ay1 = x0 - x, y0 - y, x1 - x, y1 - y
    o = np.float32(opacity)
    if sprite.solid is not None:
        color = np.asarray(sprite.solid, dtype=np.float32)
        if opacity >= 1:
            region[:, :] = sprite.solid
            return
        out = region.astype(np.float32)
        out *= np.float32(1) - o
        out += color * o
    elif sprite.a8 is None and opacity >= 1:
        assert sprite.rgb is not None
        region[:, :] = sprite.rgb[ay0:ay1, ax0:ax1]
        return
    else:
        premul = sprite.premul[ay0:ay1, ax0:ax1]
        out = region.astype(np.float32)
        alpha = sprite.alpha
        if alpha is None:
            out *= np.float32(1) - o
        else:
            keep = alpha[ay0:ay1, ax0:ax1] * (-o) if opacity < 1 else -alpha[ay0:ay1, ax0:ax1]
            keep += np.float32(1)
            out *= keep
        out += premul * o if opacity < 1 else premul
    out += np.float32(0.5)
    np.clip(out, 0, 255, out=out)
    region[:, :] = out.astype(np.uint8)


class Content(Protocol):
    """A clip type's pixels. Sizes are in render pixels."""

    #: True when the pixels never change over the clip's life (enables pre-blending).
    static: bool
    #: Whether ``fit`` applies (media) or the natural size is the box (text, colour, gradient).
    fits: bool
    #: Keep the safe margin from the frame edges when anchored at an edge.
    margin: bool

    def natural_size(self, local_t: float) -> tuple[float, float]: ...

    def key(self, local_t: float) -> Hashable:
        """Equal keys mean equal pixels (e.g. the caption line shown, the video frame's time)."""
        ...

    def render(self, local_t: float, src: tuple[float, float, float, float], size: tuple[int, int]) -> Sprite | None:
        """Pixels of the source rectangle ``src`` (x, y, w, h in natural pixels) scaled to ``size``."""
        ...

    def close(self) -> None: ...


def anchor(position: str, frame_w: int, frame_h: int, box_w: float, box_h: float, margin: bool) -> tuple[float, float]:
    """Centre of a ``box_w`` x ``box_h`` box anchored at ``position``."""
    m = round(SAFE_MARGIN * min(frame_w, frame_h)) if margin else 0
    if position in ("left", "top_left", "bottom_left"):
        cx = m + box_w / 2
    elif position in ("right", "top_right", "bottom_right"):
        cx = frame_w - m - box_w / 2
    else:
        cx = frame_w / 2
    if position in ("top", "top_left", "top_right"):
        cy = m + box_h / 2
    elif position in ("bottom", "bottom_left", "bottom_right"):
        cy = frame_h - m - box_h / 2
    else:
        cy = frame_h / 2
    return cx, cy


@dataclass(frozen=True)
class State:
    """Everything that decides a clip's pixels in one frame (hashable, quantised)."""

    sprite_key: Hashable
    x: int
    y: int
    level: int  # opacity 0..255
    sub: tuple[int, int, int, int]


class VisualClip:
    """The shared wrapper: any :class:`Content` placed, animated and transitioned over time."""

    def __init__(self, clip: dict[str, Any], content: Content, ctx: Context) -> None:
        self.clip = clip
        self.content = content
        self.ctx = ctx
        self.start = float(clip["start"])
        self.end = float(clip["end"])
        self.kf: dict[str, list[dict[str, Any]]] = clip.get("keyframes", {})
        self.tr_in: dict[str, Any] | None = clip["transition"]["in"]
        self.tr_out: dict[str, Any] | None = clip["transition"]["out"]
        self.effect: dict[str, Any] | None = clip.get("effect")
        self.fit = str(clip.get("fit", "none")) if content.fits else "none"
        #: Nothing about this clip changes while it is on screen, transitions aside.
        self.steady = content.static and not self.kf and self.effect is None
        #: Its place or size changes over time (see :meth:`paint_yuv`).
        self.moves = any(p in self.kf for p in ("offset_x", "offset_y", "scale", "rotation")) or any(
            tr is not None and str(tr["type"]).startswith(("slide_", "zoom")) for tr in (self.tr_in, self.tr_out)
        )
        self._cache: OrderedDict[Hashable, Sprite | None] = OrderedDict()
        self._pending: tuple[float, tuple[float, float, float, float], tuple[int, int], float] | None = None

    def active(self, t: float) -> bool:
        return self.start <= t < self.end

    def in_transition(self, t: float) -> bool:
        lt = t - self.start
        return (self.tr_in is not None and lt < self.tr_in["duration"]) or (
            self.tr_out is not None and self.end - t < self.tr_out["duration"]
        )

    def _value(self, prop: str, static_key: str, lt: float, default: float) -> float:
        frames = self.kf.get(prop)
        if frames:
            return evaluate1(frames, lt)
        return float(self.clip.get(static_key, default))

    def _fit(self, nw: float, nh: float) -> tuple[tuple[float, float, float, float], tuple[float, float]]:
        """Source rectangle (natural pixels) and box size (render pixels) for the fit mode."""
        fw, fh = self.ctx.width, self.ctx.height
        if self.fit == "cover":
            s = max(fw / nw, fh / nh)
            sw, sh = fw / s, fh / s
            return ((nw - sw) / 2, (nh - sh) / 2, sw, sh), (float(fw), float(fh))
        if self.fit == "contain":
            s = min(fw / nw, fh / nh)
            return (0.0, 0.0, nw, nh), (nw * s, nh * s)
        if self.fit == "crop":
            cw, ch = min(nw, fw), min(nh, fh)
            return ((nw - cw) / 2, (nh - ch) / 2, cw, ch), (cw, ch)
        return (0.0, 0.0, nw, nh), (nw, nh)

    def state(self, t: float) -> State | None:
        """The clip's quantised look at timeline time ``t`` (None: nothing visible)."""
        if not self.active(t):
            return None
        lt = t - self.start
        ctx = self.ctx
        opacity = self._value("opacity", "opacity", lt, 1.0)
        scale = self._value("scale", "scale", lt, 1.0)
        rotation = self._value("rotation", "rotation", lt, 0.0)
        ox = self._value("offset_x", "", lt, float(self.clip.get("offset", {}).get("x", 0.0)))
        oy = self._value("offset_y", "", lt, float(self.clip.get("offset", {}).get("y", 0.0)))
        shift_x = shift_y = 0.0
        wipe: tuple[str, float] | None = None
        for tr, progress in (
            (self.tr_in, lt / self.tr_in["duration"] if self.tr_in else 1.0),
            (self.tr_out, (self.end - t) / self.tr_out["duration"] if self.tr_out else 1.0),
        ):
            if tr is None or progress >= 1.0:
                continue
            is_in = tr is self.tr_in
            kind = tr["type"]
            p = max(0.0, progress)
            if kind == "fade":
                opacity *= p
                continue
            e = ease1("ease_in_out", p)
            if kind == "zoom":
                scale *= e
                opacity *= p
            elif kind.startswith("slide_"):
                away = 1.0 - e  # 1 = off-screen, 0 = in place
                direction = kind[len("slide_") :]
                sign = -1.0 if direction in ("left", "up") else 1.0
                # "in": arrives moving in the named direction (starts on the opposite side).
                amount = -sign * away if is_in else sign * away
                if direction in ("left", "right"):
                    shift_x += amount
                else:
                    shift_y += amount
            elif kind.startswith("wipe_"):
                wipe = (f"{kind}:{'in' if is_in else 'out'}", e)
        if opacity <= 0 or scale <= 0:
            return None
        nw, nh = self.content.natural_size(lt)
        if nw <= 0 or nh <= 0:
            return None
        src, (bw, bh) = self._fit(nw, nh)
        if self.effect is not None:
            src = self._ken_burns(src, lt)
        dw, dh = max(1, round(bw * scale)), max(1, round(bh * scale))
        cx, cy = anchor(str(self.clip.get("position", "center")), ctx.width, ctx.height, bw, bh, self.content.margin)
        cx += (ox + shift_x) * ctx.width
        cy += (oy + shift_y) * ctx.height
        angle = round(rotation * 10) / 10 % 360.0
        qsrc = tuple(round(v * 64) / 64 for v in src)
        assert len(qsrc) == 4
        sprite_key = (self.content.key(lt), qsrc, dw, dh, angle)
        self._pending = (lt, (qsrc[0], qsrc[1], qsrc[2], qsrc[3]), (dw, dh), angle)
        sprite = self._sprite(sprite_key)
        if sprite is None:
            return None
        sub = (0, 0, sprite.width, sprite.height)
        if wipe is not None:
            sub = self._wipe(wipe[0], wipe[1], sprite.width, sprite.height)
        x = math.floor(cx - sprite.width / 2 + 0.5)
        y = math.floor(cy - sprite.height / 2 + 0.5)
        level = max(0, min(OPACITY_STEPS, round(opacity * OPACITY_STEPS)))
        if level == 0 or sub[0] >= sub[2] or sub[1] >= sub[3]:
            return None
        return State(sprite_key, x, y, level, sub)

    @staticmethod
    def _wipe(spec: str, e: float, w: int, h: int) -> tuple[int, int, int, int]:
        kind, side = spec.split(":")
        shown = round(w * e)
        # wipe_right "in" reveals from the left edge; "out" hides from the left edge onwards.
        if kind == "wipe_right":
            return (0, 0, shown, h) if side == "in" else (w - shown, 0, w, h)
        return (w - shown, 0, w, h) if side == "in" else (0, 0, shown, h)

    def _ken_burns(self, src: tuple[float, float, float, float], lt: float) -> tuple[float, float, float, float]:
        assert self.effect is not None
        length = max(1e-6, self.end - self.start)
        p = min(1.0, max(0.0, lt / length))
        z0, z1 = self.effect["zoom"]
        zoom = z0 + (z1 - z0) * p
        (fx, fy), (tx, ty) = self.effect["pan"]["from"], self.effect["pan"]["to"]
        px, py = fx + (tx - fx) * p, fy + (ty - fy) * p
        x, y, w, h = src
        nw, nh = w / zoom, h / zoom
        return x + (w - nw) * (px + 1) / 2, y + (h - nh) * (py + 1) / 2, nw, nh

    def _sprite(self, key: Hashable) -> Sprite | None:
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        assert self._pending is not None
        lt, src, size, angle = self._pending
        sprite = self.content.render(lt, src, size)
        if sprite is not None and angle:
            image = sprite.to_image().convert("RGBa")
            rotated = image.rotate(-angle, resample=Image.Resampling.BICUBIC, expand=True)
            sprite = Sprite.from_image(rotated.convert("RGBA"))
        self._cache[key] = sprite
        while len(self._cache) > SPRITE_CACHE:
            self._cache.popitem(last=False)
        return sprite

    def paint(self, canvas: ByteArray, state: State) -> None:
        sprite = self._cache.get(state.sprite_key)
        if sprite is None:
            return
        blend(canvas, sprite, state.x, state.y, state.level / OPACITY_STEPS, state.sub)

    def paint_yuv(self, planes: Planes, state: State) -> Rect | None:
        """Blend into yuv420p planes; returns the rectangle touched (whole chroma blocks), if any.

        A clip that moves lands on even coordinates, as with FFmpeg's overlay filter: its chroma
        then moves by whole samples, in step with the luma, which the encoder predicts exactly (odd
        steps re-sample the chroma edges every frame, and cost H.264 about a quarter more bits and time
        on the reference composition).  A clip that stays put keeps its exact place.
        """
        sprite = self._cache.get(state.sprite_key)
        if sprite is None:
            return None
        x, y = (state.x & ~1, state.y & ~1) if self.moves else (state.x, state.y)
        level = round(state.level * 255 / OPACITY_STEPS)
        return paint_patch(planes, sprite.patch(x, y), x, y, level, state.sub)

    def close(self) -> None:
        self._cache.clear()
        self.content.close()


def image_region(image: Image.Image, src: tuple[float, float, float, float], size: tuple[int, int]) -> Image.Image:
    """``src`` of ``image`` resized to ``size`` (Pillow, C code; premultiplied for RGBA)."""
    x, y, w, h = src
    # Quantised source rectangles (1/64 px) may overshoot the image by a hair at odd pixel scales.
    box = (max(0.0, x), max(0.0, y), min(float(image.width), x + w), min(float(image.height), y + h))
    if (round(w), round(h)) == size and float(x).is_integer() and float(y).is_integer():
        return image.crop((int(x), int(y), int(x) + size[0], int(y) + size[1]))
    return image.resize(size, Image.Resampling.BILINEAR, box=box)
