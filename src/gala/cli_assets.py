"""``gala assets``: upload, list, show, download and delete assets on a running GALA."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, cast

import click

from gala import cli_support as ui


@click.group("assets")
def assets() -> None:
    """Media files: upload, list, show, download, rm.

    Images, audio, video and fonts you upload, and the outputs jobs render.
    """


class _Counting:
    """A file that reports how many bytes were read from it (httpx streams multipart files by ``read``)."""

    def __init__(self, raw: IO[bytes], on_read: Callable[[int], None]) -> None:
        self._raw = raw
        self._on_read = on_read

    def read(self, n: int = -1) -> bytes:
        chunk = self._raw.read(n)
        self._on_read(len(chunk))
        return chunk

    def fileno(self) -> int:  # httpx takes the Content-Length from fstat
        return self._raw.fileno()

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._raw.seek(offset, whence)

    def tell(self) -> int:
        return self._raw.tell()


class _FileUpload:
    """The body of ``assets.create`` with a real file part.

    The generated ``AssetUpload`` sends ``file`` as UTF-8 text: its generator maps the contract's
    ``contentMediaType: application/octet-stream`` to ``str``. The generated operation calls
    ``to_multipart()`` on its body, so this supplies the same two fields with the file streamed.
    """

    def __init__(self, stream: Any, filename: str, name: str | None) -> None:
        self._parts: list[tuple[str, Any]] = [("file", (filename, stream, "application/octet-stream"))]
        if name is not None:
            self._parts.append(("name", (None, name.encode(), "text/plain")))

    def to_multipart(self) -> list[tuple[str, Any]]:
        return self._parts


def upload_file(client: Any, path: Path, name: str | None = None) -> Any:
    """Upload ``path`` with the generated client, a progress bar on stderr for big files; the Asset."""
    from gala_client.api.assets import assets_create
    from gala_client.models import Asset, AssetUpload

    from gala import remote

    total = path.stat().st_size
    with path.open("rb") as raw:
        if total >= ui.BIG_FILE:
            with ui.progress(f"uploading {path.name}", total, in_bytes=True) as advance:
                body = _FileUpload(_Counting(raw, advance), path.name, name)
                response = assets_create.sync_detailed(client=client, body=cast(AssetUpload, body))
        else:
            body = _FileUpload(raw, path.name, name)
            response = assets_create.sync_detailed(client=client, body=cast(AssetUpload, body))
    return remote.parsed(response, Asset)


@assets.command("upload")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--name", default=None, help="The asset's name (one file only) [the file's name].")
@ui.json_option
@ui.url_option
def upload(files: tuple[Path, ...], name: str | None, as_json: bool, url: str) -> None:
    """Upload FILES; print each new asset's id (one per line, in order).

    The server sniffs and probes each file and refuses what it cannot use (415/422): the
    command stops at the first refusal, after printing the ids of the files already stored.
    """
    if name is not None and len(files) > 1:
        raise click.UsageError("--name names one asset: give one file")
    from gala import remote

    client = ui.connect(url)
    stored = []
    for path in files:
        try:
            asset = upload_file(client, path, name)
        except remote.ProblemAnswer as exc:  # say which file was refused
            raise click.ClickException(f"{path} was refused: {exc}") from None
        stored.append(asset)
        if not as_json:
            click.echo(str(asset.id))
            click.echo(f"{path}: {asset.kind} {asset.mime} {ui.size(asset.size_bytes)}", err=True)
    if as_json:
        ui.print_json(stored)


def _row(a: Any) -> list[Any]:
    return [a.id, a.kind, a.name, a.mime, ui.size(a.size_bytes), a.source, a.created_at.strftime("%Y-%m-%d %H:%M")]


@assets.command("list")
@click.option("--kind", type=ui.EnumChoice("asset_kind", "AssetKind"), default=None)
@click.option("--source", type=ui.EnumChoice("asset_source", "AssetSource"), default=None)
@click.option("--job", "job_id", type=ui.Id("a job"), default=None, help="Only the outputs of this job.")
@ui.page_options
@ui.json_option
@ui.url_option
def list_(
    kind: Any,
    source: Any,
    job_id: uuid.UUID | None,
    limit: int | None,
    cursor: str | None,
    as_json: bool,
    url: str,
) -> None:
    """List assets, newest first."""
    from gala_client.api.assets import assets_list
    from gala_client.models import AssetPage
    from gala_client.types import UNSET

    from gala import remote

    response = assets_list.sync_detailed(
        client=ui.connect(url),
        limit=limit or UNSET,
        cursor=cursor or UNSET,
        kind=kind or UNSET,
        source=source or UNSET,
        job_id=job_id or UNSET,
    )
    columns = ["id", "kind", "name", "mime", "size", "source", "created"]
    ui.print_page(remote.parsed(response, AssetPage), as_json, columns, _row)


@assets.command("show")
@click.argument("asset_id", type=ui.Id("an asset"))
@ui.json_option
@ui.url_option
def show(asset_id: uuid.UUID, as_json: bool, url: str) -> None:
    """Show an asset: its type, size, checksum, storage and probed media."""
    from gala import remote

    asset = remote.asset(ui.connect(url), asset_id)
    if as_json:
        ui.print_json(asset)
        return
    media = ui.as_dict(ui.unset(asset.media)) or {}
    ui.fields(
        [
            ("id", asset.id),
            ("name", asset.name),
            ("kind", asset.kind),
            ("mime", asset.mime),
            ("size", f"{asset.size_bytes} bytes ({ui.size(asset.size_bytes)})"),
            ("sha256", asset.sha256),
            ("source", asset.source),
            ("stored", f"{asset.provider}: {asset.object_key}"),
            ("media", ", ".join(f"{k}={v}" for k, v in media.items() if v is not None)),
            ("created", asset.created_at.isoformat()),
        ]
    )


@assets.command("download")
@click.argument("asset_id", type=ui.Id("an asset"))
@click.option(
    "-o",
    "--out",
    "target",
    default=None,
    type=click.Path(path_type=Path),
    help="A file, or an existing folder to put it in [the asset's name, here].",
)
@ui.url_option
def download(asset_id: uuid.UUID, target: Path | None, url: str) -> None:
    """Download an asset's bytes (checked against its sha256) and print where they went."""
    client = ui.connect(url)
    got = fetch(client, asset_id, target)
    click.echo(str(got.path))


def fetch(client: Any, asset_id: uuid.UUID, target: Path | None) -> Any:
    """Download one asset to ``target`` (a file, or a folder for its own name), with a progress bar."""
    from gala import remote

    meta = remote.asset(client, asset_id)
    safe_name = Path(meta.name).name or str(asset_id)  # a name is a label, never a path
    if target is None:
        target = Path(safe_name)
    elif target.is_dir():
        target = target / safe_name
    if meta.size_bytes >= ui.BIG_FILE:
        with ui.progress(f"downloading {target.name}", meta.size_bytes, in_bytes=True) as advance:
            return remote.download(client, asset_id, target, on_bytes=advance)
    return remote.download(client, asset_id, target)


@assets.command("rm")
@click.argument("asset_ids", nargs=-1, required=True, type=ui.Id("an asset"))
@ui.url_option
def rm(asset_ids: tuple[uuid.UUID, ...], url: str) -> None:
    """Delete assets and their stored bytes (refused while a template, job or model uses one)."""
    from gala_client.api.assets import assets_delete

    ui.remove("asset", assets_delete.sync_detailed, asset_ids, url)
