"""The ``gala`` command: run the API, migrate the database, check the contract."""

from __future__ import annotations

import logging
import sys

import click

from gala.config import ConfigError, Settings


def _settings() -> Settings:
    try:
        return Settings.from_env()
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from exc


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """GALA — local-first video generation behind an OpenAPI 3.1 API.

    Every command reads its settings from the environment (see infra/.env.example).
    """
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")


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


def serve_api(
    settings: Settings, *, host: str | None = None, port: int | None = None, workers: int = 1
) -> None:
    import uvicorn

    uvicorn.run(
        "gala.app:create_app",
        factory=True,
        host=host or settings.api_host,
        port=port or settings.api_port,
        workers=workers,
        log_level=settings.log_level.lower(),
        access_log=settings.environment != "production",
    )


@main.command()
@click.option("--host", default=None, help="Bind address [API_HOST, default 127.0.0.1].")
@click.option("--port", default=None, type=int, help="Port [API_PORT, default 8080].")
def up(host: str | None, port: int | None) -> None:
    """Migrate, then serve the platform on embedded defaults (SQLite, local storage)."""
    from gala.migrate import upgrade

    settings = _settings()
    upgrade(settings)
    click.echo(f"GALA on http://{host or settings.api_host}:{port or settings.api_port}  (Swagger UI at /ui)")
    serve_api(settings, host=host, port=port)


@main.command("check-spec")
def check_spec() -> None:
    """Validate openapi/gala.yaml as OpenAPI 3.1."""
    from gala.app import spec_path
    from gala.openapi31 import OpenAPI31Specification, load_document

    document = load_document(spec_path())
    OpenAPI31Specification(document)
    click.echo(f"{spec_path()}: valid OpenAPI {document['openapi']}")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
