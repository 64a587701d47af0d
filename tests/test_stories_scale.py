"""Near-duplicate grouping on large generated days: every planted pair found, nothing unrelated merged, no chains."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta

from briefing.composition.stories import group_stories, same_story, similar_pairs, text_print
from briefing.models import StoredArticle
from tests.fixtures.newsday import generated_day, new_event, write_article


def test_a_day_of_300_finds_every_planted_pair_and_merges_nothing_else():
    day = generated_day(300, seed=11)
    groups = group_stories([StoredArticle(a) for a in day.articles], day.articles[0].published.tzinfo)
    merged = sorted(tuple(sorted(s.article.id for s in group)) for group in groups if len(group) > 1)
    assert len(day.pairs) == 30
    assert merged == sorted(tuple(sorted(pair)) for pair in day.pairs)
    assert sum(len(group) for group in groups) == 300


def pooled_day(count: int, pool_size: int) -> list[StoredArticle]:
    """Articles each made of three neighbouring paragraphs of one shared pool: article k shares two with k+1."""
    rng = random.Random(3)
    event = new_event(rng)
    first = write_article(rng, event, generated_day(1).articles[0].published, "Capital Wire", 0, "")
    pool = [write_article(rng, new_event(rng), first.published, "x", 0, "").body[1] for _ in range(pool_size)]
    return [
        StoredArticle(replace(first, id=k + 1, title=f"Wire copy {k + 1}", lead="",
                              body=tuple(pool[(k + n) % pool_size] for n in range(3)),
                              published=first.published + timedelta(minutes=k)))
        for k in range(count)
    ]


def test_articles_sharing_paragraphs_in_a_chain_do_not_become_one_story():
    articles = pooled_day(120, 60)
    prints = [text_print(a) for a in articles]
    pairs = similar_pairs(prints)
    assert (0, 1) in pairs and (1, 2) in pairs  # neighbours are alike: chained, they would all be one story
    groups = group_stories(articles, articles[0].article.published.tzinfo)
    # k and k+60 are the same text, k+1 and k+61 share two paragraphs with both: at most 6 alike in a group
    assert max(len(group) for group in groups) <= 6
    assert len(groups) >= 20
    for group in groups:
        for a in group:
            assert all(a is b or same_story(a, b) for b in group), "a group holds two articles that are not alike"


def test_a_story_told_by_many_outlets_is_still_one_story():
    day = generated_day(40, seed=4, duplicate_share=0)
    original = day.articles[0]
    copies = [replace(original, id=100 + n, source=f"Outlet {n}", title=f"{original.title} ({n})") for n in range(12)]
    articles = [StoredArticle(a) for a in (*day.articles, *copies)]
    groups = group_stories(articles, original.published.tzinfo)
    assert sorted(len(group) for group in groups)[-1] == 13
    assert len(groups) == 40


def test_stories_found_before_the_extractions_make_the_same_briefing():
    """``compose(grouped=)`` takes the stories found from the text alone (while extracting) as its own."""
    from briefing.composition import compose
    from briefing.composition.compose import in_briefing_order
    from briefing.composition.stories import group_indices
    from tests.fixtures.render.fictional_day import (
        GENERATED_AT,
        day_briefing,
        fictional_day,
        period,
        settings,
    )

    articles = fictional_day()
    grouped = group_indices(in_briefing_order(articles), settings().zone)
    assert any(len(group) > 1 for group in grouped)  # the fictional day holds a story told twice
    assert compose(settings(), period(), articles, issue_number=34, generated_at=GENERATED_AT,
                   notes=day_briefing().notes, grouped=grouped) == day_briefing()
    alone = [[i] for i in range(len(articles))]  # and the grouping given is the one used
    split = compose(settings(), period(), articles, issue_number=34, generated_at=GENERATED_AT, grouped=alone)
    assert _story_count(split) == len(articles) > _story_count(day_briefing())


def _story_count(briefing) -> int:
    return sum(len(section.stories) for section in briefing.all_stories)
