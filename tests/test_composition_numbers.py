"""The day in numbers: rows that say what they count, one row per fact.

Figures and sentences are fictional (tests/fixtures/figures/labelled.py and below).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from briefing.composition import compose
from briefing.composition.what import figure_what
from briefing.composition.wording import figure_said
from briefing.config import Settings
from briefing.extraction import extract
from briefing.models import Article, StoredArticle
from briefing.selection import Period
from tests.fixtures.extraction import article
from tests.fixtures.figures.labelled import GENERIC, LABELLED, says_what_it_counts

ZONE = ZoneInfo("Europe/Warsaw")
DAY = date(2026, 8, 4)
REPO = Path(__file__).resolve().parents[1]


def described() -> list[tuple[str, str, bool]]:
    rows = []
    for sentence, said, required in LABELLED:
        figures = {figure_said(f): f for f in extract(article("A fictional report", sentence)).figures}
        what = figure_what(figures[said]) if said in figures else ""
        rows.append((said, what, says_what_it_counts(what, required)))
    return rows


def test_at_least_85_percent_of_labelled_figures_say_what_they_count():
    rows = described()
    share = sum(ok for _, _, ok in rows) / len(rows)
    assert share >= 0.85, [row for row in rows if not row[2]]


def test_no_description_is_a_generic_word_or_a_bare_symbol():
    assert [row for row in described() if row[1].lower() in GENERIC] == []


def story(n: int, title: str, lead: str, *body: str) -> StoredArticle:
    item = Article(title=title, published=datetime(DAY.year, DAY.month, DAY.day, 8 + n, tzinfo=ZONE), lead=lead,
                   body=body, sources=("NWA",), id=n)
    return StoredArticle(item, extract(item))


def numbers(*articles: StoredArticle):
    return compose(Settings(base_dir=REPO), Period.day(DAY), list(articles), issue_number=1,
                   generated_at=datetime(2026, 8, 5, 6, tzinfo=ZONE)).day_in_numbers


def test_a_converted_amount_is_one_row_with_the_conversion_in_brackets():
    rows = numbers(story(1, "Holt grain trader raises UAH 3.1bn in bond sale",
                         "Holt Agro has raised UAH 3.1bn (about $74m) in a bond sale, the company said."))
    said = [row.said for row in rows]
    assert said[0] == "3.1 billion UAH (about $74 million)", said
    assert not any(s.startswith("about $74") for s in said)


def test_a_range_is_one_row_in_order():
    rows = numbers(story(2, "Snow cuts off Sel valley",
                         "Between 60 and 95 centimetres of snow fell on the Sel valley overnight, cutting off "
                         "1,200 residents."))
    said = [row.said for row in rows]
    assert "60–95 centimetres" in said, said
    assert not any(s in ("60 centimetres", "95 centimetres") for s in said)


def test_the_level_a_change_is_measured_from_is_no_row_of_its_own():
    rows = numbers(story(3, "Support for Holt tunnel rises",
                         "Support for the Holt tunnel rose to 64 percent in May, up from 51 percent in April, "
                         "a poll showed."))
    said = [row.said for row in rows]
    assert "64%" in said and "51%" not in said, said


def test_a_figure_in_navigation_text_is_left_out():
    rows = numbers(story(4, "Kastrin opens tram depot", "Kastrin opened a tram depot for 40 trams on Monday.",
                         "Read also: 12 things to know about the 300 new buses"))
    said = [row.said for row in rows]
    assert "40 trams" in said and not any("buses" in s or s == "12" for s in said), said


def test_no_two_rows_state_the_same_fact():
    rows = numbers(
        story(5, "Varnby port handles 2.1 million tonnes", "Varnby port handled 2.1 million tonnes of cargo in "
              "2025, up 4% on the year.", "The 2.1 million tonnes included 800,000 tonnes of grain."),
        story(6, "Dunholt buys 30 trams for €90m", "Dunholt will buy 30 trams for €90m (about PLN 380m).",
              "The 30 trams will run from 2028."))
    keys = [(row.value, row.unit) for row in rows]
    assert len(keys) == len(set(keys)), [row.said for row in rows]
    assert len({row.said for row in rows}) == len(rows)
