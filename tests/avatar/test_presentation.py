"""Framings, backgrounds and placement produce the sprite and box the clip needs."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from renderer.avatar.character import default_character
from renderer.avatar.lipsync import mouth_openness
from renderer.avatar.presentation import FRAMINGS, Presentation, framing_box, mouth_box, placement, present
from renderer.avatar.puppet import Pose, Puppet


@pytest.fixture(scope="module")
def puppet() -> Puppet:
    return Puppet(default_character(640))


@pytest.mark.parametrize("framing", FRAMINGS)
def test_every_framing_gives_a_sprite_of_the_asked_height_with_the_face_in_it(puppet: Puppet, framing: str) -> None:
    sprite = present(puppet, Pose("D", False), Presentation(framing, height=300))  # type: ignore[arg-type]
    assert sprite.height == 300
    assert sprite.mode == "RGBA"
    x0, y0, x1, y1 = framing_box(puppet, framing)  # type: ignore[arg-type]
    for x, y in (puppet.parts.mouth_anchor, puppet.parts.eyes_anchor):
        assert x0 < x < x1
        assert y0 < y < y1


def test_circle_badge_is_round_and_filled_with_its_colour(puppet: Puppet) -> None:
    sprite = present(puppet, Pose("X", False), Presentation("circle", background=(10, 200, 30), height=200))
    assert sprite.width == sprite.height == 200
    assert sprite.getpixel((2, 2))[3] == 0  # a corner: outside the circle
    assert sprite.getpixel((20, 100)) == (10, 200, 30, 255)  # inside, beside the head


def test_bust_keeps_the_scene_behind_unless_given_a_colour(puppet: Puppet) -> None:
    kept = present(puppet, Pose("X", False), Presentation("bust", height=200))
    coloured = present(puppet, Pose("X", False), Presentation("bust", background=(0, 0, 255), height=200))
    assert kept.getpixel((3, 3))[3] == 0
    assert coloured.getpixel((3, 3)) == (0, 0, 255, 255)


def test_placement_in_corners() -> None:
    assert placement((1280, 720), (200, 250), "bottom-right", margin=20) == (1060, 450)
    assert placement((1280, 720), (200, 250), "top-left", margin=20) == (20, 20)
    assert placement((1280, 720), (200, 250), "bottom-center") == (540, 470)
    assert placement((1280, 720), (200, 250), "center") == (540, 235)


def test_mouth_box_holds_the_open_mouth_in_the_frame(puppet: Puppet) -> None:
    presentation = Presentation("bust", height=600)
    frame_size = (1280, 720)
    rows = []
    for shape in ("X", "D"):
        sprite = present(puppet, Pose(shape, False, angle_deg=1.5), presentation)
        origin = placement(frame_size, sprite.size)
        frame = Image.new("RGB", frame_size, (200, 200, 200))
        frame.paste(sprite, origin, sprite)
        rows.append(np.asarray(frame))
    box = mouth_box(puppet, presentation, placement(frame_size, present(puppet, Pose("X", False), presentation).size))
    closed, wide = mouth_openness(rows, box).tolist()
    assert closed == 0
    assert wide > 0.1
