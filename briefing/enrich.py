"""Stored articles with their extraction brought up to date.

Extraction results are stored with the article and recomputed only when the
article changed (the store drops the old result then) or the extractor's
version differs from the one that made them.
"""

from __future__ import annotations

from briefing.extraction import EXTRACTOR_VERSION, extract
from briefing.models import StoredArticle
from briefing.store import Store


def with_current_extractions(store: Store, articles: list[StoredArticle]) -> list[StoredArticle]:
    """The articles with extractions by this extractor version, computing and storing what is missing.

    Stored results are reused unless the article changed (the store drops its
    extraction then) or the extractor's version differs.
    """
    stale = [a for a in articles if a.extraction is None or a.extraction.version != EXTRACTOR_VERSION]
    if not stale:
        return articles
    fresh = {a.id: extract(a.article) for a in stale}
    store.save_extractions(fresh.items())
    return [
        StoredArticle(a.article, fresh.get(a.id, a.extraction), a.ingested_at, a.duplicate_of, a.also_reported_by)
        for a in articles
    ]
