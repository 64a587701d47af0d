"""The plain-text export of a news site (the layout of ../shared/seeds/*.txt).

    English Section                      <- section
                                         (blank)
    NATO chief says ...                  <- title
                                         (blank)
    03.02.2026 15:00                     <- date line, Warsaw local time
    NATO Secretary General Mark ...      <- lead
    Nato Secretary General ... Russias   <- caption, first copy (optional)
    Nato Secretary ... Russia’s ...Photo: EPA/ANDRII NESTERENKO   <- second copy + credit
                                         (blank)
    Speaking to Ukraine's parliament ... <- body paragraphs, blank-separated
    (ał)                                 <- author initials
                                         (blank)
    Source: PAP, IAR, Reuters            <- sources

The caption is found by position, never by its words: the lines after the
lead and before the first blank line, or, when a blank line follows the lead,
a block of near-identical lines or one carrying a ``Photo:`` credit. The site
prints the caption twice (the first copy sometimes loses an apostrophe); the
copies are folded into one, keeping the later one, which carries the credit.
``caption_credit`` is the credit without its ``Photo:`` label
(``EPA/ANDRII NESTERENKO``), as in every reader. Several initials
(``(ał/kb)``) become ``"ał, kb"``. Lines may end in CRLF and carry trailing
spaces; text is normalised as ``briefing.readers.common`` says (no-break
spaces become plain spaces).

A ``.txt`` without the date line near the top is not this layout and is
refused (and skipped in a folder walk).
"""

from __future__ import annotations

import re

from briefing.errors import ReaderError
from briefing.models import Article
from briefing.readers.base import Reader
from briefing.readers.common import (
    CREDIT_LABEL,
    DOTTED_DATE,
    clean_text,
    decode_text,
    head_text,
    parse_datetime,
    split_credit,
)

#: The date line must stand within this many lines of the top.
HEADER_LINES = 12
_INITIALS_LINE = re.compile(r"\(\s*([\w.]{1,12}(?:\s*[/,;]\s*[\w.]{1,12})*)\s*\)")
_SOURCE_LINE = re.compile(r"Sources?\s*:\s*(.+)", re.IGNORECASE)
_SPLIT_LIST = re.compile(r"\s*[,;/]\s*")
#: what ``str.isalnum`` is not (``\W`` is its complement but for the underscore), removed in one call
_NOT_ALNUM = re.compile(r"[\W_]+")


class NewsSiteTextReader(Reader):
    """The seed's plain-text layout: section, title, date line, lead, caption, body, initials, sources."""

    name = "news-text"
    extensions = (".txt",)
    legacy_encodings = True

    @classmethod
    def sniff(cls, head: bytes) -> bool:
        lines = head_text(head).splitlines()[:HEADER_LINES]
        return any(DOTTED_DATE.fullmatch(line.strip()) for line in lines)

    def read(self, data: bytes, origin: str) -> list[Article]:
        lines = [line.strip() for line in decode_text(data, origin).splitlines()]
        date_index = _date_line_index(lines, origin)
        header = [line for line in lines[:date_index] if line]
        if not header:
            raise ReaderError(origin, "no title before the date line")
        try:
            published = parse_datetime(lines[date_index])
        except ValueError as exc:
            raise ReaderError(origin, f"invalid date {lines[date_index]!r}: {exc}") from None
        blocks = _blocks(lines[date_index + 1 :])
        author, sources = _pop_trailer(blocks)
        if not blocks:
            raise ReaderError(origin, "no text after the date line")
        lead, caption_lines = blocks[0][0], blocks[0][1:]
        paragraphs = blocks[1:]
        if not caption_lines and paragraphs and _is_caption_block(paragraphs[0]):
            caption_lines, paragraphs = paragraphs[0], paragraphs[1:]
        caption, credit = _caption(caption_lines)
        return [
            Article(
                title=clean_text(" ".join(header[1:] if len(header) > 1 else header)),
                published=published,
                lead=clean_text(lead),
                body=tuple(clean_text(" ".join(block)) for block in paragraphs),
                section=clean_text(header[0]) if len(header) > 1 else "",
                author=author,
                caption=caption,
                caption_credit=credit,
                sources=sources,
                origin=origin,
            )
        ]


def _date_line_index(lines: list[str], origin: str) -> int:
    for index, line in enumerate(lines[:HEADER_LINES]):
        if DOTTED_DATE.fullmatch(line):
            return index
    raise ReaderError(origin, f"no date line (DD.MM.YYYY HH:MM) in the first {HEADER_LINES} lines")


def _blocks(lines: list[str]) -> list[list[str]]:
    """Runs of non-blank lines."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _pop_trailer(blocks: list[list[str]]) -> tuple[str, tuple[str, ...]]:
    """Remove the ``(initials)`` and ``Source:`` lines from the end; return (author, sources)."""
    author = ""
    sources: tuple[str, ...] = ()
    while blocks:
        line = blocks[-1][-1]
        initials = _INITIALS_LINE.fullmatch(line)
        source = _SOURCE_LINE.fullmatch(line)
        if source and not sources:
            sources = tuple(clean_text(name) for name in _SPLIT_LIST.split(source.group(1)) if name.strip())
        elif initials and not author:
            # Several initials (``(ał/kb)``) are written as one comma-separated list.
            author = ", ".join(_SPLIT_LIST.split(clean_text(initials.group(1))))
        else:
            break
        blocks[-1].pop()
        if not blocks[-1]:
            blocks.pop()
    return author, sources


def _fold(text: str) -> str:
    """Letters and digits only, so ``Russias`` and ``Russia’s`` compare equal."""
    return _NOT_ALNUM.sub("", text.casefold())


def _is_caption_block(block: list[str]) -> bool:
    """A block after the lead that is a caption: it carries a credit or repeats itself."""
    if any(":" in line and CREDIT_LABEL.search(line) for line in block):  # a credit has a colon
        return True
    return len(block) >= 2 and len({_fold(split_credit(line)[0]) for line in block}) == 1


def _caption(lines: list[str]) -> tuple[str, str]:
    """One caption and its credit from the caption lines, copies folded into the last one."""
    texts: dict[str, str] = {}
    credit = ""
    for line in lines:
        text, line_credit = split_credit(line)
        credit = credit or line_credit
        if text:
            texts[_fold(text)] = text  # a later copy replaces an earlier one, in the first's place
    return " ".join(texts.values()), credit
