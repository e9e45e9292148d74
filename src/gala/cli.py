"""The ``gala`` command: the platform's own commands, and the group every resource module joins.

Each resource group lives in its own module (``gala.cli_assets``, ``cli_templates``, ``cli_models``,
``cli_jobs``, the local ``cli_render``, the storage helpers in ``cli_storage``), all registered at
the bottom. ``gala --help`` lists them by section (:data:`SECTIONS`).
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any

import click

from gala.config import ConfigError, Settings


def _settings() -> Settings:
    try:
        return Settings.from_env()
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from exc


# `gala --help` groups the commands by what they act on; a command not named here is listed last.
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Resources on a running GALA (GALA_URL, GALA_API_KEY)",
        ("assets", "templates", "models", "jobs", "webhooks", "batch"),
    ),
    ("On this machine, no server", ("render",)),
    ("Run the platform", ("up", "api", "worker", "migrate", "smoke", "keys")),
    ("Check and set up", ("health", "check-spec", "storage", "gdrive", "swagger-ui")),
)


class _Group(click.Group):
    """Lists the commands by section, and turns the errors a user can fix into a short paragraph
    instead of a traceback (exit 1; click's usage errors exit 2)."""

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        commands = {name: self.get_command(ctx, name) for name in self.list_commands(ctx)}
        listed = {name for _, names in SECTIONS for name in names}
        sections = [*SECTIONS, ("Other", tuple(sorted(set(commands) - listed)))]
        width = formatter.width - 6 - max(len(name) for name in commands)
        for title, names in sections:
            rows = [(n, cmd.get_short_help_str(width)) for n in names if (cmd := commands.get(n)) and not cmd.hidden]
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        import httpx
        from gala_client.errors import UnexpectedStatus

        import renderer
        from gala.errors import GalaError
        from gala.remote import RemoteError

        try:
            return super().invoke(ctx)
        except GalaError as exc:
            lines = [exc.detail] + [f"  {e.pointer or e.parameter or ''}: {e.detail}".rstrip(": ") for e in exc.errors]
            raise click.ClickException("\n".join(lines)) from exc
        except (renderer.RenderError, RemoteError) as exc:
            raise click.ClickException(str(exc)) from exc
        except UnexpectedStatus as exc:
            raise click.ClickException(f"the API answered {exc.status_code}, which the contract does not list") from exc
        except httpx.HTTPError as exc:
            raise click.ClickException(_unreachable(exc)) from exc
        except OSError as exc:
            raise click.ClickException(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": ")) from exc


def _unreachable(exc: Exception) -> str:
    import httpx

    try:
        where = (
            f" at {exc.request.url.scheme}://{exc.request.url.netloc.decode()}"
            if isinstance(exc, httpx.RequestError)
            else ""
        )
    except RuntimeError:  # no request attached
        where = ""
    reason = str(exc) or type(exc).__name__
    return (
        f"could not reach GALA{where}: {reason}. Is it running? Start one with `gala up`, "
        f"or point GALA_URL (or --url) at yours."
    )


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """GALA — local-first video generation behind an OpenAPI 3.1 API.

    Every command reads its settings from the environment or ./.env (see infra/.env.example).
    Exit codes: 0 success; 1 refused input, a failed job, an unreachable server; 2 usage.

    \b
    Shell completion (click's own), e.g. for bash:
      eval "$(_GALA_COMPLETE=bash_source gala)"    (zsh: zsh_source, fish: fish_source)
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

    # The app factory runs in each server process and reads the settings again: it must see the
    # address actually bound, which decides whether API keys are required (API_AUTH=auto).
    os.environ["API_HOST"] = host or settings.api_host
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
        click.echo(
            f"GALA is up on {platform.url}  (studio: {platform.url}/studio/, Swagger UI: {platform.url}/ui/)"
            "  — Ctrl-C stops it"
        )
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


def _add_commands() -> None:
    from gala.cli_assets import assets
    from gala.cli_batches import batch
    from gala.cli_jobs import jobs
    from gala.cli_keys import keys
    from gala.cli_models import models
    from gala.cli_render import render
    from gala.cli_storage import gdrive, storage  # `gala storage check`, `gala gdrive auth`
    from gala.cli_templates import templates
    from gala.cli_webhooks import webhooks

    for command in (assets, templates, models, jobs, batch, webhooks, render, storage, gdrive, keys):
        main.add_command(command)


_add_commands()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
