"""``gala jobs``: submit renders to a running GALA, follow them, cancel them, fetch their outputs."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import click

from gala import cli_support as ui


@click.group("jobs")
def jobs() -> None:
    """Render jobs: submit, list, show, cancel, wait, download."""


@jobs.command("submit")
@click.argument("template")
@ui.param_option
@ui.url_option
@click.option("--wait/--no-wait", default=True, show_default=True, help="Wait for the job with a progress bar.")
@click.option(
    "-o",
    "--out",
    "out_dir",
    default=None,
    type=click.Path(path_type=Path),
    help="Download the outputs here (implies --wait).",
)
@click.option("--draft", is_flag=True, help="Fast low-resolution draft.")
@click.option("--basename", default=None, help="The outputs' file name, without extension [output].")
@click.option("--idempotency-key", default=None, help="Makes a retried submit safe (default: a new UUID).")
def submit(
    template: str,
    params: tuple[str, ...],
    url: str,
    wait: bool,
    out_dir: Path | None,
    draft: bool,
    basename: str | None,
    idempotency_key: str | None,
) -> None:
    """Submit TEMPLATE (a name such as `hello`, or a template id) with parameters.

    Prints `job <id> <status>`; exits 1 when the job ends failed or canceled.
    """
    from gala import remote

    client = ui.connect(url)
    job = remote.submit(
        client,
        template,
        ui.parse_params(params),
        draft=draft,
        basename=basename,
        idempotency_key=idempotency_key,
    )
    click.echo(f"job {job.id} {job.status.value}")
    if wait or out_dir is not None:
        _wait_and_fetch(client, job.id, out_dir)


@jobs.command("list")
@click.option("--status", type=ui.EnumChoice("job_status", "JobStatus"), default=None)
@click.option("--template", "template_id", type=ui.Id("a template"), default=None)
@ui.page_options
@ui.json_option
@ui.url_option
def list_(
    status: Any, template_id: uuid.UUID | None, limit: int | None, cursor: str | None, as_json: bool, url: str
) -> None:
    """List jobs, newest first."""
    from gala_client.api.jobs import jobs_list
    from gala_client.models import JobPage
    from gala_client.types import UNSET

    from gala import remote

    response = jobs_list.sync_detailed(
        client=ui.connect(url),
        limit=limit or UNSET,
        cursor=cursor or UNSET,
        status=status or UNSET,
        template_id=template_id or UNSET,
    )
    ui.print_page(remote.parsed(response, JobPage), as_json, ["id", "status", "progress", "template", "created"], _row)


def _row(j: Any) -> list[Any]:
    template = f"{j.template_id} v{j.template_version}"
    return [j.id, j.status, f"{j.progress}%", template, j.created_at.strftime("%Y-%m-%d %H:%M:%S")]


@jobs.command("show")
@click.argument("job_id", type=ui.Id("a job"))
@ui.json_option
@ui.url_option
def show(job_id: uuid.UUID, as_json: bool, url: str) -> None:
    """Show a job: its status, progress, parameters, error and outputs."""
    from gala import remote

    job = remote.get_job(ui.connect(url), job_id)
    if as_json:
        ui.print_json(job)
        return
    error = ui.as_dict(job.error) or {}
    ui.fields(
        [
            ("id", job.id),
            ("status", job.status),
            ("stage", job.stage),
            ("progress", f"{job.progress}%"),
            ("template", f"{job.template_id} version {job.template_version}"),
            ("params", ", ".join(f"{k}={v}" for k, v in (ui.as_dict(job.params) or {}).items())),
            ("error", f"{error.get('code', '')}: {error.get('message', '')}" if error else None),
            ("outputs", " ".join(str(a) for a in job.output_asset_ids) or None),
            ("attempts", job.attempts),
            ("created", job.created_at.isoformat()),
        ]
    )


@jobs.command("cancel")
@click.argument("job_id", type=ui.Id("a job"))
@ui.url_option
def cancel(job_id: uuid.UUID, url: str) -> None:
    """Cancel a queued or running job (a running render stops within about a second)."""
    from gala_client.api.jobs import jobs_cancel
    from gala_client.models import Job

    from gala import remote

    job = remote.parsed(jobs_cancel.sync_detailed(job_id, client=ui.connect(url)), Job)
    click.echo(f"job {job.id} {job.status.value}")


@jobs.command("wait")
@click.argument("job_id", type=ui.Id("a job"))
@ui.url_option
@click.option(
    "-o", "--out", "out_dir", default=None, type=click.Path(path_type=Path), help="Download the outputs here."
)
def wait(job_id: uuid.UUID, url: str, out_dir: Path | None) -> None:
    """Wait for a job with a progress bar; exit 1 unless it ends done. --out downloads its outputs."""
    _wait_and_fetch(ui.connect(url), job_id, out_dir)


@jobs.command("download")
@click.argument("job_id", type=ui.Id("a job"))
@ui.url_option
@click.option("-o", "--out", "out_dir", default="out", type=click.Path(path_type=Path), show_default=True)
def download(job_id: uuid.UUID, url: str, out_dir: Path) -> None:
    """Download a finished job's outputs (the video and its poster) and print their paths."""
    from gala import remote

    client = ui.connect(url)
    _download_outputs(client, remote.get_job(client, job_id), out_dir)


def _wait_and_fetch(client: Any, job_id: uuid.UUID, out_dir: Path | None) -> None:
    from gala import remote

    remote.get_job(client, job_id)  # an unknown id fails before the bar shows
    with ui.progress(f"job {job_id}", 100) as advance:
        shown = [0]

        def update(progress: int) -> None:
            advance(progress - shown[0])
            shown[0] = progress

        _follow(client, job_id, update)
        job = remote.wait(client, job_id, on_update=lambda j: update(j.progress))
    from gala_client.models.job_status import JobStatus

    if job.status != JobStatus.DONE:
        error = ui.as_dict(job.error) or {}
        reason = f": {error.get('message', '')}" if error else ""
        raise click.ClickException(f"job {job_id} ended {job.status.value}{reason}")
    click.echo(f"job {job_id} done")
    if out_dir is not None:
        _download_outputs(client, job, out_dir)


def _follow(client: Any, job_id: uuid.UUID, update: Any) -> None:
    """Progress from the job's event stream until it ends; on a stream failure, return (the
    caller polls from there)."""
    from gala.live_client import StreamFailed, follow

    try:
        for _name, event in follow(client, f"/jobs/{job_id}/events"):
            update(event["progress"])
    except StreamFailed as exc:
        ui.stderr().print(f"[dim]live progress unavailable ({exc}); polling[/dim]")


def _download_outputs(client: Any, job: Any, out_dir: Path) -> None:
    from gala_client.models.job_status import JobStatus

    from gala.cli_assets import fetch

    if job.status != JobStatus.DONE:
        raise click.ClickException(f"job {job.id} is {job.status.value}, not done: it has no outputs yet")
    out_dir.mkdir(parents=True, exist_ok=True)
    for asset_id in job.output_asset_ids:
        got = fetch(client, asset_id, out_dir)
        click.echo(f"{got.path}  {got.size} bytes  {got.mime}")
