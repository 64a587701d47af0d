"""A day's new articles extracted while they are still being taken in.

Taking in a large day's folder (reading and storing two thousand files) keeps
one core busy for seconds while the others wait for the extraction that comes
after it. ``ExtractionAhead`` starts that extraction as the files are read:
``take`` is given each file's articles (``ingest_paths(on_read=)``), keeps those
dated in the period being made, and once there are enough to be worth workers
(``enrich.PARALLEL_FROM``) hands them to worker processes in chunks. When the
briefing is composed, ``extract`` returns the results of the articles it was
given (matched by their text, which is all extraction reads), extracting there
and then any it was not given, or None when it started no workers (a small day:
extracting in this process costs less).

The results are those of ``extraction.extract``: where they are computed changes
nothing. Articles of other days found in the folder (a backfill) are left to the
day that shows them, so a first run over a large archive extracts no more ahead
than the day needs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import datetime

from briefing.enrich import PARALLEL_FROM
from briefing.extraction import extract
from briefing.models import Article, Extraction
from briefing.workers import cores, worker_pool

#: articles per task: a tenth of a second of work, so the workers share a day's articles evenly
CHUNK = 20

TextKey = tuple[str, ...]


def text_key(article: Article) -> TextKey:
    """What extraction reads of an article, as a key: two articles with the same text extract alike."""
    return tuple(text for _, text in article.text_segments)


def _extract_chunk(articles: list[Article]) -> list[Extraction]:
    return [extract(article) for article in articles]


class ExtractionAhead:
    """Extraction of the articles dated in ``[start, end)``, started as they are read. Close it (or use it
    as a context manager): its workers stop then."""

    def __init__(self, start: datetime, end: datetime, *, workers: int | None = None) -> None:
        self.start, self.end = start, end
        self.workers = workers or cores()
        self._pool: ProcessPoolExecutor | None = None
        self._waiting: list[Article] = []  # taken, not yet handed to a worker
        self._handed: dict[TextKey, tuple[Future, int]] = {}  # text -> (its chunk's future, its place there)

    @property
    def started(self) -> bool:
        """Whether workers were started (enough articles of the period were taken)."""
        return self._pool is not None

    def take(self, articles: Iterable[Article]) -> None:
        """Articles just read: those dated in the period are extracted, once there are enough of them."""
        self._waiting.extend(a for a in articles if self.start <= a.published < self.end)
        if self._pool is None and (self.workers < 2 or len(self._waiting) < PARALLEL_FROM):
            return  # too few yet to be worth workers
        while len(self._waiting) >= CHUNK:
            self._hand_out(self._waiting[:CHUNK])
            del self._waiting[:CHUNK]

    def extract(self, articles: Sequence[Article], *,
                meanwhile: Callable[[], object] | None = None) -> list[Extraction] | None:
        """The extraction of each of ``articles`` (those not taken are handed out now); ``meanwhile()`` runs
        here while the workers finish. None when no workers were started: extract them in this process."""
        if self._pool is None:
            return None
        self._waiting.extend(a for a in articles if text_key(a) not in self._handed)
        for first in range(0, len(self._waiting), CHUNK):
            self._hand_out(self._waiting[first:first + CHUNK])
        self._waiting.clear()
        if meanwhile is not None:
            meanwhile()
        try:
            return [self._result(article) for article in articles]
        finally:
            self.close()  # all there is to extract: the workers stop before anything else is forked

    def _hand_out(self, chunk: list[Article]) -> None:
        fresh: dict[TextKey, Article] = {}  # an article in two files is extracted once
        for article in chunk:
            key = text_key(article)
            if key not in self._handed:
                fresh.setdefault(key, article)
        if not fresh:
            return
        if self._pool is None:
            self._pool = worker_pool(self.workers)
        future = self._pool.submit(_extract_chunk, list(fresh.values()))
        for place, key in enumerate(fresh):
            self._handed[key] = (future, place)

    def _result(self, article: Article) -> Extraction:
        future, place = self._handed[text_key(article)]
        return future.result()[place]

    def close(self) -> None:
        """Stop the workers; work not begun is dropped."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> ExtractionAhead:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
