"""GALA — Generación Audiovisual Local con Avatares.

The API service and the domain. Dependencies point one way:
``gala.api -> gala.services -> gala.storage / gala.db``; the renderer and the worker live beside it.
"""

__version__ = "0.1.0"
