"""`briefing articles delete`: by id, by file, by day or range, with --dry-run; on SQLite and PostgreSQL.

An article goes with its extraction and its search entry; the command says
what it removed, and a dry run removes nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from briefing.store import Store
from briefing.store.tables import extractions
from tests.fixtures.inprocess import run

DAYS = {"mon": "2026-02-02T10:00:00+01:00", "tue": "2026-02-03T10:00:00+01:00", "wed": "2026-02-04T10:00:00+01:00"}


@pytest.fixture
def setup(store_url, make_config, tmp_path) -> tuple[str, Path, str]:
    """A store with one ferry article a day (Monday to Wednesday) and a feed-like list of two on Tuesday."""
    config = str(make_config(store={"url": store_url}, articles={"folder": str(tmp_path / "none")}))
    folder = tmp_path / "in"
    folder.mkdir()
    for name, published in DAYS.items():
        record = {"title": f"Ferry news of {name}", "published": published,
                  "body": f"The ferry carried 1,200 passengers on {name}. \"A fine day,\" said Olga Marek."}
        (folder / f"{name}.json").write_text(json.dumps(record), encoding="utf-8")
    pair = [{"title": f"Harbour note {n}", "published": DAYS["tue"], "body": "Cranes at work."} for n in (1, 2)]
    (folder / "pair.json").write_text(json.dumps(pair), encoding="utf-8")
    code, _, err = run("ingest", "--config", config, str(folder))
    assert code == 0, err
    return config, folder, store_url


def titles(store_url: str) -> list[str]:
    with Store(store_url) as store:
        return sorted(s.article.title for s in store.articles_between(*_all_time()))


def _all_time():
    from datetime import UTC, datetime
    return datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC)


def ids_by_title(store_url: str) -> dict[str, int]:
    with Store(store_url) as store:
        return {s.article.title: s.id for s in store.articles_between(*_all_time())}


def test_delete_by_id_removes_the_article_its_extraction_and_its_search_entry(setup):
    config, _, store_url = setup
    assert run("articles", "show", "--config", config, str(ids_by_title(store_url)["Ferry news of tue"]))[0] == 0
    with Store(store_url) as store, store.reading() as connection:  # `show` stored its extraction
        assert connection.execute(select(func.count()).select_from(extractions)).scalar_one() == 1
    article_id = ids_by_title(store_url)["Ferry news of tue"]
    code, out, err = run("articles", "delete", "--config", config, str(article_id))
    assert code == 0
    assert out.startswith(f"removed {article_id:>6}  2026-02-03 10:00  Ferry news of tue\n")
    assert err.startswith("1 article removed from ")
    assert err.endswith(", with their figures, quotes and search entries\n")
    assert "Ferry news of tue" not in titles(store_url)
    with Store(store_url) as store:
        assert [s.article.title for s in store.search("ferry")] == ["Ferry news of wed", "Ferry news of mon"]
        with store.reading() as connection:
            assert connection.execute(select(func.count()).select_from(extractions)).scalar_one() == 0


def test_delete_by_file_removes_every_article_read_from_it(setup):
    config, folder, store_url = setup
    code, out, err = run("articles", "delete", "--config", config, "--file", str(folder / "pair.json"))
    assert code == 0
    assert [line.split("  ")[-1] for line in out.splitlines()] == ["Harbour note 1", "Harbour note 2"]
    assert err.startswith("2 articles removed from ")
    assert titles(store_url) == ["Ferry news of mon", "Ferry news of tue", "Ferry news of wed"]


def test_delete_a_day_and_a_range(setup):
    config, _, store_url = setup
    code, _, err = run("articles", "delete", "--config", config, "--date", "2026-02-03")
    assert code == 0 and err.startswith("3 articles removed")
    assert titles(store_url) == ["Ferry news of mon", "Ferry news of wed"]
    code, _, err = run("articles", "delete", "--config", config, "--from", "2026-02-01", "--to", "2026-02-04")
    assert code == 0 and err.startswith("2 articles removed")
    assert titles(store_url) == []


def test_a_dry_run_lists_and_removes_nothing(setup):
    config, _, store_url = setup
    before = titles(store_url)
    code, out, err = run("articles", "delete", "--config", config, "--date", "2026-02-02", "--dry-run")
    assert code == 0
    assert out.startswith("would remove ") and out.endswith("  2026-02-02 10:00  Ferry news of mon\n")
    assert err.startswith("1 article would be removed from ") and err.endswith(" (dry run: nothing removed)\n")
    assert titles(store_url) == before


def test_an_unknown_id_is_named_and_exits_1(setup):
    config, _, store_url = setup
    known = ids_by_title(store_url)["Ferry news of mon"]
    code, out, err = run("articles", "delete", "--config", config, str(known), "99999")
    assert code == 1
    assert err.splitlines()[-1] == "no such article: 99999"
    assert "Ferry news of mon" not in titles(store_url)


def test_delete_without_naming_anything_is_a_usage_error(setup):
    config, _, store_url = setup
    code, _, err = run("articles", "delete", "--config", config)
    assert code == 2
    assert err.endswith("Error: name the articles: IDs, --file, --date, or --from and --to\n")
    assert len(titles(store_url)) == 5
