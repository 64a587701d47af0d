"""Many rows at once: executemany on SQLite, COPY on PostgreSQL (several times faster there).

For loading a store that is known to hold none of the rows yet: ``briefing
store copy`` and the store benchmark. Values are Python values as the
tables' types give and take them (aware datetimes, booleans, text).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from sqlalchemy import Connection, Engine, Table, insert, text

from briefing.models import Article
from briefing.store.rows import article_identity, article_values, now

BATCH = 5000


def _executemany(connection: Connection, table: Table, rows: list[dict]) -> None:
    connection.execute(insert(table), rows)


def _copy(connection: Connection, table: Table, rows: list[dict]) -> None:
    quote = connection.dialect.identifier_preparer.quote
    columns = list(rows[0])
    raw = connection.connection.driver_connection  # psycopg's, inside this transaction
    assert raw is not None
    statement = f"COPY {quote(table.name)} ({', '.join(quote(c) for c in columns)}) FROM STDIN"
    with raw.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row([row[column] for column in columns])


#: the fastest way each dialect takes many rows
BULK_INSERTS: dict[str, Callable[[Connection, Table, list[dict]], None]] = {
    "sqlite": _executemany,
    "postgresql": _copy,
}


def _vacuum_analyze(engine: Engine, tables: list[Table]) -> None:
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        for table in tables:
            connection.execute(text(f"VACUUM (ANALYZE) {connection.dialect.identifier_preparer.quote(table.name)}"))


#: what each dialect needs after a bulk load. PostgreSQL: statistics, or the planner scans the
#: whole table for a day's articles; and a vacuum, or the first queries to read each new row
#: pay for marking it visible (and autovacuum competes with them until it has done so)
AFTER_LOAD: dict[str, Callable[[Engine, list[Table]], None]] = {
    "sqlite": lambda engine, tables: None,
    "postgresql": _vacuum_analyze,
}


def insert_rows(connection: Connection, table: Table, rows: Iterable[dict]) -> int:
    """Insert ``rows`` (dicts with the same keys) in batches; how many there were."""
    count = 0
    rows = iter(rows)
    while batch := list(islice(rows, BATCH)):
        BULK_INSERTS[connection.dialect.name](connection, table, batch)
        count += len(batch)
    return count


def article_rows(batch: Iterable[Article]) -> Iterator[dict]:
    """Whole ``articles`` rows for new articles: identity, content hash and times included."""
    moment = now()
    for article in batch:
        yield {**article_values(article), "identity": article_identity(article), "content_hash": article.content_hash,
               "ingested_at": moment, "updated_at": moment}
