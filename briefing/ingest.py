"""Taking article files into the store.

A bad file is logged, recorded as rejected with its one-line reason and
counted; it never stops the run. Articles are written in batches, one
transaction each, together with the record of the files they came from, so
an interrupted ingest leaves every article either fully stored or absent and
the next run picks up the files it had not finished.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from briefing.errors import ReaderError, StoreError
from briefing.models import Article
from briefing.readers import DateWindow, FileArticles, read_bytes, read_file, walk_article_files
from briefing.readers.fetch import fetch_url
from briefing.readers.vetting import encodable
from briefing.store import FileStamp, Store, origin_key

log = logging.getLogger(__name__)

#: articles written per transaction: large enough to be fast, small enough to lose little on a crash
BATCH_ARTICLES = 500
#: files whose stamps are checked against the store in one query
CHECK_FILES = 500


@dataclass
class IngestReport:
    """What an ingest did, for the summary line and the briefing's notes."""

    files_read: int = 0
    urls_read: int = 0  # feeds and pages asked for, answered or not
    files_skipped: int = 0  # unchanged since they were last read
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    no_longer_in_file: int = 0  # stored articles a file read again no longer holds: kept
    not_modified: int = 0  # URLs that answered 304 since the last fetch
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (file, or file and item; reason)
    not_articles: list[tuple[str, str]] = field(default_factory=list)  # files met in a walk, not read: (file, why)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (file, how it was read or cut)
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
        if self.no_longer_in_file:
            parts.append(f"{self.no_longer_in_file:,} no longer in {'its file' if self.no_longer_in_file == 1 else 'their files'}"
                         " (kept; `briefing articles delete` removes)")
        if self.files_skipped:
            parts.append(f"{plural(self.files_skipped, 'unchanged file')} skipped")
        if self.not_articles:
            parts.append(f"{plural(len(self.not_articles), 'file')} skipped as not articles")
        if self.not_modified:
            parts.append(f"{plural(self.not_modified, 'URL')} not modified")
        return f"{self.what_was_read} read: " + ", ".join(parts)

    @property
    def what_was_read(self) -> str:
        """``2 files``, ``1 URL``, ``2 files and 1 URL``: a URL is not called a file."""
        if self.urls_read and self.files_read:
            return f"{plural(self.files_read, 'file')} and {plural(self.urls_read, 'URL')}"
        if self.urls_read:
            return plural(self.urls_read, "URL")
        return plural(self.files_read, "file")


def plural(count: int, noun: str) -> str:
    """``1 file``, ``2 files``, ``1,000 URLs``."""
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


ProgressCallback = Callable[[int], None]


def ingest_paths(
    store: Store,
    paths: Iterable[Path],
    *,
    max_bytes: int | None = None,
    dates: DateWindow | None = None,
    only_changed: bool = False,
    progress: ProgressCallback | None = None,
    on_read: Callable[[list[Article]], object] | None = None,
) -> IngestReport:
    """Read every article file under ``paths`` into ``store``.

    With ``only_changed``, files whose size and modification time match the
    last read are skipped (the article folder before each generation).
    Articles dated outside ``dates`` are refused. ``progress`` is called with
    the number of files handled since the last call; ``on_read`` with each file's articles as soon as
    they are read, before they are stored (``extract_ahead``).
    """
    report = IngestReport()
    dates = dates or DateWindow()
    batch: list[tuple[FileStamp | None, list[Article]]] = []
    pending = 0
    for path, skipped_because, stamp, unchanged in _stamped(store, walk_article_files(paths), only_changed):
        if skipped_because:
            report.not_articles.append((encodable(str(path)), skipped_because))
            continue
        if unchanged:
            report.files_skipped += 1
        else:
            articles = _read_or_reject(store, path, stamp, max_bytes, dates, report)
            if articles is not None:
                if on_read is not None:
                    on_read(articles)
                batch.append((stamp, articles))
                pending += len(articles)
        if pending >= BATCH_ARTICLES:
            _flush(store, batch, report)
            batch, pending = [], 0
        if progress:
            progress(1)
    _flush(store, batch, report)
    return report


def _stamped(
    store: Store, walk: Iterable[tuple[Path, str]], only_changed: bool
) -> Iterator[tuple[Path, str, FileStamp | None, bool]]:
    """The walk's files with their stamps and, with ``only_changed``, whether each is unchanged since last
    read: asked of the store for a few hundred files at a time, not one by one."""
    walk = iter(walk)
    while chunk := list(itertools.islice(walk, CHECK_FILES)):
        stamps = [None if skipped else _stamp(path) for path, skipped in chunk]
        unchanged = store.unchanged_files(s for s in stamps if s) if only_changed else set()
        for (path, skipped), stamp in zip(chunk, stamps, strict=True):
            yield path, skipped, stamp, stamp is not None and stamp.path in unchanged


def ingest_urls(
    store: Store,
    urls: Iterable[str],
    *,
    timeout: float = 20.0,
    max_bytes: int = 20_000_000,
    dates: DateWindow | None = None,
    report: IngestReport | None = None,
) -> IngestReport:
    """Fetch feeds and pages and store their articles, counting into ``report`` when given.

    A URL fetched before is asked for conditionally (ETag / Last-Modified), so
    a feed polled daily is downloaded again only when it changed.
    """
    report = report or IngestReport()
    for url in urls:
        report.urls_read += 1
        if encodable(url) != url:
            _reject(store, report, ReaderError(url, "the URL holds bytes that are not UTF-8 text"))
            continue
        etag, last_modified = store.url_validators(url)
        try:
            result = fetch_url(url, timeout=timeout, max_bytes=max_bytes, etag=etag, last_modified=last_modified)
            if result.not_modified:
                report.not_modified += 1
                continue
            articles = read_bytes(result.data, url, result.suffix, dates=dates or DateWindow())
        except ReaderError as exc:  # FetchError is one too
            _reject(store, report, exc)
            continue
        except Exception as exc:  # noqa: BLE001 - whatever goes wrong with one URL, the others go on
            log.debug("unexpected error fetching %s", url, exc_info=True)
            _reject(store, report, ReaderError(url, _unexpected(exc)))
            continue
        _take_remarks(store, url, articles, report)
        _flush(store, [(None, articles)], report)
        store.record_fetch(url, result.etag, result.last_modified)
    return report


def _stamp(path: Path) -> FileStamp | None:
    try:
        info = path.stat()
        resolved = str(path.resolve())
    except OSError:
        return None
    if encodable(resolved) != resolved:
        return None  # a name that is not UTF-8 cannot be stored; the file is refused anyway
    return FileStamp(resolved, info.st_size, info.st_mtime_ns)


def _read_or_reject(
    store: Store, path: Path, stamp: FileStamp | None, max_bytes: int | None, dates: DateWindow,
    report: IngestReport,
) -> list[Article] | None:
    report.files_read += 1
    try:
        articles = read_file(path, max_bytes=max_bytes, dates=dates)
    except ReaderError as exc:
        _reject(store, report, exc, stamp)
        return None
    except Exception as exc:  # noqa: BLE001 - whatever goes wrong in one file, the others go on
        log.debug("unexpected error reading %s", encodable(str(path)), exc_info=True)
        _reject(store, report, ReaderError(encodable(str(path)), _unexpected(exc)), stamp)
        return None
    _take_remarks(store, str(path), articles, report)
    report.undated.extend(a.title for a in articles if a.published_assumed)
    return articles


def _unexpected(exc: Exception) -> str:
    return f"unexpected error while reading it ({type(exc).__name__}: {exc}); please report it"


def _take_remarks(store: Store, origin: str, articles: FileArticles, report: IngestReport) -> None:
    """Record the items a file's reading set aside, and note how it was read."""
    for which, problem in articles.skipped:
        _reject(store, report, ReaderError(f"{origin} ({which})", problem))
    report.notes.extend((origin, note) for note in articles.notes)


def _reject(store: Store, report: IngestReport, error: ReaderError, stamp: FileStamp | None = None) -> None:
    # Logged at INFO only: the command prints the rejections once, in its summary.
    origin, problem = encodable(error.path), encodable(error.problem)  # the store could not write a surrogate
    log.info("rejected %s: %s", origin, problem)
    report.rejected.append((origin, problem))
    store.record_rejection(origin, problem, stamp)


def _flush(store: Store, batch: list[tuple[FileStamp | None, list[Article]]], report: IngestReport) -> None:
    """Store a batch in one transaction; should it fail, each file alone, setting aside the one that fails."""
    if not batch:
        return
    try:
        _store_files(store, batch, report)
    except StoreError:
        raise
    except Exception:  # noqa: BLE001 - one file's article the database refuses must not lose the others
        for stamp, file_articles in batch:
            try:
                _store_files(store, [(stamp, file_articles)], report)
            except StoreError:
                raise
            except Exception as exc:  # noqa: BLE001
                origin = file_articles[0].origin if file_articles else (stamp.path if stamp else "?")
                problem = f"the store refused its articles ({type(exc).__name__}: {exc})"
                _reject(store, report, ReaderError(origin, problem), stamp)


def _store_files(store: Store, batch: list[tuple[FileStamp | None, list[Article]]], report: IngestReport) -> None:
    articles = [article for _, file_articles in batch for article in file_articles]
    stamps = [stamp for stamp, _ in batch if stamp is not None]
    added = store.add_articles(articles, files=stamps, read_whole=_read_whole(batch))
    for outcome, _article in added:
        report.count(outcome)  # the store's outcomes are the report's counter names
    report.no_longer_in_file += len(added.gone)


def _read_whole(batch: list[tuple[FileStamp | None, list[Article]]]) -> set[str]:
    """The files and URLs of the batch read whole: a file with an item set aside (a broken date) is not,
    or the article stored from that item would be taken for gone from the file."""
    return {origin_key(found[0].origin) for _, found in batch
            if found and not getattr(found, "skipped", None)}
