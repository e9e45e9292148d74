"""The steps of one attempt, in the order a worker takes them, for code that drives an attempt by
hand (tests of the storage side do): claim -> (render) -> store and finalise -> cleanup; or
fail / retry later. Each name is defined in the module that owns it."""

from __future__ import annotations

from gala.jobs.claim import Claim
from gala.jobs.finalise import store_and_finalise
from gala.jobs.formats import Output
from gala.jobs.lease import claim
from gala.jobs.outcome import fail, retry_later
from gala.jobs.reaper import reap
from gala.jobs.staging import cleanup_staging

__all__ = ["Claim", "Output", "claim", "cleanup_staging", "fail", "reap", "retry_later", "store_and_finalise"]
