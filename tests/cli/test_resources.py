"""The resource commands against a running platform (API + worker on embedded defaults), as a user
runs them: ids on stdout, tables or ``--json``, progress on stderr, problems as short paragraphs."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner, Result

from gala.cli import main
from gala.platform import free_port
from tests.api import media
from tests.test_cli import TINY, RunningPlatform, jpeg_size, params, probe, runner_env

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
UNKNOWN = "01900000-0000-7000-8000-00000000dead"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

pytestmark = pytest.mark.slow


def run(platform: RunningPlatform, *args: str) -> Result:
    env = {**runner_env(Path(platform.env["GALA_DATA_DIR"])), "GALA_URL": platform.url}
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


def ok(result: Result) -> Result:
    assert result.exit_code == 0, f"{result.stdout}\n{result.stderr}"
    return result


def one_id(result: Result) -> str:
    ok(result)
    lines = result.stdout.split()
    assert len(lines) == 1, result.stdout
    assert UUID.match(lines[0]), result.stdout
    return lines[0]


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    made = {"logo.png": media.png((32, 32)), "beep.wav": media.wav()}
    for name, data in made.items():
        (tmp_path / name).write_bytes(data)
    return {name: tmp_path / name for name in made}


def test_assets_upload_list_show_download_rm(platform: RunningPlatform, files: dict[str, Path], tmp_path: Path) -> None:
    uploaded = ok(run(platform, "assets", "upload", str(files["logo.png"]), str(files["beep.wav"])))
    ids = uploaded.stdout.split()
    assert len(ids) == 2, uploaded.stdout
    assert all(UUID.match(i) for i in ids), uploaded.stdout
    assert "image/png" in uploaded.stderr
    assert "audio/wav" in uploaded.stderr

    table = ok(run(platform, "assets", "list")).stdout
    assert all(i in table for i in ids), table
    assert "logo.png" in table, table
    page = json.loads(ok(run(platform, "assets", "list", "--kind", "image", "--json")).stdout)
    assert ids[0] in [a["id"] for a in page["items"]]
    assert ids[1] not in [a["id"] for a in page["items"]]

    shown = ok(run(platform, "assets", "show", ids[1])).stdout
    assert "audio/wav" in shown, shown
    assert "sample_rate=8000" in shown, shown
    assert json.loads(ok(run(platform, "assets", "show", ids[1], "--json")).stdout)["kind"] == "audio"

    got = ok(run(platform, "assets", "download", ids[0], "-o", str(tmp_path / "back.png")))
    assert got.stdout.strip() == str(tmp_path / "back.png")
    assert (tmp_path / "back.png").read_bytes() == files["logo.png"].read_bytes()

    ok(run(platform, "assets", "rm", *ids))
    gone = run(platform, "assets", "show", ids[0])
    assert gone.exit_code == 1, gone.stderr
    assert f"404 Not Found: There is no asset {ids[0]}" in gone.stderr, gone.stderr


def test_a_big_upload_shows_progress(platform: RunningPlatform, tmp_path: Path) -> None:
    big = tmp_path / "long.wav"
    big.write_bytes(media.wav(b"\x80" * 5_000_000, rate=8000))  # over cli_support.BIG_FILE
    uploaded = run(platform, "assets", "upload", str(big))
    one_id(uploaded)
    assert "uploading long.wav" in uploaded.stderr, uploaded.stderr
    assert "5.0/5.0 MB" in uploaded.stderr, uploaded.stderr


def test_templates_create_update_show_preview_rm(platform: RunningPlatform, tmp_path: Path) -> None:
    template = one_id(run(platform, "templates", "create", str(EXAMPLES / "quote_card" / "template.json")))
    assert template in ok(run(platform, "templates", "list", "--name", "quote_card")).stdout

    patch = tmp_path / "patch.json"
    patch.write_text(json.dumps({"description": "the second version"}), encoding="utf-8")
    updated = run(platform, "templates", "update", template, str(patch))
    assert one_id(updated) == template
    assert "version 2" in updated.stderr
    shown = ok(run(platform, "templates", "show", template)).stdout
    assert "the second version" in shown, shown
    assert "2 (latest: 2)" in shown, shown
    assert "quote" in shown, shown
    first = json.loads(ok(run(platform, "templates", "show", template, "--version", "1", "--json")).stdout)
    assert first["version"] == 1
    assert first["description"] != "the second version"

    frame = tmp_path / "frame.jpg"
    ok(run(platform, "templates", "preview", template, "-t", "1.5", "--width", "320", "-o", str(frame)))
    assert jpeg_size(frame) == (320, 180)

    ok(run(platform, "templates", "rm", template))
    gone = run(platform, "templates", "show", template)
    assert gone.exit_code == 1
    assert "404" in gone.stderr


def test_models_create_list_show_rm(platform: RunningPlatform, files: dict[str, Path]) -> None:
    logo = one_id(run(platform, "assets", "upload", str(files["logo.png"])))
    model = one_id(run(platform, "models", "create", "Ana", "--ref", logo, "--language", "es", "--voice", "es"))
    listed = json.loads(ok(run(platform, "models", "list", "--json")).stdout)
    assert model in [m["id"] for m in listed["items"]]
    shown = ok(run(platform, "models", "show", model)).stdout
    assert logo in shown, shown
    assert "language=es" in shown, shown
    ok(run(platform, "models", "rm", model))
    assert run(platform, "models", "show", model).exit_code == 1


def test_models_preview_saves_the_presenters_strip(platform: RunningPlatform, tmp_path: Path) -> None:
    from gala.services.builtin import PRESENTER_ID

    target = tmp_path / "strip.jpg"
    out = ok(
        run(platform, "models", "preview", str(PRESENTER_ID), "--frames", "3", "--height", "120", "-o", str(target))
    )
    assert out.stdout.strip() == str(target)
    width, height = jpeg_size(target)
    assert height == 120, (width, height)
    assert width >= 3 * 60, "three frames side by side"


def test_jobs_list_show_cancel_download(platform: RunningPlatform, tmp_path: Path) -> None:
    submitted = ok(run(platform, "jobs", "submit", "hello", *params(TINY), "-o", str(tmp_path / "out")))
    job = re.search(r"job (\S+) done", submitted.stdout)
    assert job, submitted.stdout
    job_id = job.group(1)
    done = json.loads(ok(run(platform, "jobs", "list", "--status", "done", "--json")).stdout)
    assert job_id in [j["id"] for j in done["items"]]
    queued = json.loads(ok(run(platform, "jobs", "list", "--status", "queued", "--json")).stdout)
    assert job_id not in [j["id"] for j in queued["items"]]
    assert job_id in ok(run(platform, "jobs", "list")).stdout
    assert json.loads(ok(run(platform, "jobs", "show", job_id, "--json")).stdout)["status"] == "done"
    assert "100%" in ok(run(platform, "jobs", "show", job_id)).stdout

    refused = run(platform, "jobs", "cancel", job_id)
    assert refused.exit_code == 1
    assert f"409 Conflict: Job {job_id} is already done" in refused.stderr

    ok(run(platform, "jobs", "download", job_id, "-o", str(tmp_path / "again")))
    assert probe(tmp_path / "again" / "output.mp4").width == 160


def test_a_status_the_contract_does_not_define_is_a_usage_error(platform: RunningPlatform) -> None:
    result = run(platform, "jobs", "list", "--status", "finished")
    assert result.exit_code == 2
    assert "'finished' is not one of 'canceled', 'done', 'failed', 'queued', 'rendering', 'uploading'" in result.stderr


# --- bad input: each a short paragraph and the documented exit code ------------------------------


def test_a_template_that_breaks_the_schema(platform: RunningPlatform, tmp_path: Path) -> None:
    doc = json.loads((EXAMPLES / "quote_card" / "template.json").read_text(encoding="utf-8"))
    doc["composition"]["output"]["fps"] = 500
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    result = run(platform, "templates", "create", str(bad))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: 422 Unprocessable Content: "), result.stderr
    assert "\n  /composition/output/fps: 500 is greater than the maximum of 60" in result.stderr
    assert "Traceback" not in result.output


def test_a_hostile_upload_is_refused(platform: RunningPlatform, tmp_path: Path) -> None:
    hostile = tmp_path / "movie.mp4"
    hostile.write_bytes(b"#EXTM3U\n#EXTINF:10.0,\nfile:///etc/passwd\n#EXT-X-ENDLIST\n")
    result = run(platform, "assets", "upload", str(hostile))
    assert result.exit_code == 1
    assert f"Error: {hostile} was refused: 415 Unsupported Media Type: " in result.stderr, result.stderr
    assert "\n  /file: The file is not of a supported type." in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    "command", [("assets", "show"), ("templates", "show"), ("models", "show"), ("jobs", "show"), ("jobs", "wait")]
)
def test_an_unknown_id(platform: RunningPlatform, command: tuple[str, str]) -> None:
    result = run(platform, *command, UNKNOWN)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: 404 Not Found: There is no "), result.stderr
    assert UNKNOWN in result.stderr


def test_a_server_that_is_down(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    env = {**runner_env(tmp_path), "GALA_URL": url}
    result = CliRunner().invoke(main, ["templates", "list"], env=env)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: could not reach GALA at {url}: "), result.stderr
    assert "Is it running? Start one with `gala up`" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


# --- GALA_URL and GALA_API_KEY from .env -----------------------------------------------------------


class _Recorder(BaseHTTPRequestHandler):
    seen: ClassVar[list[dict[str, str]]] = []

    def do_GET(self) -> None:
        self.seen.append({"path": self.path, "authorization": self.headers.get("Authorization", "")})
        body = json.dumps({"items": [], "next_cursor": None}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def recorder() -> Iterator[tuple[str, list[dict[str, str]]]]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Recorder.seen = []
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", _Recorder.seen
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_url_and_api_key_come_from_dotenv(
    recorder: tuple[str, list[dict[str, str]]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, seen = recorder
    (tmp_path / ".env").write_text(f"GALA_URL={url}\nGALA_API_KEY=s3cret\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    env = {**runner_env(tmp_path / "data"), "GALA_API_KEY": None, "GALA_ENV_FILE": None}
    result = CliRunner().invoke(main, ["models", "list", "--json"], env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"items": [], "next_cursor": None}
    assert seen == [{"path": "/models", "authorization": "Bearer s3cret"}]


def test_no_api_key_sends_no_authorization(recorder: tuple[str, list[dict[str, str]]], tmp_path: Path) -> None:
    url, seen = recorder
    env = {**runner_env(tmp_path / "data"), "GALA_URL": url, "GALA_API_KEY": None, "GALA_ENV_FILE": None}
    result = CliRunner().invoke(main, ["models", "list"], env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == "nothing here"
    assert seen == [{"path": "/models", "authorization": ""}]


def test_a_photo_model_from_the_command_line(platform: RunningPlatform, tmp_path: Path) -> None:
    from renderer.avatar.samples import sample_portrait

    sample_portrait().save(tmp_path / "me.png")
    photo = one_id(run(platform, "assets", "upload", str(tmp_path / "me.png")))
    model = one_id(run(platform, "models", "create", "Me", "--kind", "photo", "--part", f"photo={photo}"))
    shown = json.loads(ok(run(platform, "models", "show", model, "--json")).stdout)
    assert shown["kind"] == "photo"
    assert shown["face"]["width"] > 200
    moved = run(
        platform, "models", "create", "Me2", "--kind", "photo", "--part", f"photo={photo}", "--anchor", "mouth_width=90"
    )
    assert (
        json.loads(ok(run(platform, "models", "show", one_id(moved), "--json")).stdout)["anchors"]["mouth_width"] == 90
    )
    bad = run(platform, "models", "create", "x", "--kind", "photo", "--part", "photo")
    assert bad.exit_code == 2
    assert "ROLE=ASSET" in bad.stderr
