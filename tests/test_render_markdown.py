"""The Markdown rendering: CommonMark with tables, no raw HTML, article text kept as text."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from briefing.rendering import render_to_memory
from tests.fixtures.render.fictional_day import day_briefing, settings, week_briefing


@pytest.fixture(scope="module")
def markdown() -> str:
    return render_to_memory(day_briefing(), settings(), ["md"])["md"]


def tokens(text: str):
    parser = MarkdownIt("commonmark").enable("table")
    return parser.parse(text)


def inline_children(text: str):
    return [child for token in tokens(text) if token.children for child in token.children]


def test_it_opens_with_the_masthead(markdown):
    assert markdown.splitlines()[:3] == [
        "# Morning Briefing — Tuesday, 10 March 2026",
        "",
        "Issue 34 · 7 articles from 6 sources · times in Warsaw (CET)",
    ]


def test_sections_come_in_the_briefing_order(markdown):
    headings = [line for line in markdown.splitlines() if line.startswith("## ")]
    assert headings == [
        "## At a glance", "## The day in numbers", "## Quotes of the day", "## Top stories",
        "## Also today", "## Sources and notes",
    ]


def test_figures_are_a_table_that_parses(markdown):
    kinds = [t.type for t in tokens(markdown)]
    assert "table_open" in kinds
    cells = [t.content for t in tokens(markdown) if t.type == "inline"]
    assert "€1.2 billion" in cells and "plan for a new tram line" in cells


def test_no_raw_html_survives_not_even_from_article_text(markdown):
    assert "<script>" in day_briefing().quotes_of_the_day[-1].text
    kinds = {t.type for t in tokens(markdown)} | {c.type for c in inline_children(markdown)}
    assert not kinds & {"html_block", "html_inline"}


def test_article_text_makes_no_links_or_emphasis(markdown):
    links = [c.attrGet("href") for c in inline_children(markdown) if c.type == "link_open"]
    assert all(href.startswith("https://") for href in links)
    assert "javascript:alert(1)" not in links
    chess_line = next(line for line in markdown.splitlines() if line.startswith("- ") and "Chess" in line)
    chess = MarkdownIt("commonmark").render(chess_line)
    assert "<li>09:00 · Chess | Kastrin club's 11-year-old wins &lt;b&gt;regional&lt;/b&gt; title" in chess


def test_a_pipe_in_a_headline_does_not_break_the_table(markdown):
    rows = [line for line in markdown.splitlines() if line.startswith("| ")]
    assert all(line.count("|") - line.count("\\|") == 4 for line in rows)


def test_a_top_story_shows_time_sources_and_also_reported_by(markdown):
    assert "22:15 · Coastal Courier and NWA · also reported by Harbour Radio" in markdown
    assert "**Figures:** 212 passengers · up to 110 km/h · 14 crew · more than 6 hours" in markdown


def test_quotes_carry_speaker_and_role_on_their_own_line(markdown):
    assert ("> Everyone is safe, and that is the only thing that matters tonight.\\\n"
            "> — **Irena Sokal**, Velmora harbour master") in markdown


def test_a_digest_groups_top_stories_under_days():
    text = render_to_memory(week_briefing(), settings(), ["md"])["md"]
    assert "## Top stories by day\n\n### Sunday, 8 March 2026\n\n#### " in text
    assert text.index("### Sunday, 8 March 2026") < text.index("### Tuesday, 10 March 2026")
