"""Raw-SQL access in the style of the sqlite3 module, for code not yet ported to SQLAlchemy Core.

``briefing/store/runs.py`` still writes SQLite SQL with ``?`` marks and reads
rows by column name; this adapter keeps it working on SQLite until it is
ported. It goes away then. Nothing new should use it.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine


class LegacyRow:
    """A row readable by index or by column name, like ``sqlite3.Row``."""

    def __init__(self, row) -> None:
        self._row = row

    def __getitem__(self, key):
        return self._row._mapping[key] if isinstance(key, str) else self._row[key]


class LegacyCursor:
    def __init__(self, result) -> None:
        self.rowcount = result.rowcount
        self.lastrowid = result.lastrowid
        self._rows = [LegacyRow(row) for row in result.all()] if result.returns_rows else []

    def fetchone(self):
        return self._rows[0] if self._rows else None

    def fetchall(self) -> list[LegacyRow]:
        return self._rows

    def __iter__(self):
        return iter(self._rows)


class LegacyConnection:
    """An SQLAlchemy connection that also takes a raw SQL string and parameters, as sqlite3 does."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def execute(self, statement, parameters=(), *more):
        if isinstance(statement, str):
            return LegacyCursor(self._connection.exec_driver_sql(statement, tuple(parameters)))
        return self._connection.execute(statement, parameters or None, *more)

    def __getattr__(self, name):
        return getattr(self._connection, name)


class LegacyReader:
    """``store._db``: runs one raw query on a fresh connection and returns its rows."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def execute(self, statement: str, parameters=()) -> LegacyCursor:
        with self._engine.connect() as connection:
            return LegacyCursor(connection.exec_driver_sql(statement, tuple(parameters)))
