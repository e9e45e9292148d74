"""The storage providers GALA knows: one line per provider module, and what is derived from them.

Adding a provider is a module that declares ``PROVIDER`` (:class:`gala.storage.provider.Provider`)
plus its line in ``MODULES``; the accepted ``STORAGE_PROVIDER`` values, the environment variables
GALA reads (``gala.config.ENV_NAMES``) and the registry are all derived from this list
(docs/dev/patterns.md, "Add a storage provider").
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from functools import cache
from typing import Any, cast

from gala.storage.base import Storage, StorageRegistry
from gala.storage.provider import ConfigError, Context, Provider

MODULES = (
    "gala.storage.local",
    "gala.storage.gdrive",
    "gala.storage.s3",
)


@cache
def providers() -> dict[str, Provider]:
    """Every provider by name, in ``MODULES`` order (importing only their light modules)."""
    found = [cast(Provider, importlib.import_module(module).PROVIDER) for module in MODULES]
    return {provider.name: provider for provider in found}


def names() -> tuple[str, ...]:
    return tuple(providers())


def env_names() -> tuple[str, ...]:
    return tuple(name for provider in providers().values() for name in provider.env_names)


def read(env: Mapping[str, str], default: str, given: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The options of every provider ``env`` configures, by name; the default must be one of them.

    Options already ``given`` for a provider are kept as they are. Raises :class:`ConfigError`
    saying what to set.
    """
    known = providers()
    if default not in known:
        raise ConfigError(f"STORAGE_PROVIDER must be one of {', '.join(known)}; got {default!r}")
    configured: dict[str, Any] = {}
    for name, provider in known.items():
        options = given[name] if given and name in given else provider.read(env, name == default)
        if options is not None:
            configured[name] = options
    return configured


def registry(options: Mapping[str, Any], default: str, context: Context) -> StorageRegistry:
    """Every configured provider by name, each built on first use; ``default`` takes new objects.

    Providers not configured are absent, and asking for one says what to set, so switching the
    default never orphans assets already stored elsewhere as long as their settings stay.
    """
    known = providers()

    def factory(name: str) -> Any:
        def make() -> Storage:
            return known[name].build(options[name], context)

        return make

    return StorageRegistry(
        default,
        {name: factory(name) for name in options},
        needs={name: provider.needs for name, provider in known.items()},
    )
