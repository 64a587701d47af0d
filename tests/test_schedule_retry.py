"""A failed scheduled run is tried again with backoff (schedule.retry_seconds, doubling) while it is within
schedule.catch_up_hours, and every failure and retry is logged. A controlled clock and a real store."""

from __future__ import annotations

import functools
import logging
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from briefing.config import load_settings
from briefing.errors import RenderError
from briefing.generation import run_briefing
from briefing.schedule.scheduler import BriefingScheduler
from briefing.store import Store
from briefing.store.runs import RunLog
from tests.fixtures.delivery.support import StandInGeneration

WARSAW = ZoneInfo("Europe/Warsaw")
RUN_TIME = datetime(2026, 2, 4, 6, 30, tzinfo=WARSAW).astimezone(UTC)


class FlakyGeneration(StandInGeneration):
    """Fails the first ``failures`` times, then makes the briefing."""

    def __init__(self, failures: int) -> None:
        super().__init__()
        self.failures = failures

    def __call__(self, settings, period, formats, **options):
        if len(self.calls) < self.failures:
            self.calls.append((period.slug, tuple(formats)))
            raise RenderError("briefing.pdf.html.j2: the PDF renderer ran out of memory")
        return super().__call__(settings, period, formats, **options)


def scheduler_for(make_config, generation, clock, **schedule) -> BriefingScheduler:
    settings = load_settings(make_config(email={"enabled": False},
                                         schedule={"retry_seconds": 600, "catch_up_hours": 1, **schedule}))
    return BriefingScheduler(settings, clock=clock, run=functools.partial(run_briefing, make=generation))


def test_a_failed_run_is_retried_after_10_then_20_minutes_and_logged(make_config, caplog):
    now = [RUN_TIME]
    generation = FlakyGeneration(failures=2)
    scheduler = scheduler_for(make_config, generation, lambda: now[0])
    with caplog.at_level(logging.INFO, logger="briefing"):
        for minutes in (0, 5, 10, 20, 29, 30, 31):
            now[0] = RUN_TIME + timedelta(minutes=minutes)
            scheduler.run_due("scheduled" if minutes == 0 else "catch-up")
    assert [slug for slug, _ in generation.calls] == ["2026-02-03"] * 3, "tried at 06:30, 06:40 and 07:00"
    messages = [r.getMessage() for r in caplog.records if r.name == "briefing.scheduling"]
    assert [m for m in messages if "is made" not in m and ("again" in m or "failed" in m)] == [
        "the briefing for 2026-02-03 failed: briefing.pdf.html.j2: the PDF renderer ran out of memory",
        "the briefing for 2026-02-03 will be tried again at 2026-02-04 06:40:00 CET (attempt 2)",
        "trying the briefing for 2026-02-03 again (attempt 2)",
        "the briefing for 2026-02-03 failed: briefing.pdf.html.j2: the PDF renderer ran out of memory",
        "the briefing for 2026-02-03 will be tried again at 2026-02-04 07:00:00 CET (attempt 3)",
        "trying the briefing for 2026-02-03 again (attempt 3)",
    ]
    with Store(scheduler.settings.store_url) as store:
        outcomes = [r.outcome for r in RunLog(store).recent_runs()[::-1]]
    assert outcomes == ["failed", "failed", "ok"]


def test_retries_stop_at_the_catch_up_window(make_config, caplog):
    now = [RUN_TIME]
    generation = FlakyGeneration(failures=10)
    scheduler = scheduler_for(make_config, generation, lambda: now[0], retry_seconds=1800)
    with caplog.at_level(logging.INFO, logger="briefing"):
        for minutes in (0, 30, 61, 120):
            now[0] = RUN_TIME + timedelta(minutes=minutes)
            scheduler.run_due("catch-up")
    assert len(generation.calls) == 2, "06:30, then 07:00; 08:00 would be beyond the hour's window"
    assert ("giving up on the briefing for 2026-02-03 after 2 failed attempt(s): a retry would be beyond "
            "schedule.catch_up_hours") in caplog.text
