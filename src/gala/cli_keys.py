"""``gala keys``: make, list and revoke API keys. Local admin commands: they open the database
named by ``DATABASE_URL`` (environment or ``.env``) directly, not the API, so the first key can
be made before any key exists. Run them where the API's settings are (``docker compose exec api
gala keys create ...``).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from gala import cli_support as ui

if TYPE_CHECKING:
    from gala.runtime import Runtime

SCOPES = ("read", "write", "admin")  # gala.services.keys.SCOPES; tests/cli/test_keys.py checks they agree


@contextmanager
def _runtime() -> Iterator[Runtime]:
    from sqlalchemy.exc import OperationalError, ProgrammingError

    from gala.config import ConfigError, Settings
    from gala.runtime import Runtime

    try:
        settings = Settings.from_env()
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from exc
    rt = Runtime.from_settings(settings)
    try:
        yield rt
    except (OperationalError, ProgrammingError) as exc:
        raise click.ClickException(
            f"could not use the database {rt.engine.url.render_as_string(hide_password=True)}: "
            f"{type(exc.orig).__name__}. Is it up, and migrated (`gala migrate`)?"
        ) from exc
    finally:
        rt.close()


@click.group("keys")
def keys() -> None:
    """API keys (local admin: talks to the database, not the API)."""


@keys.command("create")
@click.option(
    "--scope",
    required=True,
    type=click.Choice(SCOPES),
    help="read: every GET; write: also create, change, delete, render; admin: everything.",
)
@click.option("--name", default="", help="What the key is for (shown by `gala keys list`).")
def create(scope: str, name: str) -> None:
    """Make a key and print its token on stdout, once: it is stored only as a hash.

    TOKEN=$(gala keys create --scope write --name ci); then GALA_API_KEY=$TOKEN.
    """
    from gala.services import keys as service

    with _runtime() as rt:
        key, token = service.create(rt, scope, name)
    click.echo(token)
    click.echo(f"created API key {key.id} ({scope}); the token above is shown only now", err=True)


@keys.command("list")
@ui.json_option
def list_(as_json: bool) -> None:
    """Every key: id, name, scope, when it was made, last used and revoked (never the token)."""
    from gala.api.views import api_key
    from gala.services import keys as service

    with _runtime() as rt:
        records = [api_key(k) for k in service.list_(rt)]
    if as_json:
        ui.print_json(records)
        return
    columns = ("id", "name", "scope", "created_at", "last_used_at", "revoked_at")
    ui.table(columns, [[r[c] for c in columns] for r in records], empty="no API keys (make one: gala keys create)")


@keys.command("revoke")
@click.argument("key_id", type=ui.Id("an API key"))
def revoke(key_id: uuid.UUID) -> None:
    """Revoke a key: the next request with it gets 401. Revoking a revoked key is a no-op."""
    from gala.services import keys as service

    with _runtime() as rt:
        service.revoke(rt, key_id)
    click.echo(f"revoked API key {key_id}", err=True)
