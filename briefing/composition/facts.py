"""One row per fact: a conversion joins the amount it converts, a range is one row, a baseline is no row.

- ``UAH 2.4bn (about $57m)``, ``PLN 900, or roughly UAH 10,000``: the converted
  amount is said in brackets after the first, not shown as a fact of its own;
- ``between 80 and 110 centimetres``, ``80-110 cm``, ``from minus 18C to plus
  6C``: one row, the two ends in the order the reader expects ("80–110
  centimetres");
- ``up from 66 percent``, ``down from PLN 2.26``: the earlier level a change is
  measured from stays with its story, but is no key figure of the day;
- a figure in navigation text ("Read also: …") is not part of the story.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.composition import wording
from briefing.models import Figure

_HEDGE = r"(?:about|around|roughly|approximately|some|c\.|~|nearly|almost)?\s*"
#: what stands between an amount and its conversion: `(about `, `, or roughly `
_CONVERSION_LINK = re.compile(r"\s*(?:\(\s*|,?\s*or\s+)(" + _HEDGE + r")")
_NAVIGATION = re.compile(r"(?i)^\s*(?:read (?:also|more)|see also|related|more on this|watch|listen)\b[:\s]")
_BASELINE = re.compile(r"(?i)\b(?:up|down|rising|falling|rose|fell)\s+from\s+$")


@dataclass(frozen=True)
class Fact:
    """A figure as one row: how it is said (a range or a conversion included) and whether it is a key figure."""

    figure: Figure
    said: str
    amount: str
    key: bool = True  # False: a baseline, shown with its story but not in "the day in numbers"


def facts_of(figures: Sequence[Figure], every: Sequence[Figure] = ()) -> list[Fact]:
    """The figures of one story as facts, in the order given, conversions and range ends folded in.

    ``every`` is all the story's figures before repeats were dropped: a conversion
    written once ("UAH 2.4bn (about $57m)" in the lead) joins the same amount
    wherever it is shown (the headline's "UAH 2.4bn").
    """
    conversions = _conversions(every or figures)
    converted = {fact_key_of(other) for _, other, _ in conversions.values()}
    taken: set[int] = set()
    facts: list[Fact] = []
    for i, figure in enumerate(figures):
        if i in taken or _NAVIGATION.match(figure.sentence) or fact_key_of(figure) in converted:
            continue
        said, amount = wording.figure_said(figure), wording.figure_amount(figure)
        if fact_key_of(figure) in conversions:
            said = f"{said} ({conversions[fact_key_of(figure)][2]})"
        for j, other in enumerate(figures):
            if j == i or j in taken or other.sentence != figure.sentence:
                continue
            if other.unit == figure.unit and _ranges(figure, other):
                taken.add(j)
                low, high = sorted((figure, other), key=lambda f: f.value)
                said = _range_said(low, high, figure.sentence)
                unit_words = wording.figure_said(high).removeprefix(wording.figure_amount(high))
                amount = said.removesuffix(unit_words).strip() if unit_words.strip() else said
        facts.append(Fact(figure, said, amount, key=not _is_baseline(figure)))
    return facts


def fact_key_of(figure: Figure) -> tuple[float, str]:
    return round(figure.value, 3), figure.unit


def _conversions(figures: Sequence[Figure]) -> dict[tuple[float, str], tuple[Figure, Figure, str]]:
    """Each converted amount's key -> (the amount, its conversion, the conversion as said: "about $57 million").

    The amount may be one the extractor kept from another sentence (the headline's "UAH 2.4bn"), so
    each conversion's sentence is searched for every other figure's words (a substring test first:
    this runs for every pair of a story's figures).
    """
    found = {}
    for figure in figures:
        for other in figures:
            hedge = _conversion_hedge(figure, other) if other is not figure else None
            if hedge is not None:
                amount = wording.figure_amount(other)
                found[fact_key_of(figure)] = (figure, other, amount if other.qualifier else f"{hedge} {amount}".strip())
    return found


def _conversion_hedge(first: Figure, other: Figure) -> str | None:
    """The hedge ("about", or "") when ``other`` is ``first`` in another currency, written right after it:
    `UAH 2.4bn (about $57m)`, `PLN 900, or roughly UAH 10,000`; None when it is not."""
    if not (first.text and first.unit and other.unit and first.unit != other.unit):
        return None
    sentence = other.sentence
    at = sentence.find(first.text)
    while at >= 0:
        rest = sentence[at + len(first.text):]
        link = _CONVERSION_LINK.match(rest)
        if link and rest.startswith(other.text, link.end()):
            return link.group(1).strip()
        at = sentence.find(first.text, at + 1)
    return None


def _ranges(first: Figure, other: Figure) -> bool:
    if first.text == other.text and first.value != other.value:
        return True  # `between 300 and 400 people`: the extractor gives both ends the phrase as their text
    a, b = re.escape(first.text), re.escape(other.text)
    sentence = first.sentence
    return any(re.search(pattern, sentence, flags=re.I) for pattern in (
        rf"between\s+{a}\s+and\s+{b}", rf"between\s+{b}\s+and\s+{a}", rf"{a}\s*(?:–|-|to)\s*{b}",
        rf"from\s+{a}\s+to\s+{b}"))


def _range_said(low: Figure, high: Figure, sentence: str) -> str:
    """`80–110 centimetres`; a change of level reads as it does in the text: `from -18 °C to 6 °C`."""
    if re.search(rf"from\s+{re.escape(low.text)}\s+to|from\s+{re.escape(high.text)}\s+to", sentence, flags=re.I):
        first, last = (low, high) if sentence.find(low.text) < sentence.find(high.text) else (high, low)
        return f"from {wording.figure_amount(first)} to {wording.figure_amount(last)}"
    low_number = wording.figure_amount(low)
    high_said = wording.figure_said(high)
    unit_words = high_said.removeprefix(wording.figure_amount(high)).strip()
    if unit_words and low_number.endswith(unit_words):
        low_number = low_number[: -len(unit_words)].strip()
    return f"{low_number}–{high_said}"


def _is_baseline(figure: Figure) -> bool:
    at = figure.sentence.find(figure.text)
    return at > 0 and _BASELINE.search(figure.sentence[:at]) is not None
