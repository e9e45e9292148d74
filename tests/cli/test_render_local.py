"""``gala render`` with local files: every gallery example from its own sample media, no server; and
the files a render refuses, through the same checks as an upload (tests/api/test_hostile_media.py's
fixtures).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from examples import gallery
from gala.cli import main
from tests.api import media
from tests.api.test_hostile_media import CASES, Tripwire, tripwire
from tests.test_cli import probe, runner_env

__all__ = ["tripwire"]  # the fixture, used by name

REPORTED = re.compile(r"\(\d+x\d+, (?P<seconds>[0-9.]+) s, \d+ frames\)")
ONE_IMAGE = {
    "version": 2,
    "output": {"size": {"width": 160, "height": 90}, "fps": 10, "duration": 1},
    "tracks": [{"clips": [{"type": "image", "asset": "logo"}]}],
}


def render(tmp_path: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["render", *args], env=runner_env(tmp_path / "data"), catch_exceptions=False)


def params(values: dict[str, object]) -> list[str]:
    return [arg for name, value in values.items() for arg in ("-p", f"{name}={value}")]


@pytest.mark.slow
@pytest.mark.parametrize("name", gallery.EXAMPLES)
def test_every_gallery_example_renders_from_its_own_files(tmp_path: Path, name: str) -> None:
    files = gallery.sample_assets(name, tmp_path / "media", 0.5)
    assets = [arg for asset_id, (path, _kind) in files.items() for arg in ("--asset", f"{asset_id}={path}")]
    template = str(gallery.ROOT / name / "template.json")
    values = {"fps": 10, **gallery.sample_params(name)}
    result = render(tmp_path, template, *assets, *params(values), "--draft", "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    reported = REPORTED.search(result.stdout)
    assert reported, result.stdout
    got = probe(tmp_path / "out" / "output.mp4")
    assert got.video_codec == "h264"
    assert got.duration == pytest.approx(float(reported["seconds"]), abs=0.15)
    if any(kind in ("audio", "video") for _path, kind in files.values()):
        assert got.audio_codec == "aac"
    assert (tmp_path / "out" / "output.jpg").is_file()


def composition_file(tmp_path: Path, document: dict[str, object] = ONE_IMAGE) -> str:
    path = tmp_path / "composition.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return str(path)


def test_a_missing_asset_names_the_ids_the_composition_needs(tmp_path: Path) -> None:
    template = str(gallery.ROOT / "promo" / "template.json")
    logo = tmp_path / "logo.png"
    logo.write_bytes(media.png())
    result = render(tmp_path, template, "--asset", f"logo={logo}", "-o", str(tmp_path / "out"))
    assert result.exit_code == 2, result.output
    assert "--asset music=FILE --asset product=FILE" in result.stderr
    assert "(the ids it names: logo, music, product)" in result.stderr
    assert not (tmp_path / "out").exists()


def test_an_asset_the_composition_does_not_name_is_a_usage_error(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(media.png())
    result = render(tmp_path, composition_file(tmp_path), "--asset", f"logo={logo}", "--asset", f"lgoo={logo}")
    assert result.exit_code == 2, result.output
    assert "names no asset lgoo (the ids it names: logo)" in result.stderr


def test_a_file_of_the_wrong_kind_is_refused(tmp_path: Path) -> None:
    sound = tmp_path / "logo.wav"
    sound.write_bytes(media.wav())
    result = render(tmp_path, composition_file(tmp_path), "--asset", f"logo={sound}", "-o", str(tmp_path / "out"))
    assert result.exit_code == 1, result.output
    assert "it is audio, but the composition uses 'logo' where image is needed" in result.stderr


def test_a_file_over_the_upload_limit_is_refused(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(media.png())
    env = {**runner_env(tmp_path / "data"), "ASSET_MAX_UPLOAD_BYTES": "10"}
    args = ["render", composition_file(tmp_path), "--asset", f"logo={logo}", "-o", str(tmp_path / "out")]
    result = CliRunner().invoke(main, args, env=env)
    assert result.exit_code == 1, result.output
    assert "larger than the limit of 10 bytes" in result.stderr


def test_parameters_are_checked_against_the_schema(tmp_path: Path) -> None:
    files = gallery.sample_assets("promo", tmp_path / "media", 0.1)
    assets = [arg for asset_id, (path, _kind) in files.items() for arg in ("--asset", f"{asset_id}={path}")]
    template = str(gallery.ROOT / "promo" / "template.json")
    result = render(tmp_path, template, *assets, "-p", "width=17", "-p", "brand=red", "-o", str(tmp_path / "out"))
    assert result.exit_code == 1, result.output
    assert "/params/width: 17 is not a multiple of 2" in result.stderr
    assert "/params/brand" in result.stderr


def test_an_inconsistent_template_is_refused_before_rendering(tmp_path: Path) -> None:
    template = {"composition": {**ONE_IMAGE, "background": {"$param": "colour"}}, "parameters": {"type": "object"}}
    logo = tmp_path / "logo.png"
    logo.write_bytes(media.png())
    result = render(tmp_path, composition_file(tmp_path, template), "--asset", f"logo={logo}")
    assert result.exit_code == 1, result.output
    assert "Error: The template is not consistent." in result.stderr
    assert "/composition/background: uses parameter 'colour', which /parameters/properties does not declare" in (
        result.stderr
    )


@pytest.mark.parametrize("name", list(CASES))
def test_a_hostile_file_is_refused_as_an_upload_is(tripwire: Tripwire, tmp_path: Path, name: str) -> None:
    case = CASES[name]
    hostile = tmp_path / case.filename
    hostile.write_bytes(case.make(tripwire, tmp_path))
    result = render(tmp_path, composition_file(tmp_path), "--asset", f"logo={hostile}", "-o", str(tmp_path / "out"))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    message = result.stderr
    assert message.startswith(f"Error: --asset logo={hostile} was refused: "), message
    assert case.needle.lower() in message.lower(), message
    assert len(message.strip().splitlines()) == 1, message
    assert not (tmp_path / "out").exists()
    tripwire.check()
