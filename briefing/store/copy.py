"""``briefing store copy``: every row of one store into another, empty one (SQLite into PostgreSQL).

Tables are copied parent first, in batches, all in one transaction on the
target, with their ids, so a failed copy leaves the target as it was. The
full-text index is rebuilt by the target itself (FTS5 triggers, or the
triggers that fill ``article_search``). Afterwards each table's rows are
counted on both sides: a copy that does not add up is an error, never a
silent loss.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, Table, func, select, text

from briefing.errors import StoreError
from briefing.store import Store
from briefing.store.bulk import AFTER_LOAD, BATCH, insert_rows
from briefing.store.search import INDEX_TABLES
from briefing.store.tables import metadata


def _count(connection: Connection, table: Table) -> int:
    return connection.execute(select(func.count()).select_from(table)).scalar_one()


def _restart_sequences(connection: Connection) -> None:
    """PostgreSQL: the next id of each table follows the highest id copied."""
    for table in metadata.sorted_tables:
        if "id" in table.c and table.c.id.autoincrement in (True, "auto") and table.c.id.primary_key:
            connection.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"coalesce((SELECT max(id) FROM {table.name}), 0) + 1, false)"))


#: what a target of each kind needs once the rows are in
AFTER_COPY: dict[str, Callable[[Connection], None]] = {
    "sqlite": lambda connection: None,
    "postgresql": _restart_sequences,
}


def copy_store(source: Store, target: Store, progress: Callable[[str, int], None] = lambda table, rows: None
               ) -> dict[str, int]:
    """Copy every table of ``source`` into ``target``, which must be empty; the rows copied, per table."""
    copied = {}
    with source.reading() as reader, target.transaction("articles") as writer:
        for table in metadata.sorted_tables:
            if _count(writer, table):
                raise StoreError(f"{target.where}: the target store is not empty (table {table.name} has rows); "
                                 "copy needs a new, empty store")
        for table in metadata.sorted_tables:
            copied[table.name] = _copy_table(reader, writer, table, progress)
        AFTER_COPY[writer.dialect.name](writer)
        for table in metadata.sorted_tables:
            there = _count(writer, table)
            if there != copied[table.name] or there != _count(reader, table):
                raise StoreError(f"{target.where}: table {table.name} has {there} rows after the copy, "
                                 f"{copied[table.name]} were read; nothing was copied")
    AFTER_LOAD[target.dialect](target.engine, [*metadata.sorted_tables, *INDEX_TABLES[target.dialect]])
    return copied


def _copy_table(reader: Connection, writer: Connection, table: Table, progress) -> int:
    order = list(table.primary_key.columns)
    rows = reader.execution_options(yield_per=BATCH).execute(select(table).order_by(*order)).mappings()
    done = 0
    for batch in rows.partitions():
        done += insert_rows(writer, table, (dict(row) for row in batch))
        progress(table.name, done)
    return done
