"""How worth showing a figure or quote is: a score in [0, 1], higher first.

Figures (weights add up to 1):
- 0.45 position: the title 1.0, the lead 0.85, then body paragraphs from 0.7
  down by 0.05 a paragraph to 0.3 (news puts what matters first);
- 0.30 kind: money 1.0, percent 0.9, counts of things 0.8, temperatures and
  other measures 0.7, compound adjectives (`ten-day`) 0.5;
- 0.15 magnitude: log10 of the value over 9 (a billion scores 1.0);
- 0.10 said in the reporter's own words rather than inside a quote.

Quotes:
- 0.35 position, as for figures;
- 0.30 a whole sentence (1.0) rather than a fragment (0.5);
- 0.25 a named person (1.0), a group or organisation (0.6), nobody found (0.1);
- 0.10 length: 8 to 40 words is a quotable quote (1.0), shorter or longer less.
"""

from __future__ import annotations

import math

_KIND = {"currency": 1.0, "percent": 0.9, "count": 0.8, "temperature": 0.7, "measure": 0.7, "compound": 0.5}
_SPEAKER = {"person": 1.0, "org": 0.6, "group": 0.6}


def position_score(segment: int) -> float:
    if segment == 0:
        return 1.0
    if segment == 1:
        return 0.85
    return max(0.3, 0.7 - 0.05 * (segment - 2))


def figure_salience(segment: int, kind: str, value: float, in_quote: bool) -> float:
    magnitude = min(1.0, math.log10(abs(value) + 1.0) / 9.0)
    return (0.45 * position_score(segment) + 0.30 * _KIND.get(kind, 0.6) + 0.15 * magnitude
            + 0.10 * (0.0 if in_quote else 1.0))


def quote_salience(segment: int, partial: bool, speaker_kind: str, words: int) -> float:
    length = 1.0 if 8 <= words <= 40 else 0.6 if words > 40 else max(0.2, words / 8)
    return (0.35 * position_score(segment) + 0.30 * (0.5 if partial else 1.0)
            + 0.25 * _SPEAKER.get(speaker_kind, 0.1) + 0.10 * length)
