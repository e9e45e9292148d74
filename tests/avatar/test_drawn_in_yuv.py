"""The avatar's video path: the puppet placed straight in Y'CbCr must be the RGB sprite converted, the
mouth and eyes tiles must give what compositing them gives, and whatever cannot take the path (masked
framings, backgrounds, puppets that place themselves) takes the RGB one."""

from __future__ import annotations

import dataclasses

import numpy as np
from PIL import Image, ImageDraw

from renderer.avatar.character import default_character
from renderer.avatar.presentation import Presentation, present, present_placed
from renderer.avatar.puppet import Box, Pose, Puppet, PuppetParts
from renderer.clips.avatar import _YUV
from renderer.visemes import SHAPES
from renderer.yuv import premultiplied_patch, rgb_to_yuv


def test_the_yuv_placing_is_the_rgb_sprite_converted() -> None:
    puppet = Puppet(default_character(480))
    look = Presentation("bust", None, 300)
    for pose in (Pose("D", False, 0.8, 1.004, 3.0), Pose("X", True, -1.1, 1.0, 0.0)):
        yuva = present_placed(puppet, pose, look, _YUV)
        assert yuva is not None
        rgba = np.asarray(present(puppet, pose, look), dtype=np.uint8)
        assert yuva.shape == rgba.shape
        assert np.array_equal(yuva[:, :, 3], rgba[:, :, 3])
        opaque = rgba[:, :, 3] == 255
        assert opaque.mean() > 0.5
        for band, plane in enumerate(rgb_to_yuv(rgba[:, :, :3])):
            assert np.abs(yuva[:, :, band][opaque].astype(np.float32) - plane[opaque]).max() <= 2.0


def test_patches_from_premultiplied_bytes_blend_like_the_float_ones() -> None:
    # One opaque pixel, one half-transparent, one clear, at every chroma phase: the blend restores the
    # frame where the sprite is clear and keeps every term within 16 bits.
    from renderer.yuv import Patch, make_patch, paint_patch

    rgba = np.zeros((6, 8, 4), dtype=np.uint8)
    rgba[1:4, 1:6] = (200, 40, 90, 255)
    rgba[4, 2:7] = (10, 250, 30, 128)
    premul = rgba.copy()
    premul[:, :, :3] = (rgba[:, :, :3].astype(np.uint16) * rgba[:, :, 3:4] // 255).astype(np.uint8)
    yuva = _YUV.premultiplied(premul)
    for px, py in ((0, 0), (1, 0), (0, 1), (1, 1)):
        got: Patch = premultiplied_patch(px, py, yuva)
        want = make_patch(px, py, rgb=rgba[:, :, :3].copy(), a8=rgba[:, :, 3].copy(), solid=None, size=(8, 6))
        planes = [np.full((12, 14), 60, np.uint8), np.full((6, 7), 100, np.uint8), np.full((6, 7), 150, np.uint8)]
        reference = [p.copy() for p in planes]
        paint_patch((planes[0], planes[1], planes[2]), got, 2 + px, 2 + py, 255, (0, 0, 8, 6))
        paint_patch((reference[0], reference[1], reference[2]), want, 2 + px, 2 + py, 255, (0, 0, 8, 6))
        for mine, theirs in zip(planes, reference, strict=True):
            assert np.abs(mine.astype(int) - theirs.astype(int)).max() <= 2


def _parts(eyes_at: float) -> PuppetParts:
    base = Image.new("RGBA", (120, 150), (0, 0, 0, 0))
    ImageDraw.Draw(base).ellipse((10, 10, 110, 140), fill=(220, 170, 150, 255))
    mouths = {}
    for i, shape in enumerate(SHAPES):
        patch = Image.new("RGBA", (30 + 2 * i, 14), (0, 0, 0, 0))  # mouths of different sizes
        ImageDraw.Draw(patch).ellipse((2, 2, 28 + 2 * i, 12), fill=(120 + 10 * i, 20, 40, 255))
        mouths[shape] = patch
    eyes = Image.new("RGBA", (60, 16), (0, 0, 0, 0))
    ImageDraw.Draw(eyes).ellipse((4, 2, 56, 14), fill=(255, 255, 255, 255))
    closed = Image.new("RGBA", (60, 16), (0, 0, 0, 0))
    ImageDraw.Draw(closed).rectangle((4, 7, 56, 9), fill=(40, 30, 30, 255))
    return PuppetParts(base, mouths, eyes, closed, mouth_anchor=(60, 100), eyes_anchor=(60, eyes_at))


def test_mouth_and_eye_tiles_give_what_compositing_gives_even_when_they_overlap() -> None:
    apart, overlapping = Puppet(_parts(60)), Puppet(_parts(95))
    box, size = (0.0, 0.0, 120.0, 150.0), (120, 150)
    sequence = [Pose(s, i % 3 == 0, 0.5 * i - 2, 1.0, 0.0) for i, s in enumerate("DXAHBXEEGFCD")]
    for puppet in (apart, overlapping):
        for pose in sequence:  # in turn, so each frame starts from the last one's canvas
            got = puppet.placed(pose, box, size)
            fresh = Puppet(puppet.parts).placed(pose, box, size)  # composed from the bare base
            assert np.array_equal(got, fresh), pose
    assert apart.scaled(2.0).tiles
    assert not overlapping.scaled(2.0).tiles


def test_masked_framings_backgrounds_and_self_placing_puppets_take_the_rgb_path() -> None:
    puppet = Puppet(default_character(320))
    pose = Pose("X", False)
    assert present_placed(puppet, pose, Presentation("circle", None, 100), _YUV) is None
    assert present_placed(puppet, pose, Presentation("pip", None, 100), _YUV) is None
    assert present_placed(puppet, pose, Presentation("bust", (10, 20, 30), 100), _YUV) is None

    class PlacesItself(Puppet):
        def posed(self, pose: Pose, box: Box, out_size: tuple[int, int]) -> Image.Image:
            return Image.new("RGBA", out_size, (1, 2, 3, 255))

    drawn = PlacesItself(dataclasses.replace(puppet.parts))
    assert present_placed(drawn, pose, Presentation("bust", None, 100), _YUV) is None
