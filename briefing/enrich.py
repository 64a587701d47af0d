"""Stored articles with their extraction brought up to date.

Extraction results are stored with the article and recomputed only when the
article changed (the store drops the old result then) or the extractor's
version differs from the one that made them.

A day with many articles not yet extracted (the first briefing after a large
ingest) is extracted on every core, in chunks, by workers that die with this
process; a few articles are extracted here, where starting workers would cost
more than it saves. Either way the results are the same, and they are saved
in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from briefing.extraction import EXTRACTOR_VERSION, extract
from briefing.models import Article, Extraction, StoredArticle
from briefing.store import Store
from briefing.workers import cores, worker_pool

if TYPE_CHECKING:
    from briefing.extract_ahead import ExtractionAhead

#: from this many articles to extract on, they are extracted on every core (~5 ms each for a 600-word article;
#: a worker costs ~30 ms to start and its results ~0.3 ms an article to send back)
PARALLEL_FROM = 60
#: chunks per worker: small enough that a worker given the long articles does not finish last by far
CHUNKS_PER_WORKER = 4


def with_current_extractions(store: Store, articles: list[StoredArticle], *,
                             meanwhile: Callable[[], object] | None = None,
                             unsaved: dict[int, Extraction] | None = None,
                             ahead: ExtractionAhead | None = None) -> list[StoredArticle]:
    """The articles with extractions by this extractor version, computing and storing what is missing.

    Stored results are reused unless the article changed (the store drops its
    extraction then) or the extractor's version differs. ``meanwhile`` is called
    while the workers extract (once, whatever there is to extract): work that needs
    no extraction, done on this process's core instead of waiting. Given ``unsaved``,
    the results computed are put there for the caller to store, not stored here. ``ahead``: the
    extraction started while the articles were taken in (``extract_ahead``), whose results are used.
    """
    stale = [a for a in articles if a.extraction is None or a.extraction.version != EXTRACTOR_VERSION]
    if not stale:
        if meanwhile is not None:
            meanwhile()
        return articles
    texts = [a.article for a in stale]
    extracted = ahead.extract(texts, meanwhile=meanwhile) if ahead is not None else None
    if extracted is None:  # nothing started ahead
        extracted = extract_all(texts, meanwhile=meanwhile)
    fresh = dict(zip((a.id for a in stale), extracted, strict=True))
    if unsaved is None:
        store.save_extractions(fresh.items())
    else:
        unsaved.update(fresh)
    return [
        StoredArticle(a.article, fresh.get(a.id, a.extraction), a.ingested_at, a.duplicate_of, a.also_reported_by)
        for a in articles
    ]


def extract_all(articles: Sequence[Article], *, workers: int | None = None,
                meanwhile: Callable[[], object] | None = None) -> list[Extraction]:
    """``[extract(a) for a in articles]``, on ``workers`` processes (default: every core) when there are
    enough articles to be worth it; ``meanwhile()`` runs here while they do (else after)."""
    workers = min(workers or cores(), len(articles) // CHUNKS_PER_WORKER or 1)
    if workers < 2 or len(articles) < PARALLEL_FROM:
        extracted = [extract(article) for article in articles]
        if meanwhile is not None:
            meanwhile()
        return extracted
    chunk = -(-len(articles) // (workers * CHUNKS_PER_WORKER))
    with worker_pool(workers) as pool:
        results = pool.map(extract, articles, chunksize=chunk)  # every chunk is handed out now
        if meanwhile is not None:
            meanwhile()
        return list(results)
