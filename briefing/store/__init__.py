"""The article store: SQLite (one file, the default) or PostgreSQL, behind one small class.

Nothing outside this package writes SQL. ``Store`` takes a file path (SQLite)
or a database URL (``postgresql+psycopg://user@host/db``); the same code runs
on both through SQLAlchemy Core. Every write happens inside a transaction, so
a crash leaves each batch either fully stored or absent; writes that read
before they write (an article stored once, whichever process sees it first)
are serialised across processes by the engine's lock (``engine.writing``).
The schema is brought up to date on open (``migrate``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Select, delete, func, insert, select
from sqlalchemy.exc import DatabaseError, OperationalError

from briefing.errors import StoreError
from briefing.models import Article, Extraction, StoredArticle
from briefing.store import bulk, health, migrate, search
from briefing.store.adding import NEW, UNCHANGED, UPDATED, Added, add_batch
from briefing.store.engine import describe, make_engine, reading, url_for, writing
from briefing.store.rows import (
    article_identity,
    extraction_from_row,
    extraction_values,
    now,
    origin_key,
    stored_from_row,
    upsert,
)
from briefing.store.tables import articles, extractions, fetched_urls, files, rejected

__all__ = ["NEW", "UNCHANGED", "UPDATED", "Added", "FileStamp", "Store", "article_identity", "origin_key"]

#: what ``add_articles`` says happened to each article
#: the lock that serialises writers of articles (see ``engine.writing``)
ARTICLES_LOCK = "articles"


@dataclass(frozen=True)
class FileStamp:
    """A file as last read: its absolute path, size and modification time."""

    path: str
    size: int
    mtime_ns: int


class Store:
    """The article store at a path or URL. Use as a context manager or call ``close``."""

    def __init__(self, location: Path | str, *, timeout: float = 30.0,
                 on_new: Callable[[], None] | None = None) -> None:
        """``on_new``: called before a store is made in a database that holds none (``migrate.upgrade``)."""
        self.url = url_for(location)
        self.where = describe(self.url)
        self.dialect = self.url.get_backend_name()
        self.path = Path(self.url.database) if self.dialect == "sqlite" and self.url.database else None
        health.check_file(self.path, self.where)
        try:
            self.engine = make_engine(self.url, timeout=timeout)
        except OSError as exc:
            raise StoreError(f"{self.where}: cannot open the store: {exc}") from None
        try:
            #: the schema versions before and after opening (None before: a new store)
            self.migrated = migrate.upgrade(self.engine, self.where, on_new)
        except OperationalError as exc:
            self.close()
            raise StoreError(f"{self.where}: cannot open the store: {_reason(exc)}") from None
        except DatabaseError as exc:
            self.close()
            raise StoreError(f"{self.where}: not a usable briefing store: {_reason(exc)}") from None
        except StoreError:
            self.close()
            raise

    # -- lifecycle -----------------------------------------------------------------

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    @contextmanager
    def transaction(self, lock: str | None = None) -> Iterator[Connection]:
        """One atomic unit of work on an SQLAlchemy connection; ``lock`` serialises writers of that name."""
        with writing(self.engine, lock) as connection:
            yield connection

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A connection that sees one consistent state of the store."""
        with reading(self.engine) as connection:
            yield connection

    @property
    def schema_version(self) -> str | None:
        with self.reading() as connection:
            return migrate.current_revision(connection)

    # -- articles ------------------------------------------------------------------

    def add_articles(
        self, batch: Iterable[Article], *, files: Iterable[FileStamp] = (), read_whole: Iterable[str] = ()
    ) -> Added:
        """Store a batch of articles, and the files they were read from, in one transaction.

        Returns ``(outcome, article)`` pairs, the article carrying its id, where
        outcome is ``new``, ``updated`` (same identity, or a correction of what
        its file gave before; its old extraction is dropped) or ``unchanged``
        (same content already stored). ``read_whole`` names the files and URLs
        (absolute paths, as ``origin_key``) whose every article is in ``batch``:
        what they gave before and no longer give is kept, its ids in ``gone``
        (``briefing/store/corrections.py``).
        """
        with self.transaction(ARTICLES_LOCK) as connection:
            results = add_batch(connection, list(batch), read_whole)
            _record_files(connection, files)
        return results

    def load_articles(self, batch: Iterable[Article]) -> int:
        """Store articles known to be new, fast and without the duplicate checks; how many.

        For filling a new store (and the benchmark); one repeated article makes
        the whole load fail, as a duplicate identity or content hash.
        """
        with self.transaction(ARTICLES_LOCK) as connection:
            count = bulk.insert_rows(connection, articles, bulk.article_rows(batch))
        bulk.AFTER_LOAD[self.dialect](self.engine, [articles, *search.INDEX_TABLES[self.dialect]])
        return count

    def articles_between(
        self, start: datetime, end: datetime, *, matching: str | None = None, extractions: bool = True
    ) -> list[StoredArticle]:
        """Articles published in ``[start, end)``, oldest first, with their extractions (unless not ``extractions``).

        With ``matching``, only those that match that full-text query (``search``'s syntax).
        """
        window = (articles.c.published_utc >= start) & (articles.c.published_utc < end)
        statement = select(articles).where(window).order_by(articles.c.published_utc, articles.c.id)
        with self.reading() as connection:
            if matching:
                ids = search.ids_matching(connection, matching, select(articles.c.id).where(window))
                statement = statement.where(articles.c.id.in_(sorted(ids)))
            return _with_extractions(connection, statement) if extractions else _without_extractions(connection, statement)

    def articles_from(self, origin: str, resolved: str) -> list[StoredArticle]:
        """The articles read from a file, named as it was given (``origin``) or by its absolute path."""
        name = Path(resolved).name
        statement = select(articles).where(articles.c.origin.endswith(name)).order_by(articles.c.id)
        with self.reading() as connection:
            found = _with_extractions(connection, statement)
        return [s for s in found if s.article.origin in (origin, resolved) or _resolves_to(s.article.origin, resolved)]

    def delete_articles(self, ids: Iterable[int]) -> int:
        """Remove articles with their extractions and search entries, in one transaction; how many."""
        wanted = sorted(set(ids))
        removed = 0
        with self.transaction(ARTICLES_LOCK) as connection:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start:start + 500]
                # Extractions go by the foreign key's ON DELETE CASCADE, the search entries by triggers;
                # deleting extractions first keeps that true on a SQLite connection without foreign keys.
                connection.execute(delete(extractions).where(extractions.c.article_id.in_(chunk)))
                removed += connection.execute(delete(articles).where(articles.c.id.in_(chunk))).rowcount
        return removed

    def check(self, dated: tuple[datetime, datetime] | None = None) -> list[str]:
        """Read the whole store looking for damage, and articles published outside ``dated``; the problems."""
        return health.check_store(self.engine, articles, dated)

    def get_article(self, article_id: int) -> StoredArticle | None:
        with self.reading() as connection:
            found = _with_extractions(connection, select(articles).where(articles.c.id == article_id))
        return found[0] if found else None

    def count_articles(self) -> int:
        with self.reading() as connection:
            return connection.execute(select(func.count()).select_from(articles)).scalar_one()

    def latest_published(self) -> datetime | None:
        """When the most recent stored article was published, or None for an empty store."""
        with self.reading() as connection:
            return connection.execute(select(func.max(articles.c.published_utc))).scalar_one()

    def search(self, query: str, limit: int = 20) -> list[StoredArticle]:
        """Full-text search, best match first (SQLite: FTS5 syntax; PostgreSQL: web-search syntax)."""
        with self.reading() as connection:
            ids = search.ranked_ids(connection, query, limit)
            found = {s.id: s for s in _with_extractions(connection, select(articles).where(articles.c.id.in_(ids)))}
        return [found[i] for i in ids if i in found]

    # -- extraction ----------------------------------------------------------------

    def save_extractions(self, results: Iterable[tuple[int, Extraction]]) -> None:
        """Store extraction results, replacing older ones, in one transaction."""
        rows = [extraction_values(article_id, extraction) for article_id, extraction in results]
        with self.transaction() as connection:
            upsert(connection, extractions, rows, keys=("article_id",))

    # -- files and rejections ------------------------------------------------------

    def file_unchanged(self, stamp: FileStamp) -> bool:
        """True when this file was read before with the same size and modification time."""
        return stamp.path in self.unchanged_files([stamp])

    def unchanged_files(self, stamps: Iterable[FileStamp]) -> set[str]:
        """The paths of those ``stamps`` read before with the same size and modification time.

        A few queries for a whole folder: asked file by file, a folder of 2,000 took a second.
        """
        wanted = {stamp.path: (stamp.size, stamp.mtime_ns) for stamp in stamps}
        paths = sorted(wanted)
        unchanged: set[str] = set()
        with self.reading() as connection:
            for chunk in (paths[n:n + 500] for n in range(0, len(paths), 500)):  # SQLite limits bound parameters
                query = select(files.c.path, files.c.size, files.c.mtime_ns).where(files.c.path.in_(chunk))
                unchanged.update(row.path for row in connection.execute(query)
                                 if (row.size, row.mtime_ns) == wanted[row.path])
        return unchanged

    def record_rejection(self, origin: str, reason: str, stamp: FileStamp | None = None) -> None:
        """Set a bad input aside with its reason; with ``stamp``, it is not re-read until it changes."""
        with self.transaction() as connection:
            connection.execute(insert(rejected).values(origin=origin, reason=reason, rejected_at=now()))
            _record_files(connection, [stamp] if stamp else [])

    def url_validators(self, url: str) -> tuple[str | None, str | None]:
        """The ETag and Last-Modified a URL answered with last time, for a conditional request."""
        with self.reading() as connection:
            row = connection.execute(select(fetched_urls).where(fetched_urls.c.url == url)).first()
        return (row.etag, row.last_modified) if row else (None, None)

    def record_fetch(self, url: str, etag: str | None, last_modified: str | None) -> None:
        row = {"url": url, "etag": etag, "last_modified": last_modified, "fetched_at": now()}
        with self.transaction() as connection:
            upsert(connection, fetched_urls, [row], keys=("url",))

    def rejections(self) -> list[tuple[str, str, str]]:
        with self.reading() as connection:
            rows = connection.execute(select(rejected).order_by(rejected.c.id)).all()
        return [(row.origin, row.reason, row.rejected_at.isoformat()) for row in rows]


def _reason(exc: DatabaseError) -> str:
    return str(exc.orig).strip() if exc.orig is not None else str(exc)


def _with_extractions(connection: Connection, statement: Select) -> list[StoredArticle]:
    rows = connection.execute(statement).mappings().all()
    if not rows:
        return []
    ids = [row["id"] for row in rows]
    found = {}
    for chunk in (ids[n:n + 500] for n in range(0, len(ids), 500)):  # SQLite limits bound parameters
        query = select(extractions).where(extractions.c.article_id.in_(chunk))
        found.update({row["article_id"]: extraction_from_row(row) for row in connection.execute(query).mappings()})
    return [stored_from_row(row, found.get(row["id"])) for row in rows]


def _without_extractions(connection: Connection, statement: Select) -> list[StoredArticle]:
    return [stored_from_row(row, None) for row in connection.execute(statement).mappings()]


def _resolves_to(origin: str, resolved: str) -> bool:
    try:
        return "://" not in origin and str(Path(origin).resolve()) == resolved
    except (OSError, ValueError):
        return False


def _record_files(connection: Connection, stamps: Iterable[FileStamp]) -> None:
    rows = [{"path": s.path, "size": s.size, "mtime_ns": s.mtime_ns, "read_at": now()} for s in stamps]
    upsert(connection, files, rows, keys=("path",))
