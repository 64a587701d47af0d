"""How the briefing orders stories, figures and quotes, and how it keeps each fact once.

Stories are ranked by news value, the way a desk editor weighs them. Each
signal of ``briefing.composition.newsvalue`` is a number from 0 to 1; the
score is the sum of signal x weight, highest first. The weights, in points
(``ranking.weights`` in config.yaml overrides any of them)::

    deaths_injuries   6.0   deaths in the headline or lead (injuries only: 0.6; only in the text: 0.25)
    people_affected   3.0   the largest count of people, homes or jobs (log scale: 100,000+ is 1)
    public_safety     2.5   disasters, hazards, attacks, outbreaks, rescue
    reach             2.5   governments, alliances, nationwide or international effects
    senior_officials  2.5   the most senior public role quoted or named (head of state 1, minister 0.8)
    agencies          2.0   other sources carrying the story (three or more is 1)
    follow_up         1.0   the same event was reported on an earlier day
    figures           1.0   the salience of its three strongest figures (0..1)
    quotes            0.5   the salience of its two strongest quotes (0..1)
    length            0.5   a substantial account over a brief (full at 600 words)
    recency           0.25  the later in the period, the higher: breaks near-ties
    soft_news        -5.0   sport results, culture and curiosities (a section such as Sport, or their words)

Ties go to the later story, then to the headline in alphabetical order, so the
order never depends on the order the store returned the articles in.
``briefing explain --date D`` prints every story's signals and points.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from briefing.composition import newsvalue
from briefing.composition.stories import EarlierArticles
from briefing.language.vocabulary import UNIT_SYNONYMS
from briefing.models import Figure, Quote, StoredArticle

DEFAULT_WEIGHTS: Mapping[str, float] = {
    "deaths_injuries": 6.0,
    "people_affected": 3.0,
    "public_safety": 2.5,
    "reach": 2.5,
    "senior_officials": 2.5,
    "agencies": 2.0,
    "follow_up": 1.0,
    "figures": 1.0,
    "quotes": 0.5,
    "length": 0.5,
    "recency": 0.25,
    "soft_news": -5.0,
}
FULL_LENGTH_WORDS = 600
#: how agencies are joined in a source line: "PAP / IAR / Reuters", "dpa and APA", "AFP, dpa"
_AGENCY_JOINS = re.compile(r"\s*(?:/|,|;|\+|&|\band\b)\s*")


def figures_of(stored: StoredArticle) -> tuple[Figure, ...]:
    return stored.extraction.figures if stored.extraction else ()


def quotes_of(stored: StoredArticle) -> tuple[Quote, ...]:
    return stored.extraction.quotes if stored.extraction else ()


def agency_names(text: str) -> list[str]:
    """The agencies a source line names, each once: "PAP / IAR / Reuters" -> PAP, IAR, Reuters."""
    return list(dict.fromkeys(part.strip() for part in _AGENCY_JOINS.split(text) if part.strip()))


def article_agencies(stored: StoredArticle) -> list[str]:
    """Every source an article names: its publisher and the agencies it credits, each once."""
    article = stored.article
    names = [name for raw in (article.source, *article.sources) for name in agency_names(raw)]
    return list(dict.fromkeys(names)) or ["Unknown source"]


def story_agencies(group: Sequence[StoredArticle]) -> list[str]:
    """Every source that carried a story (all its articles, and those marked "also reported by")."""
    names = [name for stored in group for name in article_agencies(stored)]
    names += [name for stored in group for raw in stored.also_reported_by for name in agency_names(raw)]
    return list(dict.fromkeys(names))


def source_name(stored: StoredArticle) -> str:
    """The publisher an article came from, or else the agencies it names together ("PAP / IAR")."""
    article = stored.article
    return article.source or " / ".join(article.sources) or "Unknown source"


@dataclass(frozen=True)
class Contribution:
    """One signal's part in a story's score."""

    signal: str
    value: float
    weight: float
    why: str

    @property
    def points(self) -> float:
        return self.value * self.weight


@dataclass(frozen=True)
class Ranked:
    """A story's score and the contributions it is the sum of."""

    score: float
    contributions: tuple[Contribution, ...]

    def reasons(self) -> tuple[str, ...]:
        """The signals that moved the score, strongest first: "deaths_injuries +6.0 (died)"."""
        moving = sorted((c for c in self.contributions if round(c.points, 2)), key=lambda c: -abs(c.points))
        return tuple(f"{c.signal} {c.points:+.2f}" + (f" ({c.why})" if c.why else "") for c in moving)


def story_signals(
    group: Sequence[StoredArticle],
    window: tuple[datetime, datetime],
    earlier: EarlierArticles | Sequence[StoredArticle] = (),
    text: newsvalue.TextSignals | None = None,
) -> list[newsvalue.Signal]:
    """Every news-value signal of the story made of ``group`` (its first article is the main one).

    ``text``: the main article's ``newsvalue.text_signals``, when read already.
    """
    main = group[0].article
    text = text or newsvalue.text_signals(main)
    figures = [f for stored in group for f in figures_of(stored)]
    quotes = [q for stored in group for q in quotes_of(stored)]
    roles = [q.role for q in quotes if q.role] + [newsvalue.head_text(main)]
    words = sum(len(part.split()) for part in (main.lead, *main.body))
    start, end = window
    span = (end - start).total_seconds() or 1.0
    recency = min(max((main.published - start).total_seconds() / span, 0.0), 1.0)
    strongest_figures = sorted((min(f.salience, 1.0) for f in figures), reverse=True)[:3]
    strongest_quotes = sorted((min(q.salience, 1.0) for q in quotes), reverse=True)[:2]
    return [
        text.harm,
        newsvalue.people_affected((f.value, f.unit) for f in figures),
        text.public_safety,
        text.reach,
        newsvalue.seniority(roles),
        newsvalue.agencies(story_agencies(group)),
        newsvalue.follow_up(group[0], earlier),
        newsvalue.Signal("figures", sum(strongest_figures) / 3, ""),
        newsvalue.Signal("quotes", sum(strongest_quotes) / 2, ""),
        newsvalue.Signal("length", min(words, FULL_LENGTH_WORDS) / FULL_LENGTH_WORDS, f"{words} words"),
        newsvalue.Signal("recency", recency, ""),
        text.soft_news,
    ]


def rank_story(
    group: Sequence[StoredArticle],
    window: tuple[datetime, datetime],
    weights: Mapping[str, float] | None = None,
    earlier: EarlierArticles | Sequence[StoredArticle] = (),
    text: newsvalue.TextSignals | None = None,
) -> Ranked:
    """The story's score (see the module's docstring) with the contribution of each signal (``text``: see
    ``story_signals``)."""
    chosen = {**DEFAULT_WEIGHTS, **(weights or {})}
    contributions = tuple(
        Contribution(signal.name, round(signal.value, 4), chosen[signal.name], signal.why)
        for signal in story_signals(group, window, earlier, text)
    )
    return Ranked(round(sum(c.points for c in contributions), 4), contributions)


def story_score(group: Sequence[StoredArticle], window: tuple[datetime, datetime]) -> float:
    """The ranking score of a story made of ``group`` with the default weights."""
    return rank_story(group, window).score


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
