"""How the briefing orders stories, figures and quotes, and how it keeps each fact once.

Story ranking (``story_score``), highest first::

    score = 2.0  per extra source reporting the story ("also reported by")
          + the salience of its three most salient figures (each capped at 1)
          + the salience of its two most salient quotes (each capped at 1)
          + 0.5  when it has a whole-sentence quote
          + 0.5  when a figure or quote stands in the headline or the lead
          + 0.5 * length, for a substantial account over a brief (0..1, full at 600 words)
          + 0.25 * recency, the later in the period the higher (0..1), to break near-ties

Ties go to the later story, then to the headline in alphabetical order, so the
order never depends on the order the store returned the articles in.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from datetime import datetime

from briefing.language.vocabulary import UNIT_SYNONYMS
from briefing.models import Figure, Quote, StoredArticle

EXTRA_SOURCE_WEIGHT = 2.0
WHOLE_QUOTE_BONUS = 0.5
LEAD_POSITION_BONUS = 0.5
LENGTH_WEIGHT = 0.5
FULL_LENGTH_WORDS = 600
RECENCY_WEIGHT = 0.25
#: segments 0 and 1 of Article.text_segments are the title and the lead
LEAD_SEGMENTS = (0, 1)


def figures_of(stored: StoredArticle) -> tuple[Figure, ...]:
    return stored.extraction.figures if stored.extraction else ()


def quotes_of(stored: StoredArticle) -> tuple[Quote, ...]:
    return stored.extraction.quotes if stored.extraction else ()


def reporter_count(group: Sequence[StoredArticle]) -> int:
    """How many distinct sources carried the story."""
    names = {source_name(stored) for stored in group}
    names.update(name for stored in group for name in stored.also_reported_by)
    return max(1, len(names))


def source_name(stored: StoredArticle) -> str:
    """The publisher an article came from, or else the agencies it names together ("PAP / IAR")."""
    article = stored.article
    return article.source or " / ".join(article.sources) or "Unknown source"


def story_score(group: Sequence[StoredArticle], window: tuple[datetime, datetime]) -> float:
    """The ranking score of a story made of ``group`` (see the module's docstring)."""
    figures = [f for stored in group for f in figures_of(stored)]
    quotes = [q for stored in group for q in quotes_of(stored)]
    main = group[0].article
    score = EXTRA_SOURCE_WEIGHT * (reporter_count(group) - 1)
    score += sum(sorted((min(f.salience, 1.0) for f in figures), reverse=True)[:3])
    score += sum(sorted((min(q.salience, 1.0) for q in quotes), reverse=True)[:2])
    if any(not q.partial for q in quotes):
        score += WHOLE_QUOTE_BONUS
    if any(item.segment in LEAD_SEGMENTS for item in (*figures_of(group[0]), *quotes_of(group[0]))):
        score += LEAD_POSITION_BONUS
    words = sum(len(part.split()) for part in (main.lead, *main.body))
    score += LENGTH_WEIGHT * min(words, FULL_LENGTH_WORDS) / FULL_LENGTH_WORDS
    start, end = window
    span = (end - start).total_seconds() or 1.0
    recency = (main.published - start).total_seconds() / span
    score += RECENCY_WEIGHT * min(max(recency, 0.0), 1.0)
    return round(score, 4)


def fact_key(figure: Figure) -> tuple[float, str]:
    """Two figures state the same fact when value and unit (folded) agree."""
    unit = figure.unit.strip().lower()
    unit = UNIT_SYNONYMS.get(unit, unit)
    last = unit.split()[-1] if unit.split() else ""
    if len(last) > 3 and last.endswith("s") and not last.endswith("ss"):
        last = last[:-1]
    return round(figure.value, 3), last


def figure_rank_key(figure: Figure) -> tuple:
    """Most salient first; among equals, the larger number (it is usually the news)."""
    return (-figure.salience, -math.log10(abs(figure.value) + 1), figure.segment, figure.start)


def distinct_figures(figures: Iterable[Figure]) -> list[Figure]:
    """Each fact once (the most salient wording), ranked."""
    best: dict[tuple[float, str], Figure] = {}
    for figure in figures:
        key = fact_key(figure)
        if key not in best or figure.salience > best[key].salience:
            best[key] = figure
    return sorted(best.values(), key=figure_rank_key)


def quote_words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def quote_rank_key(quote: Quote) -> tuple:
    """Whole quotes first, then the most salient, then the fuller one (up to 40 words)."""
    return (quote.partial, -quote.salience, -min(len(quote.text.split()), 40), quote.segment, quote.start)


def distinct_quotes(quotes: Iterable[Quote]) -> list[Quote]:
    """Each quote once, ranked: repeats and fragments of a longer kept quote are dropped."""
    kept: list[Quote] = []
    for quote in sorted(quotes, key=lambda q: -len(q.text)):
        words = quote_words(quote.text)
        if words and not any(words in quote_words(other.text) for other in kept):
            kept.append(quote)
    return sorted(kept, key=quote_rank_key)
