"""An article corrected in its file (a headline's typo, the text, the date) and taken in again is updated,
never stored a second time; in a file of several, each item is known by its URL or guid, else its title
or text; what a file no longer holds is kept and said once; a renamed file keeps its articles."""

from __future__ import annotations

import json
import os
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from briefing.ingest import ingest_paths
from briefing.readers import read_file
from briefing.store import Store
from briefing.store.tables import articles
from tests.fixtures.inprocess import run
from tests.fixtures.store.older import store_at

FERRY = {
    "title": "Ferry to Hel resmues on Monday",
    "published": "2026-02-03T09:15:00+01:00",
    "lead": "The ferry between Gdynia and Hel will sail again on Monday after 12 days in dock.",
    "body": ["The operator said 340 passengers a day used the line before the stoppage."],
    "source": "Coast Wire",
}

MARKDOWN = """---
title: "{title}"
published: {published}
source: Harbour Desk
---

# {title}

{text}
"""

FEED_ITEM = """<item><title>{title}</title>{link}{guid}<pubDate>{date}</pubDate>
<description>{text}</description></item>"""


def write_feed(path: Path, items: list[dict]) -> Path:
    body = "".join(FEED_ITEM.format(
        title=item["title"], text=item["text"], date=item.get("date", "Tue, 03 Feb 2026 08:00:00 +0000"),
        link=f"<link>{item['link']}</link>" if item.get("link") else "",
        guid=f'<guid isPermaLink="false">{item["guid"]}</guid>' if item.get("guid") else "",
    ) for item in items)
    return touched(path, f'<?xml version="1.0"?><rss version="2.0"><channel><title>Baltic Wire</title>'
                         f"{body}</channel></rss>")


def touched(path: Path, text: str) -> Path:
    """Write ``path`` and move its modification time on, as an editor's save does (the folder's take-in
    before a generation reads only files whose size or time changed)."""
    path.write_text(text, encoding="utf-8")
    later = time.time_ns() + 2 * 10**9
    os.utime(path, ns=(later, later))
    return path


def write_json(path: Path, value: object) -> Path:
    return touched(path, json.dumps(value))


def stored(store: Store) -> list[tuple[str, str, str]]:
    """(title, lead, published) of every stored article, by id."""
    found = store.articles_between(*_all_time(), extractions=False)
    return [(s.article.title, s.article.lead, s.article.published.isoformat())
            for s in sorted(found, key=lambda s: s.id)]


def _all_time() -> tuple[datetime, datetime]:
    return datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC)


def counts(report) -> tuple[int, int, int, int]:
    return report.new, report.updated, report.unchanged, report.no_longer_in_file


# -- one article a file ------------------------------------------------------------------------------


def test_a_corrected_headline_updates_its_article_and_the_summary_says_so(make_config, tmp_path):
    config = str(make_config())
    path = write_json(tmp_path / "articles" / "ferry.json", FERRY)
    assert run("ingest", "--config", config, str(path))[:2] == (
        0, "1 file read: 1 new, 0 updated, 0 already stored, 0 rejected\n")
    write_json(path, {**FERRY, "title": "Ferry to Hel resumes on Monday"})
    assert run("ingest", "--config", config, str(path))[:2] == (
        0, "1 file read: 0 new, 1 updated, 0 already stored, 0 rejected\n")
    with Store(tmp_path / "store.sqlite3") as store:
        assert [title for title, _, _ in stored(store)] == ["Ferry to Hel resumes on Monday"]


@pytest.mark.parametrize("edit, expected", [
    ({"title": "Ferry to Hel resumes on Tuesday"}, ("Ferry to Hel resumes on Tuesday", "12 days", "08:15")),
    ({"text": "The ferry between Gdynia and Hel will sail again on Monday after 14 days in dock."},
     ("Ferry to Hel resmues on Monday", "14 days", "08:15")),
    ({"published": "2026-02-04 07:00"}, ("Ferry to Hel resmues on Monday", "12 days", "2026-02-04T06:00")),
    ({"title": "Hel ferry back", "text": "The Hel ferry sails again from Monday, the operator said."},
     ("Hel ferry back", "Hel ferry sails", "08:15")),
], ids=["title", "body", "date", "title-and-body"])
def test_a_markdown_article_corrected_in_any_field_stays_one_article(store_url, tmp_path, edit, expected):
    fields = {"title": FERRY["title"], "published": "2026-02-03 09:15", "text": FERRY["lead"]}
    path = touched(tmp_path / "ferry.md", MARKDOWN.format(**fields))
    with Store(store_url) as store:
        ingest_paths(store, [tmp_path])
        touched(path, MARKDOWN.format(**{**fields, **edit}))
        report = ingest_paths(store, [tmp_path], only_changed=True)
        assert counts(report) == (0, 1, 0, 0)
        [(title, lead, published)] = stored(store)
    assert (title, expected[1] in lead, expected[2] in published) == (expected[0], True, True)


def test_the_corrected_article_loses_its_old_extraction_and_is_extracted_again(make_config, tmp_path):
    config = str(make_config(output={"formats": ["md"]}))
    path = write_json(tmp_path / "articles" / "ferry.json", FERRY)
    assert run("generate", "--config", config, "--date", "2026-02-03")[0] == 0
    write_json(path, {**FERRY, "title": "Ferry to Hel resumes on Monday",
                      "lead": FERRY["lead"].replace("12 days", "15 days")})
    with Store(tmp_path / "store.sqlite3") as store:
        ingest_paths(store, [tmp_path / "articles"], only_changed=True)
        [article] = store.articles_between(*_all_time())
        assert article.extraction is None
    assert run("generate", "--config", config, "--date", "2026-02-03")[0] == 0
    with Store(tmp_path / "store.sqlite3") as store:
        [article] = store.articles_between(*_all_time())
    assert article.extraction is not None
    assert "15 days" in [figure.text for figure in article.extraction.figures]


def test_generating_the_day_again_shows_the_corrected_headline_once(make_config, tmp_path):
    config = str(make_config(output={"formats": ["md"]}))
    path = write_json(tmp_path / "articles" / "ferry.json", FERRY)
    made = tmp_path / "output" / "2026-02-03"
    assert run("generate", "--config", config, "--date", "2026-02-03")[0] == 0
    write_json(path, {**FERRY, "title": "Ferry to Hel resumes on Monday"})
    code, out, err = run("generate", "--config", config, "--date", "2026-02-03")
    assert (code, out.splitlines()[0]) == (
        0, "2026-02-03: made again: its articles have changed since it was made: 1 article(s) changed"), err
    briefing = (made / "briefing.md").read_text(encoding="utf-8")
    # one story under the corrected headline, the typo nowhere
    assert "1 article from 1 source" in briefing
    assert [line for line in briefing.splitlines() if line.startswith("### ")] == ["### Ferry to Hel resumes on Monday"]
    assert "resmues" not in briefing


def test_a_renamed_file_keeps_its_article_and_its_next_correction_updates_it(store_url, tmp_path):
    (tmp_path / "in").mkdir()
    path = write_json(tmp_path / "in" / "ferry.json", FERRY)
    with Store(store_url) as store:
        ingest_paths(store, [tmp_path / "in"])
        renamed = path.rename(tmp_path / "in" / "ferry-hel.json")
        assert counts(ingest_paths(store, [tmp_path / "in"], only_changed=True)) == (0, 0, 1, 0)
        write_json(renamed, {**FERRY, "title": "Ferry to Hel resumes on Monday"})
        assert counts(ingest_paths(store, [tmp_path / "in"], only_changed=True)) == (0, 1, 0, 0)
        assert [title for title, _, _ in stored(store)] == ["Ferry to Hel resumes on Monday"]
        [article] = store.articles_between(*_all_time(), extractions=False)
    assert article.article.origin == str(renamed)


def test_a_file_named_relative_then_absolute_is_one_file(store_url, tmp_path, monkeypatch):
    (tmp_path / "in").mkdir()
    write_json(tmp_path / "in" / "ferry.json", FERRY)
    monkeypatch.chdir(tmp_path)
    with Store(store_url) as store:
        ingest_paths(store, [Path("in")])
        write_json(tmp_path / "in" / "ferry.json", {**FERRY, "title": "Ferry to Hel resumes on Monday"})
        assert counts(ingest_paths(store, [tmp_path / "in"])) == (0, 1, 0, 0)
        assert store.count_articles() == 1


# -- several articles a file -------------------------------------------------------------------------

LIST = [
    {**FERRY},
    {"title": "Gdynia port handles 2 million containers", "published": "2026-02-03T11:00:00+01:00",
     "lead": "The port of Gdynia handled 2 million containers last year, a record."},
    {"title": "Sopot pier closed by ice", "published": "2026-02-03T12:30:00+01:00",
     "lead": "Sopot's pier was closed on Tuesday after ice covered its 511-metre deck."},
]


def test_in_a_list_without_urls_a_corrected_headline_is_found_by_its_text_even_when_reordered(store_url, tmp_path):
    path = write_json(tmp_path / "desk.json", LIST)
    with Store(store_url) as store:
        ingest_paths(store, [path])
        write_json(path, [LIST[2], LIST[1], {**FERRY, "title": "Ferry to Hel resumes on Monday"}])
        assert counts(ingest_paths(store, [path])) == (0, 1, 2, 0)
        assert [title for title, _, _ in stored(store)] == [
            "Ferry to Hel resumes on Monday", LIST[1]["title"], LIST[2]["title"]]


def test_an_item_gone_from_a_list_is_kept_and_said_once_and_a_new_one_is_added(make_config, tmp_path):
    config = str(make_config())
    path = write_json(tmp_path / "articles" / "desk.json", LIST)
    run("ingest", "--config", config, str(path))
    write_json(path, LIST[:2])
    assert run("ingest", "--config", config, str(path))[1] == (
        "1 file read: 0 new, 0 updated, 2 already stored, 0 rejected, "
        "1 no longer in its file (kept; `briefing articles delete` removes)\n")
    tram = {"title": "Night trams return in Gdansk", "published": "2026-02-03T18:00:00+01:00",
            "lead": "Night trams will run in Gdansk again from Friday."}
    write_json(path, [*LIST[:2], tram])
    assert run("ingest", "--config", config, str(path))[1] == (
        "1 file read: 1 new, 0 updated, 2 already stored, 0 rejected\n")
    with Store(tmp_path / "store.sqlite3") as store:
        assert [title for title, _, _ in stored(store)] == [item["title"] for item in [*LIST, tram]]


ITEMS = [
    {"title": "Storm closes Baltic ports", "link": "https://baltic.example/2026/02/03/storm-closes-ports",
     "guid": "bw-0803", "text": "Three Baltic ports closed on Tuesday as winds reached 110 km/h."},
    {"title": "Ice breaker sent to Szczecin lagoon", "text": "An ice breaker was sent to the Szczecin lagoon."},
    {"title": "Amber fair opens in Gdansk", "link": "https://baltic.example/2026/02/03/amber-fair",
     "text": "The amber fair opened in Gdansk with 420 exhibitors."},
]


def test_a_feed_item_whose_headline_and_slug_were_corrected_is_found_by_its_guid(store_url, tmp_path):
    path = write_feed(tmp_path / "feed.xml", ITEMS)
    corrected = {**ITEMS[0], "title": "Storm closes four Baltic ports",
                 "link": "https://baltic.example/2026/02/03/storm-closes-four-ports",
                 "text": "Four Baltic ports closed on Tuesday as winds reached 110 km/h."}
    with Store(store_url) as store:
        ingest_paths(store, [path])
        write_feed(path, [corrected, *ITEMS[1:]])
        assert counts(ingest_paths(store, [path])) == (0, 1, 2, 0)
        assert [title for title, _, _ in stored(store)] == ["Storm closes four Baltic ports", *(i["title"] for i in ITEMS[1:])]


def test_a_feed_item_without_link_or_guid_corrected_and_a_new_item_on_top(store_url, tmp_path):
    path = write_feed(tmp_path / "feed.xml", ITEMS)
    fresh = {"title": "Hel ferry resumes", "link": "https://baltic.example/2026/02/03/hel-ferry",
             "guid": "bw-0930", "text": "The Hel ferry sails again from Monday."}
    with Store(store_url) as store:
        ingest_paths(store, [path])
        write_feed(path, [fresh, ITEMS[0], {**ITEMS[1], "title": "Icebreaker sent to Szczecin lagoon"}, ITEMS[2]])
        assert counts(ingest_paths(store, [path])) == (1, 1, 2, 0)
        assert [title for title, _, _ in stored(store)] == [
            ITEMS[0]["title"], "Icebreaker sent to Szczecin lagoon", ITEMS[2]["title"], "Hel ferry resumes"]


def test_items_of_different_guids_are_never_taken_for_each_other(store_url, tmp_path):
    path = write_feed(tmp_path / "feed.xml", ITEMS[:1])
    other = {"title": "Ports open again", "guid": "bw-1200", "text": "The ports opened again at noon."}
    with Store(store_url) as store:
        ingest_paths(store, [path])
        write_feed(path, [other])
        assert counts(ingest_paths(store, [path])) == (1, 0, 0, 1)
        assert [title for title, _, _ in stored(store)] == [ITEMS[0]["title"], "Ports open again"]


def test_a_list_with_an_item_set_aside_is_not_read_whole_so_nothing_is_taken_for_gone(store_url, tmp_path):
    path = write_json(tmp_path / "desk.json", LIST)
    with Store(store_url) as store:
        ingest_paths(store, [path])
        write_json(path, [LIST[0], LIST[1], {**LIST[2], "published": "the day after tomorrow"}])
        report = ingest_paths(store, [path])
        assert counts(report) == (0, 0, 2, 0) and len(report.rejected) == 1
        write_json(path, [LIST[0], LIST[1], {**LIST[2], "title": "Sopot pier shut by ice"}])
        assert counts(ingest_paths(store, [path])) == (0, 1, 2, 0)
        assert store.count_articles() == 3


# -- a store made before schema 0004 -----------------------------------------------------------------


def test_a_store_of_schema_0003_learns_its_articles_files_and_takes_their_corrections(store_url, tmp_path,
                                                                                       monkeypatch):
    (tmp_path / "in").mkdir()
    path = write_json(tmp_path / "in" / "ferry.json", FERRY)
    monkeypatch.chdir(tmp_path)
    store_at(store_url, "0003", read_file(Path("in") / "ferry.json"))
    with Store(store_url) as store:
        assert store.migrated == ("0003", "0004")
        with store.reading() as connection:
            assert connection.execute(select(articles.c.origin, articles.c.origin_key)).all() == [
                ("in/ferry.json", str(path.resolve()))]
        write_json(path, {**FERRY, "title": "Ferry to Hel resumes on Monday"})
        assert counts(ingest_paths(store, [path])) == (0, 1, 0, 0)
        assert [title for title, _, _ in stored(store)] == ["Ferry to Hel resumes on Monday"]
