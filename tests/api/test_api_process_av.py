"""The API process never imports PyAV (``av``) nor OpenCV: media work runs in its sandbox processes.

A fresh interpreter builds the app, uploads an image, previews a frame and creates a job, then
reports whether ``av`` was imported and, if so, by which chain of modules (the first import).
The import-linter contract "the API process does not import av" checks the same statically.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = r"""
import builtins, io, json, sys, traceback
from pathlib import Path

first = []
_import = builtins.__import__

def watch(name, globals=None, locals=None, fromlist=(), level=0):
    if not first and (name == "av" or name.startswith("av.")) and "av" not in sys.modules:
        frames = traceback.extract_stack()[:-1]
        first.append([f.filename.split("site-packages/")[-1] for f in frames if "importlib" not in f.filename][-8:])
    return _import(name, globals, locals, fromlist, level)

builtins.__import__ = watch

from gala.config import Settings
from gala.migrate import upgrade

settings = Settings(data_dir=Path(sys.argv[1]))
upgrade(settings)
from gala.app import create_app
from gala.services.builtin import HELLO_ID
from PIL import Image

app = create_app(settings)
client = app.test_client()
png = io.BytesIO()
Image.new("RGB", (16, 9), "red").save(png, "PNG")
statuses = [
    client.post("/assets", files={"file": ("red.png", png.getvalue(), "image/png")}).status_code,
    client.post(f"/templates/{HELLO_ID}/preview", json={"t": 1, "width": 160}).status_code,
    client.post("/jobs", json={"template_id": str(HELLO_ID), "params": {"title": "Hola"}}).status_code,
]
# A photo model: its face is located (OpenCV) in the sandbox, never here.
from renderer.avatar.samples import sample_portrait
portrait = io.BytesIO()
sample_portrait().save(portrait, "PNG")
photo = client.post("/assets", files={"file": ("me.png", portrait.getvalue(), "image/png")}).json()["id"]
refs = [{"asset_id": photo, "role": "photo"}]
made = client.post("/models", json={"name": "me", "kind": "photo", "reference_assets": refs})
statuses.append(made.status_code)
app.app.extensions["gala"].close()
print(json.dumps({"statuses": statuses, "av": "av" in sys.modules, "cv2": "cv2" in sys.modules, "first": first}))
"""


def test_the_api_process_never_imports_av(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "data")], capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr[-3000:]
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report["statuses"] == [201, 200, 201, 201]
    assert not report["av"], f"the API process imported av; first through: {report['first']}"
    assert not report["cv2"], "the API process imported OpenCV (a photo's face is located in the sandbox)"


def test_the_upload_path_is_av_free_already() -> None:
    """What this branch owns (uploads, the sandbox pool, storage) imports no av even before the merge."""
    code = (
        "import sys\n"
        "import gala.app, gala.api.assets, gala.services.assets, gala.sandbox, gala.storage.providers\n"
        "print('av' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-W", "ignore", "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "False", out.stderr[-2000:]
