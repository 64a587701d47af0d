"""A saved news web page (``.html``).

The main text comes from trafilatura, which leaves out the page's
boilerplate: navigation, cookie banners, weather widgets, share counts,
related stories, footers. Its first paragraph is the lead; the H1 that
repeats the title is dropped. The metadata comes from the page's own
markup, most specific first:

* title: ``og:title``, JSON-LD ``headline``, the first ``<h1>``, ``<title>``;
* published: ``article:published_time``, JSON-LD ``datePublished``,
  ``itemprop=datePublished``, a ``<time datetime>``;
* section, author, source (site name), URL, language; the first
  ``<figcaption>`` (or ``.caption``) as the caption, split from its credit.

Nothing in the page is executed. A script's text is never article text; a
JSON-LD block is only read as data.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterator
from typing import Any

from lxml import etree

from briefing.errors import ReaderError
from briefing.models import Article
from briefing.readers.base import Reader
from briefing.readers.common import (
    assumed_now,
    clean_text,
    decode_text,
    head_text,
    language_code,
    lead_and_body,
    parse_datetime,
    split_credit,
)
from briefing.readers.fields import as_text
from briefing.readers.html_text import element_blocks, html_blocks, parse_html

ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting"}
#: Fewer words than this outside the boilerplate is a page without an article (a search page, an index).
MIN_ARTICLE_WORDS = 15
_HEAD_MARKERS = ("<!doctype html", "<html", "<head", "<body", "<article", "<meta", "<title")


class WebPageReader(Reader):
    """A saved HTML page holding one article."""

    name = "html"
    extensions = (".html", ".htm")

    @classmethod
    def sniff(cls, head: bytes) -> bool:
        text = head_text(head).lower()
        return any(marker in text for marker in _HEAD_MARKERS)

    def read(self, data: bytes, origin: str) -> list[Article]:
        markup = decode_text(data, origin)
        try:
            page = parse_html(markup)
        except etree.ParserError as exc:
            raise ReaderError(origin, f"not an HTML page ({exc})") from None
        meta = PageMetadata(page)
        title = meta.title()
        if not title:
            raise ReaderError(origin, "no title (no og:title, JSON-LD headline, <h1> or <title>)")
        paragraphs = _main_text(markup, title)
        words = sum(len(paragraph.split()) for paragraph in paragraphs)
        if words < MIN_ARTICLE_WORDS:
            raise ReaderError(
                origin, f"no article text found in the page (fewer than {MIN_ARTICLE_WORDS} words besides the title)"
            )
        lead, body = lead_and_body(paragraphs)
        caption, credit = split_credit(meta.caption())
        return [
            Article(
                title=title,
                lead=lead,
                body=body,
                section=meta.first("article:section", ld="articleSection"),
                source=meta.first("og:site_name", ld="publisher"),
                url=meta.url(),
                author=meta.first("article:author", "author", ld="author"),
                caption=caption,
                caption_credit=credit,
                origin=origin,
                language=language_code(page.get("lang") or meta.first("og:locale")),
                **meta.published(origin),
            )
        ]


def _main_text(markup: str, title: str) -> list[str]:
    """The article's paragraphs as trafilatura finds them, without the H1 that repeats the title."""
    import trafilatura  # imported here: only web pages need it (and it is slow to import)

    extracted = trafilatura.extract(
        markup,
        output_format="html",
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
    )
    blocks = html_blocks(extracted or "")
    while blocks and blocks[0].kind == "h1":
        blocks = blocks[1:]
    return [block.text for block in blocks if not (block.kind.startswith("h") and block.text == title)]


class PageMetadata:
    """The metadata a page states about its article: meta tags, JSON-LD, markup."""

    def __init__(self, page) -> None:
        self.page = page
        self.meta: dict[str, str] = {}
        for element in page.iter("meta"):
            key = element.get("property") or element.get("name") or element.get("itemprop")
            content = element.get("content")
            if key and content and content.strip():
                self.meta.setdefault(key.strip().lower(), content.strip())
        self.ld = next(_json_ld_articles(page), {})

    def first(self, *meta_keys: str, ld: str = "") -> str:
        """The first of these meta tags that is present, else the JSON-LD field ``ld``."""
        for key in meta_keys:
            if key in self.meta:
                return clean_text(self.meta[key])
        return as_text(self.ld.get(ld)) if ld else ""

    def title(self) -> str:
        found = self.first("og:title", "twitter:title", ld="headline")
        return found or self._text("//h1") or self._text("//title")

    def url(self) -> str:
        found = self.first("og:url")
        if found:
            return found
        canonical = self.page.xpath("//link[@rel='canonical']/@href")
        if canonical:
            return canonical[0].strip()
        entity = self.ld.get("url") or self.ld.get("mainEntityOfPage") or ""
        return as_text(entity.get("@id", "") if isinstance(entity, dict) else entity)

    def caption(self) -> str:
        return self._text("//figcaption") or self._text("//*[contains(@class, 'caption')]")

    def published(self, origin: str) -> dict[str, Any]:
        candidates = [
            self.meta.get("article:published_time"),
            self.ld.get("datePublished"),
            self.meta.get("datepublished"),
            *self.page.xpath("//time/@datetime"),
        ]
        written = [value for value in candidates if isinstance(value, str) and value.strip()]
        for value in written:
            try:
                return {"published": parse_datetime(value)}
            except ValueError:
                continue
        if written:
            raise ReaderError(origin, f"invalid date {written[0]!r}")
        return {"published": assumed_now(), "published_assumed": True}

    def _text(self, xpath: str) -> str:
        found = self.page.xpath(xpath)
        return " ".join(block.text for block in element_blocks(found[0])) if found else ""


def _json_ld_articles(page) -> Iterator[dict[str, Any]]:
    """The news-article objects of the page's JSON-LD blocks (read as data, never run)."""
    for script in page.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except (json.JSONDecodeError, RecursionError):
            continue
        stack = deque([data])
        while stack:
            item = stack.popleft()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                kind = item.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                if any(isinstance(name, str) and name in ARTICLE_TYPES for name in kinds):
                    yield item
                stack.extend(item.get("@graph", []) if isinstance(item.get("@graph"), list) else [])
