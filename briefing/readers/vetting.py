"""What every article passes through before it may be stored, whatever reader made it.

* Text that cannot be written: a lone surrogate (``"\\ud800"`` escaped in
  JSON or YAML) is not Unicode a database or a file can hold, so the article
  is refused with the field named, instead of failing the whole batch later.
* Characters that act instead of being read: control characters other than
  newline and tab (ANSI and OSC sequences begin with one, ``ESC``), and the
  bidirectional embeddings, overrides and isolates (U+202A-U+202E,
  U+2066-U+2069) that make text display in another order than it is stored,
  are removed.
* Size: the lead is at most ``LEAD_MAX_CHARS``, ending at a sentence (the
  rest opens the body, so nothing is lost); a paragraph longer than
  ``PARAGRAPH_MAX_CHARS`` is split at sentence ends; an article's text beyond
  ``TEXT_MAX_CHARS`` is cut, and a title, caption or name beyond its
  ``FIELD_MAX_CHARS`` is cut at a word, with a note. A huge single-paragraph article then
  costs the renderings and the extraction what a long read does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime

from briefing.errors import ReaderError
from briefing.models import Article

#: the lead's longest (a newspaper's standfirst is two or three sentences, 200-400 characters)
LEAD_MAX_CHARS = 600
#: a paragraph's longest; a longer one is split at sentence ends (or spaces)
PARAGRAPH_MAX_CHARS = 5_000
#: an article's longest text (lead and body); a novel-length long read is about this
TEXT_MAX_CHARS = 300_000
#: the longest of the one-line fields; those not named: section, source, author, credit, language, a source
FIELD_MAX_CHARS = {"title": 300, "caption": 1_000, "url": 2_000, "guid": 2_000}
SHORT_FIELD_MAX_CHARS = 200

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_UNSAFE_OR_SURROGATE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
#: the article's fields of one string, and those of them cut by ``FIELD_MAX_CHARS``
_TEXT_FIELDS = tuple(field.name for field in fields(Article) if field.type == "str")
_SHORT_FIELDS = tuple(name for name in _TEXT_FIELDS if name not in ("lead", "origin"))
#: where a sentence may end: its stop and closing marks, then a space
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*(?=\s)")


def printable(text: str) -> str:
    """``text`` without control characters (but newline and tab) and bidi controls: safe on a terminal."""
    return _UNSAFE.sub("", text)


def encodable(text: str) -> str:
    """``text`` with its lone surrogates written out: the undecodable bytes of a file name (``\\udcff``)
    as ``\\xff``, any other as ``\\ud800``; unchanged when it has none (nearly always)."""
    if not _SURROGATE.search(text):
        return text
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def check_name(origin: str) -> None:
    """Raise ``ReaderError`` when a file's name is not valid UTF-8 (the store could not hold it)."""
    if _SURROGATE.search(origin):
        raise ReaderError(encodable(origin), "the file name is not valid UTF-8; rename the file")


@dataclass(frozen=True)
class Vetted:
    """An article fit to store, and what was changed to make it so (one line each)."""

    article: Article
    notes: tuple[str, ...] = ()


def vet_article(article: Article, origin: str) -> Vetted:
    """The article with unsafe characters removed and its lead and text cut to size.

    Raises ``ReaderError`` when a field holds a lone surrogate.
    """
    if _fits(article):
        return Vetted(article)  # nearly every article: one pass over its text, nothing to change
    changes: dict[str, object] = {}
    notes: list[str] = []
    for field in fields(Article):
        value = getattr(article, field.name)
        if isinstance(value, str):
            changes[field.name] = _fit_field(field.name, _safe(value, field.name, article, origin), notes)
        elif isinstance(value, tuple):
            changes[field.name] = tuple(
                _fit_field(field.name, _safe(item, field.name, article, origin), notes) for item in value
            )
    article = replace(article, **changes)  # type: ignore[arg-type]
    lead, body, note = cut_text(article.lead, article.body)
    lead, body = fit_lead(lead, body)
    body = tuple(piece for paragraph in body for piece in split_paragraph(paragraph))
    return Vetted(replace(article, lead=lead, body=body), tuple(notes) + ((note,) if note else ()))


def _fits(article: Article) -> bool:
    """True when the article has nothing to remove and nothing over its length."""
    text = "".join([*(getattr(article, name) for name in _TEXT_FIELDS), *article.body, *article.sources])
    # every character the pattern finds is unprintable: one scan in C answers for nearly every article
    if not text.isprintable() and _UNSAFE_OR_SURROGATE.search(text):
        return False
    if len(article.lead) > LEAD_MAX_CHARS or any(len(p) > PARAGRAPH_MAX_CHARS for p in article.body):
        return False
    if any(len(getattr(article, name)) > FIELD_MAX_CHARS.get(name, SHORT_FIELD_MAX_CHARS) for name in _SHORT_FIELDS):
        return False
    return all(len(name) <= SHORT_FIELD_MAX_CHARS for name in article.sources)


def _fit_field(name: str, value: str, notes: list[str]) -> str:
    """A short field (title, section, caption...) cut at a word when over its length, with a note."""
    limit = FIELD_MAX_CHARS.get(name, SHORT_FIELD_MAX_CHARS)
    if name in ("lead", "body", "origin") or len(value) <= limit:
        return value
    if name in ("url", "guid"):  # a cut address leads nowhere, a cut identifier names another item
        notes.append(f"{name} left out: longer than {limit:,} characters")
        return ""
    notes.append(f"{name} cut to {limit:,} characters (it had {len(value):,})")
    return value[: _cut_point(value[: limit], limit - 1)].rstrip() + "…"


def _safe(text: str, name: str, article: Article, origin: str) -> str:
    bad = _SURROGATE.search(text)
    if bad:
        which = f"the {name}" if name == "title" else f"the {name} of {encodable(article.title)!r}"
        raise ReaderError(origin, f"{which} holds a lone surrogate (\\u{ord(bad.group()):04x}), not valid Unicode")
    return _UNSAFE.sub("", text)


def fit_lead(lead: str, body: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """A lead of at most ``LEAD_MAX_CHARS`` ending at a sentence; the rest becomes the first paragraph."""
    if len(lead) <= LEAD_MAX_CHARS:
        return lead, body
    cut = _cut_point(lead, LEAD_MAX_CHARS)
    return lead[:cut].rstrip(), (lead[cut:].strip(), *body)


def split_paragraph(paragraph: str) -> list[str]:
    """A paragraph in pieces of at most ``PARAGRAPH_MAX_CHARS``, cut at sentence ends where there are any."""
    if len(paragraph) <= PARAGRAPH_MAX_CHARS:
        return [paragraph]
    pieces, start = [], 0
    while len(paragraph) - start > PARAGRAPH_MAX_CHARS:
        window = paragraph[start:start + PARAGRAPH_MAX_CHARS + 1]
        cut = _cut_point(window, PARAGRAPH_MAX_CHARS)
        pieces.append(window[:cut].strip())
        start += cut
    pieces.append(paragraph[start:].strip())
    return [piece for piece in pieces if piece]


def cut_text(lead: str, body: tuple[str, ...]) -> tuple[str, tuple[str, ...], str]:
    """Lead and body within ``TEXT_MAX_CHARS`` in all; the note says what was cut ("" when nothing)."""
    total = len(lead) + sum(len(paragraph) for paragraph in body)
    if total <= TEXT_MAX_CHARS:
        return lead, body, ""
    kept: list[str] = []
    room = TEXT_MAX_CHARS
    for paragraph in (lead, *body):
        if len(paragraph) > room:
            kept.append(paragraph[: _cut_point(paragraph[: room + 1], room)].rstrip())
            break
        kept.append(paragraph)
        room -= len(paragraph)
    note = f"text cut to {TEXT_MAX_CHARS:,} characters (it had {total:,})"
    return kept[0], tuple(piece for piece in kept[1:] if piece), note


def _cut_point(text: str, limit: int) -> int:
    """Where to cut ``text`` to keep at most ``limit`` characters: after a sentence, else at a space."""
    window = text[: limit + 1]
    ends = [match.end() for match in _SENTENCE_END.finditer(window) if match.end() <= limit]
    if ends and ends[-1] >= limit // 3:
        return ends[-1]
    space = window.rfind(" ")
    return space if space > 0 else limit


@dataclass(frozen=True)
class DateWindow:
    """The years an article's date may fall in: a date outside is a typo or a placeholder."""

    first_year: int = 1900
    years_ahead: int = 100

    @classmethod
    def configured(cls, articles_settings) -> DateWindow:
        """The window ``articles.earliest_year`` and ``articles.years_ahead`` set."""
        return cls(articles_settings.earliest_year, articles_settings.years_ahead)

    def bounds(self) -> tuple[datetime, datetime]:
        """The instants ``[start, end)`` of the accepted years, in UTC."""
        last_year = min(datetime.now(UTC).year + self.years_ahead, 9998)
        return datetime(self.first_year, 1, 1, tzinfo=UTC), datetime(last_year + 1, 1, 1, tzinfo=UTC)

    def problem(self, published: datetime) -> str:
        """Why ``published`` is refused, or "" when it is inside the window."""
        last_year = self.bounds()[1].year - 1
        try:
            year = published.astimezone(UTC).year
        except OverflowError:  # 0001-01-01 in a zone east of UTC
            year = published.year
        if self.first_year <= year <= last_year:
            return ""
        return f"date {published.date().isoformat()} outside the accepted years {self.first_year} to {last_year}"
