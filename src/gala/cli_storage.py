"""``gala storage check`` and ``gala gdrive auth``: set up and verify a storage provider.

Registered on the ``gala`` group by :mod:`gala.cli`.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
import uuid
from pathlib import Path

import click

from gala.config import ConfigError, Settings, environment

CHECK_BYTES = 1024 * 1024 + 123  # more than one chunk, not a round number


def _settings() -> Settings:
    try:
        return Settings.from_env()
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from exc


@click.group("storage")
def storage() -> None:
    """Storage providers (STORAGE_PROVIDER picks the one new outputs go to)."""


@storage.command("check")
@click.option("--provider", default=None, help="Check this provider instead of STORAGE_PROVIDER.")
def check(provider: str | None) -> None:
    """Verify the configured provider end to end: write, read (whole and a range), delete."""
    from gala.runtime import storage_registry
    from gala.storage import ObjectNotFound, StorageError

    settings = _settings()
    name = provider or settings.storage_provider
    registry = storage_registry(settings)
    if name not in registry.providers:
        raise click.UsageError(f"provider {name!r} is not configured (configured: {', '.join(registry.providers)})")
    step = "connect"
    try:
        store = registry.get(name)
        store.check()
        click.echo(f"1/5 connect  ok   provider={name}")
        with tempfile.TemporaryDirectory(prefix="gala-check-") as tmp:
            data = os.urandom(CHECK_BYTES)
            source = Path(tmp) / "check.bin"
            source.write_bytes(data)
            step = "write"
            started = time.perf_counter()
            key = store.put_file(source, f"checks/{uuid.uuid4()}/check.bin", mime="application/octet-stream")
            click.echo(f"2/5 write    ok   key={key} bytes={len(data)} in {time.perf_counter() - started:.2f} s")
            try:
                step = "read"
                got = b"".join(store.open_range(key))
                if hashlib.sha256(got).digest() != hashlib.sha256(data).digest():
                    raise click.ClickException(
                        f"read: got {len(got)} bytes back that differ from the {len(data)} written"
                    )
                click.echo(f"3/5 read     ok   bytes={len(got)} sha256 matches")
                step = "read a range"
                first, last = 1000, 300_999
                part = b"".join(store.open_range(key, first, last))
                if part != data[first : last + 1]:
                    raise click.ClickException(f"range read: bytes {first}-{last} differ ({len(part)} bytes back)")
                click.echo(f"4/5 range    ok   bytes={first}-{last}")
            finally:
                step = "delete"
                store.delete(key)
            try:
                store.stat(key)
            except ObjectNotFound:
                click.echo("5/5 delete   ok")
            else:
                raise click.ClickException(f"delete: {key} is still there")
    except StorageError as exc:
        raise click.ClickException(f"{step} failed: {exc}") from exc
    click.echo(f"storage check OK (provider={name})")


@click.group("gdrive")
def gdrive() -> None:
    """Google Drive storage."""


@gdrive.command("auth")
@click.option("--port", default=0, show_default=True, help="Local port for Google's redirect (0 = any free one).")
@click.option("--no-browser", is_flag=True, help="Print the consent URL instead of opening a browser.")
@click.option("--timeout", default=300, show_default=True, help="Seconds to wait for the consent.")
def auth(port: int, no_browser: bool, timeout: int) -> None:
    """Authorise GALA on your Google Drive and print the GDRIVE_REFRESH_TOKEN to put in .env.

    Needs GDRIVE_CLIENT_ID and GDRIVE_CLIENT_SECRET (an OAuth client of type "Desktop app" from
    the Google Cloud console, with the Drive API enabled). Runs Google's installed-app flow with
    the drive.file scope: GALA sees only the files it creates.
    """
    env = environment()
    client_id = env.get("GDRIVE_CLIENT_ID", "").strip()
    client_secret = env.get("GDRIVE_CLIENT_SECRET", "").strip()
    missing = [n for n, v in (("GDRIVE_CLIENT_ID", client_id), ("GDRIVE_CLIENT_SECRET", client_secret)) if not v]
    if missing:
        raise click.UsageError(
            f"set {' and '.join(missing)} first (in .env or the environment): create an OAuth client of type "
            '"Desktop app" in the Google Cloud console (APIs & Services > Credentials) with the Drive API enabled'
        )
    from google_auth_oauthlib.flow import InstalledAppFlow

    from gala.storage.gdrive import GOOGLE_TOKEN_URI, SCOPES

    config = {
        "installed": {
            "client_id": client_id,
            "client_secret": client_secret,
            "auth_uri": "https://accounts.google.com/o/oauth2/auth",
            "token_uri": env.get("GDRIVE_TOKEN_URI") or GOOGLE_TOKEN_URI,
            "redirect_uris": ["http://localhost"],
        }
    }
    flow = InstalledAppFlow.from_client_config(config, scopes=list(SCOPES))
    # access_type=offline + prompt=consent: Google returns a refresh token even on a second run.
    credentials = flow.run_local_server(
        host="localhost",
        bind_addr="127.0.0.1",
        port=port,
        open_browser=not no_browser,
        timeout_seconds=timeout,
        access_type="offline",
        prompt="consent",
    )
    token = getattr(credentials, "refresh_token", None)
    if not token:
        raise click.ClickException(
            "Google returned no refresh token; revoke GALA's access in your Google account and retry"
        )
    click.echo("Authorised. Put this line in your .env (the API and the workers read the same file):")
    click.echo(f"GDRIVE_REFRESH_TOKEN={token}")
