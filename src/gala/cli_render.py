"""``gala render``: render a composition or template on this machine, with local files as its assets.

Each ``--asset ID=FILE`` is checked exactly as an upload is: the same size limit
(``ASSET_MAX_UPLOAD_BYTES``), then :func:`gala.services.assets.inspect` (content sniffing, the
renderer's probe with its forced demuxers, the pixel and duration caps). Parameters are checked
against the template's parameter schema and substituted by the code a job uses.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import click

from gala import cli_support as ui

if TYPE_CHECKING:
    from gala.runtime import Runtime
    from renderer.assets import AssetFile


@dataclass(frozen=True)
class _Version:
    """What :func:`gala.jobs.composition.resolve` reads of a template version."""

    composition: dict[str, Any]


@click.command("render")
@click.argument("template")
@ui.param_option
@click.option(
    "-a",
    "--asset",
    "assets",
    multiple=True,
    metavar="ID=FILE",
    help="The local file for an asset id the composition names (repeat for each).",
)
@click.option("-o", "--out", "out_dir", default="out", type=click.Path(path_type=Path), show_default=True)
@click.option("--basename", default="output", show_default=True)
@click.option("--draft", is_flag=True, help="Fast low-resolution draft (as a job's `draft` option).")
def render(
    template: str, params: tuple[str, ...], assets: tuple[str, ...], out_dir: Path, basename: str, draft: bool
) -> None:
    """Render TEMPLATE to files on this machine, without any server.

    TEMPLATE is `hello`, or a JSON file holding a template ({"composition", "parameters"}, as in
    examples/) or a bare composition. Every asset id the composition names (after parameters are
    applied) needs an --asset ID=FILE; each file is refused exactly as an upload would be.

    \b
      gala render examples/promo/template.json --asset logo=logo.png \\
        --asset product=product.png --asset music=song.wav -p headline=Hola -o out/
    """
    import renderer.encoder
    from gala.jobs.composition import resolve
    from gala.parameters import check_template, validate_params
    from gala.runtime import Runtime
    from gala.services import builtin

    if template == "hello":
        doc: Any = builtin.HELLO
    else:
        doc = ui.read_json(template)
        if not isinstance(doc, dict):
            raise click.ClickException(f"{template} holds no JSON object")
        if "composition" not in doc:
            doc = {"composition": doc, "parameters": {"type": "object"}}
    schema = doc.get("parameters") or {"type": "object"}
    check_template(doc["composition"], schema)  # as creating the template on a server would
    values = validate_params(schema, ui.parse_params(params))
    composition = resolve(cast(Any, _Version(doc["composition"])), values, {"draft": draft})
    settings = _settings()
    rt = Runtime.from_settings(settings)
    try:
        files = local_assets(rt, composition, assets)
        files.update(speak(composition, files))
        from gala.services.assets import limits

        started = time.perf_counter()
        with ui.progress("rendering", 100) as advance:
            done = [0.0]

            def progress(percent: float) -> None:
                advance(percent - done[0])
                done[0] = percent

            out = renderer.encoder.render(
                composition, out_dir, basename=basename, assets=files, progress=progress, limits=limits(rt)
            )
    finally:
        rt.close()
    click.echo(
        f"{out.video_path} ({out.width}x{out.height}, {out.duration:.2f} s, {out.frames} frames) "
        f"and {out.thumbnail_path} in {time.perf_counter() - started:.2f} s"
    )


def speech_cache() -> Path:
    """Where `gala render` keeps synthesized speech between runs (re-renders reuse it)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "gala" / "speech"


def speak(composition: Any, files: dict[str, Any]) -> dict[str, Any]:
    """Synthesize the composition's `speech`/`avatar` clips (cached), as the speech stage does for jobs."""
    import hashlib

    from gala.services.builtin import PRESENTER_ID
    from gala.speech import SpeechError, SpeechInputError
    from gala.speech.resolve import resolve_locally, spoken_clips
    from renderer.assets import AssetFile as LocalFile

    clips = list(spoken_clips(composition))
    if not clips:
        return {}
    for spoken in clips:  # the built-in presenter's model id, as a server resolves it (no database here)
        if spoken.clip.get("type") == "avatar" and spoken.clip.get("model") == str(PRESENTER_ID):
            spoken.clip["model"] = "builtin"

    def recording(asset_id: str) -> tuple[Path, str]:
        if asset_id not in files:
            raise click.UsageError(f"the recording {asset_id} needs --asset {asset_id}=FILE")
        path = Path(files[asset_id].path)
        return path, hashlib.sha256(path.read_bytes()).hexdigest()

    try:
        found = resolve_locally(composition, speech_cache(), recordings=recording)
    except SpeechInputError as exc:
        raise click.UsageError(f"{exc} (field {exc.field})") from exc
    except SpeechError as exc:
        raise click.ClickException(f"speech synthesis failed: {exc}") from exc
    return {
        r.asset: LocalFile(path=r.path or Path(), kind="audio", duration=float(r.timing["duration"])) for r in found
    }


def _settings() -> Any:
    from gala.config import ConfigError, Settings

    try:
        return Settings.from_env()
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from exc


def needed_assets(composition: Any) -> dict[str, tuple[str, ...]]:
    """The asset ids a concrete composition names, each with the kinds its places accept."""
    from gala.parameters import asset_slots

    needed: dict[str, tuple[str, ...]] = {}
    for slot in asset_slots(composition):
        if isinstance(slot.value, str):
            kinds = needed.get(slot.value)
            needed[slot.value] = slot.kinds if kinds is None else tuple(k for k in kinds if k in slot.kinds)
    return needed


def _pairs(assets: Sequence[str]) -> dict[str, Path]:
    given: dict[str, Path] = {}
    for pair in assets:
        name, sep, path = pair.partition("=")
        if not sep or not name or not path:
            raise click.BadParameter(f"{pair!r} is not ID=FILE", param_hint="--asset")
        if name in given:
            raise click.BadParameter(f"asset {name!r} is given twice", param_hint="--asset")
        given[name] = Path(path)
    return given


def local_assets(rt: Runtime, composition: Any, assets: Sequence[str]) -> dict[str, AssetFile]:
    """The renderer's ``assets`` mapping for ``--asset ID=FILE`` pairs, each file checked as an upload."""
    from gala.errors import GalaError
    from gala.services.assets import inspect
    from renderer.assets import AssetFile

    needed = needed_assets(composition)
    given = _pairs(assets)
    wanted = ", ".join(sorted(needed)) or "none"
    unknown = sorted(set(given) - set(needed))
    if unknown:
        raise click.UsageError(f"the composition names no asset {', '.join(unknown)} (the ids it names: {wanted})")
    missing = sorted(set(needed) - set(given))
    if missing:
        hint = " ".join(f"--asset {name}=FILE" for name in missing)
        raise click.UsageError(
            f"the composition names assets that have no file: {', '.join(missing)}. "
            f"Give each one with {hint} (the ids it names: {wanted})."
        )
    limit = rt.settings.asset_max_upload_bytes
    files: dict[str, AssetFile] = {}
    for name, path in given.items():
        where = f"--asset {name}={path}"
        if not path.is_file():
            raise click.ClickException(f"{where}: there is no such file")
        if path.stat().st_size > limit:
            raise click.ClickException(f"{where} was refused: the file is larger than the limit of {limit} bytes.")
        try:
            _mime, kind, media = inspect(rt, path)
        except GalaError as exc:
            reasons = "; ".join(e.detail for e in exc.errors if e.detail not in exc.detail)
            raise click.ClickException(
                f"{where} was refused: {exc.detail}" + (f" {reasons}" if reasons else "")
            ) from None
        if kind not in needed[name]:
            raise click.ClickException(
                f"{where} was refused: it is {kind}, but the composition uses {name!r} where "
                f"{' or '.join(needed[name])} is needed."
            )
        duration = media.get("duration")
        files[name] = AssetFile(path=path, kind=kind, duration=float(duration) if duration else None)
    return files
