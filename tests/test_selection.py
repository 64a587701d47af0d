"""Which day an article belongs to: calendar days in the configured zone."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from briefing.selection import Period, day_window, local_day

WARSAW = ZoneInfo("Europe/Warsaw")


def test_an_article_late_on_the_4th_utc_belongs_to_the_5th_in_warsaw():
    assert local_day(datetime(2026, 2, 4, 23, 40, tzinfo=UTC), WARSAW) == date(2026, 2, 5)


def test_a_winter_day_in_warsaw_starts_at_23_utc_the_day_before():
    start, end = day_window(date(2026, 2, 3), WARSAW)
    assert start == datetime(2026, 2, 2, 23, 0, tzinfo=UTC)
    assert end == datetime(2026, 2, 3, 23, 0, tzinfo=UTC)


@pytest.mark.parametrize(("day", "hours"), [(date(2026, 3, 29), 23), (date(2026, 10, 25), 25)])
def test_daylight_saving_days_are_23_or_25_hours_long(day, hours):
    start, end = day_window(day, WARSAW)
    assert (end - start).total_seconds() == hours * 3600


def test_a_range_covers_its_days_inclusively():
    period = Period(date(2026, 2, 1), date(2026, 2, 3))
    assert period.days == [date(2026, 2, 1), date(2026, 2, 2), date(2026, 2, 3)]
    assert period.slug == "2026-02-01_2026-02-03"
    assert Period.day(date(2026, 2, 3)).slug == "2026-02-03"


def test_a_range_that_ends_before_it_starts_is_refused():
    with pytest.raises(ValueError, match=r"the range ends \(2026-02-01\) before it starts \(2026-02-03\)"):
        Period(date(2026, 2, 3), date(2026, 2, 1))
