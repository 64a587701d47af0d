"""A server that drips its answer, and searches too large to run: both end with a clean message."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler

import pytest

from briefing.errors import FetchError
from briefing.readers.fetch import fetch_url
from briefing.store.search import MAX_QUERY_WORDS
from tests.fixtures.inprocess import run
from tests.fixtures.loopback import serving

STOP = threading.Event()


class DrippingHandler(BaseHTTPRequestHandler):
    """Answers 200 and then ten bytes at a time, each well within a per-read timeout, never finishing."""

    def do_GET(self):  # noqa: N802 (the name http.server calls)
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.end_headers()
        while not STOP.is_set():
            self.wfile.write(b"<rss>    ")
            self.wfile.flush()
            time.sleep(0.05)

    def log_message(self, *args):
        pass


class HeaderDrippingHandler(BaseHTTPRequestHandler):
    """Sends its status line, then a header one byte at a time: no read ever waits, the headers never end."""

    def do_GET(self):  # noqa: N802 (the name http.server calls)
        self.wfile.write(b"HTTP/1.1 200 OK\r\n")
        while not STOP.is_set():
            try:
                self.wfile.write(b"X")
                self.wfile.flush()
            except OSError:
                return
            time.sleep(0.05)

    def log_message(self, *args):
        pass


@contextmanager
def until_stopped(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve ``handler``; its endless answer stops when the test is over."""
    STOP.clear()
    with serving(handler) as url:
        yield url
        STOP.set()


@pytest.fixture
def header_dripping():
    with until_stopped(HeaderDrippingHandler) as url:
        yield url


@pytest.fixture
def dripping():
    with until_stopped(DrippingHandler) as url:
        yield url


def test_a_dripping_server_fails_at_the_timeout_for_the_whole_fetch(dripping):
    # Without a deadline for the whole response this fetch would never end (each read answers in time).
    with pytest.raises(FetchError) as caught:
        fetch_url(f"{dripping}/feed.xml", timeout=0.5, max_bytes=10_000_000)
    assert str(caught.value) == f"{dripping}/feed.xml: no complete answer within 0.5 s"


def test_a_server_dripping_its_headers_fails_at_the_timeout_too(header_dripping):
    with pytest.raises(FetchError) as caught:
        fetch_url(f"{header_dripping}/feed.xml", timeout=0.5, max_bytes=10_000_000)
    assert str(caught.value) == f"{header_dripping}/feed.xml: no complete answer within 0.5 s"


def test_ingest_of_a_dripping_url_is_rejected_and_the_command_ends(dripping, make_config):
    code, out, err = run("ingest", "--config", str(make_config()), "--timeout", "0.5", f"{dripping}/rss")
    assert code == 1
    assert err == f"rejected: {dripping}/rss: no complete answer within 0.5 s\n"
    assert out == "1 URL read: 0 new, 0 updated, 0 already stored, 1 rejected\n"


def test_a_search_of_thousands_of_words_is_refused_at_once(make_config):
    config = str(make_config())
    query = " OR ".join(f"word{n}" for n in range(2_500))
    assert run("search", "--config", config, query) == (
        1, "", "briefing: error: search: the query is 28,886 characters long; at most 1,000 are taken\n")
    short_words = " OR ".join(f"w{n}" for n in range(100))
    assert run("search", "--config", config, short_words)[2] == (
        "briefing: error: search: the query has 199 words; at most 64 are taken\n")
    assert run("store", "init", "--config", config)[0] == 0  # searching a store that is not there is refused
    assert run("search", "--config", config, " ".join(["rail"] * MAX_QUERY_WORDS)) == (0, "", "0 matches\n")


def test_an_empty_search_is_refused(make_config):
    assert run("search", "--config", str(make_config()), "  ") == (1, "", "briefing: error: search: the query is empty\n")


def test_a_url_with_bytes_that_are_not_utf8_is_rejected_and_the_others_go_on(make_config, dripping):
    import os

    bad = os.fsdecode(b"http://127.0.0.1:9/feed-\xff.xml")
    code, out, err = run("ingest", "--config", str(make_config()), "--timeout", "0.3", bad, f"{dripping}/rss")
    assert code == 1
    assert err.splitlines() == [
        "rejected: http://127.0.0.1:9/feed-\\xff.xml: the URL holds bytes that are not UTF-8 text",
        f"rejected: {dripping}/rss: no complete answer within 0.3 s",
    ]
    assert out == "2 URLs read: 0 new, 0 updated, 0 already stored, 2 rejected\n"
