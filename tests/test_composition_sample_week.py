"""A golden check over the sample week (samples/articles, 2-4 February 2026), as an editor reads it.

No row of "the day in numbers" is a generic word, no speaker is quoted twice in
the quotes of the day, and no section heading is an export's label.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from briefing.composition import Briefing, compose
from briefing.composition.sections import EXPORT_LABEL
from briefing.config import Settings
from briefing.extraction import extract
from briefing.models import StoredArticle
from briefing.readers import read_file
from briefing.selection import Period
from tests.fixtures.figures.labelled import GENERIC

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples" / "articles"
ZONE = ZoneInfo("Europe/Warsaw")
DAYS = (date(2026, 2, 2), date(2026, 2, 3), date(2026, 2, 4))


@pytest.fixture(scope="module")
def week() -> list[Briefing]:
    articles = [a for path in sorted(SAMPLES.iterdir()) for a in read_file(path)]
    stored = [StoredArticle(a.with_id(n), extract(a.with_id(n))) for n, a in enumerate(articles, start=1)]
    settings = Settings(base_dir=REPO)
    briefings = []
    for day in DAYS:
        start, end = Period.day(day).window(ZONE)
        todays = [s for s in stored if start <= s.article.published < end]
        briefings.append(compose(settings, Period.day(day), todays, issue_number=1,
                                 generated_at=datetime(2026, 2, 5, 6, 30, tzinfo=ZONE)))
    briefings.append(compose(settings, Period(DAYS[0], DAYS[-1]), stored, issue_number=1,
                             generated_at=datetime(2026, 2, 5, 6, 30, tzinfo=ZONE)))
    return briefings


def test_every_day_has_a_numbers_table(week):
    assert all(len(b.day_in_numbers) >= 5 for b in week)


def test_no_numbers_row_is_described_by_a_generic_word_or_a_bare_unit(week):
    vague = [(b.masthead.edition_date, row.said, row.what) for b in week for row in b.day_in_numbers
             if row.what.strip().lower() in GENERIC or row.what.strip() == row.unit.strip()]
    assert vague == []


def test_no_row_repeats_a_fact(week):
    for briefing in week:
        keys = [(row.value, row.unit) for row in briefing.day_in_numbers]
        assert len(keys) == len(set(keys)), briefing.masthead.edition_date


def test_no_speaker_twice_in_the_quotes_of_the_day(week):
    for briefing in week:
        speakers = [q.speaker.casefold() for q in briefing.quotes_of_the_day]
        assert len(speakers) == len(set(speakers)), speakers
        assert all(q.text.rstrip("”\"’'").endswith((".", "?", "!")) for q in briefing.quotes_of_the_day)


def test_no_section_heading_is_an_export_label(week):
    headings = {g.name for b in week for day in b.days for g in day.also_today} | {
        s.section for b in week for s in b.top_stories}
    assert headings and not [h for h in headings if EXPORT_LABEL.match(h) or h != h.strip() or h.islower()]
