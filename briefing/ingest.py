"""Taking article files into the store.

A bad file is logged, recorded as rejected with its one-line reason and
counted; it never stops the run. Articles are written in batches, one
transaction each, together with the record of the files they came from, so
an interrupted ingest leaves every article either fully stored or absent and
the next run picks up the files it had not finished.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from briefing.errors import ReaderError
from briefing.models import Article
from briefing.readers import find_article_files, read_bytes, read_file
from briefing.readers.fetch import fetch_url
from briefing.store import FileStamp, Store

log = logging.getLogger(__name__)

#: articles written per transaction: large enough to be fast, small enough to lose little on a crash
BATCH_ARTICLES = 500


@dataclass
class IngestReport:
    """What an ingest did, for the summary line and the briefing's notes."""

    files_read: int = 0
    files_skipped: int = 0  # unchanged since they were last read
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    not_modified: int = 0  # URLs that answered 304 since the last fetch
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    undated: list[str] = field(default_factory=list)  # titles stored with the ingest time

    def count(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)

    @property
    def summary(self) -> str:
        parts = [
            f"{self.new} new",
            f"{self.updated} updated",
            f"{self.unchanged} already stored",
            f"{len(self.rejected)} rejected",
        ]
        skipped = f", {self.files_skipped} unchanged files skipped" if self.files_skipped else ""
        if self.not_modified:
            skipped += f", {self.not_modified} URLs not modified"
        return f"{self.files_read} files read: " + ", ".join(parts) + skipped


ProgressCallback = Callable[[int], None]


def ingest_paths(
    store: Store,
    paths: Iterable[Path],
    *,
    max_bytes: int | None = None,
    only_changed: bool = False,
    progress: ProgressCallback | None = None,
) -> IngestReport:
    """Read every article file under ``paths`` into ``store``.

    With ``only_changed``, files whose size and modification time match the
    last read are skipped (the article folder before each generation).
    ``progress`` is called with the number of files handled since the last call.
    """
    report = IngestReport()
    batch: list[tuple[FileStamp, list[Article]]] = []
    pending = 0
    for path in find_article_files(paths):
        stamp = _stamp(path)
        if only_changed and stamp and store.file_unchanged(stamp):
            report.files_skipped += 1
        else:
            articles = _read_or_reject(store, path, stamp, max_bytes, report)
            if articles is not None:
                batch.append((stamp, articles))
                pending += len(articles)
        if pending >= BATCH_ARTICLES:
            _flush(store, batch, report)
            batch, pending = [], 0
        if progress:
            progress(1)
    _flush(store, batch, report)
    return report


def ingest_urls(
    store: Store,
    urls: Iterable[str],
    *,
    timeout: float = 20.0,
    max_bytes: int = 20_000_000,
    report: IngestReport | None = None,
) -> IngestReport:
    """Fetch feeds and pages and store their articles, counting into ``report`` when given.

    A URL fetched before is asked for conditionally (ETag / Last-Modified), so
    a feed polled daily is downloaded again only when it changed.
    """
    report = report or IngestReport()
    for url in urls:
        etag, last_modified = store.url_validators(url)
        report.files_read += 1
        try:
            result = fetch_url(url, timeout=timeout, max_bytes=max_bytes, etag=etag, last_modified=last_modified)
            if result.not_modified:
                report.not_modified += 1
                continue
            articles = read_bytes(result.data, url, result.suffix)
        except ReaderError as exc:  # FetchError is one too
            _reject(store, report, exc)
            continue
        _flush(store, [(None, articles)], report)
        store.record_fetch(url, result.etag, result.last_modified)
    return report


def _stamp(path: Path) -> FileStamp | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return FileStamp(str(path.resolve()), info.st_size, info.st_mtime_ns)


def _read_or_reject(
    store: Store, path: Path, stamp: FileStamp | None, max_bytes: int | None, report: IngestReport
) -> list[Article] | None:
    report.files_read += 1
    try:
        articles = read_file(path, max_bytes=max_bytes)
    except ReaderError as exc:
        _reject(store, report, exc, stamp)
        return None
    report.undated.extend(a.title for a in articles if a.published_assumed)
    return articles


def _reject(store: Store, report: IngestReport, error: ReaderError, stamp: FileStamp | None = None) -> None:
    log.warning("rejected %s", error)
    report.rejected.append((error.path, error.problem))
    store.record_rejection(error.path, error.problem, stamp)


def _flush(store: Store, batch: list[tuple[FileStamp | None, list[Article]]], report: IngestReport) -> None:
    if not batch:
        return
    articles = [article for _, file_articles in batch for article in file_articles]
    stamps = [stamp for stamp, _ in batch if stamp is not None]
    for outcome, _article in store.add_articles(articles, files=stamps):
        report.count(outcome)  # the store's outcomes are the report's counter names
