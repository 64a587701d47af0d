"""Salience: what an editor would show first ranks higher; positions point at the text."""

from __future__ import annotations

from briefing.extraction import EXTRACTOR_VERSION, extract
from tests.fixtures.extraction import article

STORY = article(
    "Storm cuts power to 40,000 homes",
    "Crews repaired 12 lines overnight, the operator said.",
    "The storm also felled 300 trees. “We are working around the clock,” said Anna Lis, "
    "a spokeswoman for the operator. Residents called the response “slow”.",
    "In a village, 2 fences fell, said one resident. “It was loud.”",
    lead="About 40,000 homes lost power on Monday after winds of up to 110 km/h hit the coast.",
)


def test_the_extraction_carries_the_extractor_version():
    assert extract(STORY).version == EXTRACTOR_VERSION


def test_a_figure_in_the_title_outranks_the_same_kind_further_down():
    by_text = {f.text: f.salience for f in extract(STORY).figures}
    assert by_text["40,000 homes"] > by_text["12 lines"] > by_text["2 fences"]


def test_money_and_percentages_outrank_a_plain_count_in_the_same_paragraph():
    found = extract(article("Budget", "The city will spend PLN 40m, 12 percent more, on 30 buses.")).figures
    ranked = [f.text for f in sorted(found, key=lambda f: -f.salience)]
    assert ranked == ["PLN 40m", "12 percent", "30 buses"]


def test_a_whole_quote_by_a_named_person_outranks_a_fragment():
    quotes = extract(STORY).quotes
    by_text = {q.text: q.salience for q in quotes}
    assert by_text["We are working around the clock"] > by_text["It was loud."]


def test_every_figure_points_at_its_words_in_its_segment():
    segments = [text for _, text in STORY.text_segments]
    for figure in extract(STORY).figures:
        assert segments[figure.segment][figure.start:].startswith(figure.text)
        assert figure.text in figure.sentence


def test_every_quote_points_at_its_opening_mark():
    segments = [text for _, text in STORY.text_segments]
    for quote in extract(STORY).quotes:
        assert segments[quote.segment][quote.start] in "\"“„«‘'"
        assert quote.text in quote.sentence


def test_an_article_with_no_numbers_or_quotes_gives_an_empty_extraction():
    found = extract(article("Quiet day", "Nothing happened on the coast."))
    assert (found.figures, found.quotes) == ((), ())
