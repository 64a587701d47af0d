"""How the briefing says things: dates, numbers, figures, counts, speakers.

These are plain functions so composition and the template filters share them
(the filters in ``briefing.rendering.filters`` call these).
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from briefing.extraction.text import hide_abbreviation_stops, sentence_starts
from briefing.language.vocabulary import (
    CURRENCY_CODES,
    CURRENCY_SIGNS,
    MEASURE_UNITS,
    MONTHS,
    PERCENTAGE_POINTS,
    UNITS_BEFORE,
    WEEKDAYS,
)
from briefing.language.vocabulary import PERCENT_UNITS as VOCABULARY_PERCENT_UNITS
from briefing.language.vocabulary import SCALES as VOCABULARY_SCALES
from briefing.models import Figure

#: how the briefing words units and currencies: from the one vocabulary that extraction reads too
CURRENCY_SYMBOLS = CURRENCY_SIGNS  # a code -> the sign written before the number (`USD` -> `$`)
PERCENT_UNITS = {*VOCABULARY_PERCENT_UNITS, PERCENTAGE_POINTS}
SCALES = tuple((factor, word) for word, factor in VOCABULARY_SCALES if factor >= 1e6)


def day_in_words(day: date) -> str:
    """``Tuesday, 3 February 2026``."""
    return f"{WEEKDAYS[day.weekday()]}, {day.day} {MONTHS[day.month - 1]} {day.year}"


def range_in_words(first: date, last: date) -> str:
    """``1–7 February 2026``, ``30 January – 5 February 2026``, or one day in words."""
    if first == last:
        return day_in_words(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {MONTHS[last.month - 1]} {last.year}"
    if first.year == last.year:
        return f"{first.day} {MONTHS[first.month - 1]} – {last.day} {MONTHS[last.month - 1]} {last.year}"
    return f"{first.day} {MONTHS[first.month - 1]} {first.year} – {last.day} {MONTHS[last.month - 1]} {last.year}"


def local_time(moment: datetime, zone: ZoneInfo) -> str:
    """``15:00`` in the zone."""
    return moment.astimezone(zone).strftime("%H:%M")


def moment_in_words(moment: datetime, zone: ZoneInfo) -> str:
    """``3 February 2026, 06:30 CET``."""
    local = moment.astimezone(zone)
    return f"{local.day} {MONTHS[local.month - 1]} {local.year}, {local:%H:%M} {local.tzname()}"


def zone_in_words(zone: str, day: date) -> str:
    """The zone as a reader knows it: its city and the abbreviation in force at noon on ``day``
    (`Europe/Warsaw` -> `Warsaw (CET)`, `America/New_York` in July -> `New York (EDT)`, `UTC` -> `UTC`)."""
    abbreviation = datetime(day.year, day.month, day.day, 12, tzinfo=ZoneInfo(zone)).tzname() or ""
    if abbreviation[:1] in ("+", "-"):
        abbreviation = "UTC" + abbreviation  # a zone with no letters of its own: `+04`
    if zone.startswith("Etc/"):  # `Etc/GMT-3` names no place (and reads its sign backwards): its offset only
        return abbreviation or zone
    city = zone.rsplit("/", 1)[-1].replace("_", " ")
    return city if not abbreviation or abbreviation == city else f"{city} ({abbreviation})"


def number_in_words(value: float) -> str:
    """A number as a reader says it: ``450``, ``1,000``, ``2.5``, ``1.2 million``, ``-20``."""
    sign = "-" if value < 0 else ""
    magnitude = abs(value)
    for scale, word in SCALES:
        if magnitude >= scale:
            return f"{sign}{_trim(magnitude / scale, 1)} {word}"
    if magnitude == int(magnitude):
        return f"{sign}{int(magnitude):,}"
    return f"{sign}{_trim(magnitude, 2)}"


def _trim(number: float, places: int) -> str:
    text = f"{number:,.{places}f}".rstrip("0").rstrip(".")
    return text or "0"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``1 article``, ``12 articles``, ``2 people`` (with ``plural_form``)."""
    word = singular if count == 1 else (plural_form or f"{singular}s")
    return f"{count:,} {word}"


def counts_line(articles: int, sources: int) -> str:
    """``12 articles from 4 sources``."""
    return f"{plural(articles, 'article')} from {plural(sources, 'source')}"


def attribution(speaker: str, role: str) -> str:
    """``Mark Rutte, NATO Secretary General``; the role alone when it already names the speaker."""
    if not speaker:
        return role
    if not role or speaker.lower() in role.lower():
        return speaker
    return f"{speaker}, {role}"


def figure_amount(figure: Figure) -> str:
    """The number with its hedge and, where the unit reads with the number, the unit.

    ``more than 450`` (drones), ``-20 °C``, ``75%``, ``$1.2 billion``, ``about 300 km``.
    """
    number = number_in_words(figure.value)
    unit = figure.unit.strip()
    if unit in CURRENCY_SYMBOLS:
        number = f"{'-' if figure.value < 0 else ''}{CURRENCY_SYMBOLS[unit]}{number.lstrip('-')}"
    elif unit.lower() in PERCENT_UNITS:
        number = f"{number}%" if unit.lower() != "percentage points" else f"{number} percentage points"
    elif unit in MEASURE_UNITS or unit.upper() in CURRENCY_CODES:
        number = f"{number} {unit}"
    elif unit in UNITS_BEFORE:
        number = f"{unit} {number}"  # `magnitude 6.8`
    return f"{figure.qualifier} {number}".strip()


def unit_reads_with_number(unit: str) -> bool:
    """True for symbols, percentages and currencies, which ``figure_amount`` already shows."""
    unit = unit.strip()
    return (
        unit in CURRENCY_SYMBOLS
        or unit.lower() in PERCENT_UNITS
        or unit in MEASURE_UNITS
        or unit.upper() in CURRENCY_CODES
        or unit in UNITS_BEFORE
    )


def figure_said(figure: Figure) -> str:
    """The figure as a reader says it: ``more than 450 drones``, ``-20 °C``, ``75% of all missiles``."""
    amount = figure_amount(figure)
    if unit_reads_with_number(figure.unit) or not figure.unit:
        return amount
    return f"{amount} {figure.unit}"


def first_sentences(text: str, count: int = 2, max_chars: int = 320) -> str:
    """The first one or two sentences of ``text``, never more than ``max_chars`` unless one sentence is.

    Sentences are where the extraction finds them (``briefing.extraction.text``):
    the stop of a title, an abbreviation or an initial (`Mr.`, `Feb.`, `J. R.`)
    ends none, an ellipsis does, and so does a stop before a number.
    """
    sentences = split_sentences(text)
    chosen = sentences[0] if sentences else ""
    for sentence in sentences[1:count]:
        if len(chosen) + 1 + len(sentence) > max_chars:
            break
        chosen = f"{chosen} {sentence}"
    return chosen


def split_sentences(text: str) -> list[str]:
    """``text``'s sentences, by the one splitter the extraction uses."""
    text = text.strip()
    if not text:
        return []
    # the splitter reads the text with the stops of abbreviations blanked, offsets unchanged
    bounds = [*sentence_starts(hide_abbreviation_stops(text)), len(text)]
    pieces = (text[start:end].strip() for start, end in zip(bounds, bounds[1:], strict=False))
    return [piece for piece in pieces if piece]
