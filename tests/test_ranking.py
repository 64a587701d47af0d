"""Stories ranked by news value: deaths, people affected, safety, reach, seniority, agencies, follow-ups.

Articles here are fictional and written for this test, except the seed and the
corpus of ../shared, which the lead's checks name (skipped where absent).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from briefing.composition import compose, newsvalue
from briefing.composition.compose import in_briefing_order
from briefing.composition.newsvalue import FOLLOW_UP_SIMILARITY, follow_up
from briefing.composition.ranking import DEFAULT_WEIGHTS, agency_names, rank_story
from briefing.composition.stories import EarlierArticles, group_indices, same_story, similarity, text_print
from briefing.config import Settings, load_settings
from briefing.errors import ConfigError
from briefing.extraction import extract
from briefing.models import Article, StoredArticle
from briefing.readers import find_article_files, read_file
from briefing.selection import Period
from tests.conftest import CORPUS, SEED, need_shared
from tests.fixtures.newsday import generated_day

ZONE = ZoneInfo("Europe/Warsaw")
DAY = date(2026, 5, 12)
REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples" / "articles"


def story(title: str, lead: str, *body: str, hour: int = 12, section: str = "", sources=("NWA",),
          article_id: int = 1, day: date = DAY) -> StoredArticle:
    article = Article(title=title, published=datetime(day.year, day.month, day.day, hour, tzinfo=ZONE), lead=lead,
                      body=body, section=section, sources=tuple(sources), id=article_id)
    return StoredArticle(article, extract(article))


CRASH = story("Two killed as lorry hits tram in Kastrin",
              "Two people were killed and five injured when a lorry hit a tram in central Kastrin on Tuesday, "
              "police said.", "\"The driver did not stop at the red light,\" police spokeswoman Eva Lind said.",
              hour=9, article_id=1)
RACE = story("Kastrin rider wins national cycling title",
             "Kastrin rider Ola Berg won the national road cycling championship on Tuesday after a 180 km race.",
             "\"I have dreamed of this jersey since I was nine,\" Berg said.", hour=20, section="Sport", article_id=2)
BUDGET = story("City of Varnby adopts 2027 budget",
               "Varnby city council adopted a €310m budget for 2027 on Tuesday.", hour=18, article_id=3)


def order(articles, settings: Settings | None = None, earlier=()) -> list[str]:
    briefing = compose(settings or Settings(base_dir=REPO), Period.day(DAY), articles, issue_number=1,
                       generated_at=datetime(2026, 5, 13, 6, tzinfo=ZONE), earlier=earlier)
    return [s.headline for s in briefing.top_stories]


def test_deaths_lead_over_a_budget_and_a_sport_result():
    assert order([RACE, BUDGET, CRASH]) == [CRASH.article.title, BUDGET.article.title, RACE.article.title]


def test_the_order_does_not_depend_on_the_order_articles_come_in():
    assert order([RACE, BUDGET, CRASH]) == order([CRASH, RACE, BUDGET]) == order([BUDGET, CRASH, RACE])


def test_the_score_is_the_sum_of_its_explained_contributions():
    window = Period.day(DAY).window(ZONE)
    ranked = rank_story([CRASH], window)
    assert ranked.score == pytest.approx(sum(c.points for c in ranked.contributions), abs=1e-3)
    reasons = ranked.reasons()
    assert reasons[0].startswith("deaths_injuries +6.00")
    assert "killed" in reasons[0]
    sport = rank_story([RACE], window).reasons()
    assert any(r.startswith("soft_news -") for r in sport)


def test_more_people_affected_and_a_more_senior_speaker_each_raise_the_score():
    window = Period.day(DAY).window(ZONE)
    small = story("Water cut in Holt", "About 300 homes in Holt were left without water on Tuesday.", article_id=4)
    large = story("Water cut in Holt", "About 30,000 homes in Holt were left without water on Tuesday.", article_id=5)
    assert rank_story([large], window).score > rank_story([small], window).score
    said = "\"We will fix this,\" {} said."
    clerk = story("Water cut in Holt", small.article.lead, said.format("council clerk Ana Vik"), article_id=6)
    minister = story("Water cut in Holt", small.article.lead, said.format("Environment Minister Ana Vik"),
                     article_id=7)
    assert rank_story([minister], window).score > rank_story([clerk], window).score


def test_every_agency_of_a_story_counts_once():
    assert agency_names("PAP / IAR / Reuters") == ["PAP", "IAR", "Reuters"]
    assert agency_names("dpa and APA") == agency_names("dpa / APA") == ["dpa", "APA"]
    window = Period.day(DAY).window(ZONE)
    one = story("Port reopens", "The port of Holt reopened on Tuesday.", sources=("PAP",), article_id=8)
    three = story("Port reopens", "The port of Holt reopened on Tuesday.", sources=("PAP / IAR / Reuters",),
                  article_id=9)
    points = {c.signal: c.points for c in rank_story([three], window).contributions}
    assert points["agencies"] == pytest.approx(DEFAULT_WEIGHTS["agencies"] * 2 / 3, abs=1e-3)
    assert rank_story([three], window).score > rank_story([one], window).score


def test_a_follow_up_of_an_earlier_days_story_gains_over_a_new_one_alike():
    text = ("Firefighters were still fighting the forest fire near Holt on Tuesday, the third day, as the flames "
            "reached the edge of the Brenna nature reserve and the village of Sel was evacuated.")
    before = story("Forest fire near Holt spreads", text.replace("still ", "").replace("the third day, ", ""),
                   day=date(2026, 5, 11), article_id=10)
    today = story("Forest fire near Holt reaches nature reserve", text, article_id=11)
    window = Period.day(DAY).window(ZONE)
    assert rank_story([today], window, earlier=[before]).score == pytest.approx(
        rank_story([today], window).score + DEFAULT_WEIGHTS["follow_up"], abs=1e-3)
    assert any(r.startswith("follow_up +1.00 (follows 'Forest fire near Holt spreads')")
               for r in rank_story([today], window, earlier=[before]).reasons())


def test_weights_come_from_config_yaml(tmp_path):
    path = tmp_path / "config.yaml"
    path.write_text("ranking:\n  weights: {soft_news: 20.0}\n", encoding="utf-8")
    settings = load_settings(path)
    assert settings.ranking.weights == {"soft_news": 20.0}
    assert order([RACE, BUDGET, CRASH], settings)[0] == RACE.article.title  # a sports desk's briefing


def test_an_unknown_signal_in_config_is_refused_with_the_key(tmp_path):
    path = tmp_path / "config.yaml"
    path.write_text("ranking:\n  weights: {celebrity: 3}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    assert "ranking.weights" in str(caught.value) and "unknown signal 'celebrity'" in str(caught.value)


def _stored(paths: list[Path]) -> list[StoredArticle]:
    articles = [a for path in paths for a in read_file(path)]
    return [StoredArticle(a.with_id(n), extract(a.with_id(n))) for n, a in enumerate(articles, start=1)]


def test_the_seed_day_is_led_by_the_nato_chief_in_kyiv():
    need_shared()
    day = date(2026, 2, 3)
    articles = _stored([SEED, *sorted(SAMPLES.glob("2026-02-03-*"))])
    briefing = compose(Settings(base_dir=REPO), Period.day(day), articles, issue_number=34,
                       generated_at=datetime(2026, 2, 4, 6, 30, tzinfo=ZONE))
    assert briefing.top_stories[0].headline == "NATO chief says Ukraine peace deal will require 'difficult choices'"


def test_on_1_february_the_deadly_snowstorm_leads_over_the_ski_jumping_win():
    need_shared()
    day = date(2026, 2, 1)
    articles = _stored(sorted((CORPUS / "articles").glob("2026-02-01-*")))
    briefing = compose(Settings(base_dir=REPO), Period.day(day), articles, issue_number=32,
                       generated_at=datetime(2026, 2, 2, 6, 30, tzinfo=ZONE))
    headlines = [s.headline for s in briefing.top_stories]
    assert headlines[0] == "Three people die as snowstorm cuts off villages in south-east Poland"
    assert headlines[-1].startswith("Wilk wins in Willingen")


def test_verbose_generation_logs_each_storys_rank_score_and_why(caplog):
    with caplog.at_level("INFO", logger="briefing.composition.compose"):
        order([RACE, BUDGET, CRASH])
    first = next(r.getMessage() for r in caplog.records if r.getMessage().startswith("rank 1,"))
    assert CRASH.article.title in first and "deaths_injuries +6.00" in first


def follows_by_comparing_every_earlier_article(main: StoredArticle, earlier: list[StoredArticle]) -> str:
    """The reference: the first earlier article alike enough, each compared in turn."""
    own = text_print(main)
    for before in earlier:
        if similarity(own, text_print(before)) >= FOLLOW_UP_SIMILARITY:
            return f"follows {before.article.title!r}"
    return ""


def follow_ups(articles: list[StoredArticle], earlier: list[StoredArticle]) -> list[str]:
    index = EarlierArticles(earlier)
    return [follow_up(stored, index).why for stored in articles]


def test_follow_ups_on_generated_days_name_the_event_they_follow():
    earlier = [StoredArticle(replace(a, id=1000 * n + a.id)) for n, day in ((1, date(2026, 3, 8)),
                                                                             (2, date(2026, 3, 9)))
               for a in generated_day(150, day=day, seed=20 + n).articles]
    today = [StoredArticle(a) for a in generated_day(60, day=date(2026, 3, 10), seed=23).articles]
    # the next day's reports of 15 earlier events: half their paragraphs kept, one of today's added
    originals = earlier[::20]
    planted = [StoredArticle(replace(old.article, id=500 + n, title=f"Update: {old.article.title}",
                                     published=today[n].article.published,
                                     body=(*old.article.body[::2], *today[n].article.body[:1])))
               for n, old in enumerate(originals)]
    found = follow_ups(today + planted, earlier)
    by_why = {f"follows {a.article.title!r}": a for a in earlier}
    # each follows its original, or the original's near-duplicate of that day (another outlet's report)
    assert all(by_why[why] is old or same_story(by_why[why], old)
               for why, old in zip(found[len(today):], originals, strict=True))
    # Compared with every earlier article, generated copy (a few words per topic) also "follows" other events
    # of its topic; never the other way round.
    assert all(follows_by_comparing_every_earlier_article(stored, earlier)
               for stored, why in zip(today, found, strict=False) if why)


def test_follow_ups_in_the_corpus_are_those_found_by_comparing_every_earlier_article():
    need_shared()
    articles = [StoredArticle(a.with_id(n + 1)) for n, a in
                enumerate(a for path in find_article_files([CORPUS / "articles"]) for a in read_file(path))]
    for stored in articles:
        day = stored.article.published.astimezone(ZONE).date()
        earlier = [a for a in articles if a.article.published.astimezone(ZONE).date() < day]
        assert follow_ups([stored], earlier) == [follows_by_comparing_every_earlier_article(stored, earlier)]


# -- the text signals, read fast, are those of the words read one by one ------------------------------

def _words_one_by_one(text: str) -> list[str]:
    """The reference reading: every word of ``text`` on its own, lower-cased, end apostrophes dropped."""
    return [w.lower().strip("'’") for w in re.findall(r"[\w'’-]+", text)]


def _hits_one_by_one(text: str, stems: frozenset[str]) -> list[str]:
    words = _words_one_by_one(text)
    forms = {stem + ending for stem in stems if not stem.endswith("*") for ending in ("", "s", "es", "d", "ed", "ing")
             if ending != "d" or stem.endswith("e")}
    prefixes = tuple(stem[:-1] for stem in stems if stem.endswith("*"))
    found = [w for w in dict.fromkeys(words) if w in forms or (prefixes and w.startswith(prefixes))]
    joined = " " + " ".join(words) + " "
    phrases = sorted((s for s in stems if " " in s and f" {s} " in joined), key=lambda s: joined.find(f" {s} "))
    return found + phrases


TEXTS = [
    "Storm 'kills' two; the 'injured' were taken to hospital after a power cut left 3,000 homes without heating.",
    "Prime Minister's office: flooding and an evacuation of Kastrin, 'the worst since' the blackout of 2019.",
    "In the cold of Łódź, ‘derailed’ wagons — without electricity — and a drone attack near the NATO summit.",
    "' '' rock'n'roll ''poisoned'' - -- injury-free fires Fires; power  cut; power ' cut; United  Nations.",
    "The ski-jumping champion won a medal at the world cup; the club's concert was a premiere in the zoo.",
    "İstanbul: ÉVACUATED passengers, a terrorist hostage crisis, and European Union ministers in the cold.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_text_signals_read_fast_find_the_words_read_one_by_one(text):
    article = Article(title=text[:40], lead=text, body=(text, text.upper()), published=datetime(2026, 5, 12, tzinfo=ZONE))
    read = newsvalue._read(article)
    for stems in (newsvalue.HARM_STEMS, newsvalue.DEATH_STEMS, newsvalue.SAFETY_STEMS, newsvalue.REACH_STEMS,
                  newsvalue.SOFT_STEMS):
        assert newsvalue._hits(read.head, stems) == _hits_one_by_one(newsvalue.head_text(article), stems)
        assert newsvalue._hits(read.body, stems) == _hits_one_by_one(newsvalue.body_text(article), stems)


def test_a_story_ranks_the_same_with_its_text_signals_read_ahead():
    """``compose(text_signals=)``, read while extracting, gives the briefing ``compose`` gives reading them itself."""
    articles = [StoredArticle(a, extract(a)) for a in generated_day(120, day=DAY).articles]
    settings = Settings(base_dir=REPO)
    ordered = in_briefing_order(articles)
    grouped = group_indices(ordered, settings.zone)
    read = [newsvalue.text_signals(ordered[group[0]].article) for group in grouped]
    made = {"issue_number": 1, "generated_at": datetime(2026, 5, 13, 6, tzinfo=ZONE)}
    assert (compose(settings, Period.day(DAY), articles, grouped=grouped, text_signals=read, **made)
            == compose(settings, Period.day(DAY), articles, **made))
