"""Stage "fetching assets": the media the composition names, as local files.

Spoken clips get their synthesized speech back from the cache the speech stage filled (it ran on
another queue, maybe another host), so their WAVs are fetched with the rest.
"""

from __future__ import annotations

from gala.jobs.fetch import Abandoned, localize
from gala.jobs.speech import AssetStore, bind_models, recording_digest, rig_assets, stored_assets
from gala.jobs.stages import StageFailed, StageStopped
from gala.speech.resolve import attach_cached
from gala.storage import StorageError
from worker.context import StageContext


def run(ctx: StageContext) -> None:
    claim = ctx.claim
    try:
        found, missing = attach_cached(
            claim.composition,
            AssetStore(ctx.rt),
            digests=lambda asset: recording_digest(ctx.rt, asset),
            voice_defaults=bind_models(ctx.rt, claim.composition),
        )
        if missing:
            # The render would fail on them; say why here (a speech asset deleted between the stages).
            raise StageFailed(
                "speech_error", f"The synthesized speech of {len(missing)} clip(s) is missing; submit the job again."
            )
        claim.assets.extend(stored_assets(ctx.rt, [r.asset for r in found]))
        have = {str(a.id) for a in claim.assets}  # a puppet's or photo's images, named by its rig
        claim.assets.extend(stored_assets(ctx.rt, [a for a in rig_assets(claim.composition) if a not in have]))
        # localfs paths as they are; other providers' objects streamed into the staging directory.
        ctx.files, ctx.downloaded = localize(
            ctx.rt, claim.assets, claim.staging_dir / "assets", should_stop=ctx.beat.should_cancel
        )
    except Abandoned:
        raise StageStopped() from None
    except StorageError as exc:
        raise StageFailed("storage_error", f"An asset could not be read: {exc}", retry=not exc.permanent) from exc
