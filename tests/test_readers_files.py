"""Choosing files and readers; what every reader shares (normalisation, times)."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest

from briefing.errors import ReaderError
from briefing.readers import DEFAULT_ZONE, find_article_files, read_bytes, read_file
from briefing.readers.common import clean_text, parse_datetime

FIXTURES = Path(__file__).parent / "fixtures" / "readers"


@pytest.fixture
def folder(tmp_path):
    for name in ("plain-no-caption.txt", "md-no-h1.md", "rss.xml", "README.md"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    (tmp_path / "sub").mkdir()
    shutil.copy(FIXTURES / "json-object.json", tmp_path / "sub" / "choir.json")
    (tmp_path / "notes.txt").write_text("Call the printer on Monday.\n", encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text('<?xml version="1.0"?><urlset></urlset>', encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / ".drafts").mkdir()
    shutil.copy(FIXTURES / "plain-no-caption.txt", tmp_path / ".drafts" / "draft.txt")
    return tmp_path


def test_a_folder_walk_yields_only_files_a_reader_claims(folder):
    found = [path.relative_to(folder).as_posix() for path in find_article_files([folder])]
    assert found == ["md-no-h1.md", "plain-no-caption.txt", "rss.xml", "sub/choir.json"]


def test_a_file_named_explicitly_is_always_yielded_and_told_why_it_fails(folder):
    assert list(find_article_files([folder / "README.md"])) == [folder / "README.md"]
    with pytest.raises(ReaderError) as caught:
        read_file(folder / "notes.txt")
    assert str(caught.value) == f"{folder / 'notes.txt'}: no date line (DD.MM.YYYY HH:MM) in the first 12 lines"


def test_read_file_errors(folder):
    with pytest.raises(ReaderError) as caught:
        read_file(folder / "photo.jpg")
    assert str(caught.value) == f"{folder / 'photo.jpg'}: no reader for files ending in .jpg"
    with pytest.raises(ReaderError) as caught:
        read_file(folder / "missing.txt")
    assert str(caught.value) == f"{folder / 'missing.txt'}: cannot read the file: No such file or directory"
    size = (folder / "rss.xml").stat().st_size
    with pytest.raises(ReaderError) as caught:
        read_file(folder / "rss.xml", max_bytes=100)
    assert str(caught.value) == f"{folder / 'rss.xml'}: the file is {size:,} bytes, over the limit of 100"


def test_a_byte_order_mark_is_not_text():
    data = "\ufeff".encode() + (FIXTURES / "plain-no-caption.txt").read_bytes()
    [article] = read_bytes(data, "bom.txt", ".txt")
    assert article.section == "Local News"


def test_one_normalisation_for_every_reader():
    assert clean_text("  a\u00a0 b\u202fc\td\r\ne\u00adf\u200b ") == "a b c d ef"
    assert clean_text("Gdan\u0301sk") == "Gda\u0144sk"  # NFC


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("03.02.2026 15:00", "2026-02-03T15:00:00+01:00"),
        ("03.07.2026 15:00", "2026-07-03T15:00:00+02:00"),  # summer time
        ("2026-07-03T15:00", "2026-07-03T15:00:00+02:00"),
        ("2026-02-04T23:40:00Z", "2026-02-04T23:40:00+00:00"),
        ("Fri, 06 Feb 2026 23:20:00 GMT", "2026-02-06T23:20:00+00:00"),
        ("Mon, 02 Feb 2026 17:40:00 +0100", "2026-02-02T17:40:00+01:00"),
    ],
)
def test_times_are_timezone_aware_and_naive_ones_are_warsaw_time(written, iso):
    parsed = parse_datetime(written)
    assert parsed.isoformat() == iso
    assert parsed == datetime.fromisoformat(iso)


def test_the_default_zone():
    assert str(DEFAULT_ZONE) == "Europe/Warsaw"
    with pytest.raises(ValueError, match="unrecognised date 'soon'"):
        parse_datetime("soon")


@pytest.mark.parametrize(
    ("fixture", "reader_title"),
    [
        ("rss.xml", "Exampleton zoo welcomes two snow leopard cubs"),
        ("json-object.json", "Exampleton choir wins national contest"),
        ("plain-no-caption.txt", "Town council approves new cycle path"),
        ("md-no-h1.md", "Night buses return to the old town"),
    ],
)
def test_without_an_extension_the_content_decides(fixture, reader_title):
    articles = read_bytes((FIXTURES / fixture).read_bytes(), "https://news.example/latest", "")
    assert articles[0].title == reader_title


def test_without_an_extension_unknown_content_has_no_reader():
    with pytest.raises(ReaderError, match=r"^https://x\.example/a: no reader for files ending in \(no extension\)$"):
        read_bytes(b"\x89PNG\r\n", "https://x.example/a", "")
