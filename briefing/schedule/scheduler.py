"""``briefing schedule``: every edition on one APScheduler, the jobs kept in the store's database.

Each edition has a daily job (``edition:NAME``) in the store's job table
(``briefing.store.jobs``), shared by every scheduler process on the store:
whichever process is up when a job is due runs it, and the claims make each
briefing once however many do. Each process also has a recheck of its own
(kept in memory) that every ``schedule.recheck_seconds`` makes any briefing
that is due and not made — one whose maker stopped mid-run here or on another
machine, once its claim is free, or one whose run failed and whose retry is
due — so a briefing is taken over without waiting for the next day.

A failed run is tried again after ``schedule.retry_seconds``, then twice
that, and so on, for as long as it is at most ``schedule.catch_up_hours``
late; every failure and every retry is logged. A run that made the briefing
but could not e-mail every recipient is retried the same way, sending only
to those who have not had it.

Stopping. ``serve_editions`` returns once ``stop`` is set and the run under
way (if any) has finished. It never waits inside APScheduler's
``shutdown(wait=True)``: that holds the job store's lock which the job
thread's listener needs, and the process would hang.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED, EVENT_JOB_MISSED
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.schedulers.background import BackgroundScheduler

from briefing.config import DEFAULT_EDITION, Settings
from briefing.delivery.mailing import deliver_again
from briefing.delivery.smtp import credentials
from briefing.errors import BriefingError
from briefing.generation import run_briefing
from briefing.schedule.claims import current_owner
from briefing.schedule.history import CATCH_UP, FAILED, OK, SCHEDULED, SKIPPED, Clock, RunReport, utc_now
from briefing.schedule.trigger import LOOKBACK, CatchUpPlan, DailySchedule, DueRun, plan_catch_up
from briefing.selection import Period
from briefing.store.jobs import job_store
from briefing.store.runs import ALREADY_DONE, RunLog
from briefing.store_guard import open_store

log = logging.getLogger("briefing.scheduling")

#: the editions this process serves, by name: what a job read back from the store runs
_SERVING: dict[str, BriefingScheduler] = {}


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


@dataclass
class _Retry:
    """A failed run to try again: how often it failed, and not before when."""

    due: DueRun
    failures: int
    not_before: datetime
    made: bool  # the briefing was made; only the e-mail is to be tried again


class BriefingScheduler:
    """Runs one edition's daily briefing on schedule, makes up what a downtime missed, retries failures."""

    def __init__(self, settings: Settings, *, at: time | None = None, clock: Clock = utc_now,
                 run: Callable[..., RunReport] = run_briefing,
                 deliver: Callable[..., RunReport] = deliver_again) -> None:
        self.settings, self.clock, self.run, self.deliver = settings, clock, run, deliver
        self.edition = settings.edition_name
        self.schedule = DailySchedule.from_settings(settings, at)
        self.retry_after = timedelta(seconds=settings.schedule.retry_seconds)
        self.job_id = f"edition:{self.edition}"
        self.stopping = False
        self.under_way = ""  # what this edition is doing now, for a log line if the process is stopped hard
        self._retries: dict[date, _Retry] = {}
        self._scheduler: BackgroundScheduler | None = None
        self._busy = threading.Lock()  # the daily job and the recheck of one edition take turns

    def plan(self, now: datetime) -> CatchUpPlan:
        since = (now - LOOKBACK - timedelta(days=2)).astimezone(self.schedule.zone).date().isoformat()
        with open_store(self.settings) as store:
            runs = RunLog(store)
            last = runs.last_ok_period(self.edition, (SCHEDULED, CATCH_UP))
            settled = {date.fromisoformat(p) for p in runs.settled_periods(self.edition, since) if "_" not in p}
        return plan_catch_up(self.schedule, now, last_made=date.fromisoformat(last) if last else None,
                             settled=settled)

    def run_due(self, trigger: str = SCHEDULED) -> list[RunReport]:
        """Make every briefing due now and not made; log (and record) those too late to make."""
        with self._busy:
            if self.stopping:
                return []
            try:
                return self._run_due(trigger)
            finally:
                self.under_way = ""

    def wait_idle(self) -> None:
        """Stop starting runs, and return once the run under way (if any) has finished."""
        self.stopping = True
        while not self._busy.acquire(timeout=0.2):  # a timeout, so a signal handler can run meanwhile
            pass
        self._busy.release()

    def _run_due(self, trigger: str) -> list[RunReport]:
        now = self.clock()
        plan = self.plan(now)
        for missed in plan.skip:
            self._skip(missed, now)
        reports = []
        for index, due in enumerate(plan.run):
            retry = self._retries.get(due.briefing_day)
            if retry is not None and _utc(now) < _utc(retry.not_before):
                continue
            kind = SCHEDULED if trigger == SCHEDULED and index == len(plan.run) - 1 and retry is None else CATCH_UP
            reports.append(self._make(due, kind, now))
        for retry in [r for r in self._retries.values() if r.made and _utc(now) >= _utc(r.not_before)]:
            reports.append(self._deliver(retry, now))
        return [r for r in reports if r is not None]

    def _describe(self, due: DueRun) -> tuple[str, str]:
        local = _utc(due.fire_time).astimezone(self.schedule.zone)
        return f"{local:%H:%M}" + (f":{local:%S}" if local.second else ""), local.date().isoformat()

    def _skip(self, missed: DueRun, now: datetime) -> None:
        at, on = self._describe(missed)
        hours = missed.late_by(now).total_seconds() / 3600
        reason = (f"missed at {at} on {on}: {hours:.1f} hours late, beyond "
                  f"schedule.catch_up_hours ({self.schedule.catch_up.total_seconds() / 3600:g})")
        with open_store(self.settings) as store:
            fresh = RunLog(store).record_skip(edition=self.edition, period=missed.briefing_day.isoformat(),
                                              trigger=CATCH_UP, owner=current_owner(), now=now, reason=reason)
        if fresh:
            log.warning("skipping the %sfor %s %s", self._name(), missed.briefing_day, reason)

    def _make(self, due: DueRun, kind: str, now: datetime) -> RunReport | None:
        at, on = self._describe(due)
        retry = self._retries.get(due.briefing_day)
        if retry is not None:
            log.warning("trying the %sfor %s again (attempt %d)", self._name(), due.briefing_day, retry.failures + 1)
        elif kind == CATCH_UP:
            hours = due.late_by(now).total_seconds() / 3600
            log.warning("catching up the %sfor %s missed at %s on %s (%.1f hours late)", self._name(),
                        due.briefing_day, at, on, hours)
        else:
            log.info("making the %sfor %s, due at %s", self._name(), due.briefing_day, at)
        self.under_way = f"the {self._name()}for {due.briefing_day}"
        try:
            report = self.run(self.settings, Period.day(due.briefing_day), trigger=kind, clock=self.clock)
        except (BriefingError, OSError) as exc:
            log.error("the %sfor %s failed: %s", self._name(), due.briefing_day, exc)
            self._failed(due, made=False)
            return None
        _log_report(report, self._name())
        if report.outcome == FAILED:
            self._failed(due, made=True)
        else:
            self._retries.pop(due.briefing_day, None)
        return report

    def _deliver(self, retry: _Retry, now: datetime) -> RunReport | None:
        day = retry.due.briefing_day
        log.warning("e-mailing the %sfor %s again (attempt %d)", self._name(), day, retry.failures + 1)
        self.under_way = f"the e-mail of the {self._name()}for {day}"
        try:
            report = self.deliver(self.settings, Period.day(day), clock=self.clock)
        except (BriefingError, OSError) as exc:
            log.error("e-mailing the %sfor %s failed: %s", self._name(), day, exc)
            self._failed(retry.due, made=True)
            return None
        if report.outcome == OK:
            log.info("the %sfor %s is e-mailed to everyone (run #%d)", self._name(), day, report.run_id)
            self._retries.pop(day, None)
        else:
            log.error("e-mailing the %sfor %s failed: %s", self._name(), day, report.error)
            self._failed(retry.due, made=True)
        return report

    def _failed(self, due: DueRun, *, made: bool) -> None:
        """Plan the next attempt after a failure, ``retry_seconds`` doubled each time, within catch-up."""
        failures = self._retries[due.briefing_day].failures + 1 if due.briefing_day in self._retries else 1
        next_try = self.clock() + self.retry_after * 2 ** (failures - 1)
        if next_try - _utc(due.fire_time) > self.schedule.catch_up:
            log.error("giving up on the %sfor %s after %d failed attempt(s): a retry would be beyond "
                      "schedule.catch_up_hours", self._name(), due.briefing_day, failures)
            next_try = datetime.max.replace(tzinfo=UTC)
        else:
            local = next_try.astimezone(self.schedule.zone)
            log.warning("the %sfor %s will be tried again at %s (attempt %d)", self._name(), due.briefing_day,
                        f"{local:%Y-%m-%d %H:%M:%S %Z}", failures + 1)
        self._retries[due.briefing_day] = _Retry(due, failures, next_try, made)

    def describe_schedule(self) -> str:
        return (f"the {self._name()}runs at {self.schedule.at.isoformat()} on {','.join(self.schedule.days)} "
                f"({self.schedule.zone.key})")

    def _name(self) -> str:
        return "briefing " if self.edition == DEFAULT_EDITION else f"{self.edition} briefing "

    def log_next(self, event=None) -> None:
        """Log when this edition's next briefing is due (after its own job ran, or on start)."""
        if self.stopping or (event is not None and getattr(event, "job_id", None) != self.job_id):
            return
        job = self._scheduler.get_job(self.job_id) if self._scheduler else None
        if job and job.next_run_time:
            due = self.schedule.due(job.next_run_time)
            local = _utc(due.fire_time).astimezone(self.schedule.zone)
            label = "" if self.edition == DEFAULT_EDITION else f" ({self.edition})"
            log.info("next briefing%s: %s at %s (%s)", label, due.briefing_day, f"{local:%Y-%m-%d %H:%M:%S %Z}",
                     self.schedule.zone.key)


def _log_report(report: RunReport, name: str = "briefing ") -> None:
    day = report.period.slug
    if report.outcome == ALREADY_DONE:
        log.info("standing down: the %sfor %s is %s", name, day, report.error)
    elif report.outcome == SKIPPED:
        log.info("standing down: the %sfor %s is being made elsewhere: %s", name, day, report.error)
    elif report.outcome == OK:
        sent = sum(1 for d in report.deliveries if d.status == "sent")
        mailed = f"; e-mailed to {sent} recipient(s)" if report.deliveries else ""
        unsent = f"; {report.not_mailed_because}" if report.not_mailed_because else ""
        log.info("the %sfor %s is made (run #%d): %s%s%s", name, day, report.run_id, report.out_dir, mailed, unsent)
    else:
        log.error("the %sfor %s was made but: %s", name, day, report.error)


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


def under_way(schedulers: Sequence[BriefingScheduler]) -> list[str]:
    """What the editions are doing now (for the log line of a process stopped mid-run)."""
    return [s.under_way for s in schedulers if s.under_way]


def serve_editions(schedulers: Sequence[BriefingScheduler], stop: threading.Event) -> None:
    """Run the editions' schedules until ``stop`` is set: catch up first, then each at its time.

    Returns once ``stop`` is set and the run under way has finished.
    """
    first = schedulers[0].settings
    if first.email.enabled:
        credentials(first.email.smtp, os.environ)  # a missing SMTP login fails now, not at the first run
    with open_store(first) as store:
        scheduler = BackgroundScheduler(timezone=UTC, jobstores={"default": job_store(store),
                                                                  "local": MemoryJobStore()})
        scheduler.start(paused=True)
        _add_jobs(scheduler, schedulers, first.schedule.recheck_seconds)
        scheduler.resume()
        try:
            for edition in schedulers:
                log.info("scheduler started: %s", edition.describe_schedule())
            for edition in schedulers:
                if stop.is_set():
                    break
                edition.run_due(CATCH_UP)
                edition.log_next()
            while not stop.wait(0.5):
                pass
        finally:
            for edition in schedulers:
                edition.stopping = True
            scheduler.shutdown(wait=False)  # wait=True deadlocks with a job thread's listener; we wait below
            for edition in schedulers:
                edition.wait_idle()
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
