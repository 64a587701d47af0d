"""The store, on SQLite and (with BRIEFING_TEST_DATABASE_URL) PostgreSQL: schema, one copy per article,
updates, extractions, selection by instant, search, files, rejections, fetched URLs."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import text

from briefing.errors import StoreError
from briefing.models import Article, Extraction, Figure, Quote
from briefing.store import NEW, UNCHANGED, UPDATED, FileStamp, Store
from briefing.store.migrate import head_revision

CET = timezone(timedelta(hours=1))


def article(title="Ferry crossing suspended", **fields) -> Article:
    values = {
        "title": title,
        "published": datetime(2026, 2, 3, 9, 15, tzinfo=CET),
        "lead": "The Baltic ferry link was suspended for two days.",
        "body": ("Waves reached six metres, the operator said.", "\"We will resume on Friday,\" Anna Lis said."),
        "sources": ("PAP",),
        "origin": "/articles/ferry.txt",
    }
    values.update(fields)
    return Article(**values)


@pytest.fixture
def store(store_url):
    with Store(store_url) as opened:
        yield opened


def test_a_new_store_is_at_the_newest_schema(store):
    assert store.schema_version == head_revision() == "0004"


def test_a_sqlite_store_is_in_wal_mode(tmp_path):
    Store(tmp_path / "s.sqlite3").close()
    db = sqlite3.connect(tmp_path / "s.sqlite3")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_opening_again_keeps_what_is_stored(store_url):
    with Store(store_url) as store:
        store.add_articles([article()])
    with Store(store_url) as again:
        assert again.count_articles() == 1


def test_a_store_from_a_newer_briefing_is_refused(store_url):
    with Store(store_url) as store:
        with store.transaction() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = '0099'"))
        where = store.where
    with pytest.raises(StoreError) as error:
        Store(store_url)
    assert str(error.value) == f"{where}: store schema version 0099 is newer than this briefing (knows 0004); upgrade briefing"


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("these are my notes, not a database " * 100)
    with pytest.raises(StoreError) as error:
        Store(path)
    assert str(error.value) == (
        f"{path}: not an SQLite database (its first bytes are not SQLite's header); restore it from a backup"
    )
    assert path.read_text().startswith("these are my notes")


def test_an_unknown_kind_of_database_is_refused():
    with pytest.raises(StoreError) as error:
        Store("mysql://desk@127.0.0.1/briefing")
    assert str(error.value) == (
        "mysql://desk@127.0.0.1/briefing: unsupported database 'mysql', expected one of: postgresql, sqlite")


def test_a_server_that_does_not_answer_is_a_store_error(tmp_path):
    from tests.fixtures.delivery.support import free_port

    url = f"postgresql+psycopg://desk:secret@127.0.0.1:{free_port()}/briefing"
    with pytest.raises(StoreError) as error:
        Store(url, timeout=2)
    message = str(error.value)
    assert message.startswith(f"postgresql+psycopg://desk:***@127.0.0.1:{url.split(':')[3]}: cannot open the store: ")
    assert "secret" not in message


def test_the_same_article_twice_is_stored_once(store):
    first = store.add_articles([article()])
    second = store.add_articles([replace(article(), origin="/elsewhere/copy.txt")])
    assert [outcome for outcome, _ in first] == [NEW]
    assert [outcome for outcome, _ in second] == [UNCHANGED]
    assert second[0][1].id == first[0][1].id
    assert store.count_articles() == 1


def test_an_edited_article_updates_the_stored_one_and_drops_its_extraction(store):
    (_, stored), = store.add_articles([article()])
    store.save_extractions([(stored.id, Extraction(figures=(Figure(2, "days", "", "two days"),), version="t1"))])
    (outcome, again), = store.add_articles([article(lead="The Baltic ferry link was suspended for three days.")])
    assert outcome == UPDATED and again.id == stored.id
    found = store.get_article(stored.id)
    assert found.article.lead == "The Baltic ferry link was suspended for three days."
    assert found.extraction is None
    assert [a.article.title for a in store.search("three")] == ["Ferry crossing suspended"]
    assert store.search("two") == []


def test_published_is_stored_in_utc_and_read_back_as_the_same_instant(store):
    (_, stored), = store.add_articles([article()])
    found = store.get_article(stored.id)
    assert found.article.published == datetime(2026, 2, 3, 8, 15, tzinfo=UTC)
    assert found.article.published.utcoffset() == timedelta(0)
    assert found.article.body == article().body and found.article.sources == ("PAP",)
    assert found.ingested_at.tzinfo is not None
    assert store.get_article(stored.id + 1000) is None


def test_articles_between_selects_by_instant_half_open(store):
    store.add_articles([
        article("Before", published=datetime(2026, 2, 2, 22, 59, 59, tzinfo=UTC)),
        article("At start", published=datetime(2026, 2, 2, 23, 0, tzinfo=UTC)),
        article("At end", published=datetime(2026, 2, 3, 23, 0, tzinfo=UTC)),
    ])
    found = store.articles_between(datetime(2026, 2, 3, 0, 0, tzinfo=CET), datetime(2026, 2, 4, 0, 0, tzinfo=CET))
    assert [a.article.title for a in found] == ["At start"]


def test_articles_between_can_keep_only_those_matching_a_search(store):
    store.add_articles([
        article("Ferry crossing suspended"),
        article("Council approves budget", lead="The city council approved the budget.", body=()),
        article("Ferry timetable", published=datetime(2026, 2, 5, 9, 0, tzinfo=UTC)),
    ])
    start, end = datetime(2026, 2, 3, tzinfo=UTC), datetime(2026, 2, 4, tzinfo=UTC)
    assert [a.article.title for a in store.articles_between(start, end, matching="ferry")] == [
        "Ferry crossing suspended"]
    assert [a.article.title for a in store.articles_between(start, end, matching="budget OR waves")] == [
        "Ferry crossing suspended", "Council approves budget"]


def test_extractions_round_trip_and_are_replaced(store):
    (_, stored), = store.add_articles([article()])
    extraction = Extraction(
        figures=(Figure(6.0, "metres", "", "six metres", "Waves reached six metres.", 2, 14, 0.5),),
        quotes=(Quote("We will resume on Friday", "Anna Lis", False, "ferry operator", "", 3, 0, 0.7),),
        version="t1",
    )
    store.save_extractions([(stored.id, extraction)])
    assert store.get_article(stored.id).extraction == extraction
    store.save_extractions([(stored.id, replace(extraction, quotes=(), version="t2"))])
    assert store.get_article(stored.id).extraction == replace(extraction, quotes=(), version="t2")


def test_search_ranks_title_matches_first(store):
    store.add_articles([
        article("Storm closes ports", lead="Ferries stayed in port as the storm hit."),
        article("Ferry crossing suspended", lead="The link was suspended."),
        article("Council approves budget", lead="The city council approved the budget.", body=()),
    ])
    assert [a.article.title for a in store.search("ferry OR ferries")] == [
        "Ferry crossing suspended",
        "Storm closes ports",
    ]
    assert [a.article.title for a in store.search('"city council"')] == ["Council approves budget"]
    assert [a.article.title for a in store.search("ferry OR ferries", limit=1)] == ["Ferry crossing suspended"]


def test_a_broken_sqlite_search_query_is_a_store_error(tmp_path):
    with Store(tmp_path / "s.sqlite3") as store, pytest.raises(StoreError, match=r"^search 'ferry AND': fts5: syntax error"):
        store.search("ferry AND")


def test_files_are_remembered_with_their_size_and_time(store):
    stamp = FileStamp("/articles/ferry.txt", 1200, 1_770_000_000_123_456_789)
    assert not store.file_unchanged(stamp)
    store.add_articles([article()], files=[stamp])
    assert store.file_unchanged(stamp)
    assert not store.file_unchanged(replace(stamp, mtime_ns=stamp.mtime_ns + 1))
    store.add_articles([], files=[replace(stamp, size=1300)])
    assert store.file_unchanged(replace(stamp, size=1300))


def test_rejections_are_kept_in_order(store):
    store.record_rejection("/articles/bad.json", "not valid JSON at line 3")
    store.record_rejection("/articles/empty.txt", "no text", FileStamp("/articles/empty.txt", 0, 5))
    assert [(origin, reason) for origin, reason, _ in store.rejections()] == [
        ("/articles/bad.json", "not valid JSON at line 3"), ("/articles/empty.txt", "no text")]
    assert store.file_unchanged(FileStamp("/articles/empty.txt", 0, 5))


def test_fetch_validators_are_kept_per_url_and_replaced(store):
    url = "https://harbour-news.example/feed.xml"
    assert store.url_validators(url) == (None, None)
    store.record_fetch(url, '"v1"', "Tue, 03 Feb 2026 08:00:00 GMT")
    store.record_fetch(url, '"v2"', None)
    assert store.url_validators(url) == ('"v2"', None)


def test_a_bulk_load_is_searchable_and_later_ingest_still_finds_duplicates(store):
    loaded = [article(f"Harbour report {n}", published=datetime(2026, 2, 3, n, 0, tzinfo=UTC)) for n in range(3)]
    assert store.load_articles(loaded) == 3
    assert [a.article.title for a in store.articles_between(datetime(2026, 2, 3, 1, tzinfo=UTC),
                                                            datetime(2026, 2, 4, tzinfo=UTC))] == [
        "Harbour report 1", "Harbour report 2"]
    assert len(store.search("harbour")) == 3
    (outcome, again), (new, fresh) = store.add_articles([loaded[1], article("Crane returns")])
    assert (outcome, new) == (UNCHANGED, NEW)
    assert fresh.id == max(a.id for a in store.search("harbour")) + 1


def test_a_batch_that_repeats_an_article_stores_it_once_and_updates_in_order(store_url):
    with Store(store_url) as store:
        first = article("Tram depot opens", url="https://news.example/tram")
        edited = article("Tram depot opens", url="https://news.example/tram", lead="It opened a day late.")
        results = store.add_articles([first, first, edited, article("Bridge closes")])
        assert [outcome for outcome, _ in results] == [NEW, UNCHANGED, UPDATED, NEW]
        assert results[0][1].id == results[1][1].id == results[2][1].id
        assert store.count_articles() == 2
        assert store.get_article(results[0][1].id).article.lead == "It opened a day late."
