"""Dates at the edge (cause 2): refused at ingest outside a sane window; every command takes any day."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from briefing.config import load_settings
from briefing.preview.session import PreviewSession
from briefing.store import Store
from tests.fixtures.inprocess import run


def write(folder: Path, name: str, published: str) -> Path:
    path = folder / f"{name}.json"
    record = {"title": f"Tram line {name} reopens", "published": published, "body": "The tram runs again."}
    path.write_text(json.dumps(record), encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path) -> Path:
    path = tmp_path / "in"
    path.mkdir()
    return path


def test_dates_outside_the_window_are_refused_with_the_years_taken(make_config, folder, tmp_path):
    config = str(make_config(articles={"folder": str(tmp_path / "none")}))
    last = datetime.now(UTC).year + 100
    write(folder, "far", "9999-12-31T23:59:59Z")
    write(folder, "old", "0001-01-01T00:00:00Z")
    write(folder, "ok", "2026-02-03T09:00:00+01:00")
    code, out, err = run("ingest", "--config", config, str(folder))
    assert code == 1
    assert err.splitlines() == [
        f"rejected: {folder / 'far.json'}: date 9999-12-31 outside the accepted years 1900 to {last}",
        f"rejected: {folder / 'old.json'}: date 0001-01-01 outside the accepted years 1900 to {last}",
    ]
    assert out == "3 files read: 1 new, 0 updated, 0 already stored, 2 rejected\n"


def test_the_window_is_configurable(make_config, folder, tmp_path):
    config = str(make_config(articles={"folder": str(tmp_path / "none"), "earliest_year": 2020, "years_ahead": 0}))
    write(folder, "archive", "2019-06-01T10:00:00Z")
    code, _, err = run("ingest", "--config", config, str(folder))
    assert code == 1
    assert err == f"rejected: {folder / 'archive.json'}: date 2019-06-01 outside the accepted years 2020 to " \
                  f"{datetime.now(UTC).year}\n"


def test_an_impossible_day_is_called_an_invalid_date(make_config, folder, tmp_path):
    config = str(make_config(articles={"folder": str(tmp_path / "none")}))
    write(folder, "feb", "2026-02-30")
    code, _, err = run("ingest", "--config", config, str(folder))
    assert code == 1
    assert err == f"rejected: {folder / 'feb.json'}: invalid date in \"published\": '2026-02-30' " \
                  "(February has 28 days in 2026)\n"


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_every_command_takes_the_first_and_last_day_of_the_calendar(make_config, folder, tmp_path, day):
    config = str(make_config(articles={"folder": str(tmp_path / "none")}, output={"formats": ["md"]}))
    write(folder, "ok", "2026-02-03T09:00:00+01:00")
    assert run("ingest", "--config", config, str(folder))[0] == 0
    assert run("articles", "list", "--config", config, "--date", day) == (0, "", "0 articles\n")
    assert run("articles", "list", "--config", config, "--from", "0001-01-01", "--to", "9999-12-31")[1].count(
        "Tram line ok reopens") == 1
    code, out, err = run("generate", "--config", config, "--date", day)
    assert code == 0, err
    assert (tmp_path / "output" / day / "briefing.md").is_file()
    session = PreviewSession(load_settings(Path(config)))
    rendered = session.render(date.fromisoformat(day))
    assert rendered.problems == ()


def test_a_date_stored_by_an_older_briefing_at_the_calendars_end_is_shown(make_config, folder, tmp_path):
    from dataclasses import replace

    from briefing.readers import read_file

    config = str(make_config(articles={"folder": str(tmp_path / "none")}))
    (article,) = read_file(write(folder, "far", "2026-02-03T09:00:00Z"))
    with Store(tmp_path / "store.sqlite3") as store:
        (outcome, stored), = store.add_articles([replace(article, published=datetime(9999, 12, 31, 23, 59, tzinfo=UTC))])
    code, out, err = run("articles", "show", "--config", config, str(stored.id))
    assert code == 0, err
    assert out.splitlines()[1].startswith("9999-12-31 23:59 UTC")
    code, out, err = run("search", "--config", config, "tram")
    assert (code, err) == (0, "1 match\n")
    assert "9999-12-31 23:59  Tram line far reopens" in out


@pytest.mark.parametrize(("day", "why"), [
    ("2026-02-30", "February has 28 days in 2026"),
    ("2028-02-30", "February has 29 days in 2028"),
    ("2026-04-31", "April has 30 days"),
    ("2026-13-01", "there is no month 13, the months are 01 to 12"),
    ("2026-02-00", "the days of a month start at 01"),
])
def test_an_impossible_day_on_the_command_line_is_named_with_why(make_config, day, why):
    code, out, err = run("articles", "list", "--config", str(make_config()), "--date", day)
    assert (code, out) == (2, "")
    assert err.endswith(f"Error: Invalid value for '--date': {day} is not a date: {why}\n")


def test_a_date_of_another_form_on_the_command_line_is_told_the_form(make_config):
    code, out, err = run("generate", "--config", str(make_config()), "--from", "03.02.2026", "--to", "2026-02-04")
    assert (code, out) == (2, "")
    assert err.endswith("Error: Invalid value for '--from': expected a date as YYYY-MM-DD, 'today' or 'yesterday', "
                        "got '03.02.2026'\n")



def test_a_list_whose_every_article_is_out_of_the_window_is_refused_naming_the_first():
    from briefing.errors import ReaderError
    from briefing.readers import DateWindow, read_bytes

    items = [{"title": "Far", "date": "9999-01-01", "body": "x"}, {"title": "Old", "date": "0001-01-01", "body": "y"}]
    with pytest.raises(ReaderError) as caught:
        read_bytes(json.dumps(items).encode(), "two.json", ".json", dates=DateWindow())
    last = datetime.now(UTC).year + 100
    assert str(caught.value) == ("two.json: none of its 2 articles could be taken in; article 'Far': "
                                 f"date 9999-01-01 outside the accepted years 1900 to {last}")
