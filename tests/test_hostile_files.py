"""Files in the way (issue 14, cause 1): every file met is read or reported, one bad file never stops the rest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.readers.formats.jsonfile import JsonReader
from briefing.store import Store
from tests.fixtures.inprocess import run

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Coast Wire</title>
<item><title>Harbour crane back in service</title><pubDate>Tue, 03 Feb 2026 09:00:00 +0100</pubDate>
<description>The crane lifted its first container in a month.</description></item>
<item><title></title><pubDate>Tue, 03 Feb 2026 10:00:00 +0100</pubDate>
<description>An item without a title.</description></item>
<item><title>Pier lights replaced</title><pubDate>the week after next</pubDate>
<description>New lamps line the pier.</description></item>
</channel></rss>
"""
TEXT_EXPORT = "Kraj\n\nRada miasta zatwierdziła budżet\n\n03.02.2026 10:00\nRadni przyjęli budżet na rok 2026.\n"


@pytest.fixture
def config(make_config, tmp_path) -> str:
    return str(make_config(articles={"folder": str(tmp_path / "none")}))


@pytest.fixture
def folder(tmp_path) -> Path:
    path = tmp_path / "in"
    path.mkdir()
    return path


def json_article(folder: Path, name: str, **fields) -> Path:
    record = {"title": f"Bakery {name} opens", "published": "2026-02-03T08:00:00+01:00", "body": "Bread at dawn."}
    record.update(fields)
    path = folder / f"{name}.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    return path


def test_every_file_in_a_folder_walk_is_read_or_reported_as_skipped(config, folder):
    json_article(folder, "good")
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    (folder / ".hidden.json").write_text("{}")
    code, out, err = run("ingest", "--config", config, str(folder))
    assert (code, err) == (0, "")
    assert out == "1 file read: 1 new, 0 updated, 0 already stored, 0 rejected, 3 files skipped as not articles\n"
    code, out, err = run("ingest", "-v", "--config", config, str(folder))
    assert err.splitlines() == [
        f"skipped: {folder / 'binary.txt'}: binary content, not text",
        f"skipped: {folder / 'empty.txt'}: the file is empty",
        f"skipped: {folder / 'notes.docx'}: no reader for files ending in .docx",
    ]
    assert out == "1 file read: 0 new, 0 updated, 1 already stored, 0 rejected, 3 files skipped as not articles\n"


def test_a_feed_keeps_its_good_items_and_names_the_bad_ones(config, folder, tmp_path):
    (folder / "wire.xml").write_text(FEED, encoding="utf-8")
    code, out, err = run("ingest", "--config", config, str(folder))
    assert code == 1
    assert err.splitlines() == [
        f"rejected: {folder / 'wire.xml'} (item 2): no title",
        f"rejected: {folder / 'wire.xml'} (item 3): invalid date 'the week after next'",
    ]
    assert out == "1 file read: 1 new, 0 updated, 0 already stored, 2 rejected\n"
    with Store(tmp_path / "store.sqlite3") as store:
        assert [s.article.title for s in store.search("crane")] == ["Harbour crane back in service"]


def test_a_cp1250_export_is_read_and_says_so(config, folder, tmp_path):
    path = folder / "budzet.txt"
    path.write_bytes(TEXT_EXPORT.encode("cp1250"))
    code, out, err = run("ingest", "--config", config, str(folder))
    assert code == 0
    assert err == f"note: {path}: not UTF-8: read as cp1250 (detected)\n"
    assert out == "1 file read: 1 new, 0 updated, 0 already stored, 0 rejected\n"
    with Store(tmp_path / "store.sqlite3") as store:
        (stored,) = store.search("budżet")
    assert stored.article.title == "Rada miasta zatwierdziła budżet"
    assert stored.article.lead == "Radni przyjęli budżet na rok 2026."


def test_json_items_with_a_title_and_a_date_but_no_text_are_rejected(config, folder, tmp_path):
    items = [{"title": "Empty one", "date": "2026-02-03"}, {"title": "Full one", "date": "2026-02-03",
                                                              "text": "It has words."}]
    (folder / "list.json").write_text(json.dumps(items), encoding="utf-8")
    json_article(folder, "bare", body="")
    code, out, err = run("ingest", "--config", config, str(folder))
    assert code == 1
    assert err.splitlines() == [
        f"rejected: {folder / 'bare.json'}: no text in 'Bakery bare opens' "
        '(expected a "body", "content" or "text" field)',
        f"rejected: {folder / 'list.json'} (item 1): no text in 'Empty one' "
        '(expected a "body", "content" or "text" field)',
    ]
    assert out == "2 files read: 1 new, 0 updated, 0 already stored, 2 rejected\n"


def test_an_unexpected_error_in_one_file_sets_it_aside_and_the_batch_goes_on(config, folder, tmp_path,
                                                                             monkeypatch):
    for name in "abcde":
        json_article(folder, name)
    real_read = JsonReader.read

    def read_with_a_bug(self, data: bytes, origin: str):
        if origin.endswith("c.json"):  # a bug no one has found yet, met in one file
            raise IndexError("list index out of range")
        return real_read(self, data, origin)

    monkeypatch.setattr(JsonReader, "read", read_with_a_bug)
    code, out, err = run("ingest", "--config", config, str(folder))
    assert code == 1
    assert err == (f"rejected: {folder / 'c.json'}: unexpected error while reading it "
                   "(IndexError: list index out of range); please report it\n")
    assert out == "5 files read: 4 new, 0 updated, 0 already stored, 1 rejected\n"
    with Store(tmp_path / "store.sqlite3") as store:
        assert store.count_articles() == 4


def test_a_rejection_is_printed_once_and_without_a_progress_label(config, folder):
    for n in range(60):  # past the progress bar's threshold, which shows only on a terminal
        json_article(folder, f"n{n:02d}")
    (folder / "broken.json").write_text("{", encoding="utf-8")
    code, out, err = run("ingest", "--config", config, str(folder))
    assert code == 1
    assert err == f"rejected: {folder / 'broken.json'}: invalid JSON: Expecting property name enclosed in " \
                  "double quotes (line 1, column 2)\n"
    assert out == "61 files read: 60 new, 0 updated, 0 already stored, 1 rejected\n"
