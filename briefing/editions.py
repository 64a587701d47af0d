"""Which stored articles an edition's briefing holds: its filter applied to a period's articles.

The full-text ``query`` is run by the store (each engine's own search); the
sections, sources and keywords are tested here, on the period's articles,
so they mean the same on every engine. An edition without a filter (and the
default edition) takes every article of the period.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

from briefing.config import EditionFilter, Settings
from briefing.models import Article, StoredArticle
from briefing.store import Store


def _folded(values) -> set[str]:
    return {value.casefold() for value in values}


def _in_sections(article: Article, wanted: tuple[str, ...]) -> bool:
    return article.section.casefold() in _folded(wanted)


def _from_sources(article: Article, wanted: tuple[str, ...]) -> bool:
    return bool(_folded((article.source, *article.sources)) & _folded(wanted))


def _has_keyword(article: Article, wanted: tuple[str, ...]) -> bool:
    text = "\n".join((article.title, article.lead, *article.body))
    return any(re.search(rf"(?<!\w){re.escape(keyword)}(?!\w)", text, re.IGNORECASE) for keyword in wanted)


#: each kind of test of a filter: (its field, whether an article passes it)
TESTS: tuple[tuple[str, Callable[[Article, tuple[str, ...]], bool]], ...] = (
    ("sections", _in_sections),
    ("sources", _from_sources),
    ("keywords", _has_keyword),
)


def passes(article: Article, wanted: EditionFilter) -> bool:
    """True when the article passes each kind of test the filter gives (the query aside)."""
    return all(test(article, getattr(wanted, field)) for field, test in TESTS if getattr(wanted, field))


def select_articles(
    store: Store, settings: Settings, start: datetime, end: datetime, *, extractions: bool = True
) -> list[StoredArticle]:
    """The articles published in ``[start, end)`` that belong to the settings' edition, oldest first
    (with their stored extractions unless not ``extractions``)."""
    if settings.edition is None:
        return store.articles_between(start, end, extractions=extractions)
    wanted = settings.edition.filter
    found = store.articles_between(start, end, matching=wanted.query or None, extractions=extractions)
    return [stored for stored in found if passes(stored.article, wanted)]
