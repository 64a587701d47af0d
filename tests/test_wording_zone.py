"""The masthead names the zone as a reader knows it: a city and the abbreviation in force that day."""

from __future__ import annotations

from datetime import date

import pytest

from briefing.composition.wording import zone_in_words


@pytest.mark.parametrize(
    ("zone", "day", "expected"),
    [
        ("Europe/Warsaw", date(2026, 2, 3), "Warsaw (CET)"),
        ("Europe/Warsaw", date(2026, 7, 3), "Warsaw (CEST)"),  # summer time on the day itself
        ("America/New_York", date(2026, 1, 5), "New York (EST)"),
        ("Europe/London", date(2026, 6, 1), "London (BST)"),
        ("Asia/Dubai", date(2026, 6, 1), "Dubai (UTC+04)"),  # a zone with no letters of its own
        ("UTC", date(2026, 6, 1), "UTC"),
        ("Etc/GMT-3", date(2026, 6, 1), "UTC+03"),  # names no place, and its sign reads backwards
    ],
)
def test_the_zone_in_words(zone, day, expected):
    assert zone_in_words(zone, day) == expected


def test_the_masthead_line_says_the_city_not_the_zone_name(make_config):
    from pathlib import Path

    from briefing.config import load_settings
    from briefing.generation import generate
    from briefing.selection import Period

    settings = load_settings(make_config(timezone="America/Los_Angeles"))
    (report,) = generate(settings, Period.day(date(2026, 2, 3)), formats=["md"])
    text = Path(report.files["md"]).read_text(encoding="utf-8")
    assert "times in Los Angeles (PST)" in text
    assert "America/Los_Angeles" not in text
