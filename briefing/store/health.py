"""Telling a damaged store from a new one, cheaply on open and thoroughly on demand.

On open (``check_file``), a SQLite store file that exists must start with
SQLite's 16-byte header, and must not be empty: SQLite writes the header the
moment it creates a store, so an empty file that is not brand new was
truncated or replaced, and treating it as a new store would make the next
briefing from nothing and write it over a good one.

While in use, SQLite reports damage it meets as ``DatabaseError``
("database disk image is malformed"); ``damage`` tells those from the
errors of ordinary use (a duplicate key, a lock) so the engine can name the
store and point at ``briefing store check``.

``briefing store check`` (``check_store``) reads the whole store: SQLite's
``PRAGMA quick_check`` and the full-text index's own check; on PostgreSQL,
which guards its own pages, that the search table has a row per article.
"""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, func, select, text
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError

from briefing.errors import StoreError

SQLITE_HEADER = b"SQLite format 3\x00"
#: an empty file younger than this may be a store another process is creating right now
NEW_FILE_SECONDS = 2.0
#: words in SQLite's messages that mean the file itself is damaged
DAMAGE_WORDS = ("malformed", "not a database", "disk i/o error", "corrupt")
CHECK_HINT = "run 'briefing store check'"


#: the store files whose header this process has read (see ``check_file``)
_HEADER_CHECKED: set[Path] = set()


def check_file(path: Path | None, where: str) -> None:
    """Raise ``StoreError`` when the SQLite file at ``path`` exists but is empty or not SQLite."""
    if path is None or not path.is_file():
        return
    info = path.stat()
    if info.st_size == 0:
        if time.time() - info.st_mtime < NEW_FILE_SECONDS:
            return
        raise StoreError(
            f"{where}: the store file is empty (0 bytes); it was truncated or replaced. "
            "Restore it from a backup, or delete it to start a new, empty store"
        )
    # Closing any descriptor of a file drops every POSIX lock this process holds on it, SQLite's
    # included, so the header is read once per process, before this process opens a connection to it.
    if path.resolve() in _HEADER_CHECKED:
        return
    with path.open("rb") as stream:
        header = stream.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise StoreError(f"{where}: not an SQLite database (its first bytes are not SQLite's header); "
                         "restore it from a backup")
    _HEADER_CHECKED.add(path.resolve())


def damage(exc: DatabaseError) -> str:
    """The reason when ``exc`` says the store's file is damaged, else ""."""
    if isinstance(exc, IntegrityError):
        return ""
    reason = str(exc.orig).strip() if exc.orig is not None else str(exc)
    damaged = any(word in reason.lower() for word in DAMAGE_WORDS)
    if damaged or (type(exc) is DatabaseError and not isinstance(exc, OperationalError)):
        return reason
    return ""


def damaged_store(where: str, reason: str) -> StoreError:
    return StoreError(f"{where}: the store is damaged ({reason}); {CHECK_HINT}")


def check_store(engine: Engine, articles_table, dated: tuple[datetime, datetime] | None = None) -> list[str]:
    """Every problem found reading the whole store; an empty list when there is none.

    With ``dated`` (``[start, end)``), articles published outside it are one problem: an older
    briefing took in dates at the calendar's ends, which the renderings cannot show.
    """
    try:
        with engine.connect() as connection:
            problems = CHECKS[connection.dialect.name](connection, articles_table)
            if dated and not problems:
                problems = _dated_outside(connection, articles_table, *dated)
            return problems
    except DatabaseError as exc:
        return [f"cannot be read through: {exc.orig if exc.orig is not None else exc}"]


def _dated_outside(connection: Connection, articles_table, start: datetime, end: datetime) -> list[str]:
    published = articles_table.c.published_utc
    outside = select(func.count()).select_from(articles_table).where((published < start) | (published >= end))
    count = connection.execute(outside).scalar_one()
    if not count:
        return []
    return [f"{count:,} article{'s are' if count != 1 else ' is'} dated before {start:%Y} or after {end.year - 1} "
            "(taken in by an older briefing); remove them with 'briefing articles delete --from ... --to ...'"]


def _check_sqlite(connection: Connection, articles_table) -> list[str]:
    rows = connection.exec_driver_sql("PRAGMA quick_check").all()
    problems = [row[0] for row in rows if row[0] != "ok"]
    if problems:
        return problems
    try:
        connection.exec_driver_sql("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    except DatabaseError as exc:
        return [f"the search index is damaged ({exc.orig})"]
    return []


def _check_postgresql(connection: Connection, articles_table) -> list[str]:
    stored = connection.execute(select(func.count()).select_from(articles_table)).scalar_one()
    indexed = connection.execute(text("SELECT count(*) FROM article_search")).scalar_one()
    if stored != indexed:
        return [f"the search table has {indexed:,} rows for {stored:,} articles"]
    return []


CHECKS = {"sqlite": _check_sqlite, "postgresql": _check_postgresql}
