"""A damaged store (cause 6): named in one line by every command, found by `briefing store check`.

Damage is made the way it happens: pages of the file overwritten, the file
truncated to nothing, another file put in its place.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tests.fixtures.inprocess import run

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "articles"
PAGE = 4096


@pytest.fixture
def store_and_config(make_config, tmp_path) -> tuple[Path, str]:
    config = str(make_config(articles={"folder": str(tmp_path / "none")}, output={"formats": ["md"]}))
    code, _, err = run("ingest", "--config", config, str(SAMPLES))
    assert code == 0, err
    return tmp_path / "store.sqlite3", config


def overwrite_pages(path: Path, first_page: int, pages: int) -> None:
    with path.open("r+b") as stream:
        stream.seek(PAGE * first_page)
        stream.write(b"\xde\xad" * (PAGE // 2) * pages)


def test_a_healthy_store_checks_clean(store_and_config):
    path, config = store_and_config
    assert run("store", "check", "--config", config) == (0, f"{path}: no damage found (12 articles)\n", "")


@pytest.mark.parametrize("command", [
    ("articles", "list", "--date", "2026-02-03"),
    ("search", "ferry"),
    ("ingest", str(SAMPLES)),
    ("generate", "--date", "2026-02-03"),
])
def test_overwritten_pages_are_named_in_one_line_by_every_command(store_and_config, command):
    path, config = store_and_config
    overwrite_pages(path, 3, 3)
    code, out, err = run(*command, "--config", config)
    assert code == 1
    assert err == (f"briefing: error: {path}: the store is damaged (database disk image is malformed); "
                   "run 'briefing store check'\n")


def test_store_check_finds_damage_that_ordinary_reads_pass_over(store_and_config):
    path, config = store_and_config
    overwrite_pages(path, path.stat().st_size // PAGE - 2, 1)  # near the end: a search still answers
    code, out, err = run("store", "check", "--config", config)
    assert (code, out) == (1, "")
    assert err.splitlines()[-1] == f"{path}: damaged (1 problem); restore it from a backup"


def test_a_store_truncated_to_nothing_is_an_error_not_a_new_store(store_and_config, tmp_path):
    path, config = store_and_config
    code, _, err = run("generate", "--config", config, "--date", "2026-02-03")
    assert code == 0, err
    made = (tmp_path / "output" / "2026-02-03" / "briefing.md").read_text()
    path.write_bytes(b"")
    for extra in path.parent.glob("store.sqlite3-*"):
        extra.unlink()
    os.utime(path, (time.time() - 60, time.time() - 60))
    code, out, err = run("generate", "--config", config, "--date", "2026-02-03", "--force")
    assert code == 1
    assert err == (f"briefing: error: {path}: the store file is empty (0 bytes); it was truncated or replaced. "
                   "Restore it from a backup, or delete it to start a new, empty store\n")
    assert path.stat().st_size == 0
    assert (tmp_path / "output" / "2026-02-03" / "briefing.md").read_text() == made


def test_another_file_in_the_stores_place_is_refused_untouched(make_config, tmp_path):
    config = str(make_config())
    (tmp_path / "store.sqlite3").write_text("Shopping list: bread, milk.\n" * 20)
    code, out, err = run("articles", "list", "--config", config, "--date", "2026-02-03")
    assert code == 1
    assert err == (f"briefing: error: {tmp_path / 'store.sqlite3'}: not an SQLite database (its first bytes are "
                   "not SQLite's header); restore it from a backup\n")
    assert (tmp_path / "store.sqlite3").read_text().startswith("Shopping list")


def test_store_check_on_every_engine(store_url, make_config, tmp_path):
    config = str(make_config(store={"url": store_url}, articles={"folder": str(tmp_path / "none")}))
    assert run("ingest", "--config", config, str(SAMPLES))[0] == 0
    code, out, err = run("store", "check", "--config", config)
    assert (code, err) == (0, "")
    assert out.endswith(": no damage found (12 articles)\n")


def test_store_check_names_articles_dated_at_the_calendars_end_and_delete_removes_them(make_config, tmp_path):
    from dataclasses import replace
    from datetime import UTC, datetime

    from briefing.readers import read_file
    from briefing.store import Store

    config = str(make_config(articles={"folder": str(tmp_path / "none")}))
    (article,) = read_file(SAMPLES / next(p.name for p in sorted(SAMPLES.iterdir()) if p.suffix == ".json"))
    with Store(tmp_path / "store.sqlite3") as store:  # as an older briefing, which took any date, stored it
        store.add_articles([replace(article, published=datetime(9999, 12, 31, 23, 0, tzinfo=UTC))])
    code, out, err = run("store", "check", "--config", config)
    assert (code, out) == (1, "")
    last = datetime.now(UTC).year + 100
    assert err.splitlines()[0] == (
        f"{tmp_path / 'store.sqlite3'}: 1 article is dated before 1900 or after {last} (taken in by an older "
        "briefing); remove them with 'briefing articles delete --from ... --to ...'")
    assert run("articles", "delete", "--config", config, "--from", f"{last + 1}-01-01", "--to", "9999-12-31")[0] == 0
    assert run("store", "check", "--config", config)[0] == 0
