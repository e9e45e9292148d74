"""The example gallery renders, and looks the way it did when its golden frames were made.

Each example (examples/<name>/template.json) is rendered through ``renderer.render`` at quality draft
(640x360), 10 fps, 2-4 s long (tests/examples/cases.py); chosen frames, reduced to 160x90, are compared
with the committed PNGs under tests/examples/golden/: each must reach a PSNR of at least 30 dB
(``cases.MIN_PSNR_DB``). Regenerate the golden frames with ``python -m tests.examples.regenerate``
(or ``GALA_REGENERATE_GOLDEN=1``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from examples import gallery
from tests.examples.cases import (
    CASES,
    MIN_PSNR_DB,
    RENDER_SIZE,
    Case,
    audio_peak,
    psnr,
    read_golden,
    regenerating,
    render_case,
    write_golden,
)

CASE_IDS = [case.name for case in CASES]


def test_every_example_has_a_case() -> None:
    assert sorted(gallery.EXAMPLES) == sorted(CASE_IDS)


@pytest.mark.parametrize("name", gallery.EXAMPLES)
def test_template_is_a_valid_gala_template(name: str) -> None:
    from gala.parameters import check_template, refs

    tpl = gallery.template(name)
    assert set(tpl) == {"name", "description", "composition", "parameters"}
    assert tpl["name"] == name
    assert tpl["description"].strip()
    assert "\n" not in tpl["description"]
    assert tpl["composition"]["version"] == 2
    check_template(tpl["composition"], tpl["parameters"])
    used = {param for _, param in refs(tpl["composition"])}
    declared = set(tpl["parameters"]["properties"])
    assert used == declared, f"declared but unused: {sorted(declared - used)}"
    assert all("default" in schema for schema in tpl["parameters"]["properties"].values())


def test_srt_default_is_the_committed_file() -> None:
    tpl = gallery.template("captioned_clip")
    assert tpl["parameters"]["properties"]["srt"]["default"] == gallery.sample_params("captioned_clip")["srt"]


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_example_renders_like_its_golden_frames(case: Case, tmp_path: Path) -> None:
    result, frames = render_case(case, tmp_path)

    assert (result.width, result.height) == RENDER_SIZE
    assert result.video_path.stat().st_size > 0
    assert result.thumbnail_path.is_file()
    if case.has_sound:
        assert audio_peak(result.video_path) > 0.01, "the example's sound is missing"
    if regenerating():
        write_golden(case, frames)
        pytest.skip(f"golden frames of {case.name} regenerated")
    for t, frame in sorted(frames.items()):
        golden = case.golden(t)
        assert golden.is_file(), f"{golden} is missing: run python -m tests.examples.regenerate {case.name}"
        value = psnr(frame, read_golden(golden))
        assert value >= MIN_PSNR_DB, (
            f"{case.name} at {t} s: PSNR {value:.1f} dB < {MIN_PSNR_DB} dB against {golden.name}"
        )
