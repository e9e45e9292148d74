"""``gala templates``: create, version, list, show, delete and preview templates on a running GALA."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any, cast

import click

from gala import cli_support as ui


@click.group("templates")
def templates() -> None:
    """Templates: create, update, list, show, rm, preview.

    A template is a composition with parameters; every update is a new, immutable version.
    """


def _template_file(path: str, name: str | None) -> dict[str, Any]:
    """A template document from FILE.json; a bare composition is wrapped, named after the file."""
    doc = ui.read_json(path)
    if not isinstance(doc, dict):
        raise click.ClickException(f"{path} holds no JSON object")
    if "composition" not in doc and "version" in doc:
        doc = {"composition": doc}
    if name is not None:
        doc["name"] = name
    return doc


def _summary(t: Any) -> None:
    click.echo(str(t.id))
    click.echo(f"template {t.name!r} version {t.version}", err=True)


@templates.command("create")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--name", default=None, help="The template's name [the file's `name`].")
@ui.json_option
@ui.url_option
def create(file: str, name: str | None, as_json: bool, url: str) -> None:
    """Create a template from FILE.json (as in examples/: name, composition, parameters); print its id."""
    from gala_client.api.templates import templates_create
    from gala_client.models import Template, TemplateCreate

    from gala import remote

    doc = _template_file(file, name)
    if "name" not in doc:
        doc["name"] = Path(file).stem
    response = templates_create.sync_detailed(client=ui.connect(url), body=cast(TemplateCreate, ui.AsWritten(doc)))
    template = remote.parsed(response, Template)
    ui.print_json(template) if as_json else _summary(template)


@templates.command("update")
@click.argument("template_id", type=ui.Id("a template"))
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@ui.json_option
@ui.url_option
def update(template_id: uuid.UUID, file: str, as_json: bool, url: str) -> None:
    """Make FILE.json the template's next version (fields it omits carry over); print the id."""
    from gala_client.api.templates import templates_update
    from gala_client.models import Template, TemplatePatch

    from gala import remote

    doc = _template_file(file, None)
    body = cast(TemplatePatch, ui.AsWritten(doc))
    template = remote.parsed(templates_update.sync_detailed(template_id, client=ui.connect(url), body=body), Template)
    ui.print_json(template) if as_json else _summary(template)


@templates.command("list")
@click.option("--name", default=None, help="Only templates with exactly this name.")
@ui.page_options
@ui.json_option
@ui.url_option
def list_(name: str | None, limit: int | None, cursor: str | None, as_json: bool, url: str) -> None:
    """List templates (their latest versions), newest first."""
    from gala_client.api.templates import templates_list
    from gala_client.models import TemplatePage
    from gala_client.types import UNSET

    from gala import remote

    response = templates_list.sync_detailed(
        client=ui.connect(url), limit=limit or UNSET, cursor=cursor or UNSET, name=name or UNSET
    )
    columns = ["id", "name", "version", "parameters", "updated"]
    ui.print_page(remote.parsed(response, TemplatePage), as_json, columns, _row)


def _row(t: Any) -> list[Any]:
    return [t.id, t.name, t.version, ", ".join(_parameters(t)), t.updated_at.strftime("%Y-%m-%d %H:%M")]


def _parameters(t: Any) -> dict[str, Any]:
    props = (ui.as_dict(t.parameters) or {}).get("properties")
    return props if isinstance(props, dict) else {}


@templates.command("show")
@click.argument("template_id", type=ui.Id("a template"))
@click.option("--version", type=click.IntRange(1), default=None, help="This version [the latest].")
@ui.json_option
@ui.url_option
def show(template_id: uuid.UUID, version: int | None, as_json: bool, url: str) -> None:
    """Show a template: its version and its parameters (the whole document with --json)."""
    from gala_client.api.templates import templates_get
    from gala_client.models import Template
    from gala_client.types import UNSET

    from gala import remote

    response = templates_get.sync_detailed(template_id, client=ui.connect(url), version=version or UNSET)
    t = remote.parsed(response, Template)
    if as_json:
        ui.print_json(t)
        return
    latest = ui.unset(t.latest_version)
    ui.fields(
        [
            ("id", t.id),
            ("name", t.name),
            ("description", t.description),
            ("version", f"{t.version}" + (f" (latest: {latest})" if latest else "")),
            ("composition", f"format {(ui.as_dict(t.composition) or {}).get('version', '?')}"),
            ("updated", t.updated_at.isoformat()),
        ]
    )
    rows = []
    for name, schema in _parameters(t).items():
        schema = schema if isinstance(schema, dict) else {}
        kind = schema.get("x-gala-asset")
        rows.append([name, f"asset ({kind})" if kind else schema.get("type", ""), schema.get("default", "")])
    ui.table(["parameter", "type", "default"], rows, empty="no parameters")


@templates.command("rm")
@click.argument("template_ids", nargs=-1, required=True, type=ui.Id("a template"))
@ui.url_option
def rm(template_ids: tuple[uuid.UUID, ...], url: str) -> None:
    """Delete templates and all their versions (refused while a job references one)."""
    from gala_client.api.templates import templates_delete

    ui.remove("template", templates_delete.sync_detailed, template_ids, url)


@templates.command("preview")
@click.argument("template_id", type=ui.Id("a template"))
@click.option("-t", "--time", "at", type=float, default=0.0, show_default=True, help="Seconds into the timeline.")
@ui.param_option
@click.option("--version", type=click.IntRange(1), default=None, help="This version [the latest].")
@click.option("--width", type=click.IntRange(1), default=None, help="Width of the JPEG [the server's default].")
@click.option("-o", "--out", "target", default="preview.jpg", type=click.Path(path_type=Path), show_default=True)
@ui.url_option
def preview(
    template_id: uuid.UUID,
    at: float,
    params: tuple[str, ...],
    version: int | None,
    width: int | None,
    target: Path,
    url: str,
) -> None:
    """Render the frame at -t seconds as a JPEG, on the server, and save it."""
    from gala_client.api.templates import templates_preview
    from gala_client.models import TemplatePreview, TemplatePreviewParams
    from gala_client.types import UNSET, File

    from gala import remote

    body = TemplatePreview(
        t=at,
        params=TemplatePreviewParams.from_dict(ui.parse_params(params)),
        version=version or UNSET,
        width=width or UNSET,
    )
    frame = remote.parsed(templates_preview.sync_detailed(template_id, client=ui.connect(url), body=body), File)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(frame.payload.read())
    click.echo(str(target))
