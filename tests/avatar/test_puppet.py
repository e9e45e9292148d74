"""The puppet model: checks, cached sprites, deterministic blinks and nods, and poses that place it."""

from __future__ import annotations

import dataclasses
import itertools

import pytest
from PIL import Image

from renderer.avatar.puppet import (
    Movement,
    Performance,
    Pose,
    Puppet,
    PuppetError,
    PuppetParts,
    WordCue,
    blink_times,
    nod_times,
    pose_affine,
    posed_point,
    render_posed,
)
from renderer.visemes import SHAPES, shape_at, viseme_timeline


def _parts(**changes: object) -> PuppetParts:
    base = Image.new("RGBA", (100, 120), (200, 160, 140, 255))
    mouths = {s: Image.new("RGBA", (20, 10), (i * 20, 0, 0, 255)) for i, s in enumerate(SHAPES)}
    parts = PuppetParts(
        base=base,
        mouths=mouths,
        eyes_open=Image.new("RGBA", (40, 10), (255, 255, 255, 255)),
        eyes_closed=Image.new("RGBA", (40, 10), (0, 0, 255, 255)),
        mouth_anchor=(50, 80),
        eyes_anchor=(50, 50),
        bleed=10,
    )
    return dataclasses.replace(parts, **changes)  # type: ignore[arg-type]


def test_a_puppet_missing_mouth_shapes_is_refused_naming_them() -> None:
    parts = _parts()
    mouths = {s: m for s, m in parts.mouths.items() if s not in ("E", "H")}
    with pytest.raises(PuppetError, match="missing mouth shapes E, H") as caught:
        Puppet(dataclasses.replace(parts, mouths=mouths))
    assert caught.value.role == "mouth_E"


def test_images_need_alpha_and_anchors_must_lie_on_the_base() -> None:
    with pytest.raises(PuppetError, match="alpha") as caught:
        Puppet(_parts(eyes_closed=Image.new("RGB", (40, 10))))
    assert caught.value.role == "eyes_closed"
    with pytest.raises(PuppetError, match="mouth anchor"):
        Puppet(_parts(mouth_anchor=(50, 500)))


def test_sprites_are_composed_once_with_the_patches_on_their_anchors() -> None:
    puppet = Puppet(_parts())
    sprite = puppet.sprite("D", eyes_closed=True)
    assert puppet.sprite("D", eyes_closed=True) is sprite
    assert sprite.getpixel((50, 80)) == (60, 0, 0, 255)  # mouth D, centred on the mouth anchor
    assert sprite.getpixel((50, 50)) == (0, 0, 255, 255)  # closed eyes
    assert sprite.getpixel((5, 5)) == (200, 160, 140, 255)  # base
    assert puppet.sprite("?").getpixel((50, 80)) == puppet.sprite("X").getpixel((50, 80))


def test_blinks_are_seeded_and_spaced_three_to_six_seconds() -> None:
    movement = Movement(seed=42)
    times = blink_times(600, movement)
    assert times == blink_times(600, movement)
    assert times != blink_times(600, Movement(seed=43))
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert min(gaps) >= 3.0
    assert max(gaps) <= 6.0
    assert 100 <= len(times) <= 200
    assert blink_times(600, Movement(blinks=False)) == ()


def test_nods_fall_on_stressed_word_starts_at_most_one_per_gap() -> None:
    words = [WordCue(0.0), WordCue(0.5), WordCue(1.0, stressed=False), WordCue(2.6), WordCue(3.0), WordCue(5.2)]
    assert nod_times(words, Movement(nod_gap_s=2.5)) == (0.0, 2.6, 5.2)
    assert nod_times(words, Movement(nods=False)) == ()


def test_performance_follows_the_viseme_timeline_and_blinks() -> None:
    timeline = viseme_timeline([(0.1, 0.3, "o"), (0.3, 0.5, "l"), (0.5, 0.9, "a")], duration=10)
    performance = Performance.plan(timeline, [WordCue(0.1)], Movement(seed=3, mouth_lead_s=0), canvas_height=120)
    for t in (0.0, 0.15, 0.35, 0.6, 0.95, 9.99, 12):
        assert performance.pose_at(t).mouth == shape_at(timeline, t)
    leading = Performance.plan(timeline, movement=Movement(mouth_lead_s=0.02))
    assert leading.pose_at(0.085).mouth == shape_at(timeline, 0.105) == "E"
    blink = performance.blinks[0]
    assert performance.pose_at(blink + 0.01).eyes_closed
    assert not performance.pose_at(blink + 0.2).eyes_closed
    assert performance.pose_at(0.1 + 0.2).dy > 0  # mid-nod
    assert performance.pose_at(0.1 + 0.5).dy == 0


def test_the_affine_places_a_canvas_point_where_posed_point_says() -> None:
    pose = Pose("X", False, angle_deg=4.0, scale=1.05, dy=3.0)
    pivot, box, out = (50.0, 110.0), (10.0, 20.0, 90.0, 120.0), (160, 200)
    point = (50.0, 80.0)
    px, py = posed_point(pose, pivot, point)
    u, v = (px - box[0]) * out[0] / (box[2] - box[0]), (py - box[1]) * out[1] / (box[3] - box[1])
    a, b, c, d, e, f = pose_affine(pose, pivot, box, out)
    assert (a * u + b * v + c, d * u + e * v + f) == pytest.approx(point)
    # Turning counter-clockwise on screen moves a point above the pivot to the left.
    assert posed_point(Pose("X", False, angle_deg=5.0), pivot, (50.0, 10.0))[0] < 50


def test_render_posed_shows_the_mouth_patch_where_the_pose_puts_it() -> None:
    puppet = Puppet(_parts())
    pose = Pose("H", False, angle_deg=-6.0, dy=4.0)
    frame = render_posed(puppet, pose, (0, 0, 100, 110), (100, 110))
    x, y = posed_point(pose, puppet.parts.sway_pivot, puppet.parts.mouth_anchor)
    assert frame.getpixel((round(x), round(y))) == puppet.parts.mouths["H"].getpixel((10, 5))


def test_nearby_output_sizes_share_one_resized_copy_of_the_parts() -> None:
    puppet = Puppet(_parts())
    pose = Pose("D", False)
    for height in (100, 101, 102):
        frame = puppet.posed(pose, (0, 0, 100, 110), (round(height * 100 / 110), height))
        assert frame.height == height
        x, y = posed_point(pose, puppet.parts.sway_pivot, puppet.parts.mouth_anchor)
        k = height / 110
        assert frame.getpixel((round(x * k), round(y * k))) == puppet.parts.mouths["D"].getpixel((10, 5))
    assert len(puppet._scaled) == 1
