"""The JSON and JSON Lines readers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from briefing.errors import ReaderError
from briefing.readers import read_bytes, read_file

FIXTURES = Path(__file__).parent / "fixtures" / "readers"


def test_object_with_uncommon_field_names():
    [article] = read_file(FIXTURES / "json-object.json")
    assert article.title == "Exampleton choir wins national contest"
    # A naive time is Warsaw time: +02:00 in July.
    assert article.published.isoformat() == "2025-07-15T10:00:00+02:00"
    # The summary repeats the first paragraph of the content; it is kept once, as the lead.
    assert article.lead == "The Exampleton Youth Choir won the national choir contest on Monday, the first title for the town."
    assert article.body == (
        "The 32 singers beat 14 other choirs in the final round.",
        '"We rehearsed twice a week for a year," conductor Maria Sample said.',
    )
    assert article.section == "Culture"
    assert article.source == "Example Times"
    assert article.url == "https://news.example/culture/choir"
    assert article.author == "Jan Fiction, Eva Invented"
    assert article.sources == ("FIC", "Example Radio")
    assert (article.caption, article.caption_credit) == ("The choir on stage after the final.", "FIC/Ola Sample")
    assert article.language == "en"


def test_list_skips_a_broken_item_and_says_why():
    before = datetime.now(UTC).replace(microsecond=0)
    found = read_file(FIXTURES / "json-list.json")
    first, second = found
    assert found.skipped == [("item 3", 'no title (expected a "title" or "headline" field)')]
    assert first.published == datetime(2025, 11, 3, 6, 45, tzinfo=UTC)
    # An HTML body: paragraphs from <p>, the script's text left out.
    assert first.lead == "The Exampleton ferry will run every 40 minutes from Monday, the operator said."
    assert first.body == ("Night sailings will stop until March.",)
    # No date at all: the time it was read, flagged as assumed.
    assert second.published_assumed is True
    assert before <= second.published <= datetime.now(UTC) + timedelta(seconds=1)
    assert second.body == ("The change costs about 20,000 crowns a year.",)


def test_json_lines_with_a_blank_line_and_a_cut_off_last_line():
    path = FIXTURES / "articles.jsonl"
    found = read_file(path)
    bridge, bakery = found
    assert found.skipped == [("line 4", "invalid JSON: Unterminated string starting at (column 11)")]
    assert bridge.published.isoformat() == "2025-11-03T07:15:00+01:00"
    assert bridge.body == ("Divers will inspect its pillars.",)
    assert bakery.published.isoformat() == "2025-11-03T12:00:00+01:00"
    assert bakery.lead == "A bakery in Exampleton won the regional bread award."
    assert bakery.body == ("Its rye loaf beat 60 others.",)


def test_wrapped_list_of_articles():
    data = b'{"articles": [{"title": "One", "date": "2025-01-02T03:04:05Z", "body": "Text."}]}'
    [article] = read_bytes(data, "export.json", ".json")
    assert (article.title, article.lead, article.origin) == ("One", "Text.", "export.json")


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("truncated.json", "invalid JSON: Unterminated string starting at (line 4, column 11)"),
        ("scalar.json", "the JSON holds a string, not an article object or a list of them"),
        ("no-title.json", 'no title (expected a "title" or "headline" field)'),
        ("bad-date.json", "invalid date in \"date\": 'sometime last week'"),
        (
            "all-broken.json",
            'none of its 2 items could be read; item 1: no title (expected a "title" or "headline" field)',
        ),
    ],
)
def test_broken_json(name, problem):
    path = FIXTURES / "broken" / name
    with pytest.raises(ReaderError) as caught:
        read_file(path)
    assert str(caught.value) == f"{path}: {problem}"


def test_bad_utf8_and_empty_json():
    with pytest.raises(ReaderError, match=r"^feed\.json: not UTF-8 text \(byte 0xff at position 13\)$"):
        read_bytes(b'{"title": "a\x00\xff\xfe\x81\x00"}', "feed.json", ".json")
    with pytest.raises(ReaderError, match=r"^blank\.json: the file is empty$"):
        read_bytes(b"  \n", "blank.json", ".json")
