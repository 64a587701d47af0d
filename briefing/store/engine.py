"""Connecting to the store's database: SQLite (a file, the default) or PostgreSQL, by URL.

SQLite is set up on every new connection: WAL (readers never wait for the
writer), a busy timeout (two processes writing wait for each other instead of
failing), foreign keys on. Its transactions are begun by hand so a write can
take the lock up front (``BEGIN IMMEDIATE``): two processes reading a row and
then writing it can then never interleave. PostgreSQL gets the same guarantee
from transaction-scoped advisory locks, named per kind of write (``locks``).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError

from briefing.errors import StoreError
from briefing.store.health import damage, damaged_store

#: the execution option that makes a SQLite transaction begin IMMEDIATE (take the write lock now)
BEGIN_MODE = "briefing_sqlite_begin"


def url_for(location: Path | str) -> URL:
    """A store location as a URL: a URL as given, or a file path as a SQLite URL."""
    text_form = str(location)
    if "://" not in text_form:
        if text_form == ":memory:":
            return make_url("sqlite://")
        return URL.create("sqlite", database=str(Path(text_form).expanduser().resolve()))
    try:
        return make_url(text_form)
    except ArgumentError:
        raise StoreError(f"{text_form}: not a database URL (expected e.g. postgresql+psycopg://host/db)") from None


def describe(url: URL) -> str:
    """How messages name the store: the file for SQLite, the URL without its password otherwise."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)


def make_engine(url: URL, *, timeout: float) -> Engine:
    """An engine for the store at ``url``, set up for its dialect."""
    backend = url.get_backend_name()
    setup = ENGINE_SETUP.get(backend)
    if setup is None:
        known = ", ".join(sorted(ENGINE_SETUP))
        raise StoreError(f"{describe(url)}: unsupported database {backend!r}, expected one of: {known}")
    return setup(url, timeout)


def _sqlite_engine(url: URL, timeout: float) -> Engine:
    if url.database:
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": timeout})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # we say BEGIN ourselves (below)
        _enable_wal(dbapi_connection, timeout)
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get(BEGIN_MODE, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


def _enable_wal(dbapi_connection: sqlite3.Connection, timeout: float) -> None:
    """Switch to WAL, waiting while another process creating the same new file holds it.

    Turning a new database to WAL needs it to itself and SQLite answers
    "database is locked" at once rather than calling the busy handler, so two
    processes opening a fresh store together (two schedulers) would fail.
    """
    deadline = time.monotonic() + timeout
    while True:
        try:
            dbapi_connection.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _postgresql_engine(url: URL, timeout: float) -> Engine:
    connect_args = {"connect_timeout": max(1, int(timeout))}
    engine = create_engine(url, pool_pre_ping=True, pool_size=2, max_overflow=4, connect_args=connect_args)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        with dbapi_connection.cursor() as cursor:
            # The store's queries are short: compiling them (JIT) costs more than it saves (~30 ms a search).
            cursor.execute("SET jit = off")
            # psycopg prepares a statement run often; PostgreSQL then plans it once for any value, and
            # a search for a common word gets the plan of a rare one (three times slower). Plan each time.
            cursor.execute("SET plan_cache_mode = force_custom_plan")
        dbapi_connection.commit()

    return engine


ENGINE_SETUP: dict[str, Callable[[URL, float], Engine]] = {
    "sqlite": _sqlite_engine,
    "postgresql": _postgresql_engine,
}


def _pg_lock(connection: Connection, name: str) -> None:
    # Scoped to the schema too: two installations sharing a database do not block each other.
    connection.execute(text("SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':' || :name))"),
                       {"name": name})


#: how each dialect serialises the writes named ``lock`` (SQLite: BEGIN IMMEDIATE already did)
WRITE_LOCKS: dict[str, Callable[[Connection, str], None]] = {
    "sqlite": lambda connection, name: None,
    "postgresql": _pg_lock,
}


@contextmanager
def writing(engine: Engine, lock: str | None = None) -> Iterator[Connection]:
    """One atomic write; with ``lock``, writes of that name are serialised across processes."""
    with _naming_damage(engine), engine.connect() as connection:
        connection.execution_options(**{BEGIN_MODE: "IMMEDIATE"})
        with connection.begin():
            if lock:
                WRITE_LOCKS[engine.dialect.name](connection, lock)
            yield connection


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """A consistent read: every query inside sees the same committed state."""
    with _naming_damage(engine), engine.connect() as connection, connection.begin():
        yield connection


@contextmanager
def _naming_damage(engine: Engine) -> Iterator[None]:
    """Turn the database's word for a damaged file into a ``StoreError`` naming the store."""
    try:
        yield
    except DatabaseError as exc:
        reason = damage(exc)
        if reason:
            raise damaged_store(describe(engine.url), reason) from None
        raise
