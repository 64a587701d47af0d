"""Knowing that the process holding a claim is alive, across machines: a PostgreSQL session lock.

A claim row says who is making a briefing; its heartbeat says when that
process last said so. On PostgreSQL the holder also keeps a session-level
advisory lock named after the claim on a connection of its own, for as long
as it works. When the process dies, or its machine does, the server ends its
session and the lock is free at once, so another process can tell the
holder is gone without waiting for the heartbeat to go stale.

SQLite has no such lock (and no other machines): ``hold`` holds nothing
and the heartbeat (with the process check of ``briefing.schedule.claims``) decides.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, text

from briefing.store import Store

_KEY = "hashtext(current_schema() || ':claim:' || :name)"


def _pg_try_lock(connection: Connection, name: str) -> bool:
    return bool(connection.execute(text(f"SELECT pg_try_advisory_lock({_KEY})"), {"name": name}).scalar())


def _pg_unlock(connection: Connection, name: str) -> None:
    connection.execute(text(f"SELECT pg_advisory_unlock({_KEY})"), {"name": name})


#: each dialect's (try to take, give back) for a session lock; None: the dialect has none
SESSION_LOCKS: dict[str, tuple[Callable[[Connection, str], bool], Callable[[Connection, str], None]] | None] = {
    "sqlite": None,
    "postgresql": (_pg_try_lock, _pg_unlock),
}


@contextmanager
def hold(store: Store, name: str) -> Iterator[bool]:
    """Take the session lock ``name`` for the duration; yields whether this process now holds it.

    False when another live process holds it, and always on SQLite.
    """
    locks = SESSION_LOCKS[store.dialect]
    if locks is None:
        yield False
        return
    take, give_back = locks
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        held = take(connection, name)
        try:
            yield held
        finally:
            if held:
                give_back(connection, name)
