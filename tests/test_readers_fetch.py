"""Fetching a feed over HTTP from a real server on 127.0.0.1."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from briefing import __version__
from briefing.errors import FetchError
from briefing.readers import read_bytes
from briefing.readers.fetch import fetch_url
from tests.fixtures.loopback import serving

FEED = (Path(__file__).parent / "fixtures" / "readers" / "rss.xml").read_bytes()
ETAG = '"feed-v1"'
RELEASE = threading.Event()  # holds the slow answer until the test is over


class FeedHandler(BaseHTTPRequestHandler):
    requests: list[dict[str, str]] = []

    def do_GET(self):  # noqa: N802 (the name http.server calls)
        FeedHandler.requests.append({"path": self.path, **{k.lower(): v for k, v in self.headers.items()}})
        route = {"/feed.xml": self.feed, "/big": self.big, "/slow": self.slow}.get(self.path, self.missing)
        route()

    def feed(self):
        if self.headers.get("If-None-Match") == ETAG:
            self.send_response(304)
            self.send_header("ETag", ETAG)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
        self.send_header("ETag", ETAG)
        self.send_header("Last-Modified", "Sat, 14 Jun 2025 09:30:00 GMT")
        self.send_header("Content-Length", str(len(FEED)))
        self.end_headers()
        self.wfile.write(FEED)

    def big(self):
        # No Content-Length: the limit must hold while streaming.
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        for _ in range(64):
            self.wfile.write(b"x" * 1024)

    def slow(self):
        RELEASE.wait(timeout=5)
        self.missing()

    def missing(self):
        self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    FeedHandler.requests = []
    RELEASE.clear()
    with serving(FeedHandler) as url:
        yield url
        RELEASE.set()


def test_a_feed_fetched_twice_is_not_modified_the_second_time(server):
    url = f"{server}/feed.xml"
    first = fetch_url(url, timeout=5, max_bytes=1_000_000)
    assert (first.status, first.not_modified, first.data) == (200, False, FEED)
    assert (first.etag, first.last_modified) == (ETAG, "Sat, 14 Jun 2025 09:30:00 GMT")
    assert (first.content_type, first.suffix) == ("application/rss+xml", ".xml")
    titles = [article.title for article in read_bytes(first.data, url, first.suffix)]
    assert titles == ["Exampleton zoo welcomes two snow leopard cubs", "Water cut in the north of town on Monday"]

    second = fetch_url(url, timeout=5, max_bytes=1_000_000, etag=first.etag, last_modified=first.last_modified)
    assert (second.status, second.not_modified, second.data, second.etag) == (304, True, b"", ETAG)

    first_request, second_request = FeedHandler.requests
    assert first_request["user-agent"] == f"briefing/{__version__} (+https://example.invalid/briefing)"
    assert "if-none-match" not in first_request
    assert second_request["if-none-match"] == ETAG
    assert second_request["if-modified-since"] == "Sat, 14 Jun 2025 09:30:00 GMT"


def test_the_size_limit_holds_while_streaming(server):
    with pytest.raises(FetchError) as caught:
        fetch_url(f"{server}/big", timeout=5, max_bytes=10_000)
    assert str(caught.value) == f"{server}/big: the response is over the limit of 10,000 bytes"


def test_a_declared_size_over_the_limit_is_refused_before_downloading(server):
    with pytest.raises(FetchError) as caught:
        fetch_url(f"{server}/feed.xml", timeout=5, max_bytes=100)
    assert str(caught.value) == f"{server}/feed.xml: the response is {len(FEED):,} bytes, over the limit of 100"


def test_http_errors_timeouts_and_schemes(server):
    with pytest.raises(FetchError) as caught:
        fetch_url(f"{server}/gone", timeout=5, max_bytes=1000)
    assert str(caught.value) == f"{server}/gone: HTTP 404 Not Found"
    with pytest.raises(FetchError) as caught:
        fetch_url(f"{server}/slow", timeout=0.2, max_bytes=1000)
    assert str(caught.value) == f"{server}/slow: no complete answer within 0.2 s"
    with pytest.raises(FetchError) as caught:
        fetch_url("file:///etc/passwd", timeout=5, max_bytes=1000)
    assert str(caught.value) == "file:///etc/passwd: only http:// and https:// URLs can be fetched"


def test_nothing_listening():
    with pytest.raises(FetchError, match=r"^http://127\.0\.0\.1:9/feed: cannot fetch: "):
        fetch_url("http://127.0.0.1:9/feed", timeout=2, max_bytes=1000)
