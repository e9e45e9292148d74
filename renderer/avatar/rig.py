"""An uploaded avatar model's rig as the renderer gets it: its images by role and its anchors, made
into a `Puppet` (kind `puppet`) or a `PhotoPuppet` (kind `photo`).

The roles are defined here, once: the Models API checks uploads against them and its contract's enum
is tested against `ROLES`. GALA resolves a clip's model into the clip's `rig` field (``{"kind",
"assets": {role: asset id}, "anchors"}``) before a render; this module never sees a database.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PIL import Image

from ..visemes import SHAPES
from .puppet import Puppet, PuppetError, PuppetParts

KINDS = ("puppet", "photo")
PUPPET_ROLES: tuple[str, ...] = ("base", *(f"mouth_{s}" for s in SHAPES), "eyes_open", "eyes_closed")
PHOTO_ROLES: tuple[str, ...] = ("photo",)
ROLES: tuple[str, ...] = (*PUPPET_ROLES, *PHOTO_ROLES)
ROLES_OF: dict[str, tuple[str, ...]] = {"puppet": PUPPET_ROLES, "photo": PHOTO_ROLES}
PUPPET_ANCHORS = ("mouth", "eyes")  # required; `pivot` and `bleed` are optional
PHOTO_ANCHORS = ("left_eye", "right_eye", "mouth", "mouth_width", "jaw")


def missing_roles(kind: str, roles: list[str]) -> list[str]:
    """The roles a model of `kind` needs that `roles` lacks, in the order of ROLES."""
    have = set(roles)
    return [r for r in ROLES_OF.get(kind, ()) if r not in have]


def _point(anchors: Mapping[str, Any], name: str) -> tuple[float, float]:
    value = anchors.get(name)
    if not isinstance(value, list | tuple) or len(value) != 2:
        raise PuppetError(f"the {name} anchor must be a point [x, y] in the base image's pixels", role=name)
    return float(value[0]), float(value[1])


def build(kind: str, images: Mapping[str, Image.Image], anchors: Mapping[str, Any]) -> Puppet:
    """The puppet of a rig; PuppetError names the role or anchor at fault (a missing mouth shape first)."""
    missing = missing_roles(kind, list(images))
    if kind == "puppet" and missing:
        shapes = [m for m in missing if m.startswith("mouth_")]
        first = shapes[0] if shapes else missing[0]
        raise PuppetError(
            f"the puppet is missing {', '.join(missing)}: give one image for each of {', '.join(PUPPET_ROLES)}",
            role=first,
        )
    if kind == "photo":
        from .photo import PhotoPuppet, PhotoRig  # cv2: only where a photo is drawn, not in the API

        if missing:
            raise PuppetError("a photo model needs one image with the role `photo` (a frontal portrait)", role="photo")
        return PhotoPuppet(images["photo"], PhotoRig.of({**anchors, **_photo_points(anchors)}))
    if kind != "puppet":
        raise PuppetError(f"unknown model kind {kind!r} (one of {', '.join(KINDS)})", role="kind")
    pivot = _point(anchors, "pivot") if anchors.get("pivot") is not None else None
    bleed = anchors.get("bleed") or 0
    parts = PuppetParts(
        base=images["base"],
        mouths={s: images[f"mouth_{s}"] for s in SHAPES},
        eyes_open=images["eyes_open"],
        eyes_closed=images["eyes_closed"],
        mouth_anchor=_point(anchors, "mouth"),
        eyes_anchor=_point(anchors, "eyes"),
        pivot=pivot,
        bleed=int(bleed),
    )
    return Puppet(parts)


def _photo_points(anchors: Mapping[str, Any]) -> dict[str, Any]:
    points: dict[str, Any] = {name: list(_point(anchors, name)) for name in ("left_eye", "right_eye", "mouth", "jaw")}
    width = anchors.get("mouth_width")
    if not isinstance(width, int | float) or isinstance(width, bool):
        raise PuppetError("mouth_width must be a number of pixels", role="mouth_width")
    return points


def load(rig: Mapping[str, Any], open_image: Callable[[str], Image.Image]) -> Puppet:
    """The puppet of a resolved `rig` field, its images opened by asset id with `open_image`."""
    assets: Mapping[str, str] = rig.get("assets") or {}
    return build(str(rig.get("kind")), {role: open_image(a) for role, a in assets.items()}, rig.get("anchors") or {})
