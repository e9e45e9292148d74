"""infra/ checked statically, since Docker cannot run in CI: the compose file and the Dockerfile
must agree with the code they deploy.

* every GALA service runs a real ``gala`` subcommand with options the command accepts (checked
  against the click command tree, and for ``gala worker`` against the worker's own parser),
  healthchecks included;
* every variable passed to a GALA service is one GALA reads (``gala.config.ENV_NAMES``, itself
  checked against ``Settings.from_env``'s source below);
* ports are the design document's (API 8080, Swagger UI 8081); the API's healthcheck paths are
  operations of the contract; queues are ``gala.queue``'s;
* the image is multi-stage, runs as a non-root user, and installs no system FFmpeg.
"""

from __future__ import annotations

import ast
import inspect
import re
import shlex
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import click
import pytest
import yaml

from gala import config, metrics
from gala.cli import main as gala_cli
from gala.jobs.stages import RENDER_QUEUE, SPEECH_QUEUE
from gala.queue import DEFAULT_QUEUE

ROOT = Path(__file__).resolve().parents[2]
INFRA = ROOT / "infra"
COMPOSE = INFRA / "docker-compose.yml"
DOCKERFILE = INFRA / "Dockerfile"
GALA_SERVICES = {"migrate", "api", "swagger-ui", "worker", "renderer"}
THIRD_PARTY = {"redis", "postgres", "minio", "prometheus"}
STUDIO = {"frontend"}  # nginx serving the web studio's build (infra/Dockerfile.studio)
# Variables GALA reads: Settings' own, plus prometheus_client's multiprocess directory.
GALA_ENV_NAMES = frozenset(config.ENV_NAMES) | frozenset(metrics.ENV_NAMES)


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    doc: dict[str, Any] = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))  # resolves anchors and <<
    return doc


@pytest.fixture(scope="module")
def services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = compose["services"]
    return found


def _argv(command: Any) -> list[str]:
    return list(map(str, command)) if isinstance(command, list) else shlex.split(str(command))


def check_gala_command(argv: list[str]) -> click.Command:
    """Parse ``argv`` (``gala ...``) exactly as the CLI would; raise if a command or option is unknown."""
    assert argv[:1] == ["gala"], f"not a gala command: {argv}"
    command: click.Command = gala_cli
    ctx = click.Context(gala_cli, info_name="gala")
    rest = argv[1:]
    while isinstance(command, click.Group):  # GALA's groups take no options of their own
        assert rest, f"{argv}: a group needs a subcommand"
        name, rest = rest[0], rest[1:]
        sub = command.get_command(ctx, name)
        assert sub is not None, f"{argv}: `{name}` is not a subcommand of `{ctx.command_path}`"
        command = sub
        if isinstance(command, click.Group):
            ctx = click.Context(command, info_name=name, parent=ctx)
        else:
            ctx = command.make_context(name, list(rest), parent=ctx)  # raises UsageError on a bad option
            rest = list(ctx.args)
    if command.name == "worker":
        from worker.__main__ import build_parser

        try:
            build_parser().parse_args(rest)
        except SystemExit as exc:
            raise AssertionError(f"{argv}: the worker rejects {rest}") from exc
    else:
        assert not rest, f"{argv}: unexpected arguments {rest}"
    return command


def test_check_gala_command_rejects_what_the_cli_rejects() -> None:
    check_gala_command(["gala", "api", "--port", "8080", "--workers", "2"])
    check_gala_command(["gala", "worker", "--queues", "gala.render", "--no-reaper"])
    for bad in (
        ["gala", "serve"],
        ["gala", "api", "--bogus"],
        ["gala", "api", "--port", "http"],
        ["gala", "worker", "--bogus"],
        ["celery", "worker"],
    ):
        with pytest.raises((AssertionError, click.UsageError)):
            check_gala_command(bad)


def test_every_gala_service_runs_a_real_gala_subcommand(services: dict[str, dict[str, Any]]) -> None:
    assert set(services) >= GALA_SERVICES | {"redis", "postgres"}
    assert set(services) <= GALA_SERVICES | THIRD_PARTY | STUDIO, "a new service: classify it in this test"
    names = {}
    for name in GALA_SERVICES:
        service = services[name]
        assert service["build"]["dockerfile"] == "infra/Dockerfile", name
        assert (INFRA / service["build"]["context"] / service["build"]["dockerfile"]).resolve() == DOCKERFILE
        names[name] = check_gala_command(_argv(service["command"])).name
    assert names == {
        "migrate": "migrate",
        "api": "api",
        "swagger-ui": "swagger-ui",
        "worker": "worker",
        "renderer": "worker",
    }


def test_healthchecks_are_gala_commands_on_real_paths(services: dict[str, dict[str, Any]]) -> None:
    spec = yaml.safe_load((ROOT / "openapi" / "gala.yaml").read_text(encoding="utf-8"))
    for name in GALA_SERVICES - {"migrate"}:
        test = services[name]["healthcheck"]["test"]
        assert test[0] == "CMD", name
        check_gala_command(test[1:])
        url = urlsplit(test[test.index("--url") + 1])
        assert url.hostname == "127.0.0.1", name
        if name == "api":
            assert url.port == 8080
            assert url.path in spec["paths"], f"{url.path} is not an operation of the contract"
            assert "get" in spec["paths"][url.path]
        elif name == "swagger-ui":
            assert (url.port, url.path) == (8081, "/healthz")
        else:  # workers: their own metrics endpoint
            env = services[name]["environment"]
            assert (url.port, url.path) == (int(env["WORKER_METRICS_PORT"]), "/metrics")
    # The contract's liveness and readiness both exist.
    assert {"/health", "/health/ready"} <= set(spec["paths"])
    for name in ("redis", "postgres"):
        assert services[name]["healthcheck"]["test"]


def test_every_variable_passed_is_one_gala_reads(services: dict[str, dict[str, Any]]) -> None:
    for name in GALA_SERVICES:
        passed = set(services[name].get("environment") or {})
        unknown = passed - GALA_ENV_NAMES
        assert not unknown, f"{name} sets {sorted(unknown)}, which GALA never reads"
        assert "env_file" not in services[name], "env_file would pass unchecked variables"
    shared = ("DATABASE_URL", "REDIS_URL", "STORAGE_PROVIDER", "STORAGE_LOCAL_ROOT", "GALA_DATA_DIR", "GALA_ENV")
    for name in ("migrate", "api", "worker", "renderer"):
        env = services[name]["environment"]
        for var in shared:
            assert env[var] == services["api"]["environment"][var], f"{name}: {var} differs from the API's"
    assert services["api"]["environment"]["GALA_ENV"] == "production"


class _RecordingEnv(Mapping[str, str]):
    """An empty environment that remembers every name it was asked about."""

    def __init__(self) -> None:
        self.asked: set[str] = set()

    def __contains__(self, key: object) -> bool:
        self.asked.add(str(key))
        return False

    def __getitem__(self, key: str) -> str:
        self.asked.add(key)
        raise KeyError(key)

    def get(self, key: str, default: Any = None) -> Any:
        self.asked.add(key)
        return default

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


def test_env_names_is_what_settings_reads() -> None:
    """``ENV_NAMES`` is exactly the set of names GALA's configuration looks up: every name
    ``Settings.from_env`` asks its mapping about, plus those config.py reads from ``os.environ``."""
    env = _RecordingEnv()
    config.Settings.from_env(env)
    read = set(env.asked)
    for node in ast.walk(ast.parse(inspect.getsource(config))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "get"
            and ast.unparse(node.func.value) == "os.environ"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            read.add(str(node.args[0].value))
    assert read == set(config.ENV_NAMES), (
        f"read but not in ENV_NAMES: {sorted(read - set(config.ENV_NAMES))}; "
        f"in ENV_NAMES but never read: {sorted(set(config.ENV_NAMES) - read)}"
    )
    assert len(config.ENV_NAMES) == len(set(config.ENV_NAMES))


def test_ports_match_the_design_document(services: dict[str, dict[str, Any]]) -> None:
    assert services["api"]["ports"] == ["8080:8080"]
    assert _argv(services["api"]["command"])[-4:-2] == ["--port", "8080"]
    assert services["swagger-ui"]["ports"] == ["8081:8081"]
    argv = _argv(services["swagger-ui"]["command"])
    assert argv[argv.index("--port") + 1] == "8081"
    spec_url = urlsplit(argv[argv.index("--spec-url") + 1])
    assert (spec_url.hostname, spec_url.port, spec_url.path) == ("api", 8080, "/openapi.json")
    cors = services["api"]["environment"]["API_CORS_ORIGINS"]
    assert ":8081" in cors, "Swagger UI's Try it out needs the API to allow its origin"


def test_queues_and_the_render_pool(services: dict[str, dict[str, Any]]) -> None:
    def queues(name: str) -> list[str]:
        argv = _argv(services[name]["command"])
        return argv[argv.index("--queues") + 1].split(",")

    assert queues("renderer") == [RENDER_QUEUE]
    assert queues("worker") == [DEFAULT_QUEUE, SPEECH_QUEUE]
    assert "--no-reaper" in _argv(services["renderer"]["command"])
    assert "--no-reaper" not in _argv(services["worker"]["command"])
    renderer = services["renderer"]
    assert "ports" not in renderer, "--scale renderer=N needs no published port"
    assert "container_name" not in renderer, "--scale renderer=N needs no fixed name"


def test_startup_order_and_volumes(compose: dict[str, Any], services: dict[str, dict[str, Any]]) -> None:
    assert services["migrate"]["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert services["migrate"]["restart"] == "no"
    for name in ("api", "worker", "renderer"):
        deps = services[name]["depends_on"]
        assert deps["migrate"]["condition"] == "service_completed_successfully", name
        assert deps["redis"]["condition"] == "service_healthy", name
    assert services["swagger-ui"]["depends_on"]["api"]["condition"] == "service_healthy"
    declared = set(compose["volumes"])
    for name, service in services.items():
        for volume in service.get("volumes") or []:
            source = volume.split(":", 1)[0]
            if not source.startswith((".", "/")):
                assert source in declared, f"{name}: volume {source} is not declared"
    for name in ("redis", "postgres"):
        assert any(not v.startswith((".", "/")) for v in services[name]["volumes"]), f"{name}: no named volume"
    for name in THIRD_PARTY - {"redis", "postgres"}:
        assert services[name].get("profiles"), f"{name} is optional: it belongs behind a profile"


def test_prometheus_scrapes_what_the_stack_serves(services: dict[str, dict[str, Any]]) -> None:
    prom = yaml.safe_load((INFRA / "prometheus.yml").read_text(encoding="utf-8"))
    jobs = {job["job_name"]: job for job in prom["scrape_configs"]}
    assert jobs["gala-api"]["static_configs"][0]["targets"] == ["api:8080"]
    for job, service in (("gala-renderer", "renderer"), ("gala-worker", "worker")):
        sd = jobs[job]["dns_sd_configs"][0]
        assert sd["names"] == [service]
        assert sd["port"] == int(services[service]["environment"]["WORKER_METRICS_PORT"])
    assert {job.get("metrics_path") for job in jobs.values()} == {"/metrics"}


def test_the_studio_service_builds_the_frontend_and_fronts_the_api(services: dict[str, dict[str, Any]]) -> None:
    studio = services["frontend"]
    dockerfile = (INFRA / studio["build"]["context"] / studio["build"]["dockerfile"]).resolve()
    assert dockerfile == INFRA / "Dockerfile.studio"
    assert studio["ports"] == ["8082:8082"]
    assert studio["depends_on"]["api"]["condition"] == "service_healthy"
    steps = _instructions(dockerfile.read_text(encoding="utf-8"))
    assert sum(word == "FROM" for word, _ in steps) == 2, "a node build stage and an nginx stage"
    assert ("RUN", "npm ci --no-audit --no-fund") in steps, "the lock file decides the packages"
    assert any(word == "COPY" and "--from=build" in rest and "dist" in rest for word, rest in steps)
    conf = (INFRA / "studio-nginx.conf").read_text(encoding="utf-8")
    assert "listen 8082;" in conf
    api_port = _argv(services["api"]["command"])[-3]
    assert f"proxy_pass http://api:{api_port};" in conf, "everything outside /studio goes to the API"
    assert "proxy_buffering off;" in conf, "job event streams must not be buffered"
    assert "try_files $uri /studio/index.html;" in conf, "deep links fall back to the studio's index"


# --------------------------------------------------------------------------- the Dockerfile


def _instructions(text: str) -> list[tuple[str, str]]:
    joined = re.sub(r"\\\n", " ", text)
    out = []
    for line in joined.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            out.append((word.upper(), rest.strip()))
    return out


def test_dockerfile_is_multi_stage_non_root_and_has_no_system_ffmpeg() -> None:
    steps = _instructions(DOCKERFILE.read_text(encoding="utf-8"))
    froms = [i for i, (word, _) in enumerate(steps) if word == "FROM"]
    assert len(froms) >= 2, "multi-stage: a build stage and a runtime stage"
    final = steps[froms[-1] :]
    assert any(word == "COPY" and "--from=" in rest for word, rest in final), "the runtime copies from the build"
    users = [rest for word, rest in final if word == "USER"]
    assert users, "the runtime stage must switch to a user"
    assert users[-1].split(":")[0] not in {"root", "0"}
    for word, rest in steps:
        if word == "RUN":
            assert not re.search(r"\b(ffmpeg|libav\w*|libx264\w*)\b", rest), f"system FFmpeg installed: {rest}"
    # The final stage installs no system packages at all (PyAV and psycopg wheels bundle theirs).
    assert not any(word == "RUN" and re.search(r"apt-get|apk add", rest) for word, rest in final)
    cmd = next(rest for word, rest in reversed(final) if word == "CMD")
    check_gala_command(yaml.safe_load(cmd))
    ignore = (INFRA / "Dockerfile.dockerignore").read_text(encoding="utf-8").split()
    assert {".git", ".venv", "data"} <= set(ignore)
