"""Quotes as the briefing shows them: whole sentences, one role style, one quote per person in the day's best."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from briefing.composition import compose
from briefing.composition.quotes import role_in_style, with_full_stop
from briefing.config import Settings
from briefing.extraction import extract
from briefing.models import Article, StoredArticle
from briefing.selection import Period

ZONE = ZoneInfo("Europe/Warsaw")
DAY = date(2026, 7, 7)
REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(("text", "expected"), [
    ("For that, we need more trains,", "For that, we need more trains."),
    ("The roads are another matter", "The roads are another matter."),
    ("Is anyone listening?", "Is anyone listening?"),
    ("We will see.", "We will see."),
])
def test_a_whole_quote_ends_with_one_full_stop(text, expected):
    assert with_full_stop(text) == expected


@pytest.mark.parametrize(("role", "expected"), [
    ("NATO Secretary General", "NATO secretary general"),
    ("Hydrologist", "hydrologist"),
    ("Deputy Mayor", "deputy mayor"),
    ("Transport Minister", "transport minister"),
    ("Bergen police operations chief", "Bergen police operations chief"),
    ("centre's director", "centre's director"),
    ("Co-founder", "co-founder"),
])
def test_roles_are_lower_case_role_words_with_names_and_acronyms_kept(role, expected):
    assert role_in_style(role) == expected


def stored(n: int, title: str, lead: str, *body: str, sources=("NWA",), hour: int = 10) -> StoredArticle:
    article = Article(title=title, published=datetime(DAY.year, DAY.month, DAY.day, hour, tzinfo=ZONE), lead=lead,
                      body=body, sources=tuple(sources), id=n)
    return StoredArticle(article, extract(article))


FLOOD = stored(
    1, "Floods cut off 40 villages in the Orm valley",
    "Floods have cut off 40 villages in the Orm valley and two people have died, the regional governor said.",
    "\"We are reaching some villages only by boat. Nobody will be left behind,\" regional governor Ida Holm said.",
    "\"But I will not pretend that the next two nights will be easy,\" Holm added.",
    "\"The river has not been this high in fifty years of records,\" said Hydrologist Per Sand.",
    "\"For that, we need the army's help on the dykes,\" Holm said.",
    sources=("NWA / KPA / Reuters",))
PIER = stored(
    2, "Holt pier reopens after repairs", "Holt's pier reopened on Tuesday after a year of repairs.",
    "\"The pier is the heart of this town and it is back,\" said Deputy Mayor Ola Brun.", hour=15)


def test_quotes_of_the_day_one_per_person_whole_and_the_top_storys_first():
    briefing = compose(Settings(base_dir=REPO), Period.day(DAY), [PIER, FLOOD], issue_number=1,
                       generated_at=datetime(2026, 7, 8, 6, tzinfo=ZONE))
    quotes = briefing.quotes_of_the_day
    speakers = [q.speaker for q in quotes]
    assert len(speakers) == len(set(speakers))
    assert quotes[0].speaker == "Ida Holm" and quotes[0].story.anchor == "story-1"
    assert quotes[0].text == "We are reaching some villages only by boat. Nobody will be left behind."
    assert not any(q.text.startswith(("But ", "For that")) for q in quotes)
    assert all(q.text.endswith((".", "?", "!")) for q in quotes)
    assert "Per Sand, hydrologist" in [q.attribution for q in quotes]
    assert "Ola Brun, deputy mayor" in [q.attribution for q in quotes]
