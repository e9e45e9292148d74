"""The process-wide collaborators a service needs, built once from :class:`Settings`."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from gala.config import Settings
from gala.db import make_engine, make_sessionmaker
from gala.queue import Dispatcher
from gala.storage import StorageRegistry
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
    def from_settings(cls, settings: Settings) -> Runtime:
        engine = make_engine(settings.database_url)
        storage = StorageRegistry(
            settings.storage_provider,
            {"localfs": lambda: LocalStorage(settings.storage_local_root)},
        )
        return cls(settings=settings, engine=engine, sessions=make_sessionmaker(engine), storage=storage)

    @property
    def tmp_dir(self) -> Path:
        path = self.settings.data_dir / "tmp"
        path.mkdir(parents=True, exist_ok=True)
        return path

    def close(self) -> None:
        if self.dispatcher is not None:
            self.dispatcher.close()
        self.engine.dispose()
