"""The built-in presenter: complete, deterministic, with nine mouth shapes that really differ."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from PIL import Image

from renderer.avatar.character import default_character
from renderer.avatar.lipsync import mouth_openness
from renderer.avatar.puppet import Puppet
from renderer.visemes import SHAPES


@pytest.fixture(scope="module")
def puppet() -> Puppet:
    return Puppet(default_character(640))


def _on_white(image: Image.Image) -> np.ndarray:
    flat = Image.new("RGBA", image.size, (255, 255, 255, 255))
    flat.alpha_composite(image)
    return np.asarray(flat.convert("RGB"))


def _mouth_region(puppet: Puppet, shape: str) -> np.ndarray:
    mx, my = (int(v) for v in puppet.parts.mouth_anchor)
    return _on_white(puppet.sprite(shape))[my - 45 : my + 45, mx - 60 : mx + 60]


def test_it_is_a_complete_puppet_at_the_asked_size(puppet: Puppet) -> None:
    parts = puppet.parts
    assert parts.canvas == (512, 640)
    assert sorted(parts.mouths) == sorted(SHAPES)
    assert default_character(960).canvas == (768, 960)
    # Transparent around the character, opaque on the face and the blazer.
    assert parts.base.getpixel((5, 5))[3] == 0
    assert parts.base.getpixel((256, 280))[3] == 255
    assert parts.base.getpixel((256, 630))[3] == 255


def test_drawing_is_deterministic() -> None:
    again = default_character.__wrapped__(640)
    assert again.base.tobytes() == default_character(640).base.tobytes()
    assert again.mouths["D"].tobytes() == default_character(640).mouths["D"].tobytes()


def test_every_pair_of_mouth_shapes_differs_visibly(puppet: Puppet) -> None:
    regions = {s: _mouth_region(puppet, s).astype(np.int16) for s in SHAPES}
    for a, b in itertools.combinations(SHAPES, 2):
        changed = np.count_nonzero(np.abs(regions[a] - regions[b]).max(axis=2) > 40)
        assert changed > 150, f"mouth {a} and {b} differ in only {changed} pixels"


def test_openness_from_pixels_ranks_the_shapes_like_the_preston_blair_chart(puppet: Puppet) -> None:
    mx, my = puppet.parts.mouth_anchor
    box = (int(mx) - 60, int(my) - 45, int(mx) + 60, int(my) + 45)
    frames = [_on_white(puppet.sprite(s)) for s in SHAPES]
    openness = dict(zip(SHAPES, mouth_openness(frames, box).tolist(), strict=True))
    assert openness["A"] == openness["X"] == 0  # closed
    assert max(openness["B"], openness["G"]) < min(openness["C"], openness["E"], openness["H"])
    assert openness["D"] == max(openness.values())  # wide open
    assert 0 < openness["F"] < openness["E"]  # a pucker is a small round opening


def test_closed_eyes_cover_the_irises(puppet: Puppet) -> None:
    ex, ey = (round(v) for v in puppet.parts.eyes_anchor)
    open_eye = puppet.sprite("X").getpixel((ex - 50, ey + 1))
    closed_eye = puppet.sprite("X", eyes_closed=True).getpixel((ex - 50, ey + 1))
    assert isinstance(open_eye, tuple)
    assert isinstance(closed_eye, tuple)
    assert sum(open_eye[:3]) < 200  # the pupil
    assert sum(closed_eye[:3]) > 500  # skin


def test_patches_fit_inside_the_base(puppet: Puppet) -> None:
    w, h = puppet.parts.canvas
    for patch in [*puppet.parts.mouths.values(), puppet.parts.eyes_open]:
        assert isinstance(patch, Image.Image)
        assert patch.width < w
        assert patch.height < h
