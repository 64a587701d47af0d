"""Daylight-saving nights in Europe/Warsaw: one run, one briefing per date.

2026-03-29: clocks go from 02:00 to 03:00 (02:30 does not exist).
2026-10-25: clocks go from 03:00 back to 02:00 (02:30 happens twice).
"""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from apscheduler.triggers.cron import CronTrigger

from briefing.config import DAY_NAMES, load_settings
from briefing.generation import run_briefing
from briefing.schedule.scheduler import BriefingScheduler
from briefing.schedule.trigger import DailySchedule, DailyTrigger
from briefing.store import Store
from briefing.store.runs import RunLog
from tests.fixtures.delivery.support import StandInGeneration

WARSAW = ZoneInfo("Europe/Warsaw")
SPRING = datetime(2026, 3, 27, 12, tzinfo=WARSAW)
AUTUMN = datetime(2026, 10, 23, 12, tzinfo=WARSAW)


def fires_as_the_scheduler_asks(trigger: CronTrigger, start: datetime, count: int) -> list[datetime]:
    """Fire times the way APScheduler asks for them: each after the last, shortly after it ran."""
    fires, previous, now = [], None, start
    for _ in range(count):
        fire = trigger.get_next_fire_time(previous, now)
        fires.append(fire)
        previous, now = fire, fire + timedelta(milliseconds=50)
    return fires


def utc_text(moments) -> list[str]:
    return [f"{m.astimezone(UTC):%m-%d %H:%M}Z" for m in moments]


@pytest.mark.parametrize(
    ("at", "start", "expected"),
    [
        (time(6, 30), SPRING, ["03-28 05:30Z", "03-29 04:30Z", "03-30 04:30Z"]),
        (time(2, 30), SPRING, ["03-28 01:30Z", "03-29 01:30Z", "03-30 00:30Z"]),  # 03-29: 03:30 by the clock
        (time(0, 30), SPRING, ["03-27 23:30Z", "03-28 23:30Z", "03-29 22:30Z"]),  # CronTrigger skips 03-30
        (time(6, 30), AUTUMN, ["10-24 04:30Z", "10-25 05:30Z", "10-26 05:30Z"]),
        (time(2, 30), AUTUMN, ["10-24 00:30Z", "10-25 00:30Z", "10-26 01:30Z"]),  # the first 02:30 only
        (time(2, 0), AUTUMN, ["10-24 00:00Z", "10-25 00:00Z", "10-26 01:00Z"]),
    ],
)
def test_one_fire_per_date_over_the_clock_changes(at, start, expected):
    trigger = DailyTrigger(at, DAY_NAMES, WARSAW)
    fires = fires_as_the_scheduler_asks(trigger, start, 3)
    assert utc_text(fires) == expected


def test_a_time_in_the_skipped_hour_runs_when_the_clock_shows_an_hour_later():
    [fire] = [f for f in fires_as_the_scheduler_asks(DailyTrigger(time(2, 30), DAY_NAMES, WARSAW), SPRING, 3)
              if f.date() == date(2026, 3, 29)]
    assert (fire.hour, fire.minute, fire.utcoffset()) == (3, 30, timedelta(hours=2))


@pytest.mark.parametrize("at", [time(6, 30), time(2, 30), time(0, 30), time(23, 30)])
def test_the_trigger_agrees_with_cron_trigger_away_from_the_clock_changes(at):
    ours = DailyTrigger(at, ("mon", "wed", "fri"), WARSAW)
    cron = CronTrigger(day_of_week="mon,wed,fri", hour=at.hour, minute=at.minute, timezone=WARSAW)
    start = datetime(2026, 1, 5, tzinfo=WARSAW)
    assert fires_as_the_scheduler_asks(ours, start, 30) == fires_as_the_scheduler_asks(cron, start, 30)


@pytest.mark.parametrize("at", [time(6, 30), time(2, 30)])
def test_cron_trigger_and_ours_agree_on_a_morning_run_and_the_spring_gap(at):
    ours = fires_as_the_scheduler_asks(DailyTrigger(at, DAY_NAMES, WARSAW), SPRING, 4)
    cron = fires_as_the_scheduler_asks(CronTrigger(hour=at.hour, minute=at.minute, timezone=WARSAW), SPRING, 4)
    assert utc_text(ours) == utc_text(cron)


@pytest.mark.parametrize("start", [SPRING, AUTUMN])
@pytest.mark.parametrize("at", [time(6, 30), time(2, 30), time(2, 0), time(3, 0)])
def test_runs_between_lists_one_run_per_date(start, at):
    schedule = DailySchedule(at, DAY_NAMES, WARSAW, timedelta(hours=18), "previous_day")
    runs = schedule.runs_between(start, start + timedelta(days=4))
    days = [r.fire_time.astimezone(WARSAW).date() for r in runs]
    assert days == [start.date() + timedelta(days=n) for n in range(1, 5)]
    assert [r.briefing_day for r in runs] == [d - timedelta(days=1) for d in days]


@pytest.mark.parametrize(("at", "night"), [(time(2, 30), SPRING), (time(2, 30), AUTUMN), (time(6, 30), SPRING),
                                          (time(6, 30), AUTUMN), (time(3, 0), AUTUMN)])
def test_a_scheduler_waking_every_ten_minutes_makes_one_briefing_per_date(make_config, at, night):
    """Through two days around the clock change, run_due at every tick: each date's briefing once."""
    settings = load_settings(make_config(email={"enabled": False}))
    generation = StandInGeneration()
    moments = [night.astimezone(UTC) + timedelta(minutes=10 * n) for n in range(6 * 48)]
    tick = iter(moments)
    current = {"now": next(tick)}
    scheduler = BriefingScheduler(settings, at=at, clock=lambda: current["now"],
                                  run=functools.partial(run_briefing, make=generation))
    scheduler.run_due("catch-up")  # the first start: before the first run time
    for moment in tick:
        current["now"] = moment
        scheduler.run_due("scheduled")
    # the start catches up the run of day 1 (made for day 0); days 2 and 3 run on time
    expected = [night.date() + timedelta(days=n) for n in (-1, 0, 1)]
    assert [slug for slug, _ in generation.calls] == [d.isoformat() for d in expected]
    with Store(settings.store_url) as store:
        runs = RunLog(store).recent_runs(100)[::-1]
    assert [(r.period, r.trigger, r.outcome) for r in runs] == [
        (expected[0].isoformat(), "catch-up", "ok"),
        (expected[1].isoformat(), "scheduled", "ok"),
        (expected[2].isoformat(), "scheduled", "ok"),
    ]
