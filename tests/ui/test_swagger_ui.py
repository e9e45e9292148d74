"""Swagger UI at ``/ui/`` really renders the OpenAPI 3.1 document, checked in headless Chromium.

The app runs under uvicorn on a loopback port; Debian's ``/usr/bin/chromium`` loads ``/ui/``,
lets Swagger UI fetch ``/openapi.json`` and render, then dumps the resulting DOM and takes a
screenshot (kept under the test's ``tmp_path``). The DOM must carry the "OAS 3.1" stamp, no
error panel, and one operation block per operation of ``openapi/gala.yaml``.

Without Chromium the test is skipped on a workstation but fails when ``CI`` is set.
"""

from __future__ import annotations

import os
import re
import socket
import struct
import subprocess
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import uvicorn
import yaml

from gala.app import create_app, spec_path
from gala.config import Settings
from gala.migrate import upgrade

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_TIMEOUT_S = 90
SERVER_START_TIMEOUT_S = 30
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# Swagger UI 5.x renders the "Schemas" section as a virtual list from this many schemas on.
SWAGGER_UI_VIRTUALIZES_AT = 100

# Markers of Swagger UI's failure states: the unsupported-version notice ("Unable to render this
# definition", in a ``version-pragma`` block), the fetch/parse error panel (``errors-wrapper``)
# and the "Failed to load API definition." notice.
ERROR_MARKERS = (
    "Unable to render this definition",
    'class="version-pragma',
    'class="errors-wrapper',
    "Failed to load API definition",
    "Resolver error",
    "Parser error",
)

pytestmark = pytest.mark.browser


# ----------------------------------------------------------------------------- the live server


def _free_socket() -> socket.socket:
    """A listening-ready socket on a free loopback port, handed to uvicorn so no race is left."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


def _get(url: str, timeout: float) -> int:
    # No proxy: a CI runner's HTTP(S)_PROXY must not swallow loopback requests.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(url, timeout=timeout) as response:
        status: int = response.status
        return status


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[str]:
    yield from _serve(tmp_path, Settings(data_dir=tmp_path / "data"))


@pytest.fixture
def secured_server(tmp_path: Path) -> Iterator[str]:
    """The same app with API keys required (as compose runs it)."""
    yield from _serve(tmp_path, Settings(data_dir=tmp_path / "data", api_auth="required"))


def _serve(tmp_path: Path, settings: Settings) -> Iterator[str]:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    upgrade(settings)
    app = create_app(settings)

    sock = _free_socket()
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="uvicorn", daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while True:
            assert thread.is_alive(), "uvicorn stopped while starting; see the captured log"
            try:
                if _get(f"{base}/health", timeout=2) == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, f"/health did not answer within {SERVER_START_TIMEOUT_S} s"
            time.sleep(0.1)
        yield base
    finally:
        server.should_exit = True
        thread.join(timeout=15)
        sock.close()
        app.app.extensions["gala"].close()
        assert not thread.is_alive(), "uvicorn did not shut down within 15 s"


# ----------------------------------------------------------------------------- reading the DOM


@dataclass
class OpBlock:
    id: str
    classes: list[str]
    path: str | None = None
    method_label: str = ""


class SwaggerDom(HTMLParser):
    """Collects what the assertions need from Swagger UI's rendered markup."""

    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.opblocks: list[OpBlock] = []
        self.version_stamps: list[str] = []
        self.title_text = ""
        self.schema_titles: list[str] = []
        self._capture: str | None = None
        self._buffer: list[str] = []
        self._stack: list[tuple[str, list[str]]] = []
        self._in_title = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k: v or "" for k, v in attrs}
        classes = attr.get("class", "").split()
        if tag not in self.VOID:
            self._stack.append((tag, classes))
        if "opblock" in classes:
            self.opblocks.append(OpBlock(id=attr.get("id", ""), classes=classes))
        elif "opblock-summary-path" in classes and self.opblocks and self.opblocks[-1].path is None:
            self.opblocks[-1].path = attr.get("data-path", "")
        elif "opblock-summary-method" in classes:
            self._start_capture("method")
        elif tag == "pre" and "version" in classes and self._inside("version-stamp"):
            self._start_capture("stamp")
        elif "json-schema-2020-12__title" in classes and self._inside_level0_schema():
            self._start_capture("schema")
        if tag == "h1" and "title" in classes:
            self._in_title = len(self._stack)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if self._capture is not None and self._stack and self._stack[-1][0] == tag:
            self._finish_capture()
        if self._in_title and len(self._stack) == self._in_title:
            self._in_title = 0
        # Tolerate the odd unbalanced tag: pop back to the matching opener.
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i][0] == tag:
                del self._stack[i:]
                break

    def handle_data(self, data: str) -> None:
        if self._capture is not None:
            self._buffer.append(data)
        if self._in_title:
            self.title_text += data

    def _inside(self, cls: str) -> bool:
        return any(cls in classes for _, classes in self._stack)

    def _inside_level0_schema(self) -> bool:
        # Only the top-level schema headings of the "Schemas" section, not nested properties.
        heads = [classes for _, classes in self._stack if "json-schema-2020-12" in classes]
        return self._inside("models") and len(heads) == 1

    def _start_capture(self, what: str) -> None:
        self._capture = what
        self._buffer = []

    def _finish_capture(self) -> None:
        text = " ".join("".join(self._buffer).split())
        if self._capture == "method" and self.opblocks:
            self.opblocks[-1].method_label = text
        elif self._capture == "stamp":
            self.version_stamps.append(text)
        elif self._capture == "schema":
            self.schema_titles.append(text)
        self._capture = None


def _deep_link_id(tag: str, operation_id: str) -> str:
    """Swagger UI's element id for an operation: ``operations-<tag>-<operationId>``.

    Whitespace becomes ``%20`` and the result goes through ``CSS.escape``, which backslash-escapes
    ASCII punctuation other than ``-`` and ``_``: ``jobs.create`` renders as ``jobs\\.create``.
    """
    raw = re.sub(r"\s", "%20", f"operations-{tag}-{operation_id}")
    return re.sub(r"([\x21-\x2c\x2e\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7e])", r"\\\1", raw)


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


# ----------------------------------------------------------------------------- the test


@pytest.fixture
def chromium() -> Path:
    """Debian's Chromium; requested before ``live_server`` so a skip starts no server."""
    if CHROMIUM.exists():
        return CHROMIUM
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing; CI must install it (apt-get install -y chromium)")
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install -y chromium)")


def _operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method, path, op)
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if method in HTTP_METHODS
    ]


def _stderr_tail(stderr: str) -> str:
    # Chromium complains about the absent D-Bus on every run; that noise hides the real cause.
    lines = [line for line in stderr.splitlines() if ":ERROR:dbus/" not in line]
    return "\n".join(lines[-40:])


def _render(chromium: Path, url: str, tmp_path: Path) -> tuple[str, Path, Path, str]:
    """Load ``url`` in headless Chromium: its DOM once rendered, where it was saved, a screenshot."""
    screenshot = tmp_path / "swagger.png"
    dom_file = tmp_path / "swagger.html"
    command = [
        str(chromium),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--no-proxy-server",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
        # Virtual time stops while requests are pending, so the budget covers fetch + render.
        "--virtual-time-budget=15000",
        "--window-size=1280,4000",
        f"--screenshot={screenshot}",
        "--dump-dom",
        url,
    ]
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=CHROMIUM_TIMEOUT_S,
    )
    dom = result.stdout
    dom_file.write_text(dom, encoding="utf-8")
    stderr_tail = _stderr_tail(result.stderr)
    assert result.returncode == 0, f"chromium exited {result.returncode}:\n{stderr_tail}"
    assert 'id="swagger-ui"' in dom, f"no Swagger UI page in the dumped DOM ({dom_file}):\n{stderr_tail}"
    return dom, dom_file, screenshot, stderr_tail


def test_swagger_ui_renders_every_operation_of_the_31_spec(chromium: Path, live_server: str, tmp_path: Path) -> None:
    spec = yaml.safe_load(spec_path().read_text(encoding="utf-8"))
    assert str(spec["openapi"]).startswith("3.1."), "this test is about rendering a 3.1 document"
    operations = _operations(spec)
    assert operations, "the spec has no operations"

    dom, dom_file, screenshot, stderr_tail = _render(chromium, f"{live_server}/ui/", tmp_path)

    # The screenshot is the artifact a person looks at; it must exist at the requested size.
    assert screenshot.is_file(), f"chromium wrote no screenshot:\n{stderr_tail}"
    assert _png_size(screenshot) == (1280, 4000)

    for marker in ERROR_MARKERS:
        assert marker not in dom, f"Swagger UI shows an error ({marker!r}); DOM in {dom_file}"

    parsed = SwaggerDom()
    parsed.feed(dom)
    parsed.close()

    # Header: title, API version and the "OAS 3.1" stamp Swagger UI derives from `openapi`.
    major_minor = ".".join(str(spec["openapi"]).split(".")[:2])
    assert parsed.version_stamps == [f"OAS {major_minor}"], f"version stamp: {parsed.version_stamps}"
    assert spec["info"]["title"] in parsed.title_text
    assert str(spec["info"]["version"]) in parsed.title_text

    # One block per (tag, operation): Swagger UI lists an operation under each of its tags, or
    # under "default" when it has none. With one tag per operation this is the operation count.
    expected_ids = sorted(
        _deep_link_id(tag, op["operationId"])
        for _, _, op in operations
        if "operationId" in op
        for tag in (op.get("tags") or ["default"])
    )
    expected_blocks = sum(len(op.get("tags") or ["default"]) for _, _, op in operations)
    rendered_ids = sorted(block.id for block in parsed.opblocks)
    assert len(parsed.opblocks) == expected_blocks, (
        f"{len(parsed.opblocks)} operation blocks rendered, spec has {len(operations)} operations "
        f"({expected_blocks} tag placements); missing: {sorted(set(expected_ids) - set(rendered_ids))}"
    )
    assert set(expected_ids) <= set(rendered_ids), f"missing: {sorted(set(expected_ids) - set(rendered_ids))}"

    # And each block shows its path with the right method, in the label and the colour class.
    rendered = {(block.method_label.lower(), block.path) for block in parsed.opblocks}
    for block in parsed.opblocks:
        assert f"opblock-{block.method_label.lower()}" in block.classes, block
    missing = sorted({(method, path) for method, path, _ in operations} - rendered)
    assert not missing, f"operations not rendered (method, path): {missing}"

    # The "Schemas" section lists every component schema (3.1 goes through the 2020-12 renderer).
    schemas = spec.get("components", {}).get("schemas", {})
    expected_titles = [str(s.get("title") or name) for name, s in schemas.items()]
    if len(schemas) >= SWAGGER_UI_VIRTUALIZES_AT:
        # Swagger UI 5 then virtualizes the list: only the schemas scrolled into view are in the
        # DOM, so the first ones must be there, in the spec's order.
        assert "models--virtualized" in dom
        assert len(parsed.schema_titles) >= 10, parsed.schema_titles
        assert parsed.schema_titles == expected_titles[: len(parsed.schema_titles)]
    else:
        assert sorted(parsed.schema_titles) == sorted(expected_titles)


def test_swagger_ui_offers_authorize_with_keys_required(chromium: Path, secured_server: str, tmp_path: Path) -> None:
    """With keys required, the page reads the contract's securitySchemes: an "Authorize" button,
    and a lock on every operation but the two health probes (the key it is given goes into each
    "Try it out" request as ``Authorization: Bearer``; the API's CORS preflight allows it, see
    tests/api/test_auth.py)."""
    spec = yaml.safe_load(spec_path().read_text(encoding="utf-8"))
    secured = [op for _, _, op in _operations(spec) if op.get("security", spec.get("security")) != []]
    dom, dom_file, _, _ = _render(chromium, f"{secured_server}/ui/", tmp_path)
    for marker in ERROR_MARKERS:
        assert marker not in dom, f"Swagger UI shows an error ({marker!r}); DOM in {dom_file}"
    assert re.search(r'<button class="btn authorize[^"]*"', dom), f"no Authorize button; DOM in {dom_file}"
    locks = len(re.findall(r'class="authorization__btn', dom))
    assert locks == len(secured), f"{locks} operation locks, {len(secured)} secured operations; DOM in {dom_file}"
