"""The talking photo: one frontal portrait, its mouth and jaw warped per mouth shape, its eyelids
warped shut for blinks, the whole photo swaying and breathing a little.

Pure: numpy, Pillow and cv2, no PyAV, no GALA. A `PhotoPuppet` is a `Puppet` whose base is the photo,
so framings, presentation, mouth boxes, contact sheets and the avatar clip treat both alike; only
the drawing differs:

- per mouth shape (renderer.visemes.MOUTH_GEOMETRY: the lips' gap and the mouth's width) the lower lip
  and chin are pulled down (the neck below stretches, the face beside the chin follows smoothly), the
  upper lip up a little, the mouth narrowed or widened about its centre, and the gap between the lips
  painted as a dark mouth with a hint of upper teeth;
- for a blink each eye is covered by its own upper lid: the skin above the eye stretched down over it,
  a little darker, with a lash line where the lids meet;
- per frame the face (photo plus those patches, made once per shape and size) is placed with one
  bilinear affine warp (`cv2.warpAffine`): the framing's crop and scale, and the sway, breath and nod
  of the `Pose` about the neck. The photo is padded by mirroring its edges, so a sway never shows a
  gap at the photo's border.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt
from PIL import Image

from ..visemes import MOUTH_GEOMETRY, SHAPES
from .puppet import Box, Point, Pose, Puppet, PuppetError, PuppetParts, pose_affine

F32 = npt.NDArray[np.float32]
U8 = npt.NDArray[np.uint8]

MOUTH_INSIDE = np.array([34, 10, 16], np.float32)  # the back of the mouth
MOUTH_EDGE = np.array([96, 34, 40], np.float32)  # near the lips
TEETH = np.array([226, 222, 210], np.float32)
# Of the photo's larger side: its edges mirrored around it, so a sway, and a bust or circle reaching a
# little past a tight portrait, show more of the background instead of a gap (mirrored, not repeated:
# repeated edge pixels streak).
PAD = 0.12


@dataclass(frozen=True)
class PhotoRig:
    """Where the face is in the photo (its pixels): both eyes, the mouth's centre and width, the chin."""

    left_eye: Point
    right_eye: Point
    mouth: Point
    mouth_width: float
    jaw: Point

    @classmethod
    def of(cls, anchors: Mapping[str, object]) -> PhotoRig:
        def pt(name: str) -> Point:
            value = anchors[name]
            assert isinstance(value, list | tuple)
            return float(value[0]), float(value[1])

        width = anchors["mouth_width"]
        assert isinstance(width, int | float)
        return cls(pt("left_eye"), pt("right_eye"), pt("mouth"), float(width), pt("jaw"))

    @property
    def eyes(self) -> Point:
        return (self.left_eye[0] + self.right_eye[0]) / 2, (self.left_eye[1] + self.right_eye[1]) / 2

    def check(self, size: tuple[int, int]) -> None:
        """Refuse anchors a face cannot have (outside the photo, the mouth above the eyes, ...)."""
        w, h = size
        for name, (x, y) in (
            ("left_eye", self.left_eye),
            ("right_eye", self.right_eye),
            ("mouth", self.mouth),
            ("jaw", self.jaw),
        ):
            if not (0 <= x < w and 0 <= y < h):
                raise PuppetError(f"the {name} anchor ({x:g}, {y:g}) lies outside the photo {w}x{h}", role=name)
        if self.right_eye[0] - self.left_eye[0] < 4:
            raise PuppetError(
                "right_eye must be at least 4 pixels right of left_eye (as the photo shows them)", role="right_eye"
            )
        if not self.eyes[1] + 2 <= self.mouth[1] < self.jaw[1] - 1:
            raise PuppetError("the anchors must go down the face: eyes, then mouth, then jaw", role="mouth")
        if not 4 <= self.mouth_width <= w:
            raise PuppetError(f"mouth_width must be 4-{w} pixels", role="mouth_width")


def _transparent(size: tuple[float, float]) -> Image.Image:
    return Image.new("RGBA", (max(1, round(size[0])), max(1, round(size[1]))), (0, 0, 0, 0))


def photo_parts(photo: Image.Image, rig: PhotoRig) -> PuppetParts:
    """The photo as a puppet's parts: its mouth and eye "patches" are empty (the photo is warped
    instead), sized as the mouth and eyes so mouth boxes and framings measure the face."""
    rig.check(photo.size)
    mw = rig.mouth_width
    mouth = _transparent((mw * 1.2, mw * 0.7))
    ed = rig.right_eye[0] - rig.left_eye[0]
    eyes = _transparent((ed * 1.6, ed * 0.5))
    ex, ey = rig.eyes
    neck = (rig.mouth[0], min(photo.height - 1.0, rig.jaw[1] + 0.3 * (rig.jaw[1] - ey)))
    return PuppetParts(photo.convert("RGBA"), dict.fromkeys(SHAPES, mouth), eyes, eyes, rig.mouth, (ex, ey), pivot=neck)


def _smoothstep(e0: float, e1: float, x: F32) -> F32:
    t = np.clip((x - e0) / max(1e-6, e1 - e0), 0.0, 1.0)
    return np.asarray(t * t * (3 - 2 * t), dtype=np.float32)


@dataclass(frozen=True)
class _Patch:
    at: tuple[int, int]  # top-left in the padded, scaled face
    pixels: U8  # premultiplied RGBA


class _Level:
    """The photo at one scale, padded, premultiplied (HxWx4 uint8), and its patches per shape."""

    def __init__(self, photo: Image.Image, rig: PhotoRig, factor: float) -> None:
        self.factor = factor
        w, h = photo.size
        size = (max(1, round(w * factor)), max(1, round(h * factor)))
        premul = np.asarray(photo.convert("RGBa"))
        scaled = cv2.resize(premul, size, interpolation=cv2.INTER_AREA if factor < 1 else cv2.INTER_LINEAR)
        self.pad = max(2, round(PAD * max(size)))
        p = self.pad
        self.face: U8 = np.ascontiguousarray(cv2.copyMakeBorder(scaled, p, p, p, p, cv2.BORDER_REFLECT_101))
        self.rig = rig
        self._mouths: dict[str, _Patch | None] = {}
        self._eyes: _Patch | None = None

    def _xy(self, point: Point) -> tuple[float, float]:
        """A photo pixel's position in this level's (padded, scaled) pixel centres."""
        return (point[0] + 0.5) * self.factor - 0.5 + self.pad, (point[1] + 0.5) * self.factor - 0.5 + self.pad

    def mouth(self, shape: str) -> _Patch | None:
        if shape not in self._mouths:
            self._mouths[shape] = self._mouth(shape)
        return self._mouths[shape]

    def _mouth(self, shape: str) -> _Patch | None:
        g = MOUTH_GEOMETRY.get(shape, MOUTH_GEOMETRY["X"])
        if g.open <= 0 and abs(g.width - 1) < 0.05:
            return None
        mx, my = self._xy(self.rig.mouth)
        mw = self.rig.mouth_width * self.factor
        jy = self._xy(self.rig.jaw)[1]
        chin = max(2.0, jy - my)
        gap = g.open * mw
        lower, upper = 0.72 * gap, 0.28 * gap
        half = 0.5 * mw * g.width
        fall = max(chin * 0.5, 3 * lower, 2.0)  # the neck below the chin stretches over this
        x0, x1 = math.floor(mx - 1.3 * mw), math.ceil(mx + 1.3 * mw) + 1
        y0, y1 = math.floor(my - 0.7 * mw), math.ceil(jy + fall + lower) + 1
        hh, ww = self.face.shape[:2]
        x0, y0, x1, y1 = max(0, x0), max(0, y0), min(ww, x1), min(hh, y1)
        if x1 - x0 < 2 or y1 - y0 < 2:
            return None
        ys, xs = np.mgrid[y0:y1, x0:x1].astype(np.float32)
        dx, dy = xs - mx, ys - my
        lens = np.sqrt(np.clip(1 - (dx / max(half, 1.0)) ** 2, 0, 1)).astype(np.float32)
        # The jaw drops as one piece where the chin is, fading out toward the cheeks.
        jaw = 1 - _smoothstep(0.45 * mw, 1.25 * mw, np.abs(dx))
        toward_jaw = _smoothstep(0.0, 0.6 * chin, dy)
        drop = lower * (lens * (1 - toward_jaw) + jaw * toward_jaw)
        drop *= 1 - _smoothstep(jy - my, jy - my + fall, dy)  # the neck stretches back to still
        lift = upper * lens * _smoothstep(-0.55 * mw, 0.0, dy)
        src_y = np.where(dy >= 0, ys - drop, ys + lift)
        # Narrow or widen the mouth about its centre, the most at the lips.
        bump = np.exp(-((dx / (0.9 * mw)) ** 2) - (dy / (0.45 * mw + lower)) ** 2).astype(np.float32)
        # ... and nothing at the region's edges, so the warp has no seam there.
        bump *= (1 - _smoothstep(0.9 * mw, 1.25 * mw, np.abs(dx))) * _smoothstep(-0.68 * mw, -0.4 * mw, dy)
        src_x = xs + dx * (1 / g.width - 1) * bump
        patch = cv2.remap(
            self.face,
            src_x.astype(np.float32),
            src_y.astype(np.float32),
            cv2.INTER_LINEAR,
            borderMode=cv2.BORDER_REPLICATE,
        ).astype(np.float32)
        if gap >= 0.5:
            top, bottom = -upper * lens, lower * lens
            inside = np.clip(np.minimum(dy - top, bottom - dy) + 0.5, 0, 1) * (lens > 0)
            depth = np.clip(1 - np.abs((dy - (bottom + top) / 2) / np.maximum(0.5, (bottom - top) / 2)), 0, 1)
            colour = MOUTH_EDGE + (MOUTH_INSIDE - MOUTH_EDGE) * depth[..., None]
            if g.teeth and gap >= 2:
                teeth = np.clip((top + 0.3 * (bottom - top) - dy) + 0.5, 0, 1) * (
                    1 - _smoothstep(0.55 * half, 0.8 * half, np.abs(dx))
                )
                colour = colour + (TEETH - colour) * teeth[..., None]
            alpha = patch[..., 3:4] / 255.0
            a = inside[..., None]
            patch[..., :3] = patch[..., :3] * (1 - a) + colour * alpha * a
        return _Patch((x0, y0), np.ascontiguousarray(np.clip(patch + 0.5, 0, 255).astype(np.uint8)))

    def eyes(self) -> _Patch | None:
        if self._eyes is None:
            self._eyes = self._closed_eyes()
        return self._eyes

    def _closed_eyes(self) -> _Patch | None:
        (lx, ly), (rx, ry) = self._xy(self.rig.left_eye), self._xy(self.rig.right_eye)
        distance = max(4.0, rx - lx)
        ew, eh = 0.24 * distance, 0.12 * distance  # half-width and half-height of an eye's opening
        lid = 2.3 * eh  # the skin above the eye that is pulled down over it (not the brow above that)
        x0, x1 = math.floor(lx - 1.6 * ew), math.ceil(rx + 1.6 * ew) + 1
        y0, y1 = math.floor(min(ly, ry) - lid - 2 * eh), math.ceil(max(ly, ry) + 2 * eh) + 1
        hh, ww = self.face.shape[:2]
        x0, y0, x1, y1 = max(0, x0), max(0, y0), min(ww, x1), min(hh, y1)
        if x1 - x0 < 2 or y1 - y0 < 2:
            return None
        ys, xs = np.mgrid[y0:y1, x0:x1].astype(np.float32)
        src_y = ys.copy()
        shade = np.ones_like(ys)
        lash = np.zeros_like(ys)
        for cx, cy in ((lx, ly), (rx, ry)):
            dx, dy = xs - cx, ys - cy
            across = np.sqrt(np.clip(1 - (dx / (1.3 * ew)) ** 2, 0, 1))  # how much of the lid covers this column
            meet = 0.35 * eh * across  # where the lids meet (below the eye's centre): a gentle curve
            low = 2.0 * eh
            # Above the meeting line the lid skin over the eye, [-lid, -1.5 eh], is stretched down to it;
            # below it the skin under the eye, [1.2 eh, 2 eh], is pushed up to it: the eye is gone.
            upper = -lid + (dy + lid) * (lid - 1.5 * eh) / (lid + meet)
            lower = low - (low - dy) * (low - 1.2 * eh) / (low - meet)
            inside = (dy >= -lid) & (dy <= low)
            target = np.where(dy < meet, upper, lower)
            src_y = np.where(inside, src_y + across * (target - dy), src_y)
            shade = shade - 0.08 * across * _smoothstep(-lid, -lid + 1.5 * eh, dy) * (dy < meet)
            rim = np.sqrt(np.clip(1 - (dx / (1.05 * ew)) ** 2, 0, 1))
            lash = np.maximum(lash, rim**0.5 * np.clip(1 - np.abs(dy - meet) / max(0.8, 0.14 * eh), 0, 1))
        patch = cv2.remap(self.face, xs, src_y.astype(np.float32), cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
        out = patch.astype(np.float32)
        out[..., :3] *= shade[..., None]
        alpha = out[..., 3:4] / 255.0
        dark = np.array([40, 26, 24], np.float32)
        out[..., :3] = out[..., :3] * (1 - 0.85 * lash[..., None]) + dark * alpha * 0.85 * lash[..., None]
        return _Patch((x0, y0), np.ascontiguousarray(np.clip(out + 0.5, 0, 255).astype(np.uint8)))

    def expression(self, shape: str, eyes_closed: bool) -> U8:
        """The face with that mouth and those eyes (a fresh array only when a patch changes it)."""
        patches = [p for p in (self.mouth(shape), self.eyes() if eyes_closed else None) if p is not None]
        if not patches:
            return self.face
        face = self.face.copy()
        for patch in patches:
            x, y = patch.at
            ph, pw = patch.pixels.shape[:2]
            face[y : y + ph, x : x + pw] = patch.pixels
        return face


class PhotoPuppet(Puppet):
    """A photo that talks: see the module's docstring. Framings and movement are the puppet's."""

    def __init__(self, photo: Image.Image, rig: PhotoRig) -> None:
        super().__init__(photo_parts(photo, rig))
        self.rig = rig
        self._photo = self.parts.base  # the photo, RGBA
        self._levels: dict[float, _Level] = {}

    def level(self, factor: float) -> _Level:
        factor = round(factor, 4)
        cached = self._levels.get(factor)
        if cached is None:
            if len(self._levels) >= 4:
                self._levels.pop(next(iter(self._levels)))
            cached = self._levels[factor] = _Level(self._photo, self.rig, factor)
        return cached

    def sprite(self, mouth: str, eyes_closed: bool = False) -> Image.Image:
        level = self.level(1.0)
        p = level.pad
        face = level.expression(mouth, eyes_closed)[p:-p, p:-p]
        return Image.frombuffer("RGBa", (face.shape[1], face.shape[0]), np.ascontiguousarray(face).tobytes()).convert(
            "RGBA"
        )

    def posed(self, pose: Pose, box: Box, out_size: tuple[int, int]) -> Image.Image:
        """The photo in `pose`, showing canvas `box` at `out_size`: one bilinear warp of the face."""
        # Levels a sixteenth of an octave apart, at or above the output's scale (so the warp only shrinks).
        wanted = out_size[1] / max(1e-6, box[3] - box[1])
        factor = min(1.0, 2.0 ** (math.ceil(math.log2(wanted) * 16) / 16))
        level = self.level(factor)
        face = level.expression(pose.mouth, pose.eyes_closed)
        a, b, c, d, e, f = pose_affine(pose, self.parts.sway_pivot, box, out_size)
        k, p = level.factor, level.pad
        # Pillow's coefficients map an output point to a photo point (pixel corners at integers);
        # cv2 maps pixel centres, into the scaled and padded face.
        matrix = np.array(
            [
                [k * a, k * b, k * (0.5 * a + 0.5 * b + c) + p - 0.5],
                [k * d, k * e, k * (0.5 * d + 0.5 * e + f) + p - 0.5],
            ],
            np.float64,
        )
        placed = cv2.warpAffine(
            face,
            matrix,
            out_size,
            flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
            borderMode=cv2.BORDER_CONSTANT,
            borderValue=(0, 0, 0, 0),
        )
        return Image.frombuffer("RGBa", out_size, placed.tobytes()).convert("RGBA")
