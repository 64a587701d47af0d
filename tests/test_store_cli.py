"""`briefing store migrate` and `briefing store copy --to URL`: a SQLite store moved, every article kept."""

from __future__ import annotations

from datetime import UTC, datetime

from briefing.extraction import extract
from briefing.ingest import ingest_paths
from briefing.models import Article
from briefing.store import Store
from tests.conftest import REPO, briefing_cli

SAMPLES = REPO / "samples" / "articles"


def test_migrate_makes_a_new_store_and_then_has_nothing_to_do(make_config, tmp_path):
    config = str(make_config())
    first = briefing_cli("store", "migrate", "--config", config)
    assert (first.returncode, first.stdout) == (0, f"{tmp_path / 'store.sqlite3'}: schema none (a new store) -> 0004\n")
    again = briefing_cli("store", "migrate", "--config", config)
    assert again.stdout == f"{tmp_path / 'store.sqlite3'}: schema 0004, the newest; nothing to do\n"


def test_copy_moves_every_article_extraction_and_file_and_the_copy_goes_on_working(make_config, store_url):
    config = make_config()
    with Store(config.parent / "store.sqlite3") as source:
        ingest_paths(source, [SAMPLES])
        everything = source.articles_between(datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))
        source.save_extractions((s.id, extract(s.article)) for s in everything[:3])
        everything = source.articles_between(datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))
    assert len(everything) == 12

    copied = briefing_cli("store", "copy", "--config", str(config), "--to", store_url)
    assert copied.returncode == 0, copied.stderr
    assert copied.stdout.splitlines() == [
        "articles              12 rows",
        "fetched_urls           0 rows",
        "files                 12 rows",
        "rejected               0 rows",
        "runs                   0 rows",
        "claims                 0 rows",
        "deliveries             0 rows",
        "extractions            3 rows",
    ]

    with Store(store_url) as target:
        moved = target.articles_between(datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))
        assert moved == everything
        assert [s.article.title for s in target.search("icebreakers")] == [
            a.article.title for a in everything if "icebreakers" in a.article.origin]
        (outcome, added), = target.add_articles([
            Article(title="Harbour crane returns", published=datetime(2026, 2, 5, 9, 0, tzinfo=UTC), origin="/new.txt")])
        assert (outcome, added.id) == ("new", max(a.id for a in everything) + 1)


def test_copy_into_a_store_that_is_not_empty_is_refused_and_changes_nothing(make_config, store_url):
    config = make_config()
    with Store(config.parent / "store.sqlite3") as source:
        ingest_paths(source, [SAMPLES])
    assert briefing_cli("store", "copy", "--config", str(config), "--to", store_url).returncode == 0
    with Store(store_url) as target:
        where = target.where
    again = briefing_cli("store", "copy", "--config", str(config), "--to", store_url)
    assert again.returncode == 1
    assert again.stderr == (f"briefing: error: {where}: the target store is not empty (table articles has rows); "
                            "copy needs a new, empty store\n")
    with Store(store_url) as target:
        assert target.count_articles() == 12
