"""What a storage provider module declares, and the helpers it reads its settings with.

Each provider module (listed once in :mod:`gala.storage.providers`) exposes ``PROVIDER``, a
:class:`Provider`: its name, the environment variables it reads, how to read and check them
(raising :class:`ConfigError` with a message that says what to set), and how to build the
:class:`~gala.storage.base.Storage` from what it read. Reading must stay cheap: a provider whose
SDK is heavy (Google's client, boto3) imports it in ``build`` only, so the API and the CLI start
without it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gala.storage.base import Storage


class ConfigError(ValueError):
    """A setting is missing or inconsistent; the message says what to set.

    Defined here, the lowest layer that raises it; :mod:`gala.config` re-exports it for the
    settings of its own.
    """


def _ignore(provider: str) -> None:
    del provider


@dataclass(frozen=True)
class Retries:
    """How remote providers retry transient failures, and whom they tell about each retried upload.

    ``on_upload_retry(provider)`` is called once per retried upload request; the process that
    builds the registry wires it to its metrics (storage imports nothing else of GALA).
    """

    max_retries: int = 6
    cap_seconds: float = 32.0
    on_upload_retry: Callable[[str], None] = field(default=_ignore, compare=False)


@dataclass(frozen=True)
class Context:
    """What GALA's core settings give every provider: the local storage root and the retry policy."""

    local_root: Path
    retries: Retries = Retries()


@dataclass(frozen=True)
class Provider:
    """One storage provider, as its module declares it.

    ``read(env, is_default)`` returns the provider's options, or ``None`` when the environment
    does not configure it (it is then not served); it raises :class:`ConfigError` for settings
    that are given but wrong, or missing while the provider is the default. ``needs`` says what
    to set, for the error raised when an asset stored on an unconfigured provider is asked for.
    ``build(options, context)`` makes the storage (and may import the provider's SDK).
    """

    name: str
    env_names: tuple[str, ...]
    needs: str
    read: Callable[[Mapping[str, str], bool], Any]
    build: Callable[[Any, Context], Storage]


def given(env: Mapping[str, str], names: tuple[str, ...]) -> dict[str, str]:
    """The stripped values of those ``names`` that ``env`` sets."""
    return {name: env[name].strip() for name in names if name in env}


def env_int(name: str, raw: str, *, minimum: int = 0) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be an integer, got {raw!r}") from None
    if value < minimum:
        raise ConfigError(f"{name} must be at least {minimum}, got {value}")
    return value


def env_float(name: str, raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from None
    if not value >= 0:  # also rejects NaN
        raise ConfigError(f"{name} must be at least 0, got {raw!r}")
    return value


def http_url(name: str, value: str) -> str:
    """``value`` unless it is set and not an http(s) URL."""
    if value and not value.startswith(("http://", "https://")):
        raise ConfigError(f"{name} must be an http(s) URL, got {value!r}")
    return value
