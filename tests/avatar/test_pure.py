"""renderer.avatar stays a pure drawing core: Pillow, numpy and the standard library, nothing of PyAV or GALA."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import renderer.avatar

# cv2: the photo model (photo.py, face.py: OpenCV ships the cascades) and the puppet's placing (warpAffine);
# imported on first use, so checking a composition never loads it.
ALLOWED = {"PIL", "numpy", "cv2", "renderer"}


def test_avatar_modules_import_only_pillow_numpy_and_the_standard_library() -> None:
    folder = Path(renderer.avatar.__file__).parent
    modules = sorted(folder.glob("*.py"))
    assert len(modules) >= 6
    for module in modules:
        for node in ast.walk(ast.parse(module.read_text())):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            elif isinstance(node, ast.ImportFrom) and node.level > 1:  # from ..x: the rest of the renderer
                names = ["renderer." + (node.module or "")]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                assert top in ALLOWED or top in sys.stdlib_module_names or top == "__future__", (
                    f"{module.name} imports {name}"
                )
                if top == "renderer":
                    assert name == "renderer.visemes", f"{module.name} imports {name}"
