"""The process-wide collaborators a service needs, built once from :class:`Settings`."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from gala.config import Settings
from gala.db import make_engine, make_sessionmaker
from gala.queue import Dispatcher
from gala.storage import Storage, StorageRegistry
from gala.storage.local import LocalStorage


@dataclass
class Runtime:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    storage: StorageRegistry
    dispatcher: Dispatcher | None = None

    def enqueue(self, job_id: uuid.UUID) -> None:
        """Send "render job X" to the broker. Called only after the job row is committed."""
        if self.dispatcher is None:
            self.dispatcher = Dispatcher(self.settings)
        self.dispatcher.enqueue(job_id)

    @classmethod
    def from_settings(cls, settings: Settings, *, lock_timeout_seconds: float | None = None) -> Runtime:
        """``lock_timeout_seconds``: how long this process waits for a database lock (the API's is short)."""
        engine = make_engine(settings.database_url, lock_timeout_seconds=lock_timeout_seconds)
        return cls(
            settings=settings, engine=engine, sessions=make_sessionmaker(engine), storage=storage_registry(settings)
        )

    @property
    def tmp_dir(self) -> Path:
        path = self.settings.data_dir / "tmp"
        path.mkdir(parents=True, exist_ok=True)
        return path

    def close(self) -> None:
        if self.dispatcher is not None:
            self.dispatcher.close()
        self.engine.dispose()


def storage_registry(settings: Settings) -> StorageRegistry:
    """Every configured provider by name, built on first use; ``STORAGE_PROVIDER`` picks the default.

    ``localfs`` is always there (older assets may live on it); ``gdrive`` and ``s3`` are there
    whenever their settings are, whichever provider new outputs go to, so switching providers
    never orphans the assets already stored.
    """
    factories: dict[str, Callable[[], Storage]] = {"localfs": lambda: LocalStorage(settings.storage_local_root)}
    if settings.gdrive_configured:

        def gdrive() -> Storage:
            from gala.storage.gdrive import DriveStorage  # imports google-api-python-client: only when used

            return DriveStorage.from_settings(settings)

        factories["gdrive"] = gdrive
    if settings.s3_configured:

        def s3() -> Storage:
            from gala.storage.s3 import S3Storage

            return S3Storage.from_settings(settings)

        factories["s3"] = s3
    return StorageRegistry(settings.storage_provider, factories)
