"""Helpers every reader shares: decoding, text normalisation, dates, captions.

One normalisation for every format, so that the extraction sees the same
text whatever file an article came from:

* every run of whitespace (spaces, tabs, no-break spaces U+00A0 and U+202F,
  line breaks inside a paragraph) becomes one plain space, and paragraphs are
  stripped; soft hyphens and zero-width characters are removed;
* text is in Unicode NFC form.

Times: a time that states no zone is local time in the configured zone
(``briefing.local_zone``, set by the command line from ``timezone``; until
then ``DEFAULT_ZONE``, Warsaw, the corpus's newsroom); an article that gives no time
at all gets the time it was read, with ``published_assumed=True``.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, time
from email.utils import parsedate_to_datetime
from typing import TypeVar

from briefing.dates import why_not_a_day
from briefing.errors import ReaderError
from briefing.local_zone import DEFAULT_ZONE, local_zone  # noqa: F401 (DEFAULT_ZONE: re-exported)
from briefing.models import Article

log = logging.getLogger("briefing.readers")


#: soft hyphen and zero-width characters (a regex: ``str.translate`` with a dict is ten times slower)
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
#: ``03.02.2026 15:00`` (day first), the plain-text export's date line.
DOTTED_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?")
#: A photo credit: ``Photo: EPA/ANDRII NESTERENKO`` (the label is dropped from ``caption_credit``).
CREDIT_LABEL = re.compile(r"\s*\b(?:Photo|Photograph|Photos|Fot\.|Foto|Image|Picture|Credit)\s*:\s*")


#: a text longer than this is normalised in pieces of about this size: splitting it into words at once
#: would make an object per word (a 19 MB paragraph took 15 times its size)
LONG_TEXT = 100_000


def clean_text(text: str) -> str:
    """One paragraph's text, normalised as the module docstring says."""
    if not text.isascii():
        if not text.isprintable():  # the invisible characters are all unprintable: most texts have none
            text = _INVISIBLE.sub("", text)
        text = unicodedata.normalize("NFC", text)
    if _single_spaced(text):
        return text  # most paragraphs: no object per word made for nothing
    if len(text) > LONG_TEXT:
        return _clean_long(text)
    return " ".join(text.split())


def _single_spaced(text: str) -> bool:
    """True when ``" ".join(text.split())`` is ``text`` itself. Every whitespace character but the
    plain space is unprintable, so a printable text with no double, leading or trailing space has
    nothing to change; two scans in C instead of a list of words."""
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def _clean_long(text: str) -> str:
    """``" ".join(text.split())`` in pieces cut at spaces, so memory stays near the text's own size."""
    parts, start = [], 0
    while start < len(text):
        end = text.find(" ", start + LONG_TEXT)
        end = len(text) if end == -1 else end
        part = " ".join(text[start:end].split())
        if part:
            parts.append(part)
        start = end
    return " ".join(parts)


def decode_text(data: bytes, origin: str) -> str:
    """The file's text: UTF-8, with or without a byte-order mark."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start]
        raise ReaderError(origin, f"not UTF-8 text (byte 0x{bad:02x} at position {exc.start})") from None
    if not text.strip():
        raise ReaderError(origin, "the file is empty")
    return text


def head_text(head: bytes) -> str:
    """The first bytes of a file as text, for ``sniff`` (never fails)."""
    return head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")


def parse_datetime(value: object) -> datetime:
    """A time as the formats write it, made timezone-aware.

    Accepts ISO 8601 (``2026-02-04T23:40:00Z``), RFC 822 (``Fri, 06 Feb 2026
    23:20:00 GMT``), ``03.02.2026 15:00`` and a Unix timestamp. Raises
    ``ValueError`` for anything else.
    """
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, date):  # YAML reads ``2026-02-03`` as a date
        parsed = datetime.combine(value, time())
    elif isinstance(value, int | float) and not isinstance(value, bool):
        return datetime.fromtimestamp(value, UTC)
    elif isinstance(value, str) and value.strip():
        parsed = _parse_datetime_text(value.strip())
    else:
        raise ValueError(f"not a date: {value!r}")
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=local_zone())


def _parse_datetime_text(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError as exc:
        if "range" in str(exc) or "must be in" in str(exc):  # ISO 8601 naming a day that does not exist
            raise ValueError(why_not_a_day(text[:10]) or str(exc)) from None  # which day and why, if the day
    dotted = DOTTED_DATE.fullmatch(text)
    if dotted:
        day, month, year, hour, minute, second = (int(part or 0) for part in dotted.groups())
        return datetime(year, month, day, hour, minute, second)
    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        raise ValueError(f"unrecognised date {text!r}") from None
    if parsed is None:
        raise ValueError(f"unrecognised date {text!r}")
    return parsed


def assumed_now() -> datetime:
    """The stand-in time for an article that gives none (see ``Article.published_assumed``)."""
    return datetime.now(UTC).replace(microsecond=0)


def split_credit(caption: str) -> tuple[str, str]:
    """``'A tram in Gdańsk.Photo: PAP/Olga Rydz'`` -> ``('A tram in Gdańsk.', 'PAP/Olga Rydz')``."""
    caption = clean_text(caption)
    found = CREDIT_LABEL.search(caption) if ":" in caption else None  # the pattern is slow on a long line
    if not found:
        return caption, ""
    return caption[: found.start()].strip(), caption[found.end() :].strip()


def language_code(value: object) -> str:
    """``'en-GB'`` -> ``'en'``; anything unusable -> the Article default."""
    if isinstance(value, str) and re.fullmatch(r"[A-Za-z]{2,3}([-_][A-Za-z0-9]+)*", value.strip()):
        return re.split(r"[-_]", value.strip())[0].lower()
    return "en"


def lead_and_body(paragraphs: Iterable[str], lead: str = "") -> tuple[str, tuple[str, ...]]:
    """Split paragraphs into the lead and the body.

    With no separate lead the first paragraph is the lead. A separate lead
    that the body repeats as its first paragraph is not kept twice.
    """
    body = [text for text in (clean_text(p) for p in paragraphs) if text]
    lead = clean_text(lead)
    if not lead:
        return (body[0], tuple(body[1:])) if body else ("", ())
    if body and body[0] == lead:
        body = body[1:]
    return lead, tuple(body)


Item = TypeVar("Item")


class FileArticles(list[Article]):
    """A file's articles, with the items set aside (``(which, reason)``) and notes on how it was read."""

    def __init__(
        self, articles: Iterable[Article] = (), *, skipped: Iterable[tuple[str, str]] = (), notes: Iterable[str] = ()
    ) -> None:
        super().__init__(articles)
        self.skipped = list(skipped)
        self.notes = list(notes)


def read_items(
    origin: str, items: Iterable[tuple[int, Item]], read_one: Callable[[Item], Article], noun: str = "item"
) -> list[Article]:
    """Articles from a file that holds several (a feed, a JSON list), as ``(number, item)`` pairs.

    A broken item is set aside in ``skipped`` with its reason; the file fails
    only when no item at all can be read.
    """
    articles, problems, count = [], [], 0
    for number, item in items:
        count += 1
        try:
            articles.append(read_one(item))
        except ReaderError as exc:
            problems.append((number, exc.problem))
            log.info("%s: %s %d skipped: %s", origin, noun, number, exc.problem)
    if not articles:
        if not count:
            raise ReaderError(origin, f"no articles in the file (0 {noun}s)")
        number, problem = problems[0]
        if count == 1:
            raise ReaderError(origin, f"its only {noun} could not be read: {problem}")
        raise ReaderError(origin, f"none of its {count} {noun}s could be read; {noun} {number}: {problem}")
    return FileArticles(articles, skipped=[(f"{noun} {number}", problem) for number, problem in problems])
