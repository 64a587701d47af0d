"""The briefing model: what compose() makes of a fictional day."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from pydantic import ValidationError

from briefing.composition import Briefing, compose, describe_context
from briefing.config import EmailSection
from briefing.models import Article, StoredArticle
from briefing.selection import Period
from tests.fixtures.render.fictional_day import (
    GENERATED_AT,
    at,
    day_briefing,
    fictional_day,
    settings,
    week_briefing,
)


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return day_briefing()


def test_masthead_names_the_day_in_words_and_counts(briefing):
    masthead = briefing.masthead
    assert briefing.title == "Morning Briefing — Tuesday, 10 March 2026"
    assert masthead.edition_date == "Tuesday, 10 March 2026"
    assert masthead.issue_number == 34
    assert masthead.counts_line == "7 articles from 6 sources"  # publishers and agencies, each once
    assert masthead.zone == "Europe/Warsaw"
    assert not masthead.is_digest


def test_at_a_glance_holds_the_five_top_headlines_in_rank_order(briefing):
    assert briefing.at_a_glance == tuple(s.headline for s in briefing.top_stories)
    assert len(briefing.at_a_glance) == 5
    assert briefing.at_a_glance[0] == "Velmora ferry runs aground in storm, 212 passengers taken off"


def test_two_reports_of_the_ferry_make_one_story_also_reported_by_the_other(briefing):
    ferry = briefing.top_stories[0]
    assert ferry.article_ids == (1, 2)
    assert [r.source for r in ferry.also_reported_by] == ["Harbour Radio"]
    assert ferry.also_reported_by[0].url == "https://radio.example/nordlys"
    headlines = [s.headline for s in briefing.top_stories] + [
        s.headline for group in briefing.also_today for s in group.stories
    ]
    assert not any("Nordlys" in h for h in headlines)


def test_a_story_keeps_each_fact_once_across_its_reports(briefing):
    ferry = briefing.top_stories[0]
    assert [f.said for f in ferry.figures] == ["212 passengers", "up to 110 km/h", "14 crew", "more than 6 hours"]
    assert [q.text for q in ferry.quotes][0] == "Everyone is safe, and that is the only thing that matters tonight."
    assert len(ferry.quotes) == 2


def test_day_in_numbers_follows_the_stories_best_figure_first_and_never_repeats_a_fact(briefing):
    said = [row.said for row in briefing.day_in_numbers]
    assert said[:6] == ["212 passengers", "up to 110 km/h", "14 crew", "-24 °C", "more than 3,000 homes", "€1.2 billion"]
    stories = [int(row.story.anchor.split("-")[1]) for row in briefing.day_in_numbers]
    assert stories == sorted(stories)
    keys = [(row.value, row.unit) for row in briefing.day_in_numbers]
    assert len(keys) == len(set(keys))
    # "14 km | distance" and "36 million PLN | amount" say nothing of what they count: left out
    assert len(said) == 8
    assert {row.what for row in briefing.day_in_numbers}.isdisjoint({"distance", "amount"})


def test_figure_rows_say_what_they_count_and_point_to_their_story(briefing):
    rows = {row.said: row for row in briefing.day_in_numbers}
    assert rows["€1.2 billion"].what == "plan for a new tram line"
    assert rows["-24 °C"].what == "Temperatures in Dunholt fell"
    assert rows["212 passengers"].story.anchor == "story-1"
    assert rows["212 passengers"].story.url == "https://courier.example/velmora-ferry"
    assert rows["212 passengers"].context.startswith("The ferry Nordlys ran aground")


def test_quotes_of_the_day_are_whole_one_per_person_top_stories_first(briefing):
    quotes = briefing.quotes_of_the_day
    assert not any(q.partial for q in quotes)
    assert [q.speaker for q in quotes].count("Tomasz Wren") == 1
    ranks = [int(q.story.anchor.split("-")[1]) for q in quotes]
    assert ranks == sorted(ranks)
    assert quotes[0].attribution == "Irena Sokal, Velmora harbour master"
    assert "And we will finish on time." not in [q.text for q in quotes]


def test_top_story_carries_lead_time_sources_and_its_rank(briefing):
    tram = briefing.top_stories[2]
    assert tram.headline == "Kastrin approves €1.2bn tram line"
    assert tram.lead.startswith("Kastrin city council approved a €1.2bn plan")
    assert tram.time == "14:00"
    assert tram.sources == ("Kastrin Daily", "NWA", "KPA")
    assert tram.anchor == "story-3" and tram.rank == 3


def test_also_today_groups_the_rest_by_section(briefing):
    assert [(g.name, [s.headline for s in g.stories]) for g in briefing.also_today] == [
        ("Sport", ["Chess | Kastrin club's 11-year-old wins <b>regional</b> title"])
    ]


def test_sources_notes_and_generation_time(briefing):
    assert [(s.name, s.articles) for s in briefing.sources] == [
        ("Coastal Courier", 2), ("Dunholt Herald", 2), ("Kastrin Daily", 2), ("NWA", 2), ("Harbour Radio", 1),
        ("KPA", 1),
    ]
    assert briefing.notes == ("1 file was rejected: broken.json (not valid JSON at line 3)",)
    assert briefing.generated_at_text == "11 March 2026, 06:30 CET"


def test_an_article_time_not_given_is_flagged(briefing):
    chess = next(s for g in briefing.also_today for s in g.stories if s.headline.startswith("Chess"))
    assert chess.time_assumed


def test_an_empty_day_is_a_short_honest_briefing():
    briefing = compose(settings(), Period.day(date(2026, 2, 3)), [], issue_number=1, generated_at=GENERATED_AT)
    assert briefing.is_empty
    assert briefing.empty_message == "No articles were stored for Tuesday, 3 February 2026."
    assert briefing.masthead.counts_line == "0 articles from 0 sources"
    assert briefing.top_stories == () and briefing.day_in_numbers == ()
    assert [link.anchor for link in briefing.contents] == ["sources-and-notes"]


def test_an_empty_range_says_so():
    briefing = compose(settings(), Period(date(2026, 2, 1), date(2026, 2, 7)), [], issue_number=1,
                       generated_at=GENERATED_AT)
    assert briefing.empty_message == "No articles were stored from 1 February 2026 to 7 February 2026."
    assert briefing.masthead.edition_date == "1–7 February 2026"


def test_a_digest_groups_top_stories_by_day_and_ranks_figures_across_the_range():
    digest = week_briefing()
    assert digest.masthead.is_digest
    assert digest.masthead.edition_date == "8–10 March 2026"
    assert [d.label for d in digest.days] == ["Sunday, 8 March 2026", "Monday, 9 March 2026", "Tuesday, 10 March 2026"]
    assert [len(d.top_stories) for d in digest.days] == [2, 2, 2]
    assert digest.days[2].top_stories[0].headline.startswith("Velmora ferry")
    assert digest.day_in_numbers[0].said == "212 passengers"
    assert digest.headings["the-day-in-numbers"] == "In numbers"


def test_only_web_addresses_are_linked():
    article = Article(title="A", published=at(9), lead="x", url="javascript:alert(1)", id=9)
    briefing = day_briefing(articles=[StoredArticle(article)])
    assert briefing.top_stories[0].url == ""


def test_subject_fills_the_placeholders():
    config = settings(email=EmailSection(subject="{name} no. {issue}: {date}"))
    assert day_briefing(config).subject == "Morning Briefing no. 34: Tuesday, 10 March 2026"


def test_subject_with_an_unknown_placeholder_is_refused():
    with pytest.raises(ValidationError) as caught:  # when the configuration is loaded (tests/test_config_values.py)
        EmailSection(subject="{name} {weather}")
    assert "unknown placeholder {weather}; use {name}, {date} or {issue}" in str(caught.value)


def test_the_order_of_the_input_does_not_change_the_briefing():
    assert day_briefing(articles=list(reversed(fictional_day()))) == day_briefing()


def test_every_field_a_template_reads_is_documented():
    rows = describe_context()
    undocumented = [path for path, _, doc in rows if not doc.strip()]
    assert undocumented == []
    paths = [path for path, _, _ in rows]
    assert "briefing.day_in_numbers[].said" in paths
    assert "briefing.top_stories[].also_reported_by[].source" in paths
    assert ("briefing.masthead.issue_number", "int or NoneType",
            "The issue number; none before briefing.first_issue_date.") in rows


def test_times_are_shown_in_the_configured_zone():
    from datetime import UTC, datetime

    article = Article(title="Late news", published=datetime(2026, 3, 10, 22, 30, tzinfo=UTC), lead="x", id=9)
    story = day_briefing(articles=[StoredArticle(article)]).top_stories[0]
    assert story.time == "23:30"
    assert story.published.utcoffset().total_seconds() == 3600


def test_sources_the_store_recorded_as_also_reporting_count_and_show():
    tram = fictional_day()[2]
    alone = day_briefing(articles=[tram]).top_stories[0]
    echoed = day_briefing(articles=[replace(tram, also_reported_by=("Reuters",))]).top_stories[0]
    assert [r.source for r in echoed.also_reported_by] == ["Reuters"]
    assert echoed.score > alone.score
    assert any(reason.startswith("agencies") and "Reuters" in reason for reason in echoed.why)


def test_a_single_story_day_fills_the_numbers_table_past_the_per_story_cap():
    from tests.conftest import SEED, need_shared

    need_shared()
    from briefing.extraction import extract
    from briefing.readers import read_file

    (seed,) = read_file(SEED)
    seed = seed.with_id(1)
    one = compose(settings(), Period.day(date(2026, 2, 3)), [StoredArticle(seed, extract(seed))],
                  issue_number=34, generated_at=GENERATED_AT)
    said = [row.said for row in one.day_in_numbers]
    assert len(said) == 7, said  # all seven of the seed's figures, not three
    assert {"more than 450 drones", "70 missiles", "-20 °C"} <= set(said)
