"""``gala batch``: render a template for every row of a CSV or JSONL file, follow it, fetch the results."""

from __future__ import annotations

import json
import time
import uuid
import zipfile
from pathlib import Path
from typing import Any

import click

from gala import cli_support as ui


@click.group("batch")
def batch() -> None:
    """Batches: one template rendered for many rows (submit, show, jobs, cancel, retry, download)."""


@batch.command("submit")
@click.argument("template")
@click.argument("rows", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@ui.url_option
@ui.json_option
@click.option("-o", "--out", "out_dir", default=None, type=click.Path(path_type=Path), help="Download here (waits).")
@click.option("--wait/--no-wait", default=True, show_default=True, help="Follow the batch with a progress bar.")
@click.option("--basename-column", default=None, help="The column whose value names each row's outputs.")
@click.option("--concurrency", type=click.IntRange(1, 32), default=None, help="Rows rendered at a time [4].")
@click.option("--skip-invalid", is_flag=True, help="Create the valid rows and report the others.")
@click.option("--draft", is_flag=True, help="Fast low-resolution drafts.")
def submit(
    template: str,
    rows: Path,
    url: str,
    as_json: bool,
    out_dir: Path | None,
    wait: bool,
    basename_column: str | None,
    concurrency: int | None,
    skip_invalid: bool,
    draft: bool,
) -> None:
    """Submit TEMPLATE (a name or an id) for every row of ROWS (.csv, or .jsonl: one object per line).

    Prints `batch <id> <status>`; exits 1 unless every row ends done.
    """
    from gala_client.api.batches import batches_upload
    from gala_client.models import Batch, BatchUpload, BatchUploadFormat
    from gala_client.types import UNSET, File

    from gala import remote

    client = ui.connect(url)
    try:
        template_id = uuid.UUID(template)
    except ValueError:
        template_id = remote.template_id_by_name(client, template)
    fmt = BatchUploadFormat.JSONL if rows.suffix in (".jsonl", ".ndjson") else BatchUploadFormat.CSV
    with rows.open("rb") as fh:
        body = BatchUpload(
            file=File(payload=fh, file_name=rows.name),
            template_id=str(template_id),
            format_=fmt,
            basename_column=basename_column or UNSET,
            concurrency=UNSET if concurrency is None else str(concurrency),
            skip_invalid="true" if skip_invalid else "false",
            options=json.dumps({"draft": draft}),
        )
        created = remote.parsed(batches_upload.sync_detailed(client=client, body=body), Batch)
    if as_json and not (wait or out_dir):
        ui.print_json(created)
        return
    click.echo(f"batch {created.id} {created.status.value} ({created.rows} rows)")
    for skipped in ui.as_dict(created).get("skipped", []):
        problems = "; ".join(f"{e.get('pointer', '')}: {e['detail']}" for e in skipped["errors"])
        ui.stderr().print(f"row {skipped['row']} skipped: {problems}")
    if wait or out_dir is not None:
        _wait(client, created.id, created.rows, out_dir)


def _wait(client: Any, batch_id: Any, rows: int, out_dir: Path | None) -> None:
    from gala_client.api.batches import batches_get
    from gala_client.models import Batch

    from gala import remote
    from gala.live_client import StreamFailed, follow

    with ui.progress(f"batch {batch_id}", 100) as advance:
        shown = [0.0]

        def update(progress: float) -> None:
            advance(progress - shown[0])
            shown[0] = progress

        try:
            for _name, event in follow(client, f"/batches/{batch_id}/events"):
                update(event["batch"]["progress"])
        except StreamFailed as exc:
            ui.stderr().print(f"[dim]live progress unavailable ({exc}); polling[/dim]")
        while True:
            got = remote.parsed(batches_get.sync_detailed(batch_id, client=client), Batch)
            update(got.progress)
            if got.status.value != "running":
                break
            time.sleep(1.0)
    counts = ui.as_dict(got.counts)
    click.echo(f"batch {batch_id} {got.status.value}: " + ", ".join(f"{k} {v}" for k, v in counts.items() if v))
    if out_dir is not None:
        _download(client, batch_id, out_dir)
    if got.status.value != "done":
        raise click.ClickException(f"batch {batch_id} ended {got.status.value}")


@batch.command("show")
@click.argument("batch_id", type=ui.Id("a batch"))
@ui.json_option
@ui.url_option
def show(batch_id: uuid.UUID, as_json: bool, url: str) -> None:
    """Show a batch: status, counts by status, progress and ETA."""
    from gala_client.api.batches import batches_get
    from gala_client.models import Batch

    from gala import remote

    got = remote.parsed(batches_get.sync_detailed(batch_id, client=ui.connect(url)), Batch)
    if as_json:
        ui.print_json(got)
        return
    counts = ui.as_dict(got.counts)
    ui.fields(
        [
            ("id", got.id),
            ("status", got.status),
            ("rows", got.rows),
            ("counts", ", ".join(f"{k} {v}" for k, v in counts.items() if v)),
            ("progress", f"{got.progress}%"),
            ("eta", None if got.eta_seconds is None else f"{got.eta_seconds:.0f} s"),
            ("template", f"{got.template_id} version {got.template_version}"),
            ("created", got.created_at.isoformat()),
        ]
    )


@batch.command("jobs")
@click.argument("batch_id", type=ui.Id("a batch"))
@click.option("--status", type=ui.EnumChoice("job_status", "JobStatus"), default=None)
@ui.page_options
@ui.json_option
@ui.url_option
def jobs(batch_id: uuid.UUID, status: Any, limit: int | None, cursor: str | None, as_json: bool, url: str) -> None:
    """List a batch's row jobs, newest first."""
    from gala_client.api.batches import batches_jobs
    from gala_client.models import JobPage
    from gala_client.types import UNSET

    from gala import remote

    response = batches_jobs.sync_detailed(
        batch_id, client=ui.connect(url), limit=limit or UNSET, cursor=cursor or UNSET, status=status or UNSET
    )
    page = remote.parsed(response, JobPage)
    ui.print_page(page, as_json, ["id", "row", "status", "progress", "name"], _row)


def _row(j: Any) -> list[Any]:
    return [j.id, j.batch_row, j.status, f"{j.progress}%", ui.as_dict(j.options).get("basename")]


@batch.command("cancel")
@click.argument("batch_id", type=ui.Id("a batch"))
@ui.url_option
def cancel(batch_id: uuid.UUID, url: str) -> None:
    """Cancel every row that has not ended."""
    from gala_client.api.batches import batches_cancel
    from gala_client.models import Batch

    from gala import remote

    got = remote.parsed(batches_cancel.sync_detailed(batch_id, client=ui.connect(url)), Batch)
    click.echo(f"batch {got.id} {got.status.value}")


@batch.command("retry")
@click.argument("batch_id", type=ui.Id("a batch"))
@ui.url_option
def retry(batch_id: uuid.UUID, url: str) -> None:
    """Render the failed rows of an ended batch again."""
    from gala_client.api.batches import batches_retry
    from gala_client.models import Batch

    from gala import remote

    got = remote.parsed(batches_retry.sync_detailed(batch_id, client=ui.connect(url)), Batch)
    click.echo(f"batch {got.id} {got.status.value} ({ui.as_dict(got.counts)['queued']} rows queued again)")


@batch.command("download")
@click.argument("batch_id", type=ui.Id("a batch"))
@ui.url_option
@click.option("-o", "--out", "out_dir", default="out", type=click.Path(path_type=Path), show_default=True)
def download(batch_id: uuid.UUID, url: str, out_dir: Path) -> None:
    """Download the outputs of the done rows (one ZIP, streamed) and unpack them into OUT."""
    _download(ui.connect(url), batch_id, out_dir)


def _download(client: Any, batch_id: Any, out_dir: Path) -> None:
    from gala_client.api.batches import batches_archive

    from gala.remote import RemoteError

    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f".batch-{batch_id}.zip.part"
    request = batches_archive._get_kwargs(uuid.UUID(str(batch_id)))
    # Streamed to disk: the generated sync call would hold the whole archive in memory.
    with client.get_httpx_client().stream(request["method"], request["url"]) as response:
        if response.status_code != 200:
            raise RemoteError(f"the archive of batch {batch_id} answered {response.status_code}")
        with target.open("wb") as fh:
            for chunk in response.iter_bytes(1 << 20):
                fh.write(chunk)
    with zipfile.ZipFile(target) as archive:
        for info in archive.infolist():
            name = Path(info.filename).name  # never a path out of OUT
            if not name:
                continue
            with archive.open(info) as src, (out_dir / name).open("wb") as dst:
                while chunk := src.read(1 << 20):
                    dst.write(chunk)
            click.echo(f"{out_dir / name}  {info.file_size} bytes")
    target.unlink()
