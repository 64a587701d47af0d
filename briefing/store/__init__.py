"""The article store: one SQLite file in WAL mode behind one small class.

Nothing outside this package writes SQL. Every write happens inside a
transaction, so a crash leaves each batch either fully stored or absent, and
WAL with a busy timeout lets two processes ingest at once without corrupting
the file or waiting long for each other.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from briefing.errors import StoreError
from briefing.models import Article, Extraction, Figure, Quote, StoredArticle
from briefing.store.schema import MIGRATIONS

#: what ``add_articles`` says happened to each article
NEW, UPDATED, UNCHANGED = "new", "updated", "unchanged"


@dataclass(frozen=True)
class FileStamp:
    """A file as last read: its absolute path, size and modification time."""

    path: str
    size: int
    mtime_ns: int

_ARTICLE_COLUMNS = (
    "id, title, published_utc, published_assumed, section, source, url, author, lead, "
    "body_json, caption, caption_credit, sources_json, origin, language, ingested_at"
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _utc_text(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def article_identity(article: Article) -> str:
    """What makes two versions of an article "the same article": its URL, else file and title."""
    return article.url or f"{article.origin}::{article.title}"


class Store:
    """The SQLite article store. Use as a context manager or call ``close``."""

    def __init__(self, path: Path | str, *, timeout: float = 30.0) -> None:
        self.path = Path(path)
        try:
            if str(path) != ":memory:":
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(path), timeout=timeout, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"{path}: cannot open the store: {exc}") from None
        self._db.row_factory = sqlite3.Row
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise StoreError(f"{path}: not a usable briefing store: {exc}") from None

    # -- lifecycle -----------------------------------------------------------------

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic unit of work; BEGIN IMMEDIATE takes the write lock up front."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    @property
    def schema_version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        with self.transaction() as db:
            current = db.execute("PRAGMA user_version").fetchone()[0]
            if current > len(MIGRATIONS):
                raise StoreError(
                    f"{self.path}: store schema version {current} is newer than this briefing "
                    f"(knows {len(MIGRATIONS)}); upgrade briefing"
                )
            for number, script in enumerate(MIGRATIONS[current:], start=current + 1):
                for statement in _statements(script):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version={number}")

    # -- articles ------------------------------------------------------------------

    def add_articles(
        self, articles: Iterable[Article], *, files: Iterable[FileStamp] = ()
    ) -> list[tuple[str, Article]]:
        """Store a batch of articles, and the files they were read from, in one transaction.

        Returns ``(outcome, article)`` pairs, the article carrying its id, where
        outcome is ``new``, ``updated`` (same identity, new content; its old
        extraction is dropped) or ``unchanged`` (same content already stored).
        """
        results = []
        with self.transaction() as db:
            for article in articles:
                results.append(self._add_one(db, article))
            _record_files(db, files)
        return results

    def _add_one(self, db: sqlite3.Connection, article: Article) -> tuple[str, Article]:
        digest = article.content_hash
        row = db.execute("SELECT id FROM articles WHERE content_hash = ?", (digest,)).fetchone()
        if row:
            return UNCHANGED, article.with_id(row["id"])
        identity = article_identity(article)
        values = _article_values(article)
        row = db.execute("SELECT id FROM articles WHERE identity = ?", (identity,)).fetchone()
        if row:
            assignments = ", ".join(f"{column} = ?" for column in values)
            db.execute(
                f"UPDATE articles SET {assignments}, content_hash = ?, updated_at = ? WHERE id = ?",
                (*values.values(), digest, _now(), row["id"]),
            )
            db.execute("DELETE FROM extractions WHERE article_id = ?", (row["id"],))
            return UPDATED, article.with_id(row["id"])
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        cursor = db.execute(
            f"INSERT INTO articles ({columns}, identity, content_hash, ingested_at, updated_at) "
            f"VALUES ({marks}, ?, ?, ?, ?)",
            (*values.values(), identity, digest, _now(), _now()),
        )
        return NEW, article.with_id(cursor.lastrowid)

    def articles_between(self, start: datetime, end: datetime) -> list[StoredArticle]:
        """Articles published in ``[start, end)``, oldest first, with their extractions."""
        rows = self._db.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE published_utc >= ? AND published_utc < ? "
            "ORDER BY published_utc, id",
            (_utc_text(start), _utc_text(end)),
        ).fetchall()
        return self._with_extractions(rows)

    def get_article(self, article_id: int) -> StoredArticle | None:
        rows = self._db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)).fetchall()
        found = self._with_extractions(rows)
        return found[0] if found else None

    def count_articles(self) -> int:
        return self._db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def search(self, query: str, limit: int = 20) -> list[StoredArticle]:
        """Full-text search (FTS5 syntax), best match first."""
        try:
            rows = self._db.execute(
                f"SELECT {', '.join('a.' + c.strip() for c in _ARTICLE_COLUMNS.split(','))} "
                "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
                "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 10.0, 3.0, 1.0) LIMIT ?",
                (query, limit),
            ).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"search {query!r}: {exc}") from None
        return self._with_extractions(rows)

    def _with_extractions(self, rows: list[sqlite3.Row]) -> list[StoredArticle]:
        if not rows:
            return []
        ids = [row["id"] for row in rows]
        marks = ", ".join("?" for _ in ids)
        extractions = {
            row["article_id"]: _extraction_from_row(row)
            for row in self._db.execute(f"SELECT * FROM extractions WHERE article_id IN ({marks})", ids)
        }
        return [
            StoredArticle(
                article=_article_from_row(row),
                extraction=extractions.get(row["id"]),
                ingested_at=datetime.fromisoformat(row["ingested_at"]),
            )
            for row in rows
        ]

    # -- extraction ----------------------------------------------------------------

    def save_extractions(self, results: Iterable[tuple[int, Extraction]]) -> None:
        """Store extraction results, replacing older ones, in one transaction."""
        with self.transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO extractions (article_id, version, figures_json, quotes_json, computed_at) "
                "VALUES (?, ?, ?, ?, ?)",
                [
                    (
                        article_id,
                        extraction.version,
                        json.dumps([asdict(f) for f in extraction.figures], ensure_ascii=False),
                        json.dumps([asdict(q) for q in extraction.quotes], ensure_ascii=False),
                        _now(),
                    )
                    for article_id, extraction in results
                ],
            )

    # -- files and rejections ------------------------------------------------------

    def file_unchanged(self, stamp: FileStamp) -> bool:
        """True when this file was read before with the same size and modification time."""
        row = self._db.execute("SELECT size, mtime_ns FROM files WHERE path = ?", (stamp.path,)).fetchone()
        return bool(row) and row["size"] == stamp.size and row["mtime_ns"] == stamp.mtime_ns

    def record_rejection(self, origin: str, reason: str, stamp: FileStamp | None = None) -> None:
        """Set a bad input aside with its reason; with ``stamp``, it is not re-read until it changes."""
        with self.transaction() as db:
            db.execute(
                "INSERT INTO rejected (origin, reason, rejected_at) VALUES (?, ?, ?)", (origin, reason, _now())
            )
            _record_files(db, [stamp] if stamp else [])

    def url_validators(self, url: str) -> tuple[str | None, str | None]:
        """The ETag and Last-Modified a URL answered with last time, for a conditional request."""
        row = self._db.execute("SELECT etag, last_modified FROM fetched_urls WHERE url = ?", (url,)).fetchone()
        return (row["etag"], row["last_modified"]) if row else (None, None)

    def record_fetch(self, url: str, etag: str | None, last_modified: str | None) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO fetched_urls (url, etag, last_modified, fetched_at) VALUES (?, ?, ?, ?)",
                (url, etag, last_modified, _now()),
            )

    def rejections(self) -> list[tuple[str, str, str]]:
        rows = self._db.execute("SELECT origin, reason, rejected_at FROM rejected ORDER BY id").fetchall()
        return [(row["origin"], row["reason"], row["rejected_at"]) for row in rows]


def _record_files(db: sqlite3.Connection, stamps: Iterable[FileStamp]) -> None:
    db.executemany(
        "INSERT OR REPLACE INTO files (path, size, mtime_ns, read_at) VALUES (?, ?, ?, ?)",
        [(stamp.path, stamp.size, stamp.mtime_ns, _now()) for stamp in stamps],
    )


def _statements(script: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies whole."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements


def _article_values(article: Article) -> dict[str, object]:
    return {
        "title": article.title,
        "published_utc": _utc_text(article.published),
        "published_assumed": int(article.published_assumed),
        "section": article.section,
        "source": article.source,
        "url": article.url,
        "author": article.author,
        "lead": article.lead,
        "body_json": json.dumps(list(article.body), ensure_ascii=False),
        "caption": article.caption,
        "caption_credit": article.caption_credit,
        "sources_json": json.dumps(list(article.sources), ensure_ascii=False),
        "origin": article.origin,
        "language": article.language,
    }


def _article_from_row(row: sqlite3.Row) -> Article:
    return Article(
        id=row["id"],
        title=row["title"],
        published=datetime.fromisoformat(row["published_utc"]),
        published_assumed=bool(row["published_assumed"]),
        section=row["section"],
        source=row["source"],
        url=row["url"],
        author=row["author"],
        lead=row["lead"],
        body=tuple(json.loads(row["body_json"])),
        caption=row["caption"],
        caption_credit=row["caption_credit"],
        sources=tuple(json.loads(row["sources_json"])),
        origin=row["origin"],
        language=row["language"],
    )


def _extraction_from_row(row: sqlite3.Row) -> Extraction:
    return Extraction(
        figures=tuple(Figure(**item) for item in json.loads(row["figures_json"])),
        quotes=tuple(Quote(**item) for item in json.loads(row["quotes_json"])),
        version=row["version"],
    )
