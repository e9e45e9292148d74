"""Stage implementations, one module each, named by dotted path in ``gala.jobs.stages.PIPELINE``.

Each exposes ``run(ctx: worker.context.StageContext) -> None`` and raises
``gala.jobs.stages.StageFailed`` / ``StageStopped`` to end the attempt.
"""
