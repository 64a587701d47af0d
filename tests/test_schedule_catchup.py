"""The misfire policy: what a start makes up after downtime, with a controlled clock and a real store."""

from __future__ import annotations

import functools
import logging
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from briefing.config import load_settings
from briefing.generation import run_briefing
from briefing.schedule.scheduler import BriefingScheduler
from briefing.selection import Period
from briefing.store import Store
from briefing.store.runs import RunLog
from tests.fixtures.delivery.support import StandInGeneration

WARSAW = ZoneInfo("Europe/Warsaw")


def warsaw(*fields) -> datetime:
    return datetime(*fields, tzinfo=WARSAW).astimezone(UTC)


class Harness:
    """A scheduler on a real store whose clock the test sets."""

    def __init__(self, settings) -> None:
        self.settings, self.now = settings, None
        self.generation = StandInGeneration()
        self.scheduler = BriefingScheduler(settings, clock=lambda: self.now,
                                           run=functools.partial(run_briefing, make=self.generation))

    def start_at(self, moment: datetime):
        self.now = moment
        return self.scheduler.run_due("catch-up")

    def fire_at(self, moment: datetime):
        self.now = moment
        return self.scheduler.run_due("scheduled")

    def made(self) -> list[str]:
        return [slug for slug, _ in self.generation.calls]

    def history(self) -> list[tuple[str, str, str]]:
        with Store(self.settings.store_url) as store:
            return [(r.period, r.trigger, r.outcome) for r in RunLog(store).recent_runs(100)[::-1]]


@pytest.fixture
def harness(make_config):
    def make(**schedule) -> Harness:
        return Harness(load_settings(make_config(email={"enabled": False}, schedule=schedule)))

    return make


def test_down_over_the_run_time_and_back_within_the_window_makes_it_up_once(harness, caplog):
    h = harness()
    h.fire_at(warsaw(2026, 2, 3, 6, 30))  # ran on 3 February (briefing for the 2nd), then went down
    with caplog.at_level(logging.INFO, logger="briefing"):
        h.start_at(warsaw(2026, 2, 4, 9, 0))
    assert "catching up the briefing for 2026-02-03 missed at 06:30 on 2026-02-04 (2.5 hours late)" in caplog.text
    h.start_at(warsaw(2026, 2, 4, 9, 5))  # a restart: nothing more to do
    assert h.made() == ["2026-02-02", "2026-02-03"]
    assert h.history() == [("2026-02-02", "scheduled", "ok"), ("2026-02-03", "catch-up", "ok")]


def test_back_after_the_window_skips_it_and_says_so_once(harness, caplog):
    h = harness()
    h.fire_at(warsaw(2026, 2, 3, 6, 30))
    with caplog.at_level(logging.INFO, logger="briefing"):
        h.start_at(warsaw(2026, 2, 5, 2, 30))  # 20 hours after 4 February, 06:30
        h.start_at(warsaw(2026, 2, 5, 2, 45))
    message = ("skipping the briefing for 2026-02-03 missed at 06:30 on 2026-02-04: 20.0 hours late, "
               "beyond schedule.catch_up_hours (18)")
    assert caplog.text.count(message) == 1
    assert h.made() == ["2026-02-02"]
    assert h.history()[1:] == [("2026-02-03", "catch-up", "skipped")]
    h.fire_at(warsaw(2026, 2, 5, 6, 30))  # and the next run is on time
    assert h.made() == ["2026-02-02", "2026-02-04"]


def test_three_days_down_makes_only_the_latest_run_within_the_window(harness):
    h = harness()
    h.fire_at(warsaw(2026, 2, 2, 6, 30))  # made 1 February's briefing, then down on the 3rd, 4th, 5th
    h.start_at(warsaw(2026, 2, 5, 11, 0))
    assert h.made() == ["2026-02-01", "2026-02-04"]
    assert h.history()[1:] == [
        ("2026-02-02", "catch-up", "skipped"),
        ("2026-02-03", "catch-up", "skipped"),
        ("2026-02-04", "catch-up", "ok"),
    ]


def test_a_window_of_three_days_makes_up_all_three(harness):
    h = harness(catch_up_hours=72)
    h.fire_at(warsaw(2026, 2, 2, 6, 30))
    h.start_at(warsaw(2026, 2, 5, 11, 0))
    assert h.made() == ["2026-02-01", "2026-02-02", "2026-02-03", "2026-02-04"]


def test_a_briefing_made_by_hand_meanwhile_is_not_made_again(harness):
    h = harness()
    h.fire_at(warsaw(2026, 2, 3, 6, 30))
    run_briefing(h.settings, Period.day(date(2026, 2, 3)), make=h.generation,
                 clock=lambda: warsaw(2026, 2, 4, 7, 0))
    h.start_at(warsaw(2026, 2, 4, 9, 0))
    assert h.made() == ["2026-02-02", "2026-02-03"]
    assert h.history() == [("2026-02-02", "scheduled", "ok"), ("2026-02-03", "manual", "ok")]


def test_a_first_start_considers_only_the_latest_run(harness):
    h = harness()
    h.start_at(warsaw(2026, 2, 4, 8, 0))
    assert h.made() == ["2026-02-03"]
    assert h.history() == [("2026-02-03", "catch-up", "ok")]


def test_a_first_start_before_the_run_time_waits_for_it(harness):
    h = harness(catch_up_hours=6)
    h.start_at(warsaw(2026, 2, 4, 5, 0))  # yesterday's 06:30 is 22.5 hours late
    assert h.made() == []
    h.fire_at(warsaw(2026, 2, 4, 6, 30))
    assert h.history()[-1] == ("2026-02-03", "scheduled", "ok")


def test_only_the_configured_days_count(harness):
    h = harness(days=["mon", "tue", "wed", "thu", "fri"])
    h.fire_at(warsaw(2026, 2, 6, 6, 30))  # Friday
    h.start_at(warsaw(2026, 2, 9, 8, 0))  # Monday: the weekend had no runs to miss
    assert h.made() == ["2026-02-05", "2026-02-08"]
    assert [outcome for _, _, outcome in h.history()] == ["ok", "ok"]


def test_same_day_briefings_cover_the_day_of_the_run(harness):
    h = harness(covers="same_day", time="20:00")
    h.fire_at(warsaw(2026, 2, 3, 20, 0))
    h.start_at(warsaw(2026, 2, 5, 9, 0))  # 4 February's run is 13 hours late
    assert h.made() == ["2026-02-03", "2026-02-04"]


def test_a_run_time_in_the_skipped_hour_is_caught_up_once(harness, caplog):
    h = harness(time="02:30")
    h.fire_at(warsaw(2026, 3, 28, 2, 30))
    with caplog.at_level(logging.INFO, logger="briefing"):
        h.start_at(warsaw(2026, 3, 29, 9, 0))  # down over the night the clocks went forward
    assert "catching up the briefing for 2026-03-28 missed at 03:30 on 2026-03-29 (5.5 hours late)" in caplog.text
    h.start_at(warsaw(2026, 3, 29, 9, 30))
    assert h.made() == ["2026-03-27", "2026-03-28"]


def test_a_run_time_in_the_repeated_hour_is_made_once(harness):
    h = harness(time="02:30")
    h.fire_at(warsaw(2026, 10, 24, 2, 30))
    h.fire_at(datetime(2026, 10, 25, 0, 30, tzinfo=UTC))  # 02:30 CEST, the first time
    h.start_at(datetime(2026, 10, 25, 1, 40, tzinfo=UTC))  # 02:40 CET, the second time: restarted
    h.fire_at(datetime(2026, 10, 25, 1, 30, tzinfo=UTC))  # a stray fire at the second 02:30
    assert h.made() == ["2026-10-23", "2026-10-24"]
