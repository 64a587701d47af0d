"""The SQLite store: schema versions, one copy per article, updates, extractions, search."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest

from briefing.errors import StoreError
from briefing.models import Article, Extraction, Figure, Quote
from briefing.store import NEW, UNCHANGED, UPDATED, Store
from briefing.store.schema import MIGRATIONS

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
def store(tmp_path):
    with Store(tmp_path / "store.sqlite3") as opened:
        yield opened


def test_a_new_store_is_at_the_latest_schema_version_in_wal_mode(tmp_path):
    with Store(tmp_path / "s.sqlite3") as store:
        assert store.schema_version == len(MIGRATIONS)
    db = sqlite3.connect(tmp_path / "s.sqlite3")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_store_from_a_newer_briefing_is_refused(tmp_path):
    path = tmp_path / "s.sqlite3"
    Store(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version={len(MIGRATIONS) + 1}")
    db.close()
    with pytest.raises(StoreError) as error:
        Store(path)
    assert str(error.value) == (
        f"{path}: store schema version {len(MIGRATIONS) + 1} is newer than this briefing "
        f"(knows {len(MIGRATIONS)}); upgrade briefing"
    )


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("these are my notes, not a database " * 100)
    with pytest.raises(StoreError, match=r"notes.sqlite3: not a usable briefing store: file is not a database"):
        Store(path)
    assert path.read_text().startswith("these are my notes")


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


def test_published_is_stored_in_utc_and_read_back_as_the_same_instant(store):
    (_, stored), = store.add_articles([article()])
    found = store.get_article(stored.id).article
    assert found.published == datetime(2026, 2, 3, 8, 15, tzinfo=UTC)
    assert found.published.utcoffset() == timedelta(0)
    assert found.body == article().body and found.sources == ("PAP",)


def test_articles_between_selects_by_instant_half_open(store):
    store.add_articles([
        article("Before", published=datetime(2026, 2, 2, 22, 59, tzinfo=UTC)),
        article("At start", published=datetime(2026, 2, 2, 23, 0, tzinfo=UTC)),
        article("At end", published=datetime(2026, 2, 3, 23, 0, tzinfo=UTC)),
    ])
    found = store.articles_between(datetime(2026, 2, 2, 23, 0, tzinfo=UTC), datetime(2026, 2, 3, 23, 0, tzinfo=UTC))
    assert [a.article.title for a in found] == ["At start"]


def test_extractions_round_trip(store):
    (_, stored), = store.add_articles([article()])
    extraction = Extraction(
        figures=(Figure(6.0, "metres", "", "six metres", "Waves reached six metres.", 2, 14, 0.5),),
        quotes=(Quote("We will resume on Friday", "Anna Lis", False, "ferry operator", "", 3, 0, 0.7),),
        version="t1",
    )
    store.save_extractions([(stored.id, extraction)])
    assert store.get_article(stored.id).extraction == extraction


def test_search_ranks_title_matches_first(store):
    store.add_articles([
        article("Storm closes ports", lead="Ferries stayed in port as the storm hit."),
        article("Ferry crossing suspended", lead="The link was suspended."),
    ])
    assert [a.article.title for a in store.search("ferry OR ferries")] == [
        "Ferry crossing suspended",
        "Storm closes ports",
    ]


def test_a_broken_search_query_is_a_store_error(store):
    with pytest.raises(StoreError, match=r"^search 'ferry AND': fts5: syntax error"):
        store.search("ferry AND")
