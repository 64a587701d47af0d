"""The saved-web-page reader: main text without boilerplate, metadata from the page's markup."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from briefing.errors import ReaderError
from briefing.readers import read_bytes, read_file

FIXTURES = Path(__file__).parent / "fixtures" / "readers"


def test_open_graph_page_without_boilerplate_or_scripts():
    [article] = read_file(FIXTURES / "page-og.html")
    assert article.title == "Exampleton tram depot turns into a food market"
    assert article.published.isoformat() == "2025-07-20T16:45:00+02:00"
    assert (article.section, article.author, article.source) == ("City", "Ola Fiction", "Example Times")
    assert article.url == "https://news.example/city/tram-depot-market"
    assert article.language == "en"
    assert (article.caption, article.caption_credit) == ("Stalls in the old tram depot on Sunday.", "FIC/Jan Sample")
    assert article.lead == (
        "The old tram depot in the centre of Exampleton reopened on Sunday as a covered food market "
        "with 45 stalls, the city said."
    )
    assert article.body == (
        "The depot, built in 1911, stood empty for almost twenty years after the last trams moved to a new yard "
        "on the edge of town.",
        "\u201cWe wanted a roof over the Saturday market, and the depot already had the best roof in town,\u201d "
        "said deputy mayor Eva Invented.",
        "The conversion cost about 18 million crowns, most of it from a regional heritage fund, and took two years.",
        "Traders pay a monthly rent that depends on the size of their stall, and the market will open every day "
        "except Monday.",
    )
    text = " ".join([article.title, article.lead, *article.body])
    for boilerplate in ("SCRIPT TEXT", "NOSCRIPT", "97 partners", "31°C", "58 shares", "Related", "Tel. 555"):
        assert boilerplate not in text


def test_metadata_from_json_ld_only():
    [article] = read_file(FIXTURES / "page-jsonld.html")
    assert article.title == "Harbour gets its first electric pilot boat"
    assert article.published == datetime(2025, 11, 4, 7, 30, tzinfo=UTC)
    assert (article.section, article.author, article.source) == ("Maritime", "Jan Fiction", "Coast Courier")
    assert article.url == "https://coast.example/maritime/electric-pilot-boat"
    assert article.lead.startswith("The port of Exampleton has taken delivery")
    assert len(article.body) == 3


def test_time_element_and_h1_when_there_is_no_metadata():
    [article] = read_file(FIXTURES / "page-time-only.html")
    assert article.title == "Brewery museum opens in the old malt house"
    # <time datetime="2025-10-05 11:00"> states no zone: Warsaw time, +02:00 in October before the change.
    assert article.published.isoformat() == "2025-10-05T11:00:00+02:00"
    assert article.language == "de"
    assert article.body[-1] == "The museum is run by volunteers and is open at weekends from April to October."


def test_a_page_without_a_date_gets_the_reading_time():
    page = (FIXTURES / "page-time-only.html").read_bytes().replace(b'datetime="2025-10-05 11:00"', b"")
    [article] = read_bytes(page, "saved.html", ".html")
    assert article.published_assumed is True


def test_a_page_with_no_article_text():
    path = FIXTURES / "broken" / "no-text.html"
    with pytest.raises(ReaderError) as caught:
        read_file(path)
    assert str(caught.value) == f"{path}: no article text found in the page (fewer than 15 words besides the title)"


def test_an_unreadable_published_time():
    page = (FIXTURES / "page-time-only.html").read_bytes().replace(b"2025-10-05 11:00", b"early October")
    with pytest.raises(ReaderError, match=r"^saved\.html: invalid date 'early October'$"):
        read_bytes(page, "saved.html", ".html")


def test_an_xhtml_page_with_an_xml_declaration():
    sentence = b"Volunteers planted two hundred oak trees along the new cycle path in Exampleton on Saturday. "
    page = (
        b'<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head>'
        b"<title>Oaks for the cycle path</title></head><body><article><h1>Oaks for the cycle path</h1>"
        b"<p>" + sentence + b"</p><p>" + sentence + b"</p></article></body></html>"
    )
    [article] = read_bytes(page, "oaks.html", ".html")
    assert article.title == "Oaks for the cycle path"
    assert article.lead == sentence.decode().strip()
