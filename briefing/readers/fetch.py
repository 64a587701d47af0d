"""Fetch an article source (a feed, a page) over HTTP, politely.

    result = fetch_url(url, timeout=10, max_bytes=5_000_000, etag=saved_etag)
    if result.not_modified: ...          # 304: nothing new since the saved ETag / Last-Modified
    articles = read_bytes(result.data, url, result.suffix)

Conditional requests (``If-None-Match`` / ``If-Modified-Since``) spare the
server and us a download when nothing changed. The size limit is enforced
while the body streams in, so an endless or lying response cannot fill
memory. Every failure is a ``FetchError`` naming the URL.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urlsplit

import httpx

from briefing import __version__
from briefing.errors import FetchError

USER_AGENT = f"briefing/{__version__} (+https://example.invalid/briefing)"

#: Content type -> the suffix that picks the reader (``briefing.readers.read_bytes``).
SUFFIX_BY_TYPE = {
    "application/rss+xml": ".xml",
    "application/atom+xml": ".xml",
    "application/rdf+xml": ".xml",
    "application/xml": ".xml",
    "text/xml": ".xml",
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "application/json": ".json",
    "application/feed+json": ".json",
    "application/x-ndjson": ".jsonl",
    "application/jsonl": ".jsonl",
    "text/markdown": ".md",
    "text/plain": ".txt",
}


@dataclass(frozen=True)
class FetchResult:
    """What came back: ``status`` 200 with ``data``, or 304 (not modified) with no data."""

    status: int
    data: bytes
    etag: str | None
    last_modified: str | None
    content_type: str
    suffix: str

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def fetch_url(
    url: str,
    *,
    timeout: float,
    max_bytes: int,
    etag: str | None = None,
    last_modified: str | None = None,
) -> FetchResult:
    """GET ``url`` (following redirects), conditionally when ``etag``/``last_modified`` are given."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise FetchError(url, "only http:// and https:// URLs can be fetched")
    deadline = time.monotonic() + timeout  # for the whole fetch: httpx's timeout is per read
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    client = httpx.Client(timeout=timeout, follow_redirects=True, max_redirects=5)
    # A server dripping its headers a byte at a time answers every read in time and never finishes:
    # at the deadline the watchdog closes the connection under the read.
    watchdog = threading.Timer(timeout, client.close)
    watchdog.daemon = True
    watchdog.start()
    try:
        with client, client.stream("GET", url, headers=headers) as response:
            return _result(url, response, max_bytes, etag, last_modified, deadline)
    except httpx.TimeoutException:
        raise FetchError(url, f"no complete answer within {timeout:g} s") from None
    except (httpx.HTTPError, RuntimeError, OSError) as exc:
        if watchdog.finished.is_set() and time.monotonic() >= deadline:
            raise FetchError(url, f"no complete answer within {timeout:g} s") from None
        if not isinstance(exc, httpx.HTTPError):
            raise
        raise _fetch_error(url, exc) from None
    finally:
        watchdog.cancel()


def _fetch_error(url: str, exc: httpx.HTTPError) -> FetchError:
    if isinstance(exc, httpx.TooManyRedirects):
        return FetchError(url, "too many redirects")
    return FetchError(url, f"cannot fetch: {exc or type(exc).__name__}")


def _result(url: str, response: httpx.Response, max_bytes: int, etag, last_modified, deadline: float) -> FetchResult:
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if response.status_code == 304:
        return FetchResult(304, b"", response.headers.get("etag", etag),
                           response.headers.get("last-modified", last_modified), content_type, "")
    if response.status_code != 200:
        raise FetchError(url, f"HTTP {response.status_code} {response.reason_phrase}".strip())
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(url, f"the response is {int(declared):,} bytes, over the limit of {max_bytes:,}")
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(url, f"the response is over the limit of {max_bytes:,} bytes")
        chunks.append(chunk)
        if time.monotonic() > deadline:  # a server dripping bytes answers every read in time
            raise httpx.ReadTimeout("the whole response took too long")
    return FetchResult(
        status=200,
        data=b"".join(chunks),
        etag=response.headers.get("etag"),
        last_modified=response.headers.get("last-modified"),
        content_type=content_type,
        suffix=_suffix(str(response.url), content_type),
    )


def _suffix(url: str, content_type: str) -> str:
    """The reader-choosing suffix: from the content type, else from the URL's path."""
    if content_type in SUFFIX_BY_TYPE:
        return SUFFIX_BY_TYPE[content_type]
    return PurePosixPath(urlsplit(url).path).suffix.lower()
