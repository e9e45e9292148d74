"""A job's life, one module per concern (nothing here imports PyAV: the API imports this package).

* :mod:`~gala.jobs.state`: the status enum and its allowed transitions;
* :mod:`~gala.jobs.stages`: the pipeline (fetch assets -> render -> store), each stage's queue,
  status, progress share and retry policy, declared in one table;
* :mod:`~gala.jobs.transition`: every state change, a compare-and-set plus its event;
* :mod:`~gala.jobs.events`: the ``job_events`` outbox (the feed, and dispatches to send);
* :mod:`~gala.jobs.dispatch`: sending after commit, and the relay that re-sends;
* :mod:`~gala.jobs.lease`: claiming a job for one attempt, the heartbeat, stage changes;
* :mod:`~gala.jobs.fetch`: the assets a composition names, as local files;
* :mod:`~gala.jobs.formats`: the output-format table;
* :mod:`~gala.jobs.finalise` / :mod:`~gala.jobs.outcome`: how an attempt ends (done; failed,
  retried, canceled); :mod:`~gala.jobs.staging`: the golden rule for local files;
* :mod:`~gala.jobs.reaper`: expired leases, lost messages, old staging directories.

The stage implementations live on the worker side (``worker/stages/``), named by dotted path in
:mod:`~gala.jobs.stages`, so nothing the API imports reaches the renderer.
"""
