"""A briefing has a size whatever the day: caps, the e-mail's budget, a short PDF, the appendix on request."""

from __future__ import annotations

import html
import io
import re
from dataclasses import replace
from datetime import date, timedelta

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from briefing.cli import cli
from briefing.composition import compose
from briefing.config import load_settings
from briefing.errors import ConfigError
from briefing.extraction import extract
from briefing.models import Extraction, StoredArticle
from briefing.rendering import render_to_memory
from briefing.selection import Period
from briefing.store import Store
from tests.fixtures.newsday import ZONE, generated_day
from tests.fixtures.render.fictional_day import GENERATED_AT
from tests.fixtures.render.fictional_day import settings as make_settings

DAY = date(2026, 3, 10)


def stored_day(count: int, day: date = DAY, seed: int = 1) -> list[StoredArticle]:
    articles = generated_day(count, day=day, seed=seed).articles
    return [StoredArticle(a, extract(a)) for a in articles]


def shown_stories(briefing) -> list:
    return [*briefing.top_stories, *(s for group in briefing.also_today for s in group.stories)]


@pytest.fixture(scope="module")
def big_day():
    """A generated day of 300 articles (30 of them near-duplicates), composed and rendered once."""
    settings = make_settings(briefing={})
    briefing = compose(settings, Period.day(DAY), stored_day(300), issue_number=7, generated_at=GENERATED_AT)
    return settings, briefing, render_to_memory(briefing, settings, ["md", "html", "pdf"])


def test_a_big_day_shows_eight_top_stories_and_six_a_section(big_day):
    _, briefing, _ = big_day
    assert len(briefing.top_stories) == 8
    assert briefing.top_stories == tuple(sorted(briefing.top_stories, key=lambda s: s.rank))
    assert len(briefing.day_in_numbers) <= 8 and len(briefing.quotes_of_the_day) <= 5
    assert briefing.also_today
    for group in briefing.also_today:
        assert len(group.stories) <= 6
        every = next(g for g in briefing.all_stories if g.name == group.name)
        hidden = len([s for s in every.stories if s not in briefing.top_stories]) - len(group.stories)
        assert group.more == hidden
        assert group.more_line == (f"and {hidden} more in {group.name}" if hidden else "")


def test_the_stories_left_out_are_the_lowest_ranked_of_their_section(big_day):
    _, briefing, _ = big_day
    for group in briefing.also_today:
        every = next(g for g in briefing.all_stories if g.name == group.name)
        rest = [s for s in every.stories if s not in group.stories and s not in briefing.top_stories]
        if rest and group.stories:
            assert max(s.rank for s in group.stories) < min(s.rank for s in rest)


def test_every_story_stays_in_the_list_for_the_appendix(big_day):
    _, briefing, _ = big_day
    assert sum(len(group.stories) for group in briefing.all_stories) == 270  # 300 articles, 30 pairs


def test_the_markdown_says_how_many_more_each_section_has(big_day):
    _, briefing, outputs = big_day
    for group in briefing.also_today:
        if group.more:
            assert f"- *and {group.more} more in {group.name}*" in outputs["md"]


def test_the_email_html_is_under_its_budget_and_the_pdf_at_most_six_pages(big_day):
    _, _, outputs = big_day
    assert len(outputs["html"].encode("utf-8")) <= 90 * 1024
    assert len(PdfReader(io.BytesIO(outputs["pdf"])).pages) <= 6


def test_over_its_budget_the_email_leaves_out_the_lowest_ranked_and_says_how_many(big_day):
    settings, briefing, outputs = big_day
    tight = settings.model_copy(update={"email": settings.email.model_copy(update={"max_html_kb": 40})})
    mail = render_to_memory(briefing, tight, ["html"])["html"]
    assert len(mail.encode("utf-8")) <= 40 * 1024
    shown = [s for s in shown_stories(briefing) if f'id="{s.anchor}"' in mail]
    left_out = len(shown_stories(briefing)) - len(shown)
    assert left_out > 0
    assert (f"To stay under 40 KB, this e-mail leaves out the {left_out} lowest-ranked stories; "
            "the PDF of this briefing has them.") in mail
    assert max(s.rank for s in shown) < min(s.rank for s in shown_stories(briefing) if s not in shown)
    assert "leaves out" not in outputs["md"]


def test_a_quiet_day_is_not_trimmed():
    settings = make_settings(briefing={})
    briefing = compose(settings, Period.day(DAY), stored_day(12), issue_number=7, generated_at=GENERATED_AT)
    mail = render_to_memory(briefing, settings, ["html"])["html"]
    assert "leaves out" not in mail and "more in" not in mail
    assert len(shown_stories(briefing)) == sum(len(g.stories) for g in briefing.all_stories)


def test_a_week_digest_keeps_the_discipline_of_a_day():
    settings = make_settings(briefing={})
    articles = [s for n in range(7) for s in stored_day(40, DAY + timedelta(days=n), seed=n + 1)]
    period = Period(DAY, DAY + timedelta(days=6))
    briefing = compose(settings, period, articles, issue_number=7, generated_at=GENERATED_AT)
    assert len(briefing.top_stories) == 16
    assert all(len(day.top_stories) <= 3 for day in briefing.days)
    assert all(len(group.stories) <= 6 for group in briefing.also_today)
    assert len(briefing.day_in_numbers) <= 12 and len(briefing.quotes_of_the_day) <= 8


def test_the_caps_come_from_the_configuration():
    settings = make_settings(briefing={"top_stories": 3, "also_today_per_section": 2, "numbers_rows": 4,
                                       "quotes_of_the_day": 1})
    briefing = compose(settings, Period.day(DAY), stored_day(60), issue_number=7, generated_at=GENERATED_AT)
    assert len(briefing.top_stories) == 3
    assert max(len(group.stories) for group in briefing.also_today) == 2
    assert len(briefing.day_in_numbers) == 4 and len(briefing.quotes_of_the_day) == 1


def test_a_cap_below_one_is_refused_naming_the_file_and_key(make_config):
    config = make_config(briefing={"top_stories": 0})
    with pytest.raises(ConfigError) as refused:
        load_settings(config)
    assert str(refused.value) == f"{config}: key 'briefing.top_stories': Input should be greater than or equal to 1, got 0"


def test_generate_with_appendix_writes_every_article_of_the_day(tmp_path, make_config):
    config = make_config(output={"formats": ["md"]}, briefing={"top_stories": 3, "also_today_per_section": 1})
    day = generated_day(40, day=DAY, seed=9)
    with Store(tmp_path / "store.sqlite3") as store:
        store.add_articles([replace(a, id=None) for a in day.articles])
    plain = CliRunner().invoke(cli, ["generate", "--config", str(config), "--date", "2026-03-10"])
    assert plain.exit_code == 0, plain.output
    out = tmp_path / "output" / "2026-03-10"
    assert not (out / "articles.html").exists()
    assert "more in" in (out / "briefing.md").read_text(encoding="utf-8")
    again = CliRunner().invoke(cli, ["generate", "--config", str(config), "--date", "2026-03-10", "--force",
                                     "--appendix"])
    assert again.exit_code == 0, again.output
    page = (out / "articles.html").read_text(encoding="utf-8")
    titles = {a.id: html.escape(a.title, quote=False) for a in day.articles}
    paired = {n for pair in day.pairs for n in pair}
    assert all(titles[n] in page for n in titles if n not in paired)
    assert all((titles[a] in page) != (titles[b] in page) for a, b in day.pairs), "each pair is one story"
    assert len(re.findall(r"<li>", page)) == 40 - len(day.pairs)


def test_an_extraction_free_day_still_renders_within_its_caps():
    settings = make_settings(briefing={})
    articles = [StoredArticle(a, Extraction()) for a in generated_day(100, seed=2).articles]
    briefing = compose(settings, Period.day(DAY), articles, issue_number=7, generated_at=GENERATED_AT)
    assert len(briefing.top_stories) == 8 and not briefing.day_in_numbers
    assert ZONE.key == settings.timezone
