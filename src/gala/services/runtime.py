"""The process-wide collaborators a service needs, built once from :class:`Settings`."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from gala.config import Settings
from gala.db import make_engine, make_sessionmaker
from gala.storage import StorageRegistry
from gala.storage.local import LocalStorage


@dataclass
class Runtime:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    storage: StorageRegistry
    # Called after a job row is committed; the worker side plugs Celery in here.
    enqueue: Callable[[uuid.UUID], None] = field(default=lambda job_id: None)

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
        self.engine.dispose()
