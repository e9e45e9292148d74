"""The API serves the studio's build at /studio (src/gala/studio.py): files as they are, hashed
assets cached for good, deep links answered with index.html, nothing outside the build, and a
page saying how to build it where there is no build. Uses a stand-in build in tmp_path, so it
runs without Node.js."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from werkzeug.test import TestResponse

from gala import studio


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    root = tmp_path / "dist"
    (root / "assets").mkdir(parents=True)
    (root / "index.html").write_text("<!doctype html><title>studio</title>", encoding="utf-8")
    (root / "assets" / "index-abc123.js").write_text("console.log(1)", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("outside", encoding="utf-8")
    return root


class Client:
    """Flask's test client, each answer read whole and closed (file answers hold the file open)."""

    def __init__(self, dist: Path) -> None:
        app = Flask(__name__)
        studio.install(app, dist)
        self._client = app.test_client()

    def get(self, path: str) -> TestResponse:
        answer = self._client.get(path)
        answer.get_data()
        answer.close()
        return answer


def client(dist: Path) -> Client:
    return Client(dist)


def test_files_deep_links_and_caching(dist: Path) -> None:
    c = client(dist)
    assert c.get("/studio").status_code == 308
    assert c.get("/studio").headers["Location"].endswith("/studio/")
    index = c.get("/studio/")
    assert index.status_code == 200
    assert b"<title>studio</title>" in index.data
    assert index.headers["Cache-Control"] == "no-cache"
    deep = c.get("/studio/templates/1234/edit")
    assert deep.status_code == 200
    assert deep.data == index.data
    js = c.get("/studio/assets/index-abc123.js")
    assert js.status_code == 200
    assert js.data == b"console.log(1)"
    assert "javascript" in js.headers["Content-Type"]
    assert "immutable" in js.headers["Cache-Control"]


def test_a_missing_asset_is_404_not_the_index(dist: Path) -> None:
    missing = client(dist).get("/studio/assets/gone-000.js")
    assert missing.status_code == 404
    assert b"<title>" not in missing.data


def test_nothing_outside_the_build_is_served(dist: Path) -> None:
    c = client(dist)
    for path in ("/studio/../secret.txt", "/studio/%2e%2e/secret.txt", "/studio/assets/../../secret.txt"):
        answer = c.get(path)
        assert b"outside" not in answer.data, path


def test_without_a_build_the_page_says_how_to_build_it(tmp_path: Path) -> None:
    answer = client(tmp_path / "no-dist").get("/studio/templates")
    assert answer.status_code == 503
    assert answer.mimetype == "text/html"
    assert b"make studio" in answer.data


def test_the_api_serves_the_studio(tmp_path: Path) -> None:
    """Mounted on the real app beside /ui, reached through every middleware."""
    from gala.app import create_app
    from gala.config import Settings
    from gala.migrate import upgrade

    settings = Settings(data_dir=tmp_path / "data")
    upgrade(settings)
    app = create_app(settings)
    try:
        answer = app.test_client().get("/studio/jobs")
        assert answer.status_code in (200, 503)  # built here, or the how-to-build page
        assert answer.headers["content-type"].startswith("text/html")
    finally:
        app.app.extensions["gala"].close()
