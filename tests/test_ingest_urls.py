"""Feeds and pages by URL: fetched over HTTP, asked for again only when they changed."""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler

import pytest

from briefing.ingest import ingest_urls
from briefing.store import Store
from tests.fixtures.inprocess import run
from tests.fixtures.loopback import serving

FEED = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbour Wire</title><link>https://example.com/</link><description>News</description>
<item><title>Night shift at the grain terminal</title><link>https://example.com/grain</link>
<pubDate>Tue, 03 Feb 2026 08:00:00 +0100</pubDate>
<content:encoded><![CDATA[<p>Dockers loaded 12 ships overnight.</p><p>"We kept going," said Ida Rem.</p>]]></content:encoded>
</item></channel></rss>"""


class FeedHandler(BaseHTTPRequestHandler):
    full_answers = 0
    user_agents: list[str] = []

    def do_GET(self):  # noqa: N802 (the http.server API)
        FeedHandler.user_agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/missing":
            self.send_error(404, "Not Found")
            return
        if self.headers.get("If-None-Match") == '"v1"':
            self.send_response(304)
            self.end_headers()
            return
        FeedHandler.full_answers += 1
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("ETag", '"v1"')
        self.send_header("Content-Length", str(len(FEED)))
        self.end_headers()
        self.wfile.write(FEED)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    FeedHandler.full_answers = 0
    FeedHandler.user_agents = []
    with serving(FeedHandler) as url:
        yield url


def test_a_feed_polled_twice_is_downloaded_once(server, tmp_path):
    with Store(tmp_path / "s.sqlite3") as store:
        first = ingest_urls(store, [f"{server}/feed.xml"], timeout=5)
        second = ingest_urls(store, [f"{server}/feed.xml"], timeout=5)
        titles = [a.article.title for a in store.search("grain")]
    assert (first.new, first.not_modified) == (1, 0)
    assert (second.new, second.not_modified) == (0, 1)
    assert FeedHandler.full_answers == 1
    assert titles == ["Night shift at the grain terminal"]
    assert second.summary == "1 URL read: 0 new, 0 updated, 0 already stored, 0 rejected, 1 URL not modified"
    assert all(agent.startswith("briefing/") for agent in FeedHandler.user_agents)


def test_a_url_that_fails_is_rejected_with_its_reason(server, tmp_path):
    with Store(tmp_path / "s.sqlite3") as store:
        report = ingest_urls(store, [f"{server}/missing", f"{server}/feed.xml"], timeout=5)
        assert report.new == 1
        assert report.rejected == [(f"{server}/missing", "HTTP 404 Not Found")]
        assert [origin for origin, _, _ in store.rejections()] == [f"{server}/missing"]


def test_the_summary_counts_urls_as_urls_not_files(server, make_config, tmp_path):
    article = tmp_path / "ward.json"
    article.write_text('{"title": "Ward opens", "published": "2026-02-03T08:00:00+01:00", "body": "Beds."}',
                       encoding="utf-8")
    config = str(make_config())
    assert run("ingest", "--config", config, f"{server}/feed.xml") == (
        0, "1 URL read: 1 new, 0 updated, 0 already stored, 0 rejected\n", "")
    assert run("ingest", "--config", config, str(article), f"{server}/feed.xml", f"{server}/missing")[1] == (
        "1 file and 2 URLs read: 1 new, 0 updated, 0 already stored, 1 rejected, 1 URL not modified\n")
