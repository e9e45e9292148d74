"""Composing straight into yuv420p (BT.709, limited range), the way FFmpeg's overlay filter does.

The encoders take yuv420p, so instead of blending RGB canvases and converting
every frame, each sprite is converted once (per chroma phase, see below) into
:class:`Patch` planes, and a frame is the YUV base plus those patches blended
in their own rectangles.  The conversion is affine, so blending in YUV gives
the same colours as blending in RGB and converting afterwards.

Blending uses 8.8 fixed point: a pixel's alpha is ``a`` in 0..256, a patch
stores the premultiplied value ``round(value * a) + 128`` and the ``keep``
factor ``256 - a``, and the result is ``(dst * keep + premul) >> 8``; every
term fits in 16 bits.  Opaque planes are stored as plain bytes and copied.

Chroma is subsampled 2x2, so the chroma samples a sprite touches depend on
the parity of its position: a patch is made for one phase ``(x & 1, y & 1)``,
with the sprite shifted by that much inside whole 2x2 blocks; the chroma
alpha of a block is the mean of its four luma alphas (premultiplied values
likewise), so transparent pixels never leak their colour.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:  # PyAV is imported where swscale is used, so that checking a composition never loads FFmpeg
    import av
    from av.video.reformatter import VideoReformatter

ByteArray = npt.NDArray[np.uint8]
WordArray = npt.NDArray[np.uint16]
FloatArray = npt.NDArray[np.float32]
Planes = tuple[ByteArray, ByteArray, ByteArray]
Rect = tuple[int, int, int, int]

_KR, _KB = 0.2126, 0.0722
_KG = 1.0 - _KR - _KB
#: Full-range R'G'B' (0..255) to limited-range Y'CbCr (BT.709): rows Y, Cb, Cr; add OFFSET.
MATRIX = np.array(
    [
        [_KR * 219 / 255, _KG * 219 / 255, _KB * 219 / 255],
        [-_KR / (2 - 2 * _KB) * 224 / 255, -_KG / (2 - 2 * _KB) * 224 / 255, 0.5 * 224 / 255],
        [0.5 * 224 / 255, -_KG / (2 - 2 * _KR) * 224 / 255, -_KB / (2 - 2 * _KR) * 224 / 255],
    ],
    dtype=np.float64,
)
OFFSET = (16.0, 128.0, 128.0)
#: Opaque sprites at least this large (pixels), on even positions and sizes, go through swscale (C code).
SWSCALE_MIN_PIXELS = 256 * 256
_REFORMATTERS = 4  # swscale contexts kept, one per sprite size


def color_yuv(rgb: tuple[int, int, int]) -> tuple[int, int, int]:
    """One RGB colour as limited-range BT.709 ``(y, u, v)`` bytes."""
    values = MATRIX @ np.asarray(rgb, dtype=np.float64) + np.asarray(OFFSET)
    y, u, v = (int(min(255, max(0, round(float(c))))) for c in values)
    return y, u, v


def rgb_to_yuv(rgb: ByteArray) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Full-resolution float Y, U, V planes of an HxWx3 RGB array."""
    m = MATRIX.astype(np.float32)
    f = rgb.astype(np.float32)
    r, g, b = f[:, :, 0], f[:, :, 1], f[:, :, 2]
    out: list[FloatArray] = []
    for row in range(3):
        plane = r * m[row, 0]
        plane += g * m[row, 1]
        plane += b * m[row, 2]
        plane += np.float32(OFFSET[row])
        out.append(plane)
    return out[0], out[1], out[2]


def chroma_size(width: int, height: int) -> tuple[int, int]:
    return (width + 1) // 2, (height + 1) // 2


def _box(plane: FloatArray) -> FloatArray:
    """Means of the 2x2 blocks of an even-sized plane."""
    out = plane[0::2, 0::2] + plane[1::2, 0::2]
    out += plane[0::2, 1::2]
    out += plane[1::2, 1::2]
    out *= np.float32(0.25)
    return out


def _bytes(plane: FloatArray) -> ByteArray:
    out = plane + np.float32(0.5)
    np.clip(out, 0, 255, out=out)
    return out.astype(np.uint8)


def _premul(plane: FloatArray, alpha: FloatArray) -> WordArray:
    out = plane * alpha
    out += np.float32(128.5)  # the rounding of ``>> 8`` and of this value at once
    return out.astype(np.uint16)


def _keep(alpha: FloatArray) -> WordArray:
    return (np.float32(256.5) - alpha).astype(np.uint16)


class Layer:
    """Planes of one resolution (luma, or the two chroma planes) ready to blend.

    ``keep`` None: ``planes`` are plain bytes (opaque); otherwise they are
    premultiplied 16-bit values and ``keep`` is ``256 - alpha``.
    """

    __slots__ = ("keep", "planes")

    def __init__(self, planes: tuple[npt.NDArray[np.uint8] | WordArray, ...], keep: WordArray | None) -> None:
        self.planes = planes
        self.keep = keep


class Patch:
    """A sprite in YUV for one chroma phase: ``luma`` is HxW, ``chroma`` covers whole 2x2 blocks."""

    __slots__ = ("chroma", "luma")

    def __init__(self, luma: Layer, chroma: Layer) -> None:
        self.luma = luma
        self.chroma = chroma

    @property
    def nbytes(self) -> int:
        layers = (self.luma, self.chroma)
        return sum(int(p.nbytes) for layer in layers for p in (*layer.planes, layer.keep) if p is not None)


class _Reformatters(threading.local):
    """swscale contexts by size, per thread (renders may run side by side in one process)."""

    def __init__(self) -> None:
        self.by_size: OrderedDict[tuple[int, int], VideoReformatter] = OrderedDict()


_reformatters = _Reformatters()


def _swscale(rgb: ByteArray) -> tuple[ByteArray, ByteArray, ByteArray]:
    """yuv420p planes of an even-sized opaque RGB array, through a cached swscale context."""
    import av  # here, not at the top: checking a composition must not load FFmpeg
    from av.video.reformatter import ColorRange, Colorspace, VideoReformatter

    height, width = int(rgb.shape[0]), int(rgb.shape[1])
    cache = _reformatters.by_size
    reformatter = cache.pop((width, height), None) or VideoReformatter()
    cache[(width, height)] = reformatter
    while len(cache) > _REFORMATTERS:
        cache.popitem(last=False)
    frame = reformatter.reformat(
        av.VideoFrame.from_ndarray(np.ascontiguousarray(rgb), format="rgb24"),
        format="yuv420p",
        dst_colorspace=Colorspace.ITU709,
        dst_color_range=ColorRange.MPEG,
    )
    return plane_views(frame)


def plane_views(frame: av.VideoFrame) -> Planes:
    """Writable numpy views (no copy) of a yuv420p frame's Y, U and V planes."""
    views: list[ByteArray] = []
    for index, plane in enumerate(frame.planes[:3]):
        w, h = (frame.width, frame.height) if index == 0 else chroma_size(frame.width, frame.height)
        flat = np.frombuffer(plane, dtype=np.uint8)  # type: ignore[call-overload]
        views.append(flat.reshape(-1, plane.line_size)[:h, :w])
    return views[0], views[1], views[2]


def make_patch(
    px: int,
    py: int,
    *,
    rgb: ByteArray | None,
    a8: ByteArray | None,
    solid: tuple[int, int, int] | None,
    size: tuple[int, int],
) -> Patch:
    """Convert a sprite (``rgb`` or ``solid``, straight alpha ``a8`` or opaque) for the phase ``(px, py)``."""
    w, h = size
    cw, ch = (px + w + 1) // 2, (py + h + 1) // 2
    aligned = a8 is None and px == 0 and py == 0 and w % 2 == 0 and h % 2 == 0
    if solid is not None:
        cy, cu, cv = color_yuv(solid)
        yf = np.full((h, w), cy, dtype=np.float32)
        uf = np.full((h, w), cu, dtype=np.float32)
        vf = np.full((h, w), cv, dtype=np.float32)
        if aligned:
            chroma = (np.full((ch, cw), cu, dtype=np.uint8), np.full((ch, cw), cv, dtype=np.uint8))
            return Patch(Layer((np.full((h, w), cy, dtype=np.uint8),), None), Layer(chroma, None))
    else:
        assert rgb is not None
        if aligned and w * h >= SWSCALE_MIN_PIXELS:
            y8, u8, v8 = _swscale(rgb)
            return Patch(Layer((y8,), None), Layer((u8, v8), None))
        yf, uf, vf = rgb_to_yuv(rgb)
    if aligned:
        return Patch(Layer((_bytes(yf),), None), Layer((_bytes(_box(uf)), _bytes(_box(vf))), None))
    # Alpha in 0..256 (integers, so that premultiplied values and keep agree exactly).
    if a8 is None:
        alpha = np.full((h, w), 256, dtype=np.float32)
        luma = Layer((_bytes(yf),), None)
    else:
        alpha = np.floor(a8.astype(np.float32) * np.float32(256 / 255) + np.float32(0.5))
        luma = Layer((_premul(yf, alpha),), _keep(alpha))
    # Chroma: the sprite shifted by the phase inside whole 2x2 blocks, transparent around it.
    block_a = np.zeros((2 * ch, 2 * cw), dtype=np.float32)
    block_a[py : py + h, px : px + w] = alpha
    planes: list[WordArray] = []
    for plane in (uf, vf):
        block = np.zeros((2 * ch, 2 * cw), dtype=np.float32)
        np.multiply(plane, alpha, out=block[py : py + h, px : px + w])
        premul = _box(block)
        premul += np.float32(128.5)
        planes.append(premul.astype(np.uint16))
    keep = _keep(_box(block_a))
    return Patch(luma, Layer((planes[0], planes[1]), keep))


def premultiplied_patch(px: int, py: int, yuva: ByteArray) -> Patch:
    """The patch for phase ``(px, py)`` of a sprite given as premultiplied Y'CbCr and alpha bytes.

    ``yuva`` is HxWx4: Y, Cb, Cr each times alpha / 255, then alpha, every band at most alpha (what
    ``renderer.avatar.puppet.Puppet.placed`` draws with this module's matrix). Integer work only: an
    8-bit alpha ``a`` is ``a + (a >> 7)`` (= ``round(a * 256 / 255)``) on the 0..256 scale, and a
    premultiplied byte ``p`` is ``p * 256`` in the 8.8 value; chroma is the rounded mean of each 2x2 block.
    """
    import cv2  # here, not at the top: checking a composition must not load OpenCV

    h, w = int(yuva.shape[0]), int(yuva.shape[1])
    cw, ch = (px + w + 1) // 2, (py + h + 1) // 2
    y8, _, _, a8 = (np.asarray(plane, dtype=np.uint8) for plane in cv2.split(yuva))
    if px == py == 0 and w % 2 == 0 and h % 2 == 0:
        block = yuva
    else:  # the sprite shifted by the phase inside whole 2x2 blocks, transparent around it
        block = np.zeros((2 * ch, 2 * cw, 4), dtype=np.uint8)
        block[py : py + h, px : px + w] = yuva
    half = cv2.resize(block, (cw, ch), interpolation=cv2.INTER_AREA)
    _, u8, v8, ca8 = (np.asarray(plane, dtype=np.uint8) for plane in cv2.split(half))
    return Patch(
        Layer((_premultiplied_bytes(y8),), _keep_bytes(a8)),
        Layer((_premultiplied_bytes(u8), _premultiplied_bytes(v8)), _keep_bytes(ca8)),
    )


def _premultiplied_bytes(plane: ByteArray) -> WordArray:
    out = plane.astype(np.uint16)
    out <<= 8
    out |= 128  # the rounding of ``>> 8``
    return out


def _keep_bytes(alpha: ByteArray) -> WordArray:
    keep = alpha.astype(np.uint16)
    keep += keep >> 7
    np.subtract(256, keep, out=keep)
    return keep


def blend_plane(dst: ByteArray, src: npt.NDArray[np.uint8] | WordArray, keep: WordArray | None, level: int) -> None:
    """Blend ``src`` (a :class:`Layer` plane, same shape as ``dst``) into ``dst`` at opacity ``level``/255."""
    if keep is None:
        if level >= 255:
            dst[...] = src
            return
        o = np.float32(level / 255)
        out = dst * (np.float32(1) - o)
        out += src * o
        out += np.float32(0.5)
    elif level >= 255:
        acc = np.multiply(dst, keep, dtype=np.uint16)
        acc += src
        acc >>= 8
        np.copyto(dst, acc, casting="unsafe")
        return
    else:
        o = np.float32(level / 255)
        factor = keep * o
        factor += np.float32(256) * (np.float32(1) - o)
        out = dst * factor
        out += src * o
        out += np.float32(128) * (np.float32(1) - o)
        out *= np.float32(1 / 256)
    np.copyto(dst, out, casting="unsafe")


def paint_patch(planes: Planes, patch: Patch, x: int, y: int, level: int, sub: Rect) -> Rect | None:
    """Blend ``patch`` (made for phase ``(x & 1, y & 1)``) at ``(x, y)``, only its part ``sub``.

    Returns the luma rectangle touched, widened to whole chroma blocks, or None.
    """
    yp, up, vp = planes
    fh, fw = int(yp.shape[0]), int(yp.shape[1])
    sx0, sy0, sx1, sy1 = sub
    x0, y0 = max(x + sx0, 0), max(y + sy0, 0)
    x1, y1 = min(x + sx1, fw), min(y + sy1, fh)
    if x0 >= x1 or y0 >= y1 or level <= 0:
        return None
    luma = patch.luma
    dst = yp[y0:y1, x0:x1]
    keep = None if luma.keep is None else luma.keep[y0 - y : y1 - y, x0 - x : x1 - x]
    blend_plane(dst, luma.planes[0][y0 - y : y1 - y, x0 - x : x1 - x], keep, level)
    # Chroma blocks touched; the patch's block grid starts at ((x - x & 1) / 2, (y - y & 1) / 2).
    ox, oy = (x - (x & 1)) // 2, (y - (y & 1)) // 2
    cx0, cy0, cx1, cy1 = x0 // 2, y0 // 2, (x1 + 1) // 2, (y1 + 1) // 2
    chroma = patch.chroma
    ckeep = None if chroma.keep is None else chroma.keep[cy0 - oy : cy1 - oy, cx0 - ox : cx1 - ox]
    for dst_plane, src_plane in zip((up, vp), chroma.planes, strict=True):
        blend_plane(dst_plane[cy0:cy1, cx0:cx1], src_plane[cy0 - oy : cy1 - oy, cx0 - ox : cx1 - ox], ckeep, level)
    return 2 * cx0, 2 * cy0, 2 * cx1, 2 * cy1


def copy_rect(dst: Planes, src: Planes, rect: Rect) -> None:
    """Copy the luma rectangle ``rect`` (whole chroma blocks) and its chroma from ``src`` to ``dst``."""
    x0, y0, x1, y1 = rect
    dst[0][y0:y1, x0:x1] = src[0][y0:y1, x0:x1]
    cx0, cy0, cx1, cy1 = x0 // 2, y0 // 2, (x1 + 1) // 2, (y1 + 1) // 2
    dst[1][cy0:cy1, cx0:cx1] = src[1][cy0:cy1, cx0:cx1]
    dst[2][cy0:cy1, cx0:cx1] = src[2][cy0:cy1, cx0:cx1]


def copy_planes(dst: Planes, src: Planes) -> None:
    for d, s in zip(dst, src, strict=True):
        np.copyto(d, s)


def new_planes(width: int, height: int, color: tuple[int, int, int] = (0, 0, 0)) -> Planes:
    """Planes of one colour (owned numpy arrays)."""
    cy, cu, cv = color_yuv(color)
    cw, ch = chroma_size(width, height)
    return (
        np.full((height, width), cy, dtype=np.uint8),
        np.full((ch, cw), cu, dtype=np.uint8),
        np.full((ch, cw), cv, dtype=np.uint8),
    )


def to_rgb(planes: Planes) -> ByteArray:
    """Back to RGB (swscale), for checks and posters."""
    import av
    from av.video.reformatter import ColorRange, Colorspace

    height, width = int(planes[0].shape[0]), int(planes[0].shape[1])
    frame = av.VideoFrame(width, height, "yuv420p")
    copy_planes(plane_views(frame), planes)
    frame.colorspace = Colorspace.ITU709
    frame.color_range = ColorRange.MPEG
    rgb = frame.reformat(format="rgb24", src_colorspace=Colorspace.ITU709, src_color_range=ColorRange.MPEG)
    return np.asarray(rgb.to_ndarray(), dtype=np.uint8)
