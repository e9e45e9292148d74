"""The process-wide collaborators a service needs, built once from :class:`Settings`."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from gala.config import Settings
from gala.db import make_engine, make_sessionmaker
from gala.queue import Dispatcher
from gala.sandbox import Pool
from gala.storage import StorageRegistry, providers

# Renderer work of the API runs in this many processes at most (previews and upload probes share
# them; a preview beyond it is answered 429, as before). Named by module: the API never imports it.
SANDBOX_TASKS = "gala.sandbox.tasks"
SANDBOX_PROCESSES = 2
_SANDBOX_LOCK = threading.Lock()


@dataclass
class Runtime:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    storage: StorageRegistry
    dispatcher: Dispatcher | None = None
    _sandbox: Pool | None = None

    @property
    def sandbox(self) -> Pool:
        """The API's pool of renderer processes (previews, upload probing), started on first use.

        The API never decodes media in its own process (gala.sandbox); ``create_app`` warms it.
        """
        with _SANDBOX_LOCK:  # request threads may ask at once; one pool per runtime
            if self._sandbox is None:
                self._sandbox = Pool(SANDBOX_TASKS, size=SANDBOX_PROCESSES)
            return self._sandbox

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        *,
        on_upload_retry: Callable[[str], None] | None = None,
        lock_timeout_seconds: float | None = None,
    ) -> Runtime:
        """``on_upload_retry`` is the process's metrics hook (``gala.metrics.storage_upload_retry``);
        the API and worker entry points pass it, since metrics sits above this module.
        ``lock_timeout_seconds``: how long this process waits for a database lock (the API's is short)."""
        engine = make_engine(settings.database_url, lock_timeout_seconds=lock_timeout_seconds)
        registry = storage_registry(settings, on_upload_retry)
        return cls(settings=settings, engine=engine, sessions=make_sessionmaker(engine), storage=registry)

    @property
    def tmp_dir(self) -> Path:
        path = self.settings.data_dir / "tmp"
        path.mkdir(parents=True, exist_ok=True)
        return path

    def close(self) -> None:
        if self.dispatcher is not None:
            self.dispatcher.close()
        if self._sandbox is not None:
            self._sandbox.close()
        self.engine.dispose()


def storage_registry(settings: Settings, on_upload_retry: Callable[[str], None] | None = None) -> StorageRegistry:
    """Every configured provider by name, built on first use; ``STORAGE_PROVIDER`` picks the default.

    ``localfs`` is always there (older assets may live on it); every other provider is there
    whenever its settings are, whichever provider new outputs go to, so switching providers
    never orphans the assets already stored. ``on_upload_retry(provider)`` hears of each retried
    upload (the process's metrics).
    """
    context = settings.storage_context(on_upload_retry)
    return providers.registry(settings.storage_options, settings.storage_provider, context)
