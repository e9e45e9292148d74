"""The voice tests reuse the worker tests' stack (the API in this process, real Celery workers)."""

from tests.worker.conftest import stack

__all__ = ["stack"]
