"""Search stays in step with the articles (added, edited, deleted, loaded, copied, upgraded from schema 0001),
ranks the same whatever the limit, and on PostgreSQL puts every title match first and ranks by title and lead."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import delete, inspect, update

from briefing.models import Article
from briefing.store import Store
from briefing.store.copy import copy_store
from briefing.store.tables import articles
from tests.fixtures.store.older import store_at
from tests.fixtures.store.postgres import ENV, fresh_schema, server_url

NOON = datetime(2026, 2, 3, 12, 0, tzinfo=UTC)


def article(n: int, title: str, lead: str = "", body: tuple[str, ...] = ()) -> Article:
    return Article(title=title, published=NOON + timedelta(minutes=n), lead=lead, body=body, origin=f"/desk/{n}.txt",
                   url=f"https://pier-news.example/{n}")


def titles(found) -> list[str]:
    return [stored.article.title for stored in found]


def harbour_desk() -> list[Article]:
    """Twelve articles with 'ferry' in the title; eighteen with it (and 'pier') only in the lead or body,
    some many times over; three with 'ferry' and 'budget' over and over in the lead; ten without 'ferry'."""
    made = [article(n, f"Ferry timetable {n}", "The pier office opened.") for n in range(12)]
    made += [article(100 + n, f"Port notes {n}", "Ferry " * (1 + n % 6) + "pier " * (n % 3), ("Ferry again.",) * (n % 4))
             for n in range(18)]
    made += [article(200 + n, f"Council notes {n}", "The budget was approved.") for n in range(10)]
    made += [article(300 + n, f"Harbour levy {n}", "Ferry budget, " * 3, ("The levy pays for the pier.",)) for n in range(3)]
    return made


@pytest.fixture
def store(store_url):
    with Store(store_url) as opened:
        yield opened


def test_an_article_is_found_by_its_words_after_it_is_added_edited_and_deleted(store):
    (_, first), = store.add_articles([article(1, "Ferry crossing suspended", "Waves reached six metres.")])
    assert titles(store.search("waves")) == ["Ferry crossing suspended"]
    (outcome, edited), = store.add_articles([article(1, "Tram depot opens", "The depot has forty tracks.")])
    assert (outcome, edited.id) == ("updated", first.id)
    assert store.search("ferry") == [] and store.search("waves") == []
    assert titles(store.search("depot")) == ["Tram depot opens"]
    with store.transaction() as connection:
        connection.execute(update(articles).where(articles.c.id == first.id).values(section="Transport"))
    assert titles(store.search("tracks")) == ["Tram depot opens"]
    with store.transaction() as connection:
        connection.execute(delete(articles).where(articles.c.id == first.id))
    assert store.search("depot") == []


def test_bulk_loaded_articles_are_found_like_added_ones(store):
    assert store.load_articles(harbour_desk()) == 43
    assert len(store.search("ferry", limit=100)) == 33
    assert len(store.search("budget", limit=100)) == 13
    assert titles(store.search("timetable 7")) == ["Ferry timetable 7"]


@pytest.mark.parametrize("query", ["ferry", "pier", "ferry pier", "budget", "ferry OR budget"])
def test_asking_for_fewer_matches_gives_the_first_of_the_same_ranking(store, query):
    store.add_articles(harbour_desk())
    everything = titles(store.search(query, limit=1000))
    assert everything
    for limit in (1, 5, 11, 12, 13, 29):
        assert titles(store.search(query, limit=limit)) == everything[:limit]


def test_a_store_made_before_schema_0002_finds_its_articles_after_the_upgrade(store_url):
    store_at(store_url, "0001", harbour_desk())
    with Store(store_url) as store:
        assert store.migrated == ("0001", "0004")
        assert len(store.search("ferry", limit=100)) == 33
        assert titles(store.search("budget", limit=3)) == ["Harbour levy 2", "Harbour levy 1", "Harbour levy 0"]
        store.add_articles([article(400, "Ferry museum opens")])
        assert titles(store.search("museum")) == ["Ferry museum opens"]
        with store.reading() as connection:
            assert "search_vector" not in {c["name"] for c in inspect(connection).get_columns("articles")}


# -- PostgreSQL only ---------------------------------------------------------------------------------

needs_a_server = pytest.mark.skipif(not server_url(), reason=f"{ENV} is not set: no PostgreSQL server to test on")


@pytest.fixture
def pg_url():
    with fresh_schema(server_url()) as url:
        yield url


@pytest.mark.postgresql
@needs_a_server
@pytest.mark.parametrize("limit", [5, 1000], ids=["fewer than the title matches", "all"])
def test_postgresql_ranks_every_title_match_above_every_other(pg_url, limit):
    with Store(pg_url) as store:
        store.add_articles(harbour_desk())
        found = titles(store.search("ferry", limit=limit))
    in_title = [title for title in found if "Ferry" in title]
    assert found[:len(in_title)] == in_title
    assert len(in_title) == min(limit, 12) and len(found) == min(limit, 33)


@pytest.mark.postgresql
@needs_a_server
def test_a_sqlite_store_copied_to_postgresql_finds_every_article(tmp_path, pg_url):
    desk = harbour_desk()
    with Store(tmp_path / "store.sqlite3") as source, Store(pg_url) as target:
        source.add_articles(desk)
        copy_store(source, target)
        for made in desk:
            assert titles(target.search(f'"{made.title}"')) == [made.title]
        assert len(target.search("ferry", limit=100)) == 33
        target.add_articles([article(400, "Ferry museum opens")])
        assert titles(target.search("museum")) == ["Ferry museum opens"]



def long_reads() -> list[Article]:
    """Two articles with 'ferry' and 'budget' all over their body; one with both in its lead, once each."""
    body = ("The ferry budget, the ferry budget and again the ferry budget.",) * 20
    return [article(500, "Harbour review", "Tides were low.", body),
            article(501, "Dock review", "Cranes were idle.", body),
            article(502, "Quay review", "The ferry operator asked for a bigger budget.")]


@pytest.mark.postgresql
@needs_a_server
def test_postgresql_ranks_by_title_and_lead_and_the_body_only_decides_a_match(pg_url):
    with Store(pg_url) as store:
        store.add_articles(long_reads())
        assert titles(store.search("ferry budget")) == ["Quay review", "Dock review", "Harbour review"]
        store.add_articles([article(503, "Ferry budget cut", "Tides were low.")])
        assert titles(store.search("ferry budget")) == ["Ferry budget cut", "Quay review", "Dock review",
                                                        "Harbour review"]


def test_sqlite_ranks_by_the_whole_text(tmp_path):
    with Store(tmp_path / "store.sqlite3") as store:
        store.add_articles(long_reads())
        # the two long reads score the same and tie: the newest stored comes first
        assert titles(store.search("ferry budget")) == ["Dock review", "Harbour review", "Quay review"]
