"""GALA's Celery worker: thin tasks over the gala services and the renderer.

Run it with ``gala worker`` (or ``python -m worker``). Settings come from the environment,
exactly as for the API.
"""
