"""Bringing a store's schema up to date with Alembic, on open or by ``briefing store migrate``.

The revisions live in ``briefing/store/migrations/versions`` and are named
``0001``, ``0002``, ...: the number is the schema version. A store whose
revision this briefing does not know was made by a newer briefing and is
refused rather than touched. Two processes opening a new store at once
migrate it once: the upgrade runs under the store's write lock.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from briefing.errors import StoreError
from briefing.store.engine import writing

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


@functools.cache
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(_config())


def head_revision() -> str:
    head = _scripts().get_current_head()
    assert head is not None  # the package ships its migrations
    return head


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def _check_known(revision: str | None, where: str) -> None:
    known = {script.revision for script in _scripts().walk_revisions()}
    if revision is not None and revision not in known:
        raise StoreError(
            f"{where}: store schema version {revision} is newer than this briefing "
            f"(knows {head_revision()}); upgrade briefing"
        )


def upgrade(engine: Engine, where: str, on_new: Callable[[], None] | None = None) -> tuple[str | None, str]:
    """Migrate the store to the newest schema; returns the revisions (before, after).

    ``on_new`` is called before a store is made in a database that holds none yet: it may refuse
    by raising (``store_guard``), and then nothing is written."""
    with engine.connect() as connection:
        before = current_revision(connection)
    _check_known(before, where)
    if before is None and on_new is not None:
        on_new()
    if before == head_revision():
        return before, before
    with writing(engine, lock="migrate") as connection:
        before = current_revision(connection)  # another process may have migrated meanwhile
        _check_known(before, where)
        if before != head_revision():
            command.upgrade(_config(connection), "head")
    return before, head_revision()
