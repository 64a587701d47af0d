"""Hostile text in articles (causes 1 and 12): what cannot be stored is refused per file, what acts is removed.

Lone surrogates (valid JSON escapes, not Unicode) and file names that are not
UTF-8 are refused with a reason, and the rest of the batch is stored; control
characters and bidi overrides never reach the store or the terminal.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from briefing.store import Store
from tests.fixtures.inprocess import run


def write_json(folder: Path, name: str, **fields) -> Path:
    record = {"title": f"Ferry timetable {name}", "published": "2026-02-03T09:00:00+01:00",
              "body": "The ferry runs every hour. Tickets cost 12 euros."}
    record.update(fields)
    path = folder / f"{name}.json"
    path.write_text(json.dumps(record), encoding="utf-8")  # json.dumps writes a lone surrogate as \ud800
    return path


@pytest.fixture
def config(make_config, tmp_path) -> str:
    return str(make_config(articles={"folder": str(tmp_path / "none")}))


def stored_titles(tmp_path: Path) -> list[str]:
    with Store(tmp_path / "store.sqlite3") as store:
        return sorted(s.article.title for s in store.search("ferry", limit=50))


def test_a_lone_surrogate_in_one_json_file_sets_that_file_aside_and_the_other_four_are_stored(tmp_path, config):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in "abde":
        write_json(folder, name)
    write_json(folder, "c", title="Ferry \ud800 timetable")
    assert '"Ferry \\ud800 timetable"' in (folder / "c.json").read_text()
    code, out, err = run("ingest", "--config", config, str(folder))
    assert code == 1
    assert err == f"rejected: {folder / 'c.json'}: the title holds a lone surrogate (\\ud800), not valid Unicode\n"
    assert out == "5 files read: 4 new, 0 updated, 0 already stored, 1 rejected\n"
    assert stored_titles(tmp_path) == [f"Ferry timetable {name}" for name in "abde"]


def test_surrogates_in_json_lines_and_front_matter_are_refused_per_item_and_per_file(tmp_path, config):
    folder = tmp_path / "in"
    folder.mkdir()
    good = {"title": "Ferry one", "published": "2026-02-03T09:00:00Z", "body": "The ferry sails."}
    bad = {**good, "title": "Ferry two", "body": "The ferry \udfff sails."}
    (folder / "items.jsonl").write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    (folder / "note.md").write_text('---\ntitle: "Ferry \\ud83d note"\ndate: 2026-02-03\n---\n\nThe ferry sails.\n',
                                    encoding="utf-8")
    code, out, err = run("ingest", "--config", config, str(folder))
    assert code == 1
    assert err.splitlines() == [
        f"rejected: {folder / 'items.jsonl'} (article 'Ferry two'): "
        "the lead of 'Ferry two' holds a lone surrogate (\\udfff), not valid Unicode",
        f"rejected: {folder / 'note.md'}: the title holds a lone surrogate (\\ud83d), not valid Unicode",
    ]
    assert out == "2 files read: 1 new, 0 updated, 0 already stored, 2 rejected\n"
    assert stored_titles(tmp_path) == ["Ferry one"]


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse names that are not UTF-8")
def test_a_file_name_that_is_not_utf8_is_refused_and_named_readably(tmp_path, config):
    folder = tmp_path / "in"
    folder.mkdir()
    write_json(folder, "good")
    bad_name = os.fsdecode(bytes(folder) + b"/ferry-\xff.json")
    Path(bad_name).write_text((folder / "good.json").read_text().replace("good", "other"), encoding="utf-8")
    code, out, err = run("ingest", "--config", config, str(folder))
    assert code == 1
    assert err == f"rejected: {folder}/ferry-\\xff.json: the file name is not valid UTF-8; rename the file\n"
    assert out == "2 files read: 1 new, 0 updated, 0 already stored, 1 rejected\n"
    with Store(tmp_path / "store.sqlite3") as store:
        assert store.rejections()[0][:2] == (f"{folder}/ferry-\\xff.json",
                                             "the file name is not valid UTF-8; rename the file")


def test_a_search_for_bytes_that_are_not_utf8_is_one_line_and_exit_1(config):
    code, out, err = run("search", "--config", config, os.fsdecode(b"rail\xff"))
    assert (code, out) == (1, "")
    assert err == "briefing: error: search 'rail\\xff': the query holds bytes that are not UTF-8 text\n"


def test_control_characters_and_bidi_overrides_are_removed_at_ingest(tmp_path, config):
    folder = tmp_path / "in"
    folder.mkdir()
    write_json(folder, "ansi",
               title="Ferry \x1b[2J\x1b]8;;https://evil.example\x07timetable\x1b]8;;\x07 \u202eenil\u202c changed",
               body="The ferry\x00 runs\x07 every hour.\n\nTickets \u2066cost\u2069 12 euros.\tStill.")
    code, _, err = run("ingest", "--config", config, str(folder))
    assert code == 0, err
    with Store(tmp_path / "store.sqlite3") as store:
        (stored,) = store.search("ferry")
    article = stored.article
    assert article.title == "Ferry [2J]8;;https://evil.exampletimetable]8;; enil changed"
    assert article.lead == "The ferry runs every hour."
    assert article.body == ("Tickets cost 12 euros. Still.",)
    code, out, _ = run("articles", "show", "--config", config, str(stored.id))
    assert code == 0
    assert "\x1b" not in out and "\u202e" not in out and "\x00" not in out
    code, out, _ = run("search", "--config", config, "ferry")
    assert out.endswith("  Ferry [2J]8;;https://evil.exampletimetable]8;; enil changed\n")


def test_an_article_stored_before_with_an_escape_sequence_is_shown_without_it(tmp_path, config):
    from dataclasses import replace

    from briefing.readers import read_file

    folder = tmp_path / "in"
    folder.mkdir()
    (article,) = read_file(write_json(folder, "old"))
    with Store(tmp_path / "store.sqlite3") as store:  # as an older briefing stored it, unvetted
        store.add_articles([replace(article, title="Ferry \x1b[31mred\x1b[0m alert")])
    code, out, _ = run("articles", "list", "--config", config, "--date", "2026-02-03")
    assert code == 0
    assert out.endswith("  Ferry [31mred[0m alert\n")
