"""Where the face is in a portrait: the box found by the Haar cascades that ship inside
opencv-python-headless (`cv2.data.haarcascades`), and the anchors a talking photo needs.

Pure: numpy and cv2, no PyAV, no GALA. A Haar box is the face from the brows to the chin; inside it
the eyes are searched with the eye cascade (the box's proportions when they are not found), the mouth
line is the darkest row of the lower face (the gap between the lips), and its width the extent of the
lips' redness along that row (the box's proportions when the lips cannot be told from the skin).
Everything is in the image's pixels, and a user can correct any anchor (the Models API).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt
from PIL import Image

Point = tuple[float, float]
# The smallest face worth animating, pixels; and the part of the shorter side a face must span.
MIN_FACE_PX = 48
MIN_FACE_FRACTION = 0.15


@dataclass(frozen=True)
class FaceFit:
    """A located face: its box (x, y, width, height) and the anchors derived from it."""

    box: tuple[int, int, int, int]
    left_eye: Point  # the eye on the image's left
    right_eye: Point
    mouth: Point  # the centre of the line between the lips
    mouth_width: float
    jaw: Point  # the chin's lowest point

    def anchors(self) -> dict[str, Any]:
        """The anchors as the Models API stores them (rounded to a tenth of a pixel)."""

        def pt(p: Point) -> list[float]:
            return [round(float(p[0]), 1), round(float(p[1]), 1)]

        return {
            "left_eye": pt(self.left_eye),
            "right_eye": pt(self.right_eye),
            "mouth": pt(self.mouth),
            "mouth_width": round(float(self.mouth_width), 1),
            "jaw": pt(self.jaw),
        }


@cache
def _cascade(name: str) -> Any:
    folder = str(cv2.data.haarcascades)  # type: ignore[attr-defined]  # cv2's stubs omit its data module
    classifier = cv2.CascadeClassifier(folder + name)
    if classifier.empty():  # a wheel without its data files
        raise RuntimeError(f"the Haar cascade {name} is missing from opencv-python-headless")
    return classifier


def _gray(image: Image.Image) -> npt.NDArray[np.uint8]:
    rgb = np.asarray(image.convert("RGB"))
    return np.asarray(cv2.equalizeHist(cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)), dtype=np.uint8)


DETECT_SIDE = 1024  # larger photos are searched at this size (the cascade costs grow with the pixels)


def locate_face(image: Image.Image) -> FaceFit | None:
    """The largest frontal face in `image`, or None when there is none big enough to animate."""
    k = DETECT_SIDE / max(image.size)
    if k >= 1:
        return _locate(image)
    small = image.convert("RGB").resize((max(1, round(image.width * k)), max(1, round(image.height * k))))
    found = _locate(small)
    if found is None:
        return None

    def up(p: Point) -> Point:
        return p[0] / k, p[1] / k

    x, y, w, h = found.box
    return FaceFit(
        (round(x / k), round(y / k), round(w / k), round(h / k)),
        up(found.left_eye),
        up(found.right_eye),
        up(found.mouth),
        found.mouth_width / k,
        up(found.jaw),
    )


def _locate(image: Image.Image) -> FaceFit | None:
    gray = _gray(image)
    h, w = gray.shape
    smallest = max(MIN_FACE_PX, round(min(w, h) * MIN_FACE_FRACTION))
    found = _cascade("haarcascade_frontalface_default.xml").detectMultiScale(
        gray, scaleFactor=1.1, minNeighbors=5, minSize=(smallest, smallest)
    )
    if len(found) == 0:
        return None
    x, y, fw, fh = (int(v) for v in max(found, key=lambda r: int(r[2]) * int(r[3])))
    left, right = _eyes(gray, (x, y, fw, fh))
    mouth_y = _mouth_line(gray, (x, y, fw, fh))
    mouth_x = float(left[0] + right[0]) / 2
    width = _mouth_width(np.asarray(image.convert("RGB")), (x, y, fw, fh), mouth_x, mouth_y)
    jaw = (mouth_x, min(h - 1.0, y + fh * 1.02))
    return FaceFit((x, y, fw, fh), left, right, (mouth_x, mouth_y), width, jaw)


def _eyes(gray: npt.NDArray[np.uint8], box: tuple[int, int, int, int]) -> tuple[Point, Point]:
    x, y, fw, fh = box
    guess = ((x + fw * 0.3, y + fh * 0.4), (x + fw * 0.7, y + fh * 0.4))
    top = gray[y : y + fh // 2 + fh // 10, x : x + fw]
    found = _cascade("haarcascade_eye.xml").detectMultiScale(
        top, scaleFactor=1.1, minNeighbors=4, minSize=(max(8, fw // 10), max(8, fw // 10))
    )
    centres = [(float(x + ex + ew / 2), float(y + ey + eh / 2)) for ex, ey, ew, eh in found]
    lefts = [c for c in centres if c[0] < x + fw / 2]
    rights = [c for c in centres if c[0] >= x + fw / 2]
    if not lefts or not rights:
        return guess

    def nearest(cs: list[Point], to: Point) -> Point:
        return min(cs, key=lambda c: (c[0] - to[0]) ** 2 + (c[1] - to[1]) ** 2)

    left, right = nearest(lefts, guess[0]), nearest(rights, guess[1])
    # Eyes that disagree about the height by a lot are a false find (a brow, a nostril).
    if abs(left[1] - right[1]) > fh * 0.12:
        return guess
    return left, right


def _mouth_line(gray: npt.NDArray[np.uint8], box: tuple[int, int, int, int]) -> float:
    """The darkest row between 65 % and 88 % of the box's height, in its middle third (the lips' gap)."""
    x, y, fw, fh = box
    y0, y1 = y + round(fh * 0.65), min(gray.shape[0], y + round(fh * 0.88))
    band = gray[y0:y1, x + fw // 3 : x + 2 * fw // 3].astype(np.float32)
    if band.shape[0] < 3:
        return y + fh * 0.75
    rows = cv2.GaussianBlur(band.mean(axis=1).reshape(-1, 1), (1, 5), 0).reshape(-1)
    return float(y0 + int(np.argmin(rows)))


def _mouth_width(rgb: npt.NDArray[np.uint8], box: tuple[int, int, int, int], mx: float, my: float) -> float:
    """How far the lips' redness reaches either side of the mouth's centre, along the mouth line."""
    x, _, fw, fh = box
    default = fw * 0.36
    row = round(my)
    band = rgb[max(0, row - max(1, fh // 40)) : row + max(2, fh // 40), x : x + fw].astype(np.float32)
    if band.size == 0:
        return default
    redness = (band[..., 0] - band[..., 1]).mean(axis=0)
    skin = float(np.median(redness))
    centre = round(mx - x)
    lips = redness > skin + 0.5 * (float(redness[max(0, centre - 2) : centre + 3].max()) - skin)
    if not lips[min(len(lips) - 1, max(0, centre))]:
        return default
    lo = hi = centre
    while lo > 0 and lips[lo - 1]:
        lo -= 1
    while hi < len(lips) - 1 and lips[hi + 1]:
        hi += 1
    width = float(hi - lo + 1)
    return width if fw * 0.18 <= width <= fw * 0.6 else default
