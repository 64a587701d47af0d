"""The run history and the claims that make each briefing happen once: the SQL of ``briefing.runs``.

A *run* is one attempt to make (or deliver) a briefing: who started it, when,
how it ended, which files it wrote and whom it mailed. A *claim* is one row
per ``(edition, period)``, taken inside ``BEGIN IMMEDIATE`` so two processes
can never both hold it: ``running`` while a process works on the briefing,
``done`` once it is made. The policy (when a claim is stale, what ``--force``
means) lives in ``briefing/runs.py``; this module only reads and writes.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from briefing.store import Store

RUNNING, DONE = "running", "done"
#: what a claim attempt found
CLAIMED, ALREADY_DONE, HELD = "claimed", "already-done", "held"


def _text(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _moment(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


@dataclass(frozen=True)
class DeliveryRecord:
    recipient: str
    status: str  # sent or failed
    error: str
    attempts: int
    at: datetime


@dataclass(frozen=True)
class RunRecord:
    id: int
    edition: str
    period: str
    trigger: str
    owner: str
    started_at: datetime
    finished_at: datetime | None
    outcome: str
    error: str
    files: dict[str, str]
    deliveries: tuple[DeliveryRecord, ...] = field(default=())


@dataclass(frozen=True)
class ClaimAttempt:
    """What ``claim`` found: ``claimed`` (it is ours now), ``already-done`` or ``held``."""

    status: str
    owner: str = ""  # the holder, when held or done
    run_id: int = 0  # the run that holds it or made it
    since: datetime | None = None
    took_over_from: str = ""  # a stale holder whose claim this one replaced
    was_done: bool = False  # the briefing had been made before (a forced run)


class RunLog:
    """Runs, deliveries and claims in the article store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _rows(self, sql: str, params: Iterable = ()) -> list[sqlite3.Row]:
        return self.store._db.execute(sql, tuple(params)).fetchall()

    # -- runs --------------------------------------------------------------------------

    def start_run(self, *, edition: str, period: str, trigger: str, owner: str, now: datetime) -> int:
        with self.store.transaction() as db:
            cursor = db.execute(
                "INSERT INTO runs (edition, period, trigger_kind, owner, started_at) VALUES (?, ?, ?, ?, ?)",
                (edition, period, trigger, owner, _text(now)),
            )
            return cursor.lastrowid

    def finish_run(
        self, run_id: int, *, outcome: str, now: datetime, error: str = "", files: dict[str, str] | None = None
    ) -> None:
        with self.store.transaction() as db:
            db.execute(
                "UPDATE runs SET outcome = ?, error = ?, finished_at = ?, "
                "files_json = coalesce(?, files_json) WHERE id = ?",
                (outcome, error, _text(now), json.dumps(files) if files is not None else None, run_id),
            )

    def record_skip(
        self, *, edition: str, period: str, trigger: str, owner: str, now: datetime, reason: str
    ) -> bool:
        """Record that a missed run was skipped, once per period; False when already recorded."""
        with self.store.transaction() as db:
            found = db.execute(
                "SELECT 1 FROM runs WHERE edition = ? AND period = ? AND outcome = 'skipped' "
                "AND trigger_kind = ?",
                (edition, period, trigger),
            ).fetchone()
            if found:
                return False
            db.execute(
                "INSERT INTO runs (edition, period, trigger_kind, owner, started_at, finished_at, outcome, error) "
                "VALUES (?, ?, ?, ?, ?, ?, 'skipped', ?)",
                (edition, period, trigger, owner, _text(now), _text(now), reason),
            )
            return True

    def recent_runs(self, limit: int = 20) -> list[RunRecord]:
        """The latest runs, newest first, each with its deliveries."""
        rows = self._rows("SELECT * FROM runs ORDER BY id DESC LIMIT ?", [limit])
        return [self._record(row) for row in rows]

    def get_run(self, run_id: int) -> RunRecord | None:
        rows = self._rows("SELECT * FROM runs WHERE id = ?", [run_id])
        return self._record(rows[0]) if rows else None

    def _record(self, row: sqlite3.Row) -> RunRecord:
        deliveries = tuple(
            DeliveryRecord(d["recipient"], d["status"], d["error"], d["attempts"], _moment(d["at"]))
            for d in self._rows("SELECT * FROM deliveries WHERE run_id = ? ORDER BY id", [row["id"]])
        )
        return RunRecord(
            id=row["id"],
            edition=row["edition"],
            period=row["period"],
            trigger=row["trigger_kind"],
            owner=row["owner"],
            started_at=_moment(row["started_at"]),
            finished_at=_moment(row["finished_at"]),
            outcome=row["outcome"],
            error=row["error"],
            files=json.loads(row["files_json"]),
            deliveries=deliveries,
        )

    def last_ok_period(self, edition: str, triggers: Iterable[str]) -> str | None:
        """The latest single-day period a run of these triggers made successfully."""
        triggers = list(triggers)
        marks = ", ".join("?" for _ in triggers)
        rows = self._rows(
            f"SELECT max(period) FROM runs WHERE edition = ? AND outcome = 'ok' AND trigger_kind IN ({marks}) "
            "AND period NOT LIKE '%\\_%' ESCAPE '\\'",
            [edition, *triggers],
        )
        return rows[0][0]

    def settled_periods(self, edition: str, since: str) -> set[str]:
        """Periods from ``since`` on that need no catch-up: made (claim done) or already skipped."""
        rows = self._rows(
            "SELECT period FROM claims WHERE edition = ? AND state = 'done' AND period >= ? "
            "UNION SELECT period FROM runs WHERE edition = ? AND outcome = 'skipped' AND period >= ?",
            [edition, since, edition, since],
        )
        return {row[0] for row in rows}

    # -- deliveries --------------------------------------------------------------------

    def record_delivery(
        self, run_id: int, *, recipient: str, status: str, error: str, attempts: int, now: datetime
    ) -> None:
        with self.store.transaction() as db:
            db.execute(
                "INSERT INTO deliveries (run_id, recipient, status, error, attempts, at) VALUES (?, ?, ?, ?, ?, ?)",
                (run_id, recipient, status, error, attempts, _text(now)),
            )

    def delivered_to(self, edition: str, period: str) -> set[str]:
        """The recipients that have been sent this briefing, by any run."""
        rows = self._rows(
            "SELECT DISTINCT d.recipient FROM deliveries d JOIN runs r ON r.id = d.run_id "
            "WHERE r.edition = ? AND r.period = ? AND d.status = 'sent'",
            [edition, period],
        )
        return {row[0] for row in rows}

    # -- claims ------------------------------------------------------------------------

    def claim(
        self,
        *,
        edition: str,
        period: str,
        owner: str,
        run_id: int,
        now: datetime,
        force: bool,
        is_stale: Callable[[str, datetime], bool],
    ) -> ClaimAttempt:
        """Take the claim on ``(edition, period)`` for ``owner``, atomically.

        A ``done`` claim is taken again only with ``force``; a ``running`` one
        only when ``is_stale(holder, last heartbeat)`` says its holder is gone.
        """
        with self.store.transaction() as db:
            row = db.execute(
                "SELECT * FROM claims WHERE edition = ? AND period = ?", (edition, period)
            ).fetchone()
            took_over, was_done = "", False
            if row is not None:
                was_done = row["state"] == DONE
                heartbeat = datetime.fromisoformat(row["heartbeat_at"])
                if row["state"] == DONE and not force:
                    return ClaimAttempt(ALREADY_DONE, row["owner"], row["run_id"], heartbeat)
                if row["state"] == RUNNING:
                    if not is_stale(row["owner"], heartbeat):
                        return ClaimAttempt(HELD, row["owner"], row["run_id"], _moment(row["claimed_at"]))
                    took_over = row["owner"]
            db.execute(
                "INSERT OR REPLACE INTO claims (edition, period, state, owner, run_id, claimed_at, heartbeat_at) "
                "VALUES (?, ?, 'running', ?, ?, ?, ?)",
                (edition, period, owner, run_id, _text(now), _text(now)),
            )
            return ClaimAttempt(CLAIMED, owner, run_id, now, took_over, was_done)

    def heartbeat(self, *, edition: str, period: str, owner: str, now: datetime) -> bool:
        """Refresh a running claim; False when it is no longer this owner's."""
        with self.store.transaction() as db:
            cursor = db.execute(
                "UPDATE claims SET heartbeat_at = ? WHERE edition = ? AND period = ? AND owner = ? "
                "AND state = 'running'",
                (_text(now), edition, period, owner),
            )
            return cursor.rowcount == 1

    def settle_claim(self, *, edition: str, period: str, owner: str, now: datetime) -> None:
        """The briefing is made: the claim stays, ``done``, so nobody makes it again."""
        with self.store.transaction() as db:
            db.execute(
                "UPDATE claims SET state = 'done', heartbeat_at = ? WHERE edition = ? AND period = ? AND owner = ?",
                (_text(now), edition, period, owner),
            )

    def release_claim(self, *, edition: str, period: str, owner: str, was_done: bool = False) -> None:
        """The run failed: drop the claim so a later run may try again.

        A forced remake that failed leaves the briefing as made before (``done``).
        """
        with self.store.transaction() as db:
            where = "WHERE edition = ? AND period = ? AND owner = ? AND state = 'running'"
            if was_done:
                db.execute(f"UPDATE claims SET state = 'done' {where}", (edition, period, owner))
            else:
                db.execute(f"DELETE FROM claims {where}", (edition, period, owner))
