"""Sample models drawn from code, for tests, benchmarks and contact sheets (no image file ships):

- `sample_portrait()`: a frontal face of ellipses and gradients, shaded like a lit sphere, that the Haar
  cascade of renderer/avatar/face.py finds (with its eyes): a stand-in for a user's photo;
- `sample_puppet_images()`: the images and anchors a user would upload for a `puppet` model, cut from
  the built-in character's parts with its blazer recoloured, so an uploaded puppet is told apart.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from ..visemes import SHAPES
from .character import default_character


def sample_portrait(width: int = 480, height: int = 600, seed: int = 0) -> Image.Image:
    """A head-and-shoulders portrait (RGB): hair, brows, eyes with irises, a nose, closed lips."""
    w, h = width, height
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    bg = np.zeros((h, w, 3), np.float32)
    bg[..., 0], bg[..., 1], bg[..., 2] = 70 + 60 * yy / h, 90 + 50 * yy / h, 120 + 40 * yy / h
    img = Image.fromarray(bg.astype(np.uint8))
    d = ImageDraw.Draw(img)
    cx, cy, fw, fh = w / 2, h * 0.45, w * 0.30, h * 0.30
    skin, hair = (225, 180, 150), (50, 35, 25)
    d.rectangle((cx - fw * 0.45, cy + fh * 0.6, cx + fw * 0.45, h), fill=(200, 150, 120))  # neck
    d.ellipse((cx - fw * 2.2, cy + fh * 1.25, cx + fw * 2.2, cy + fh * 3.2), fill=(40, 60, 100))  # shoulders
    d.ellipse((cx - fw * 1.12, cy - fh * 1.25, cx + fw * 1.12, cy + fh * 0.5), fill=hair)
    d.ellipse((cx - fw, cy - fh, cx + fw, cy + fh), fill=skin)
    d.ellipse((cx - fw * 1.05, cy - fh * 1.15, cx + fw * 1.05, cy - fh * 0.45), fill=hair)
    d.rectangle((cx - fw * 0.8, cy - fh * 0.62, cx + fw * 0.8, cy - fh * 0.45), fill=skin)
    ey = cy - fh * 0.12
    for side in (-1, 1):
        x = cx + side * fw * 0.42
        d.line((x - fw * 0.25, ey - fh * 0.2, x + fw * 0.25, ey - fh * 0.22), fill=(60, 40, 30), width=int(fh * 0.05))
        d.ellipse((x - fw * 0.2, ey - fh * 0.07, x + fw * 0.2, ey + fh * 0.07), fill=(245, 245, 240))
        d.ellipse((x - fw * 0.08, ey - fh * 0.07, x + fw * 0.08, ey + fh * 0.07), fill=(70, 50, 40))
        d.ellipse((x - fw * 0.035, ey - fh * 0.035, x + fw * 0.035, ey + fh * 0.035), fill=(10, 10, 10))
    d.polygon([(cx, ey), (cx - fw * 0.12, cy + fh * 0.28), (cx + fw * 0.12, cy + fh * 0.28)], fill=(210, 160, 130))
    d.ellipse((cx - fw * 0.13, cy + fh * 0.22, cx + fw * 0.13, cy + fh * 0.32), fill=(195, 140, 115))
    my = cy + fh * 0.5
    d.ellipse((cx - fw * 0.3, my - fh * 0.06, cx + fw * 0.3, my + fh * 0.06), fill=(170, 80, 80))
    d.line((cx - fw * 0.3, my, cx + fw * 0.3, my), fill=(110, 40, 45), width=max(2, int(fh * 0.02)))
    img = img.filter(ImageFilter.GaussianBlur(w / 240))
    a = np.asarray(img).astype(np.float32)
    # Light from the front: the face darker toward its edges, as a sphere is.
    a *= (1 - 0.25 * np.clip(((xx - cx) / fw) ** 2 + ((yy - cy) / fh) ** 2 * 0.3, 0, 1))[..., None]
    a += np.random.default_rng(seed).normal(0, 3, a.shape)  # a little grain, as a camera has
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))


def _recoloured(base: Image.Image) -> Image.Image:
    """The blazer (blue-dominant pixels) turned green, so the upload differs from the built-in."""
    a = np.asarray(base).copy()
    rgb = a[..., :3].astype(np.int16)
    blue = (rgb[..., 2] > rgb[..., 0] + 40) & (rgb[..., 2] > rgb[..., 1])
    a[blue, 0], a[blue, 1], a[blue, 2] = (rgb[blue, 0] * 0.6).astype(np.uint8), rgb[blue, 2], rgb[blue, 1]
    return Image.fromarray(a, "RGBA")


def sample_puppet_images(height: int = 480) -> tuple[dict[str, Image.Image], dict[str, Any]]:
    """A puppet's images by role (RGBA) and its anchors, as the Models API takes them."""
    parts = default_character(height)
    images = {"base": _recoloured(parts.base), "eyes_open": parts.eyes_open, "eyes_closed": parts.eyes_closed}
    images.update({f"mouth_{s}": parts.mouths[s] for s in SHAPES})
    anchors: dict[str, Any] = {
        "mouth": [round(parts.mouth_anchor[0], 1), round(parts.mouth_anchor[1], 1)],
        "eyes": [round(parts.eyes_anchor[0], 1), round(parts.eyes_anchor[1], 1)],
        "bleed": parts.bleed,
    }
    return images, anchors


def sample_model(kind: str, height: int = 600) -> tuple[dict[str, Image.Image], dict[str, Any]]:
    """The images by role and the anchors of a sample `puppet` or `photo` model, `height` px tall (a
    photo's anchors located as the Models API locates them)."""
    if kind == "puppet":
        return sample_puppet_images(height)
    from .face import locate_face

    portrait = sample_portrait(round(height * 0.8), height)
    found = locate_face(portrait)
    if found is None:
        raise RuntimeError("the sample portrait's face was not found")
    return {"photo": portrait}, found.anchors()
