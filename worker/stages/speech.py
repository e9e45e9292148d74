"""Stage "synthesizing speech": every `speech` and `avatar` clip's words, spoken (or found in the cache).

The audio and timing go to storage as cached assets (gala.jobs.speech), since the next stage runs on
the render queue, maybe on another host; it attaches them again from the cache. A job without such
clips passes at once. An engine that crashes or hangs (a helper process, never this worker) is retried
like a storage hiccup, then fails the job with the engine's words; words that cannot be spoken fail it
at once.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from gala.jobs.fetch import Abandoned, localize
from gala.jobs.speech import AssetStore, bind_models, recording_digest
from gala.jobs.stages import StageFailed, StageStopped
from gala.speech import SpeechError, SpeechInputError
from gala.speech.resolve import Engines, resolve, spoken_clips
from gala.storage import StorageError
from worker.context import StageContext

log = logging.getLogger("gala.worker")


def run(ctx: StageContext) -> None:
    claim = ctx.claim
    clips = list(spoken_clips(claim.composition))
    if not clips:
        return
    started = time.perf_counter()

    def recording(asset: str) -> tuple[Path, str]:
        stored = [a for a in claim.assets if str(a.id) == asset]
        files, downloaded = localize(ctx.rt, stored, claim.staging_dir / "assets", should_stop=ctx.beat.should_cancel)
        ctx.downloaded.extend(downloaded)
        return Path(files[asset].path), recording_digest(ctx.rt, asset)

    def progress(percent: float) -> None:
        if ctx.beat.should_cancel():
            raise StageStopped()
        ctx.beat.progress(percent)

    engines = Engines()
    try:
        found = resolve(
            claim.composition,
            AssetStore(ctx.rt),
            engines,
            claim.staging_dir / "speech",
            recordings=recording,
            voice_defaults=bind_models(ctx.rt, claim.composition),
            progress=progress,
        )
    except Abandoned:
        raise StageStopped() from None
    except SpeechInputError as exc:
        raise StageFailed("speech_error", f"The words cannot be spoken ({exc.field}): {exc}") from exc
    except SpeechError as exc:
        log.warning("speech synthesis failed job_id=%s: %s", claim.job_id, exc)
        raise StageFailed("speech_error", f"Speech synthesis failed: {exc}", retry=True) from exc
    except StorageError as exc:
        raise StageFailed("storage_error", f"Speech could not be stored: {exc}", retry=not exc.permanent) from exc
    finally:
        engines.close()
    log.info(
        "speech job_id=%s clips=%d synthesized=%d seconds=%.2f worker=%s",
        claim.job_id,
        len(clips),
        sum(r.synthesized for r in found),
        time.perf_counter() - started,
        ctx.hostname,
    )
