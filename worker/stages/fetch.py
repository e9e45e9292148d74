"""Stage "fetching assets": the media the composition names, as local files."""

from __future__ import annotations

from gala.jobs.fetch import Abandoned, localize
from gala.jobs.stages import StageFailed, StageStopped
from gala.storage import StorageError
from worker.context import StageContext


def run(ctx: StageContext) -> None:
    # localfs paths as they are; other providers' objects streamed into the staging directory.
    try:
        ctx.files, ctx.downloaded = localize(
            ctx.rt, ctx.claim.assets, ctx.claim.staging_dir / "assets", should_stop=ctx.beat.should_cancel
        )
    except Abandoned:
        raise StageStopped() from None
    except StorageError as exc:
        raise StageFailed("storage_error", f"An asset could not be read: {exc}", retry=not exc.permanent) from exc
