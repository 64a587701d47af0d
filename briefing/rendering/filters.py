"""The filters template editors use, registered in ``FILTERS``.

    {{ 1200000 | number }}                  1.2 million
    {{ story.day | day_words }}             Tuesday, 3 February 2026
    {{ story.published | clock }}           15:00 (in the configured zone)
    {{ 3 | plural("article") }}             3 articles
    {{ ["PAP", "IAR", "Reuters"] | join_and }}  PAP, IAR and Reuters
    {{ quote | speaker }}                   Mark Rutte, NATO Secretary General
    {{ story.headline | md }}               Markdown-escaped inline text
    {{ row.what | md_cell }}                escaped for a Markdown table cell
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from briefing.composition import wording

#: characters that could start Markdown syntax or raw HTML anywhere in a line
MD_INLINE_SPECIALS = re.compile(r"([\\`*_\[\]<>~|])")
#: what could start a block (heading, list, quote, rule) at the start of a line
MD_LINE_START = re.compile(r"^(\s*)([#+-]|\d+[.)])(?=\s|$)", re.M)
MD_ENTITY = re.compile(r"&(?=#?\w+;)")


def md(text: object) -> str:
    """Article text made safe for inline Markdown: no markup, links, HTML or entities of its own."""
    escaped = MD_INLINE_SPECIALS.sub(r"\\\1", str(text))
    escaped = MD_ENTITY.sub(r"\\&", escaped)
    return MD_LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}", escaped)


def md_cell(text: object) -> str:
    """Text for a Markdown table cell: escaped, and on one line."""
    return md(" ".join(str(text).split()))


def join_and(items: Iterable[object], last: str = "and") -> str:
    """``PAP``, ``PAP and IAR``, ``PAP, IAR and Reuters``."""
    names = [str(item) for item in items]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {last} {names[-1]}"


def speaker(quote) -> str:
    """Speaker and role of a quote row: ``Mark Rutte, NATO Secretary General``."""
    return wording.attribution(quote.speaker, quote.role)


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return wording.plural(count, singular, plural_form)


def day_words(day: date | datetime) -> str:
    return wording.day_in_words(day.date() if isinstance(day, datetime) else day)


def make_filters(zone: ZoneInfo) -> dict[str, object]:
    """Every filter, those that show times bound to the configured zone."""
    return {
        "number": wording.number_in_words,
        "day_words": lambda day: day_words(day.astimezone(zone) if isinstance(day, datetime) else day),
        "clock": lambda moment: wording.local_time(moment, zone),
        "moment_words": lambda moment: wording.moment_in_words(moment, zone),
        "plural": plural,
        "join_and": join_and,
        "speaker": speaker,
        "md": md,
        "md_cell": md_cell,
    }
