"""Opening the configured store, and refusing to make a new one by accident.

The SQLite store is made on first use, which is what a first run on a new
machine needs. But a store file that is gone while the output folder holds
briefings made before (deleted, or ``store.path`` mistyped after a move) must
not be made anew: a new store has no claims and no run history, so the
scheduler or ``briefing generate`` would make those days, and e-mail them,
again. So:

- a command that may create the store (``open_store(settings)``) does so only
  while the output folder holds no briefing; otherwise it raises
  ``StoreMissing`` naming the file and pointing at ``briefing store init``,
  the deliberate way to start a new store;
- a command that only reads (``create=False``) never creates it: a missing
  file is a ``StoreMissing`` rather than an empty store left behind.

A store at a URL (PostgreSQL) lives in a database its administrator creates;
the same rules hold for the briefing store inside it: a database that holds
none yet (a mistyped database name that exists, a dropped schema) gets one only
while the output folder holds no briefing, and never from a command that only
reads (``Store(on_new=)``, called before anything is written).
"""

from __future__ import annotations

from pathlib import Path

from briefing.config import Settings
from briefing.errors import StoreMissing
from briefing.output import briefings_made
from briefing.store import Store
from briefing.store.engine import describe, url_for

INIT_HINT = "run 'briefing store init' to start a new, empty store"


def open_store(settings: Settings, *, create: bool = True) -> Store:
    """The configured store, once ``check_present`` allows it. Use as a context manager."""
    check_present(settings, create=create)
    return Store(settings.store_url, on_new=lambda: _check_may_start(settings, create=create))


def check_present(settings: Settings, *, create: bool) -> None:
    """Raise ``StoreMissing`` when the SQLite store file is missing and may not be made now."""
    path = missing_file(settings.store_url)
    if path is not None:
        _refuse_a_new_store(settings, create=create, missing=f"{path}: the store does not exist",
                            correct="check store.path", correct_made="restore it from a backup or correct store.path")


def _check_may_start(settings: Settings, *, create: bool) -> None:
    """Raise ``StoreMissing`` when a database that holds no briefing store may not be given one now."""
    where = describe(url_for(settings.store_url))
    _refuse_a_new_store(settings, create=create, missing=f"{where}: the database holds no briefing store",
                        correct="check store.url", correct_made="check store.url")


def _refuse_a_new_store(settings: Settings, *, create: bool, missing: str, correct: str, correct_made: str) -> None:
    """The one rule for a store not there (a file, or the store in a database): ``missing`` says which, and
    ``correct`` / ``correct_made`` how to put it right, without and with briefings made before."""
    made = briefings_made(settings.output_root)
    if made:
        raise StoreMissing(
            f"{missing}, but the output folder {settings.output_root} holds {briefings(made)} made with a store "
            f"(a new one would make and e-mail those days again); {correct_made}, or {INIT_HINT}")
    if not create:
        raise StoreMissing(f"{missing}; {correct}, or take articles in with 'briefing ingest' to create it")


def briefings(count: int) -> str:
    """``1 briefing``, ``3 briefings``."""
    return f"{count:,} briefing{'s' if count != 1 else ''}"


def missing_file(location: str) -> Path | None:
    """The SQLite file at ``location`` when it does not exist; None when it does, or for another database."""
    url = url_for(location)
    if url.get_backend_name() != "sqlite" or not url.database:
        return None  # PostgreSQL, or an in-memory store
    path = Path(url.database)
    return None if path.exists() else path
