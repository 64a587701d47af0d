"""The scheduler itself (APScheduler, real clock), in this process: fires at the run time, stops cleanly."""

from __future__ import annotations

import functools
import logging
import threading
import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from briefing.config import load_settings
from briefing.generation import run_briefing
from briefing.schedule.scheduler import BriefingScheduler, serve_editions
from briefing.store import Store
from briefing.store.runs import RunLog
from tests.fixtures.delivery.support import StandInGeneration, wait_for

WARSAW = ZoneInfo("Europe/Warsaw")


def test_the_scheduler_fires_at_the_run_time_once_and_stops_when_asked(make_config, caplog):
    settings = load_settings(make_config(email={"enabled": False}))
    generation = StandInGeneration()
    due = (datetime.now(UTC) + timedelta(seconds=1.5)).astimezone(WARSAW).replace(microsecond=0)
    scheduler = BriefingScheduler(settings, at=due.time(), run=functools.partial(run_briefing, make=generation))
    stop = threading.Event()
    with caplog.at_level(logging.INFO, logger="briefing"):
        serving = threading.Thread(target=serve_editions, args=([scheduler], stop))
        serving.start()
        assert wait_for(lambda: generation.calls, timeout=10)
        time.sleep(0.5)  # time enough for a second fire, were there one
        stop.set()
        serving.join(timeout=10)
    assert not serving.is_alive()
    briefing_day = (due.date() - timedelta(days=1)).isoformat()
    assert [slug for slug, _ in generation.calls] == [briefing_day]
    with Store(settings.store_url) as store:
        [run] = [r for r in RunLog(store).recent_runs() if r.outcome == "ok"]
    assert (run.period, run.trigger) == (briefing_day, "scheduled")
    assert run.started_at >= due.astimezone(UTC) - timedelta(seconds=1)
    tomorrow = due + timedelta(days=1)
    assert f"next briefing: {due.date()} at {tomorrow:%Y-%m-%d %H:%M:%S %Z} (Europe/Warsaw)" in caplog.text
    assert "scheduler stopped" in caplog.text
