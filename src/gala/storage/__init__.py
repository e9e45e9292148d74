"""Storage: where asset bytes live. One small interface; one module per provider.

Every asset row records its own ``provider`` and ``object_key``, so a deployment can switch
``STORAGE_PROVIDER`` for new outputs and still serve older assets from where they were put.
"""

from __future__ import annotations

from gala.storage.base import ObjectNotFound, ObjectStat, Storage, StorageError, StorageRegistry

__all__ = ["ObjectNotFound", "ObjectStat", "Storage", "StorageError", "StorageRegistry"]
