"""Near-duplicate stories: the same event from two sources on the same day is one story."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from itertools import combinations

from briefing.composition.stories import group_stories, same_story, similarity, text_print
from briefing.models import Article, StoredArticle
from briefing.readers import find_article_files, read_file
from tests.conftest import CORPUS, REPO, need_shared
from tests.fixtures.newsday import generated_day
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


def test_three_reports_each_like_the_others_are_one_story():
    ferry, radio = fictional_day()[:2]
    third = StoredArticle(replace(radio.article, id=30, source="Third Outlet", title="Nordlys aground"))
    assert [len(g) for g in group_stories([ferry, radio, third], ZONE)] == [3]


def corpus_articles() -> list[StoredArticle]:
    need_shared()
    return stored_from(CORPUS / "articles")


def stored_from(folder) -> list[StoredArticle]:
    articles: list[StoredArticle] = []
    for path in find_article_files([folder]):
        articles.extend(StoredArticle(a.with_id(len(articles) + n + 1)) for n, a in enumerate(read_file(path)))
    return articles


def test_the_corpus_kutno_derailment_reports_are_the_only_pair():
    articles = corpus_articles()
    pairs = [group for group in titles(group_stories(articles, ZONE)) if len(group) > 1]
    assert pairs == [[
        "Freight train derails near Kutno, disrupting Warsaw-Poznań rail traffic",
        "Coal train derailment near Kutno closes main line west of Warsaw",
    ]]



def all_pairs_groups(articles: list[StoredArticle]) -> list[list[int]]:
    """The reference: every pair of the day compared, then grouped as one story only when similar to each other."""
    prints = [text_print(a) for a in articles]
    edges = {(i, j): similarity(prints[i], prints[j]) for i, j in combinations(range(len(articles)), 2)}
    edges = {pair: score for pair, score in edges.items() if score >= 1.0}
    groups = {i: {i} for i in range(len(articles))}
    home = list(range(len(articles)))
    for (i, j), _ in sorted(edges.items(), key=lambda item: (-item[1], item[0])):
        a, b = home[i], home[j]
        if a != b and all((min(x, y), max(x, y)) in edges for x in groups[a] for y in groups[b]):
            for member in groups[b]:
                home[member] = a
            groups[a] |= groups.pop(b)
    return sorted(sorted(articles[i].article.id for i in group) for group in groups.values())


def id_groups(groups) -> list[list[int]]:
    return sorted(sorted(stored.article.id for stored in group) for group in groups)


def test_the_same_groups_as_comparing_every_pair_on_the_samples():
    articles = stored_from(REPO / "samples" / "articles")
    groups = id_groups(group_stories(articles, ZONE))
    assert groups == all_pairs_groups(articles)
    assert [len(group) for group in groups if len(group) > 1] == [2]


def test_the_same_groups_as_comparing_every_pair_on_the_corpus():
    articles = corpus_articles()
    assert id_groups(group_stories(articles, ZONE)) == all_pairs_groups(articles)


def test_the_same_groups_as_comparing_every_pair_on_a_generated_day():
    articles = [StoredArticle(a) for a in generated_day(80, seed=5).articles]
    assert id_groups(group_stories(articles, ZONE)) == all_pairs_groups(articles)
