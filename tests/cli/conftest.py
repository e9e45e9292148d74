"""The CLI tests share the platform fixtures of tests/test_cli.py: a module-wide running platform
(``platform``) and ``gala up`` as a real process tree (``start_up``)."""

from tests.test_cli import platform, start_up

__all__ = ["platform", "start_up"]
