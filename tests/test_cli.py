"""The ``gala`` command line: in-process with click's CliRunner where that is enough, as real processes
where signals, child processes or a running platform are part of what is tested.
"""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

import av
import pytest
from click.testing import CliRunner, Result

from gala.cli import main
from gala.config import Settings
from gala.migrate import upgrade
from gala.platform import Platform, child_env, free_port

# Settings read from the environment (gala.config.Settings.from_env): a developer's shell must not
# point these tests at a real database, broker, bucket or port.
SETTINGS_VARS = (
    "GALA_DATA_DIR",
    "DATABASE_URL",
    "CELERY_BROKER_URL",
    "REDIS_URL",
    "STORAGE_PROVIDER",
    "STORAGE_LOCAL_ROOT",
    "API_HOST",
    "API_PORT",
    "GALA_ENV",
    "GALA_URL",
    "API_AUTH",
    "GALA_API_KEY",
)
TINY = {"title": "¡Hola!", "duration": "1.2", "width": "160", "height": "90", "fps": "10", "size": "12"}
JOB_ID = re.compile(r"job ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})")


def params(values: Mapping[str, str]) -> list[str]:
    return [arg for name, value in values.items() for arg in ("-p", f"{name}={value}")]


def clean_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment for a child ``gala``: embedded defaults under ``data_dir``."""
    env = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARS}
    env.update(GALA_DATA_DIR=str(data_dir), PYTHONUNBUFFERED="1", **extra)
    return env


def runner_env(data_dir: Path) -> dict[str, str | None]:
    """CliRunner's env: None unsets a variable for the duration of the call."""
    env: dict[str, str | None] = dict.fromkeys(SETTINGS_VARS)
    env["GALA_DATA_DIR"] = str(data_dir)
    return env


def invoke(*args: str, env: Mapping[str, str | None] | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=True)


def gala(*args: str, env: Mapping[str, str], timeout: float = 120.0) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gala.cli", *args],
        env=dict(env),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@dataclass(frozen=True)
class Media:
    video_codec: str
    audio_codec: str | None
    width: int
    height: int
    fps: float
    duration: float


def probe(path: Path) -> Media:
    with av.open(str(path)) as container:
        video = container.streams.video[0]
        audio = container.streams.audio[0] if container.streams.audio else None
        assert container.duration is not None
        return Media(
            video_codec=video.codec_context.name,
            audio_codec=audio.codec_context.name if audio else None,
            width=video.codec_context.width,
            height=video.codec_context.height,
            fps=float(video.average_rate or 0),
            duration=float(Fraction(container.duration, av.time_base)),
        )


def jpeg_size(path: Path) -> tuple[int, int]:
    with av.open(str(path)) as container:
        frame = next(container.decode(video=0))
        return frame.width, frame.height


# --- in-process: help, check-spec, migrate, render -------------------------------------------------


def help_sections(output: str) -> dict[str, list[str]]:
    """``gala --help``'s command sections: heading -> the command names listed under it."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in output.split("Options:", 1)[1].splitlines():
        if line and not line.startswith(" ") and line.endswith(":"):
            current = sections.setdefault(line[:-1], [])
        elif line.startswith("  ") and current is not None and not line.lstrip().startswith("-"):
            current.append(line.split()[0])
    return sections


def test_help_lists_every_command_once_by_section() -> None:
    result = invoke("--help")
    assert result.exit_code == 0, result.output
    sections = help_sections(result.output)
    listed = [name for names in sections.values() for name in names]
    assert sorted(listed) == sorted(main.commands), f"each command once:\n{result.output}"
    expected = {"up", "api", "worker", "migrate", "smoke", "render", "jobs", "check-spec", "assets", "templates"}
    assert expected <= set(listed), f"missing from `gala --help`: {sorted(expected - set(listed))}\n{result.output}"
    resources = next(names for title, names in sections.items() if title.startswith("Resources"))
    assert resources == ["assets", "templates", "models", "jobs", "webhooks", "batch"], result.output


def test_jobs_help_lists_its_subcommands() -> None:
    result = invoke("jobs", "--help")
    assert result.exit_code == 0, result.output
    for name in ("submit", "list", "show", "cancel", "wait", "download"):
        assert re.search(rf"^\s+{name}\b", result.output, re.MULTILINE), result.output


def test_check_spec() -> None:
    result = invoke("check-spec")
    assert result.exit_code == 0, result.output
    assert "valid OpenAPI 3.1" in result.output


def _schema(db: Path) -> tuple[list[str], list[str]]:
    with sqlite3.connect(db) as conn:
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        versions = [row[0] for row in conn.execute("SELECT version_num FROM alembic_version")]
    return tables, versions


def test_migrate_creates_the_database_and_is_idempotent(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = invoke("migrate", env=runner_env(data))
    assert first.exit_code == 0, first.output
    db = data / "gala.db"
    assert db.is_file()
    assert f"database migrated: sqlite:///{db}" in first.output
    tables, versions = _schema(db)
    assert {"alembic_version", "jobs", "templates", "assets"} <= set(tables), tables
    assert len(versions) == 1

    second = invoke("migrate", env=runner_env(data))
    assert second.exit_code == 0, second.output
    assert _schema(db) == (tables, versions)


def test_render_hello(tmp_path: Path) -> None:
    out = tmp_path / "out"
    values = {"title": "¡Hola!", "duration": "1.2", "width": "160", "height": "90", "size": "12"}
    result = invoke("render", "hello", *params(values), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "160x90" in result.output

    media = probe(out / "output.mp4")
    assert (media.video_codec, media.audio_codec, media.width, media.height) == ("h264", "aac", 160, 90)
    assert media.duration == pytest.approx(1.2, abs=0.15)
    assert jpeg_size(out / "output.jpg") == (160, 90)


def test_render_basename(tmp_path: Path) -> None:
    result = invoke("render", "hello", *params(TINY), "-o", str(tmp_path), "--basename", "clip")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clip.jpg", "clip.mp4"]


def test_render_draft_halves_the_size(tmp_path: Path) -> None:
    values = {"title": "draft", "duration": "1.2", "width": "1280", "height": "720", "fps": "30"}
    result = invoke("render", "hello", *params(values), "--draft", "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    media = probe(tmp_path / "output.mp4")
    assert (media.width, media.height) == (640, 360)
    assert media.fps == pytest.approx(30)
    assert jpeg_size(tmp_path / "output.jpg") == (640, 360)


def test_render_draft_halves_small_sizes_to_even_sides(tmp_path: Path) -> None:
    result = invoke("render", "hello", *params({**TINY, "fps": "30"}), "--draft", "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    media = probe(tmp_path / "output.mp4")
    assert (media.width, media.height, media.fps) == (80, 44, pytest.approx(30))


def test_render_bare_composition_file(tmp_path: Path) -> None:
    composition = {
        "version": 2,
        "output": {"size": {"width": 160, "height": 90}, "fps": 10, "duration": 1.2},
        "background": "#102030",
        "tracks": [{"clips": [{"type": "text", "text": "bare", "size": 12}]}],
    }
    source = tmp_path / "bare.json"
    source.write_text(json.dumps(composition), encoding="utf-8")
    result = invoke("render", str(source), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    media = probe(tmp_path / "out" / "output.mp4")
    assert (media.video_codec, media.width, media.height, media.fps) == ("h264", 160, 90, pytest.approx(10))
    assert (tmp_path / "out" / "output.jpg").is_file()


def test_render_template_file_with_parameters(tmp_path: Path) -> None:
    template = {
        "composition": {
            "version": 2,
            "output": {"size": {"width": {"$param": "w"}, "height": 90}, "fps": 10, "duration": 1.2},
            "tracks": [{"clips": [{"type": "text", "text": {"$param": "t"}, "size": 12}]}],
        },
        "parameters": {
            "type": "object",
            "properties": {"w": {"type": "integer", "default": 160}, "t": {"type": "string", "default": "x"}},
        },
    }
    source = tmp_path / "template.json"
    source.write_text(json.dumps(template), encoding="utf-8")
    result = invoke("render", str(source), "-p", "w=192", "-p", "t=¡Hola!", "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert probe(tmp_path / "out" / "output.mp4").width == 192


def test_render_rejects_a_malformed_param() -> None:
    result = invoke("render", "hello", "-p", "width")
    assert result.exit_code == 2
    assert "is not NAME=VALUE" in result.output


# Bad input should end with click's "Error: ..." line, not a Python traceback. Run as a process, as a
# user would, so what is checked is exactly what the terminal shows.


def assert_readable_error(done: subprocess.CompletedProcess[str], *mentions: str) -> None:
    assert done.returncode != 0, done.stdout
    assert "Traceback" not in done.stderr, done.stderr
    assert "Error" in done.stderr, done.stderr
    for text in mentions:
        assert text in done.stderr, f"{text!r} not in:\n{done.stderr}"


def test_render_bad_param_is_a_readable_error(tmp_path: Path) -> None:
    done = gala("render", "hello", *params({**TINY, "width": "17"}), "-o", str(tmp_path), env=clean_env(tmp_path))
    assert_readable_error(done, "width")
    assert not (tmp_path / "output.mp4").exists()


def test_render_invalid_composition_is_a_readable_error(tmp_path: Path) -> None:
    source = tmp_path / "bad.json"
    source.write_text(json.dumps({"version": 2, "output": {"size": {"width": 17, "height": 90}, "duration": 1.2}}))
    done = gala("render", str(source), "-o", str(tmp_path / "out"), env=clean_env(tmp_path))
    assert_readable_error(done, "output.size.width")


def test_render_missing_file_is_a_readable_error(tmp_path: Path) -> None:
    done = gala("render", str(tmp_path / "missing.json"), "-o", str(tmp_path / "out"), env=clean_env(tmp_path))
    assert_readable_error(done, "missing.json")


# --- against a running platform -------------------------------------------------------------------


@dataclass
class RunningPlatform:
    url: str
    env: dict[str, str]
    log_dir: Path

    def logs(self) -> str:
        return "\n".join(
            f"--- {p.name}\n{p.read_text(errors='replace')[-3000:]}" for p in sorted(self.log_dir.glob("*.log"))
        )


@pytest.fixture(scope="module")
def platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningPlatform]:
    data = tmp_path_factory.mktemp("platform")
    env = child_env(GALA_DATA_DIR=str(data / "data"), JOB_LEASE_SECONDS="10")
    for name in SETTINGS_VARS:
        if name != "GALA_DATA_DIR":
            env.pop(name, None)
    upgrade(Settings.from_env(env))
    running = Platform(env=env, port=free_port(), log_dir=data / "logs")
    with running.running(timeout=60):
        yield RunningPlatform(running.url, env, data / "logs")


def _check_outputs(out: Path, stem: str = "output") -> None:
    media = probe(out / f"{stem}.mp4")
    assert (media.video_codec, media.audio_codec, media.width, media.height) == ("h264", "aac", 160, 90)
    assert jpeg_size(out / f"{stem}.jpg") == (160, 90)


@pytest.mark.slow
def test_jobs_submit_wait_and_download(platform: RunningPlatform, tmp_path: Path) -> None:
    out = tmp_path / "submitted"
    done = gala("jobs", "submit", "hello", "--url", platform.url, *params(TINY), "-o", str(out), env=platform.env)
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}\n{platform.logs()}"
    match = JOB_ID.search(done.stdout)
    assert match, done.stdout
    job_id = match.group(1)
    assert f"job {job_id} done" in done.stdout
    _check_outputs(out)

    again = tmp_path / "downloaded"
    done = gala("jobs", "download", job_id, "--url", platform.url, "-o", str(again), env=platform.env)
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}"
    assert sorted(p.name for p in again.iterdir()) == ["output.jpg", "output.mp4"]
    for name in ("output.mp4", "output.jpg"):
        assert (again / name).read_bytes() == (out / name).read_bytes()

    done = gala("jobs", "wait", job_id, "--url", platform.url, env=platform.env)
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}"
    assert f"job {job_id} done" in done.stdout

    waited = tmp_path / "waited"
    done = gala("jobs", "wait", job_id, "--url", platform.url, "-o", str(waited), env=platform.env)
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}"
    _check_outputs(waited)


@pytest.mark.slow
def test_jobs_submit_with_basename_and_draft(platform: RunningPlatform, tmp_path: Path) -> None:
    args = ["jobs", "submit", "hello", "--url", platform.url, *params(TINY), "--basename", "clip", "--draft"]
    done = gala(*args, "-o", str(tmp_path), env=platform.env)
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}\n{platform.logs()}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clip.jpg", "clip.mp4"]
    assert probe(tmp_path / "clip.mp4").fps == pytest.approx(10)  # already under the draft cap


@pytest.mark.slow
def test_jobs_submit_no_wait(platform: RunningPlatform) -> None:
    done = gala("jobs", "submit", "hello", "--url", platform.url, *params(TINY), "--no-wait", env=platform.env)
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}"
    match = JOB_ID.search(done.stdout)
    assert match, done.stdout
    assert "done" not in done.stdout.replace(match.group(0), "")
    done = gala("jobs", "wait", match.group(1), "--url", platform.url, env=platform.env)
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}\n{platform.logs()}"


@pytest.mark.slow
def test_jobs_submit_rejected_params_exit_non_zero(platform: RunningPlatform, tmp_path: Path) -> None:
    bad = {**TINY, "width": "17"}
    done = gala("jobs", "submit", "hello", "--url", platform.url, *params(bad), "-o", str(tmp_path), env=platform.env)
    assert done.returncode != 0
    assert "422" in done.stderr
    assert "/params/width" in done.stderr
    assert not any(tmp_path.iterdir())


@pytest.mark.slow
def test_jobs_submit_rejected_params_is_a_readable_error(platform: RunningPlatform) -> None:
    bad = {**TINY, "width": "17"}
    done = gala("jobs", "submit", "hello", "--url", platform.url, *params(bad), env=platform.env)
    assert_readable_error(done, "/params/width")


@pytest.mark.slow
def test_jobs_wait_unknown_job_is_a_readable_error(platform: RunningPlatform) -> None:
    unknown = "01900000-0000-7000-8000-00000000dead"
    done = gala("jobs", "wait", unknown, "--url", platform.url, env=platform.env, timeout=60)
    assert_readable_error(done, unknown)


def test_jobs_unreachable_server_is_a_readable_error(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    done = gala("jobs", "submit", "hello", "--url", url, *params(TINY), env=clean_env(tmp_path), timeout=60)
    assert_readable_error(done, url.removeprefix("http://"))


def test_jobs_wait_malformed_id_is_a_readable_error(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    done = gala("jobs", "wait", "not-a-uuid", "--url", url, env=clean_env(tmp_path), timeout=60)
    assert_readable_error(done, "not-a-uuid")


# --- gala up: a real process tree, stopped by a signal ---------------------------------------------


def _proc_stat(pid: int) -> tuple[int, str, int] | None:
    """(ppid, state, start time) of a live process, or None when it is gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = raw[raw.rindex(")") + 2 :].split()
    return int(fields[1]), fields[0], int(fields[19])


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def descendants(root: int) -> dict[int, int]:
    """Every live descendant of ``root``: pid -> start time (so a reused pid is not mistaken for it)."""
    children: dict[int, list[tuple[int, int]]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (stat := _proc_stat(int(entry.name))) is not None:
            children.setdefault(stat[0], []).append((int(entry.name), stat[2]))
    found: dict[int, int] = {}
    todo = [root]
    while todo:
        for pid, started in children.get(todo.pop(), []):
            found[pid] = started
            todo.append(pid)
    return found


def using_data_dir(data_dir: Path) -> dict[int, int]:
    """Live processes (other than this one) whose environment has ``GALA_DATA_DIR=data_dir``: pid -> start time.

    This finds a platform's processes even when they were orphaned, so their parent is no longer known.
    """
    needle = f"GALA_DATA_DIR={data_dir}".encode()
    found: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            environ = (entry / "environ").read_bytes().split(b"\0")
        except OSError:
            continue
        if needle in environ and (stat := _proc_stat(int(entry.name))) is not None and stat[1] != "Z":
            found[int(entry.name)] = stat[2]
    return found


def still_running(processes: Mapping[int, int]) -> list[str]:
    left = []
    for pid, started in processes.items():
        stat = _proc_stat(pid)
        if stat is not None and stat[2] == started and stat[1] != "Z":
            left.append(f"{pid} ({stat[1]}) {_cmdline(pid)}")
    return left


@dataclass
class Up:
    """``gala up`` as a child process, its output collected by a thread."""

    popen: subprocess.Popen[str]
    url: str
    data_dir: Path
    lines: list[str] = field(default_factory=list)
    seen: dict[int, int] = field(default_factory=dict)
    reader: threading.Thread | None = None

    def __post_init__(self) -> None:
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.popen.stdout is not None
        for line in self.popen.stdout:
            self.lines.append(line)

    @property
    def output(self) -> str:
        return "".join(self.lines)

    def wait_for(self, condition: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.popen.poll() is not None:
                raise AssertionError(f"gala up exited with {self.popen.returncode}:\n{self.output[-5000:]}")
            if condition == "healthy" and self._healthy():
                return
            if condition != "healthy" and condition in self.output:
                return
            time.sleep(0.2)
        raise AssertionError(f"gala up: no {condition!r} within {timeout:.0f} s:\n{self.output[-5000:]}")

    def _healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/health", timeout=2) as response:  # noqa: S310 - loopback
                return bool(response.status == 200)
        except OSError:
            return False

    def children(self) -> dict[int, int]:
        """The API and worker processes (and anything under them), remembered for the cleanup."""
        deadline = time.monotonic() + 20
        while True:
            found = descendants(self.popen.pid)
            self.seen.update(found)
            commands = [_cmdline(pid) for pid in found]
            api = any("gala.cli api" in c for c in commands)
            worker = any("-m worker" in c for c in commands)
            if (api and worker) or time.monotonic() > deadline:
                assert api, f"no API child among {commands}"
                assert worker, f"no worker child among {commands}"
                return found
            time.sleep(0.2)

    def stop(self, signum: int, timeout: float = 15.0) -> tuple[int, float]:
        started = time.monotonic()
        self.popen.send_signal(signum)
        try:
            code = self.popen.wait(timeout)
        except subprocess.TimeoutExpired:
            raise AssertionError(
                f"gala up still running {timeout:.0f} s after {signal.Signals(signum).name}:\n{self.output[-5000:]}"
            ) from None
        elapsed = time.monotonic() - started
        self._drain(timeout=5)
        return code, elapsed

    def _drain(self, timeout: float) -> None:
        """Wait for the output to end (every process holding the pipe gone), then close it."""
        assert self.reader is not None
        assert self.popen.stdout is not None
        self.reader.join(timeout)
        if not self.reader.is_alive():
            self.popen.stdout.close()

    def kill_everything(self) -> None:
        """Cleanup, also after a failure: the processes this test started, by pid (children by group)."""
        if self.popen.poll() is None:
            self.seen.update(descendants(self.popen.pid))
            self.popen.kill()
            self.popen.wait(10)
        self.seen.update(using_data_dir(self.data_dir))
        for pid, started in self.seen.items():
            stat = _proc_stat(pid)
            if stat is not None and stat[2] == started and stat[1] != "Z":
                try:
                    os.killpg(pid, signal.SIGKILL)
                except OSError:
                    os.kill(pid, signal.SIGKILL)
        if self.popen.stdout is not None and not self.popen.stdout.closed:
            self._drain(timeout=10)


@pytest.fixture
def start_up(tmp_path: Path) -> Iterator[Callable[..., Up]]:
    started: list[Up] = []

    def start(*extra: str) -> Up:
        port = free_port()
        popen = subprocess.Popen(
            [sys.executable, "-m", "gala.cli", "up", "--port", str(port), *extra],
            env=clean_env(tmp_path / "data"),  # also how kill_everything finds orphans
            cwd=tmp_path,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            errors="replace",
        )
        up = Up(popen, f"http://127.0.0.1:{port}", tmp_path / "data")
        started.append(up)
        return up

    yield start
    for up in started:
        up.kill_everything()


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_up_stops_cleanly(start_up: Callable[..., Up], signum: int, tmp_path: Path) -> None:
    up = start_up()
    up.wait_for("healthy", timeout=60)
    up.wait_for(f"GALA is up on {up.url}", timeout=10)
    assert (tmp_path / "data" / "gala.db").is_file()
    children = up.children()

    code, seconds = up.stop(signum)
    assert code == 0, up.output[-5000:]
    assert seconds < 15
    assert "stopping" in up.output
    assert not still_running(children), f"left running after {signal.Signals(signum).name}: {still_running(children)}"
    assert not still_running(using_data_dir(up.data_dir))


@pytest.mark.slow
def test_up_smoke(start_up: Callable[..., Up], tmp_path: Path) -> None:
    out = tmp_path / "smoke-out"
    up = start_up("--smoke", "--out", str(out))
    up.wait_for("Smoke test OK", timeout=180)
    children = up.children()
    media = probe(out / "hello.mp4")
    assert (media.video_codec, media.audio_codec) == ("h264", "aac")
    assert jpeg_size(out / "hello.jpg") == (media.width, media.height)

    code, _ = up.stop(signal.SIGINT)
    assert code == 0, up.output[-5000:]
    assert not still_running(children), still_running(children)
    assert not still_running(using_data_dir(up.data_dir))
