"""``briefing schedule``: every edition on one APScheduler, the jobs kept in the store's database.

Each edition has a daily job (``edition:NAME``) in the store's job table
(``briefing.store.jobs``), shared by every scheduler process on the store:
whichever process is up when a job is due runs it, and the claims of
``briefing.runs`` make each briefing once however many do. Each process also
has a recheck of its own (kept in memory) that every
``schedule.recheck_seconds`` makes any briefing that is due and not made —
one whose maker stopped mid-run here or on another machine, once its claim
is free — so a briefing is taken over without waiting for the next day.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence
from datetime import UTC

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED, EVENT_JOB_MISSED
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.schedulers.background import BackgroundScheduler

from briefing.delivery.smtp import credentials
from briefing.runs import CATCH_UP, SCHEDULED
from briefing.scheduling import BriefingScheduler
from briefing.store import Store
from briefing.store.jobs import job_store

log = logging.getLogger("briefing.scheduling")

#: the editions this process serves, by name: what a job read back from the store runs
_SERVING: dict[str, BriefingScheduler] = {}


def run_edition(edition: str) -> None:
    """The daily job of an edition (kept in the job table by this name: ``module:function``)."""
    scheduler = _SERVING.get(edition)
    if scheduler is None:
        log.warning("the job table has a job for edition %r, which this configuration does not have", edition)
        return
    scheduler.run_due(SCHEDULED)


def _recheck() -> None:
    for scheduler in list(_SERVING.values()):
        scheduler.run_due(CATCH_UP)


def serve_editions(schedulers: Sequence[BriefingScheduler], stop: threading.Event) -> None:
    """Run the editions' schedules until ``stop`` is set: catch up first, then each at its time."""
    first = schedulers[0].settings
    if first.email.enabled:
        credentials(first.email.smtp, os.environ)  # a missing SMTP login fails now, not at the first run
    with Store(first.store_url) as store:
        scheduler = BackgroundScheduler(timezone=UTC, jobstores={"default": job_store(store),
                                                                  "local": MemoryJobStore()})
        scheduler.start(paused=True)
        _add_jobs(scheduler, schedulers, first.schedule.recheck_seconds)
        scheduler.resume()
        try:
            for edition in schedulers:
                log.info("scheduler started: %s", edition.describe_schedule())
                edition.run_due(CATCH_UP)
                edition.log_next()
            while not stop.wait(0.5):
                pass
        finally:
            scheduler.shutdown(wait=True)
            _SERVING.clear()
            log.info("scheduler stopped")


def _add_jobs(scheduler: BackgroundScheduler, schedulers: Sequence[BriefingScheduler], recheck: float) -> None:
    for edition in schedulers:
        _SERVING[edition.edition] = edition
        edition._scheduler = scheduler
        window = edition.schedule.catch_up.total_seconds()
        scheduler.add_job(
            f"{__name__}:run_edition", edition.schedule.trigger(), args=[edition.edition], id=edition.job_id,
            name=f"daily briefing: {edition.edition}", replace_existing=True, coalesce=True, max_instances=1,
            misfire_grace_time=max(1, int(window)),
        )
        scheduler.add_listener(edition.log_next, EVENT_JOB_EXECUTED | EVENT_JOB_ERROR | EVENT_JOB_MISSED)
    served = {edition.job_id for edition in schedulers}
    for job in scheduler.get_jobs(jobstore="default"):
        if job.id.startswith("edition:") and job.id not in served:
            log.info("removing the job of %s, an edition no longer configured", job.id.removeprefix("edition:"))
            job.remove()
    scheduler.add_job(_recheck, "interval", seconds=recheck, id="recheck", jobstore="local", coalesce=True,
                      max_instances=1)
