"""Providers register themselves: one module declaring ``PROVIDER``, one line in ``providers.MODULES``."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from gala import config
from gala.config import ConfigError, Settings
from gala.runtime import storage_registry
from gala.storage import providers


def test_env_names_cover_every_provider_variable() -> None:
    for provider in providers.providers().values():
        assert set(provider.env_names) <= set(config.ENV_NAMES), provider.name
    assert providers.names() == ("localfs", "gdrive", "s3")


@pytest.fixture
def extra_provider(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A provider GALA has never heard of, added the documented way: its module and its line."""
    (tmp_path / "gala_test_box.py").write_text(
        textwrap.dedent(
            """
            from gala.storage.memory import MemoryStorage
            from gala.storage.provider import ConfigError, Provider

            class BoxStorage(MemoryStorage):
                provider = "box"

            def read(env, is_default):
                token = env.get("BOX_TOKEN", "").strip()
                if is_default and not token:
                    raise ConfigError("STORAGE_PROVIDER=box needs BOX_TOKEN")
                return {"token": token} if token else None

            PROVIDER = Provider(
                name="box", env_names=("BOX_TOKEN",), needs="BOX_TOKEN",
                read=read, build=lambda options, context: BoxStorage(),
            )
            """
        )
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(providers, "MODULES", (*providers.MODULES, "gala_test_box"))
    providers.providers.cache_clear()
    yield "box"
    monkeypatch.undo()
    providers.providers.cache_clear()
    sys.modules.pop("gala_test_box", None)


def test_a_new_provider_is_one_module_and_one_line(extra_provider: str, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="STORAGE_PROVIDER=box needs BOX_TOKEN"):
        Settings.from_env({"STORAGE_PROVIDER": extra_provider})
    settings = Settings.from_env({"STORAGE_PROVIDER": "box", "BOX_TOKEN": "t", "GALA_DATA_DIR": str(tmp_path)})
    registry = storage_registry(settings)
    assert registry.providers == ["box", "localfs"]
    assert registry.default.provider == "box"
    assert "BOX_TOKEN" in providers.env_names()


def test_unknown_default_names_the_registered_ones() -> None:
    with pytest.raises(ConfigError, match="STORAGE_PROVIDER must be one of localfs, gdrive, s3; got 'dropbox'"):
        Settings(storage_provider="dropbox")


def test_reading_settings_imports_no_vendor_sdk() -> None:
    """Google's client and boto3 are imported when their storage is built, never to read settings."""
    env: Mapping[str, str] = {"S3_BUCKET": "b", "GDRIVE_CLIENT_ID": "i", "GDRIVE_CLIENT_SECRET": "s"}
    code = (
        "import json, sys\n"
        "from gala.config import Settings\n"
        "from gala.runtime import storage_registry\n"
        f"registry = storage_registry(Settings.from_env({dict(env)!r}))\n"
        "print(json.dumps([registry.providers, sorted(m for m in ('boto3', 'googleapiclient') if m in sys.modules)]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == [["localfs", "s3"], []]


def test_storage_imports_nothing_else_of_gala() -> None:
    """The same rule as the import contract, checked on what a process really loads."""
    code = (
        "import json, sys\n"
        "import gala.storage.providers as p\n"
        "for m in p.MODULES: __import__(m)\n"
        "import gala.storage.gdrive.drive, gala.storage.s3.client, gala.storage.memory, gala.storage.retry\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('gala.')"
        " and not m.startswith('gala.storage'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == []
