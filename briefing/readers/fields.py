"""An article from a mapping of named fields: a JSON object or Markdown front matter.

Field names are matched without regard to case, ``_`` or ``-``
(``datePublished`` = ``date_published``); the first name listed that is
present wins. ``body`` may be a string (paragraphs separated by blank lines,
or HTML) or a list of paragraphs. With no ``lead`` field the body's first
paragraph is the lead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from briefing.errors import ReaderError
from briefing.models import Article
from briefing.readers.common import (
    assumed_now,
    clean_text,
    language_code,
    lead_and_body,
    parse_datetime,
    split_credit,
)
from briefing.readers.html_text import html_paragraphs

#: Article field -> the names it goes by in the wild, most specific first.
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "published": ("published", "published_at", "date_published", "pub_date", "date", "time", "created_at"),
    "lead": ("lead", "standfirst", "summary", "description", "excerpt", "abstract"),
    "body": ("body", "content", "text", "article_body", "paragraphs", "body_html", "content_html"),
    "section": ("section", "article_section", "category", "categories"),
    "source": ("source", "publisher", "site_name", "site"),
    "url": ("url", "link", "canonical_url", "permalink"),
    "guid": ("guid", "id", "uuid"),
    "author": ("author", "authors", "byline", "creator"),
    "sources": ("sources", "agencies"),
    "caption": ("caption", "image_caption", "photo_caption"),
    "caption_credit": ("caption_credit", "photo_credit", "image_credit", "credit"),
    "language": ("language", "lang", "in_language", "locale"),
}
_LOOKS_LIKE_HTML = re.compile(r"<(?:p|div|br|li|h[1-6]|blockquote)\b", re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")


def _key(name: str) -> str:
    return name.replace("_", "").replace("-", "").lower()


_ALIASES = {field: tuple(_key(name) for name in names) for field, names in FIELD_NAMES.items()}


def pick_fields(record: Mapping[str, Any]) -> dict[str, tuple[str, Any]]:
    """Article field -> (the name used in the record, its value), for the fields present."""
    by_key: dict[str, tuple[str, Any]] = {}
    for name, value in record.items():
        if isinstance(name, str) and value not in (None, "", [], {}):
            by_key.setdefault(_key(name), (name, value))
    found = {}
    for field, aliases in _ALIASES.items():
        for alias in aliases:
            if alias in by_key:
                found[field] = by_key[alias]
                break
    return found


def as_text(value: Any, joiner: str = ", ") -> str:
    """One line of text from a string, number, ``{"name": ...}`` object or a list of those."""
    if isinstance(value, list | tuple):
        # One level only: YAML aliases can nest lists exponentially deep.
        return joiner.join(text for text in (_scalar_text(item) for item in value) if text)
    return _scalar_text(value)


def _scalar_text(value: Any) -> str:
    if isinstance(value, Mapping):
        value = value.get("name") or value.get("text") or value.get("value") or ""
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return clean_text(str(value))
    return ""


def as_paragraphs(value: Any) -> list[str]:
    """Paragraphs from a body given as text, HTML, or a list of paragraphs."""
    if isinstance(value, list | tuple):
        return [text for item in value for text in _text_paragraphs(_scalar_text_raw(item))]
    return _text_paragraphs(_scalar_text_raw(value))


def _scalar_text_raw(value: Any) -> str:
    """A string value before normalisation (its blank lines still separate paragraphs)."""
    if isinstance(value, Mapping):
        value = value.get("text") or value.get("value") or ""
    return value if isinstance(value, str) else ""


def _text_paragraphs(value: str) -> list[str]:
    if _LOOKS_LIKE_HTML.search(value):
        return html_paragraphs(value)
    return [text for text in (clean_text(block) for block in _BLANK_LINE.split(value)) if text]


def as_names(value: Any) -> tuple[str, ...]:
    """``["PAP", "IAR"]`` or ``"PAP, IAR"`` -> ``("PAP", "IAR")``."""
    items = value if isinstance(value, list | tuple) else re.split(r"\s*[,;]\s*", as_text(value))
    return tuple(name for name in (as_text(item) for item in items) if name)


def article_from_fields(
    record: Mapping[str, Any], origin: str, paragraphs: list[str] | None = None
) -> Article:
    """The article a record describes; ``paragraphs`` (from a Markdown body) override its body field.

    Raises ``ReaderError`` without a title, without any text or with a date that cannot be read.
    """
    fields = pick_fields(record)
    title = as_text(fields.get("title", ("", ""))[1])
    if not title:
        raise ReaderError(origin, 'no title (expected a "title" or "headline" field)')
    if paragraphs is None:
        paragraphs = as_paragraphs(fields.get("body", ("", ""))[1])
    lead, body = lead_and_body(paragraphs, as_text(fields.get("lead", ("", ""))[1], " "))
    if not lead:
        raise ReaderError(origin, f'no text in {title!r} (expected a "body", "content" or "text" field)')
    caption, credit = split_credit(as_text(fields.get("caption", ("", ""))[1], " "))
    text = {field: as_text(value) for field, (_name, value) in fields.items()}
    return Article(
        title=title,
        lead=lead,
        body=body,
        section=as_text(_first(fields.get("section", ("", ""))[1])),
        source=text.get("source", ""),
        url=text.get("url", ""),
        guid=text.get("guid", ""),
        author=text.get("author", ""),
        caption=caption,
        caption_credit=text.get("caption_credit") or credit,
        sources=as_names(fields.get("sources", ("", ()))[1]),
        origin=origin,
        language=language_code(text.get("language")),
        **_published(fields, origin),
    )


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list | tuple) and value else value


def _published(fields: dict[str, tuple[str, Any]], origin: str) -> dict[str, Any]:
    if "published" not in fields:
        return {"published": assumed_now(), "published_assumed": True}
    name, value = fields["published"]
    try:
        return {"published": parse_datetime(value)}
    except (ValueError, OverflowError, OSError) as exc:
        why = "" if str(exc).startswith("unrecognised") else f" ({exc})"
        raise ReaderError(origin, f'invalid date in "{name}": {value!r}{why}') from None
