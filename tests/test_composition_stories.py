"""Near-duplicate stories: the same event from two sources on the same day is one story."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from briefing.models import Article, StoredArticle
from briefing.stories import group_stories, same_story
from tests.conftest import CORPUS, need_shared
from tests.fixtures.render.fictional_day import ZONE, fictional_day


def titles(groups):
    return [[stored.article.title for stored in group] for group in groups]


def test_two_reports_of_one_event_are_one_story_with_the_fuller_account_first():
    ferry, radio = fictional_day()[:2]
    assert same_story(ferry, radio)
    groups = group_stories([radio, ferry], ZONE)
    assert titles(groups) == [[ferry.article.title, radio.article.title]]


def test_different_stories_of_the_same_day_stay_apart():
    groups = group_stories(fictional_day(), ZONE)
    assert [len(group) for group in groups] == [2, 1, 1, 1, 1, 1]


def test_the_same_text_on_another_day_is_another_story():
    ferry, radio = fictional_day()[:2]
    later = StoredArticle(replace(radio.article, published=radio.article.published + timedelta(days=1)))
    assert len(group_stories([ferry, later], ZONE)) == 2


def test_an_article_the_store_marked_as_a_duplicate_joins_its_original():
    tram = fictional_day()[2]
    other = StoredArticle(Article(title="Unrelated words entirely", published=tram.article.published,
                                  lead="Nothing in common here at all.", id=40), duplicate_of=tram.article.id)
    assert titles(group_stories([tram, other], ZONE)) == [[tram.article.title, "Unrelated words entirely"]]


def test_grouping_is_transitive():
    ferry, radio = fictional_day()[:2]
    third = StoredArticle(replace(radio.article, id=30, source="Third Outlet", title="Nordlys aground"))
    assert [len(g) for g in group_stories([ferry, radio, third], ZONE)] == [3]


def test_the_corpus_kutno_derailment_reports_are_the_only_pair():
    need_shared()
    from briefing.readers import read_file

    articles = []
    for path in sorted((CORPUS / "articles").iterdir()):
        if path.name != "README.md":
            articles.extend(StoredArticle(a.with_id(len(articles) + n)) for n, a in enumerate(read_file(path)))
    pairs = [group for group in titles(group_stories(articles, ZONE)) if len(group) > 1]
    assert pairs == [[
        "Freight train derails near Kutno, disrupting Warsaw-Poznań rail traffic",
        "Coal train derailment near Kutno closes main line west of Warsaw",
    ]]

