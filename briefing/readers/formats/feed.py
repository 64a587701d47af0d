"""RSS 2.0 and Atom feeds: one article per item or entry.

The XML is first checked by defusedxml, which refuses entity declarations
(the "billion laughs" XML bomb) and external references, and reports
malformed XML with its line and column; only then does feedparser read it.

The full text comes from ``content:encoded`` or the Atom ``content`` (xhtml
or escaped html); its first paragraph is the lead. The item's
``description``/``summary`` is used only when there is no content (it
usually repeats the lead). A broken item (no title, an unreadable date) is
skipped and logged with the reason; an item with no date at all is kept with
``published_assumed``.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import fromstring as safe_fromstring

from briefing.errors import ReaderError
from briefing.models import Article
from briefing.readers.base import Reader
from briefing.readers.common import (
    assumed_now,
    clean_text,
    head_text,
    language_code,
    lead_and_body,
    parse_datetime,
    read_items,
)
from briefing.readers.fields import as_paragraphs
from briefing.readers.html_text import html_paragraphs

FEED_ROOTS = ("rss", "feed", "RDF")
HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")
_HEAD_MARKERS = ("<rss", "<feed", "<rdf:rdf")


def check_xml(data: bytes, origin: str) -> str:
    """Parse ``data`` safely, only to vet it; return the root element's local name."""
    try:
        root = safe_fromstring(data, forbid_dtd=True)
    except DTDForbidden:
        raise ReaderError(origin, "refused: the XML has a DOCTYPE declaration, where XML bombs hide") from None
    except EntitiesForbidden as exc:
        raise ReaderError(origin, f"refused: the XML declares an entity ({exc.name!r}), as XML bombs do") from None
    except ExternalReferenceForbidden:
        raise ReaderError(origin, "refused: the XML refers to an external entity or DTD") from None
    except DefusedXmlException as exc:
        raise ReaderError(origin, f"refused: unsafe XML ({type(exc).__name__})") from None
    except ParseError as exc:
        raise ReaderError(origin, f"malformed XML: {exc}") from None
    return root.tag.rpartition("}")[2]


class FeedReader(Reader):
    """RSS 2.0, RSS 1.0 (RDF) and Atom 1.0."""

    name = "feed"
    extensions = (".xml", ".rss", ".atom")

    @classmethod
    def sniff(cls, head: bytes) -> bool:
        text = head_text(head).lower()
        return any(marker in text for marker in _HEAD_MARKERS)

    def read(self, data: bytes, origin: str) -> list[Article]:
        root = check_xml(data, origin)
        if root not in FEED_ROOTS:
            raise ReaderError(origin, f"not an RSS or Atom feed (the root element is <{root}>)")
        import feedparser  # imported here: only feeds need it

        parsed = feedparser.parse(io.BytesIO(data))  # a stream, so feedparser never fetches anything
        channel = parsed.get("feed", {})
        source = clean_text(channel.get("title", ""))
        language = language_code(channel.get("language"))

        def read_entry(entry) -> Article:
            return _entry_article(entry, origin, source, language)

        return read_items(origin, enumerate(parsed.entries, start=1), read_entry, noun="item")


def _entry_article(entry, origin: str, source: str, language: str) -> Article:
    title = clean_text(entry.get("title", ""))
    if not title:
        raise ReaderError(origin, "no title")
    lead, body = lead_and_body(_entry_paragraphs(entry))
    tags = entry.get("tags") or [{}]
    return Article(
        title=title,
        lead=lead,
        body=body,
        section=clean_text(tags[0].get("term") or tags[0].get("label") or ""),
        source=source,
        url=_entry_url(entry),
        guid=clean_text(entry.get("id", "")),
        author=clean_text(entry.get("author", "")),
        origin=origin,
        language=language_code(entry.get("language")) if entry.get("language") else language,
        **_entry_published(entry, origin),
    )


def _entry_url(entry) -> str:
    """The entry's web address; an Atom ``id`` such as ``tag:...`` is not one."""
    links = [link.get("href", "") for link in entry.get("links", []) if link.get("rel") == "alternate"]
    for url in [*links, entry.get("link", "")]:
        if url.startswith(("http://", "https://")):
            return url
    return ""


def _entry_paragraphs(entry) -> list[str]:
    """The full text when the entry has it, else its summary."""
    contents = entry.get("content") or []
    html = [part.get("value", "") for part in contents if part.get("type") in HTML_TYPES]
    if html:
        return [text for value in html for text in html_paragraphs(value)]
    if contents:
        return [text for part in contents for text in as_paragraphs(part.get("value", ""))]
    detail = entry.get("summary_detail") or {}
    summary = entry.get("summary", "")
    return html_paragraphs(summary) if detail.get("type") in HTML_TYPES else as_paragraphs(summary)


def _entry_published(entry, origin: str) -> dict:
    """The entry's time as written (keeping its offset); feedparser's UTC reading as a fallback."""
    for key in ("published", "updated", "created"):
        written = entry.get(key)
        if not written:
            continue
        try:
            return {"published": parse_datetime(written)}
        except ValueError:
            fallback = entry.get(f"{key}_parsed")
            if fallback:
                year, month, day, hour, minute, second = fallback[:6]
                return {"published": datetime(year, month, day, hour, minute, second, tzinfo=UTC)}
            raise ReaderError(origin, f"invalid date {written!r}") from None
    return {"published": assumed_now(), "published_assumed": True}
