"""The ``gala`` command: run the API, migrate the database, check the contract."""

from __future__ import annotations

import json
import os
import signal
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import click

from gala.config import ConfigError, Settings


def _settings() -> Settings:
    try:
        return Settings.from_env()
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from exc


class _Group(click.Group):
    """Turns the errors a user can fix into one readable line instead of a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        import httpx

        import renderer
        from gala.errors import GalaError
        from gala.remote import RemoteError

        try:
            return super().invoke(ctx)
        except GalaError as exc:
            details = "; ".join(f"{e.pointer or e.parameter or ''} {e.detail}".strip() for e in exc.errors)
            raise click.ClickException(exc.detail + (f" ({details})" if details else "")) from exc
        except (renderer.RenderError, RemoteError) as exc:
            raise click.ClickException(str(exc)) from exc
        except httpx.HTTPError as exc:
            try:
                where = f" at {exc.request.url}"
            except RuntimeError:  # no request attached
                where = ""
            raise click.ClickException(f"could not reach GALA{where}: {exc}") from exc
        except OSError as exc:
            raise click.ClickException(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": ")) from exc


def _uuid(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a job id (a UUID)") from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """GALA — local-first video generation behind an OpenAPI 3.1 API.

    Every command reads its settings from the environment (see infra/.env.example).
    """
    from gala import logs

    # JSON lines when GALA_ENV=production, readable otherwise (gala.logs).
    logs.configure_from_env()


@main.command()
def migrate() -> None:
    """Bring the database schema to the latest version (Alembic upgrade head)."""
    from gala.migrate import upgrade

    settings = _settings()
    upgrade(settings)
    click.echo(f"database migrated: {settings.database_url}")


@main.command()
@click.option("--host", default=None, help="Bind address [API_HOST, default 127.0.0.1].")
@click.option("--port", default=None, type=int, help="Port [API_PORT, default 8080].")
@click.option("--workers", default=1, show_default=True, help="HTTP worker processes.")
def api(host: str | None, port: int | None, workers: int) -> None:
    """Serve the HTTP API with uvicorn."""
    serve_api(_settings(), host=host, port=port, workers=workers)


def serve_api(settings: Settings, *, host: str | None = None, port: int | None = None, workers: int = 1) -> None:
    import tempfile

    import uvicorn

    from gala import logs

    if workers > 1 and not os.environ.get(METRICS_MULTIPROC_ENV):
        # Several HTTP processes: /metrics must add up all of them (docs/scaling.md).
        _metrics_dir(Path(tempfile.mkdtemp(prefix="gala-metrics-")))
    uvicorn.run(
        "gala.app:create_app",
        factory=True,
        host=host or settings.api_host,
        port=port or settings.api_port,
        workers=workers,
        log_level=settings.log_level.lower(),
        log_config=logs.dict_config(settings.environment, settings.log_level),
        access_log=settings.environment != "production",
    )


METRICS_MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"


def _metrics_dir(path: Path) -> Path:
    """Put this process and its children in prometheus_client's multiprocess mode, in an empty
    ``path``. Must run before anything imports prometheus_client (it reads the variable then)."""
    os.environ[METRICS_MULTIPROC_ENV] = str(path)
    from gala.metrics import prepare_multiprocess_dir

    prepare_multiprocess_dir(path)
    return path


@main.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.pass_context
def worker(ctx: click.Context) -> None:
    """Run a Celery worker (and the reaper). Options: see `gala worker --help`."""
    # The worker is its own package; gala only names it (it never imports it).
    os.execv(sys.executable, [sys.executable, "-m", "worker", *ctx.args])  # noqa: S606 - no shell involved


@main.command()
@click.option("--host", default=None, help="Bind address [API_HOST, default 127.0.0.1].")
@click.option("--port", default=None, type=int, help="Port [API_PORT, default 8080].")
@click.option("--smoke/--no-smoke", default=False, help="Render the hello video once the platform is up.")
@click.option(
    "--out",
    "out_dir",
    default="out",
    type=click.Path(path_type=Path),
    show_default=True,
    help="Where --smoke downloads hello.mp4 and hello.jpg.",
)
def up(host: str | None, port: int | None, smoke: bool, out_dir: Path) -> None:
    """Migrate, then run the API and a worker together until Ctrl-C.

    On embedded defaults (no settings) that is SQLite, an embedded broker and local storage,
    all under ./data.
    """
    from gala import smoke as smoke_test
    from gala.migrate import upgrade
    from gala.platform import Platform, child_env

    settings = _settings()
    upgrade(settings)
    # One host: the API's /metrics also shows the workers' series (gala.metrics, docs/scaling.md).
    _metrics_dir(Path(os.environ.get(METRICS_MULTIPROC_ENV) or settings.data_dir / "metrics"))
    platform = Platform(env=child_env(), host=host or settings.api_host, port=port or settings.api_port)
    _stop_on_sigterm()
    try:
        platform.start()
        click.echo(f"GALA is up on {platform.url}  (Swagger UI: {platform.url}/ui/)  — Ctrl-C stops it")
        if smoke:
            smoke_test.run(platform.url, out_dir)
        platform.wait()
    except KeyboardInterrupt:
        click.echo("stopping…")
    finally:
        platform.stop()


@main.command("smoke")
@click.option("--url", default=None, help="Test a running platform instead of starting one.")
@click.option("--out", "out_dir", default="out", type=click.Path(path_type=Path), show_default=True)
@click.option("--provider", default=None, help="Store outputs on this provider (STORAGE_PROVIDER) and check them.")
@click.option("--keep-data", is_flag=True, help="Keep the temporary data directory.")
def smoke_cmd(url: str | None, out_dir: Path, provider: str | None, keep_data: bool) -> None:
    """Bring the platform up (embedded defaults, temporary data), render hello, check it, stop."""
    import tempfile

    from gala import smoke as smoke_test
    from gala.platform import Platform, child_env, free_port

    if url:
        smoke_test.run(url, out_dir, provider=provider)
        return
    data = Path(tempfile.mkdtemp(prefix="gala-smoke-"))
    env = child_env(GALA_DATA_DIR=str(data))
    if provider:  # store the outputs there (its settings come from the environment or .env)
        env["STORAGE_PROVIDER"] = provider
    env.setdefault("JOB_LEASE_SECONDS", "10")
    settings = Settings.from_env(env)
    from gala.migrate import upgrade

    upgrade(settings)
    platform = Platform(env=env, port=free_port(), log_dir=data / "logs")
    try:
        with platform.running():
            click.echo(f"platform up on {platform.url} (data: {data}, broker: {settings.broker_url.split(':')[0]})")
            smoke_test.run(platform.url, out_dir, provider=provider)
    except Exception:
        for log in sorted((data / "logs").glob("*.log")):
            click.echo(f"--- {log.name} (last lines)", err=True)
            click.echo("\n".join(log.read_text(errors="replace").splitlines()[-30:]), err=True)
        raise
    finally:
        if not keep_data:
            import shutil

            shutil.rmtree(data, ignore_errors=True)


@main.command()
@click.argument("template")
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help='A parameter; VALUE is read as JSON when it parses (5, true, "x"), else as text.',
)
@click.option("-o", "--out", "out_dir", default="out", type=click.Path(path_type=Path), show_default=True)
@click.option("--basename", default="output", show_default=True)
@click.option("--draft", is_flag=True, help="Fast low-resolution draft.")
def render(template: str, params: tuple[str, ...], out_dir: Path, basename: str, draft: bool) -> None:
    """Render a template to files locally, without any server.

    TEMPLATE is `hello` or a JSON file holding a template ({"composition", "parameters"}) or a
    bare composition.
    """
    import renderer
    from gala.jobs.composition import draft as make_draft
    from gala.services import builtin
    from gala.services.parameters import substitute, validate_params

    if template == "hello":
        doc = builtin.HELLO
    else:
        try:
            doc = json.loads(Path(template).read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise click.ClickException(f"{template} is not JSON: {exc}") from None
        if "composition" not in doc:
            doc = {"composition": doc, "parameters": {"type": "object"}}
    values = validate_params(doc.get("parameters") or {"type": "object"}, _parse_params(params))
    composition = substitute(doc["composition"], values)
    if draft:
        composition = make_draft(composition)
    started = time.perf_counter()
    with click.progressbar(length=100, label="rendering") as bar:
        done = [0]

        def progress(percent: float) -> None:
            bar.update(int(percent) - done[0])
            done[0] = int(percent)

        out = renderer.render(composition, out_dir, basename=basename, progress=progress)
    click.echo(
        f"{out.video_path} ({out.width}x{out.height}, {out.duration:.2f} s, {out.frames} frames) "
        f"and {out.thumbnail_path} in {time.perf_counter() - started:.2f} s"
    )


@main.group()
def jobs() -> None:
    """Submit jobs to a running GALA and fetch their outputs (uses the generated client)."""


@jobs.command("submit")
@click.argument("template")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE")
@click.option("--url", default="http://127.0.0.1:8080", show_default=True, envvar="GALA_URL")
@click.option("--wait/--no-wait", default=True, show_default=True, help="Wait for the job with a progress bar.")
@click.option(
    "-o",
    "--out",
    "out_dir",
    default=None,
    type=click.Path(path_type=Path),
    help="Download the outputs here (implies --wait).",
)
@click.option("--draft", is_flag=True)
@click.option("--basename", default=None)
@click.option("--idempotency-key", default=None, help="Makes a retried submit safe (default: a new UUID).")
def jobs_submit(
    template: str,
    params: tuple[str, ...],
    url: str,
    wait: bool,
    out_dir: Path | None,
    draft: bool,
    basename: str | None,
    idempotency_key: str | None,
) -> None:
    """Submit TEMPLATE (a name such as `hello`, or a template id) with parameters."""
    from gala import remote

    client = remote.connect(url)
    job = remote.submit(
        client,
        template,
        _parse_params(params),
        draft=draft,
        basename=basename,
        idempotency_key=idempotency_key,
    )
    click.echo(f"job {job.id} {job.status.value}")
    if wait or out_dir is not None:
        _wait_and_fetch(client, job.id, out_dir)


@jobs.command("wait")
@click.argument("job_id")
@click.option("--url", default="http://127.0.0.1:8080", show_default=True, envvar="GALA_URL")
@click.option("-o", "--out", "out_dir", default=None, type=click.Path(path_type=Path))
def jobs_wait(job_id: str, url: str, out_dir: Path | None) -> None:
    """Wait for a job with a progress bar; download its outputs with --out."""
    from gala import remote

    _wait_and_fetch(remote.connect(url), _uuid(job_id), out_dir)


@jobs.command("download")
@click.argument("job_id")
@click.option("--url", default="http://127.0.0.1:8080", show_default=True, envvar="GALA_URL")
@click.option("-o", "--out", "out_dir", default="out", type=click.Path(path_type=Path), show_default=True)
def jobs_download(job_id: str, url: str, out_dir: Path) -> None:
    """Download a finished job's outputs."""
    from gala import remote

    client = remote.connect(url)
    _download_outputs(client, remote.wait(client, _uuid(job_id), timeout=0.0), out_dir)


def _wait_and_fetch(client: Any, job_id: uuid.UUID, out_dir: Path | None) -> None:
    from gala import remote

    with click.progressbar(length=100, label=f"job {job_id}") as bar:
        shown = [0]

        def update(job: Any) -> None:
            bar.label = f"{job.status.value:<9}"
            bar.update(job.progress - shown[0])
            shown[0] = job.progress

        job = remote.wait(client, job_id, on_update=update)
    if job.status.value != "done":
        error = job.error.message if job.error else ""
        raise click.ClickException(f"job {job_id} ended {job.status.value}: {error}")
    click.echo(f"job {job_id} done")
    if out_dir is not None:
        _download_outputs(client, job, out_dir)


def _download_outputs(client: Any, job: Any, out_dir: Path) -> None:
    from gala import remote

    if job.status.value != "done":
        raise click.ClickException(f"job {job.id} is {job.status.value}")
    for asset_id in job.output_asset_ids:
        meta = remote.asset(client, asset_id)
        got = remote.download(client, asset_id, out_dir / meta.name)
        click.echo(f"{got.path}  {got.size} bytes  {got.mime}")


def _parse_params(pairs: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for pair in pairs:
        name, sep, raw = pair.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"{pair!r} is not NAME=VALUE", param_hint="--param")
        try:
            out[name] = json.loads(raw)
        except json.JSONDecodeError:
            out[name] = raw
    return out


def _stop_on_sigterm() -> None:
    def handler(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, handler)


@main.command("swagger-ui")
@click.option("--host", default="127.0.0.1", show_default=True, help="Bind address.")
@click.option("--port", default=8081, type=int, show_default=True, help="Port.")
@click.option(
    "--spec-url",
    default="http://127.0.0.1:8080/openapi.json",
    show_default=True,
    help="The running API's contract, fetched live on every page load.",
)
@click.option("--api-url", default=None, help="The API's URL as browsers see it (Try it out) [the spec URL's origin].")
def swagger_ui(host: str, port: int, spec_url: str, api_url: str | None) -> None:
    """Serve Swagger UI 5 on its own port, showing the live contract of a running API."""
    from gala import logs
    from gala.swagger_ui import serve

    level = os.environ.get("LOG_LEVEL", "INFO")
    serve(host, port, spec_url, api_url, log_config=logs.dict_config(os.environ.get("GALA_ENV", "development"), level))


@main.command("health")
@click.option(
    "--url",
    default=None,
    help="What to probe [http://127.0.0.1:<API_PORT>/health/ready]; a worker's http://127.0.0.1:<port>/metrics.",
)
@click.option("--timeout", default=5.0, show_default=True, help="Seconds.")
def health(url: str | None, timeout: float) -> None:
    """Exit 0 when URL answers 2xx (container healthchecks: no curl in the image)."""
    import urllib.error
    import urllib.request

    url = url or f"http://127.0.0.1:{_settings().api_port}/health/ready"
    if not url.startswith(("http://", "https://")):
        raise click.BadParameter(f"{url!r} is not an http(s) URL", param_hint="--url")
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(url, timeout=timeout) as response:
            status = response.status
    except urllib.error.HTTPError as exc:
        raise click.ClickException(f"{url} answered {exc.code}") from None
    except (urllib.error.URLError, TimeoutError) as exc:
        raise click.ClickException(f"{url} did not answer: {getattr(exc, 'reason', exc)}") from None
    click.echo(f"{url} {status}")


@main.command("check-spec")
def check_spec() -> None:
    """Validate openapi/gala.yaml as OpenAPI 3.1."""
    from gala.app import spec_path
    from gala.openapi31 import OpenAPI31Specification, load_document

    document = load_document(spec_path())
    OpenAPI31Specification(document)
    click.echo(f"{spec_path()}: valid OpenAPI {document['openapi']}")


def _add_storage_commands() -> None:
    # `gala storage check` and `gala gdrive auth` live in their own module (gala.cli_storage).
    from gala.cli_storage import gdrive, storage

    main.add_command(storage)
    main.add_command(gdrive)


_add_storage_commands()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
