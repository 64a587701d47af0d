"""The RSS and Atom reader, including the XML it refuses."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from briefing.errors import ReaderError
from briefing.readers import read_bytes, read_file

FIXTURES = Path(__file__).parent / "fixtures" / "readers"


def test_rss_full_text_from_content_encoded():
    zoo, water = read_file(FIXTURES / "rss.xml")
    assert zoo.title == "Exampleton zoo welcomes two snow leopard cubs"
    assert zoo.published.isoformat() == "2025-06-14T09:20:00+02:00"
    assert zoo.lead == "Two snow leopard cubs were born at Exampleton zoo in May, the zoo said on Saturday."
    # Entities decoded, the no-break space made plain, list items as paragraphs, no script text.
    assert zoo.body == (
        "\u201cBoth cubs are healthy and weigh about 2 kg,\u201d said keeper Jan Sample & his team.",
        "The zoo opens at 9am.",
        "Tickets cost 25 crowns.",
    )
    assert (zoo.source, zoo.section, zoo.author) == ("Example Times & Friends", "Local", "Ola Fiction")
    assert zoo.url == "https://news.example/zoo/cubs"
    assert zoo.language == "pl"
    # Only a description, and no date: the description is the lead, the time is assumed.
    assert water.lead == "Homes north of the river will have no water from 8am to noon on Monday."
    assert water.body == ()
    assert water.published_assumed is True


def test_atom_xhtml_and_escaped_html_content():
    balloon, museum = read_file(FIXTURES / "atom.xml")
    assert balloon.published == datetime(2025, 11, 4, 8, 0, tzinfo=UTC)
    assert balloon.lead == "Students in Exampleton launched a weather balloon that climbed to 30 km."
    assert balloon.body == ("Its camera sent back 1,200 photos.",)
    assert (balloon.author, balloon.section, balloon.url) == ("Eva Invented", "science", "https://science.example/balloon")
    # No <published>: <updated> stands in, with its offset kept. An Atom id is not a URL.
    assert museum.published.isoformat() == "2025-11-03T16:30:00+01:00"
    assert museum.lead == "The town museum put a 300-year-old map on display."
    assert museum.body == ("It shows the river & its old course.",)
    assert museum.url == ""
    assert museum.source == "Example Science"


def test_a_broken_item_is_set_aside_with_its_reason_and_the_good_one_kept():
    path = FIXTURES / "rss-one-broken.xml"
    found = read_file(path)
    [article] = found
    assert article.title == "Good item: the town fair opens"
    assert found.skipped == [("item 2", "invalid date 'the day after tomorrow'")]


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("malformed.xml", "malformed XML: mismatched tag: line 7, column 4"),
        ("bomb.xml", "refused: the XML has a DOCTYPE declaration, where XML bombs hide"),
        ("external-entity.xml", "refused: the XML has a DOCTYPE declaration, where XML bombs hide"),
        ("not-a-feed.xml", "not an RSS or Atom feed (the root element is <catalog>)"),
        ("no-titles.xml", "its only item could not be read: no title"),
    ],
)
def test_broken_feeds(name, problem):
    path = FIXTURES / "broken" / name
    with pytest.raises(ReaderError) as caught:
        read_file(path)
    assert str(caught.value) == f"{path}: {problem}"


def test_empty_channel():
    data = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>'
    with pytest.raises(ReaderError, match=r"^quiet\.xml: no articles in the file \(0 items\)$"):
        read_bytes(data, "quiet.xml", ".xml")
