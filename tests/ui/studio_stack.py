"""A real GALA for the studio's browser tests and benchmark: the API and a worker on embedded
defaults (SQLite, the embedded broker, local storage) in a temporary data directory, on a free
loopback port, started and stopped with gala.platform exactly as ``gala up`` runs them.

The studio is served from the checkout's ``frontend/dist``; the caller makes sure it is built.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from gala import config
from gala.migrate import upgrade
from gala.platform import Platform, free_port

ROOT = Path(__file__).resolve().parents[2]
FRONTEND = ROOT / "frontend"
DIST_INDEX = FRONTEND / "dist" / "index.html"
NODE_MODULES = FRONTEND / "node_modules"
CHROMIUM = Path("/usr/bin/chromium")


def node_missing() -> str | None:
    """Why the studio's Node.js side cannot run here, or None."""
    for tool in ("node", "npm"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (the studio needs Node.js 20 and npm)"
    return None


def require_built_studio() -> None:
    """Fail with what to run when the studio or its dependencies are missing (Node is here)."""
    assert NODE_MODULES.is_dir(), f"{NODE_MODULES} is missing: run `make studio`"
    assert DIST_INDEX.is_file(), f"{DIST_INDEX} is missing: run `make studio`"


def stack_env(data: Path) -> dict[str, str]:
    """This environment without any GALA setting (so a developer's .env or CI's URLs stay out),
    on embedded defaults under ``data``."""
    env = {k: v for k, v in os.environ.items() if k not in config.ENV_NAMES}
    env.update(GALA_DATA_DIR=str(data), PYTHONUNBUFFERED="1", JOB_LEASE_SECONDS="10", LOG_LEVEL="WARNING")
    return env


@contextmanager
def running_stack(data: Path) -> Iterator[Platform]:
    env = stack_env(data)
    upgrade(config.Settings.from_env(env))
    platform = Platform(env=env, port=free_port(), log_dir=data / "logs")
    try:
        with platform.running(timeout=90):
            yield platform
    except Exception:
        for log in sorted((data / "logs").glob("*.log")):
            print(f"--- {log.name} (last lines)\n" + "\n".join(log.read_text(errors="replace").splitlines()[-40:]))
        raise


def run_node(script: str, *, env: dict[str, str], timeout: float) -> subprocess.CompletedProcess[str]:
    """``node <script>`` in frontend/, its stdout and stderr together."""
    return subprocess.run(
        ["node", "--test-reporter=spec", script],
        cwd=FRONTEND,
        env={**os.environ, **env, "NO_COLOR": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=timeout,
        check=False,
    )
