"""The run history and the claims that make each briefing happen once: the SQL of ``briefing.generation``.

A *run* is one attempt to make (or deliver) a briefing: who started it, when,
how it ended, which files it wrote and whom it mailed. A *claim* is one row
per ``(edition, period)`` (its primary key), read and written in one
transaction under the ``claims`` write lock (``BEGIN IMMEDIATE`` on SQLite,
an advisory lock on PostgreSQL), so two processes can never both hold it:
``running`` while a process works on the briefing, ``done`` once it is made.
The policy (when a claim is stale, what ``--force`` means) lives in
``briefing/generation.py`` and ``briefing/schedule/claims.py``; this module only reads and writes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Connection, delete, func, insert, select, union, update

from briefing.schedule.history import ALREADY_DONE
from briefing.store import Store
from briefing.store.rows import upsert
from briefing.store.tables import claims, deliveries, runs

RUNNING, DONE = "running", "done"
#: a delivery row while its copy is being sent: the claim on that recipient
SENDING = "sending"
#: what a claim attempt found (``already-done`` is also how such a run ends: one word for both)
CLAIMED, HELD = "claimed", "held"
#: the write lock taking a claim (or recording a skip) holds: check-then-write, never interleaved
CLAIMS_LOCK = "claims"


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


def _claim_key(edition: str, period: str):
    return (claims.c.edition == edition) & (claims.c.period == period)


class RunLog:
    """Runs, deliveries and claims in the store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- runs --------------------------------------------------------------------------

    def start_run(self, *, edition: str, period: str, trigger: str, owner: str, now: datetime) -> int:
        with self.store.transaction() as connection:
            return connection.execute(
                insert(runs).values(edition=edition, period=period, trigger_kind=trigger, owner=owner,
                                    started_at=now, outcome=RUNNING, error="", files_json="{}")
                .returning(runs.c.id)
            ).scalar_one()

    def finish_run(
        self, run_id: int, *, outcome: str, now: datetime, error: str = "", files: dict[str, str] | None = None
    ) -> None:
        values = {"outcome": outcome, "error": error, "finished_at": now}
        if files is not None:
            values["files_json"] = json.dumps(files)
        with self.store.transaction() as connection:
            connection.execute(update(runs).where(runs.c.id == run_id).values(**values))

    def record_skip(
        self, *, edition: str, period: str, trigger: str, owner: str, now: datetime, reason: str
    ) -> bool:
        """Record that a missed run was skipped, once per period; False when already recorded."""
        with self.store.transaction(CLAIMS_LOCK) as connection:
            found = connection.execute(
                select(runs.c.id).where((runs.c.edition == edition) & (runs.c.period == period)
                                        & (runs.c.outcome == "skipped") & (runs.c.trigger_kind == trigger))
            ).first()
            if found:
                return False
            connection.execute(insert(runs).values(
                edition=edition, period=period, trigger_kind=trigger, owner=owner, started_at=now,
                finished_at=now, outcome="skipped", error=reason, files_json="{}"))
            return True

    def recent_runs(self, limit: int = 20) -> list[RunRecord]:
        """The latest runs, newest first, each with its deliveries."""
        with self.store.reading() as connection:
            rows = connection.execute(select(runs).order_by(runs.c.id.desc()).limit(limit)).mappings().all()
            sent = _deliveries_of(connection, [row["id"] for row in rows])
        return [_record(row, sent.get(row["id"], ())) for row in rows]

    def last_ok_period(self, edition: str, triggers: Iterable[str]) -> str | None:
        """The latest single-day period (not a ``first_last`` digest) a run of these triggers made."""
        with self.store.reading() as connection:
            return connection.execute(
                select(func.max(runs.c.period)).where(
                    (runs.c.edition == edition) & (runs.c.outcome == "ok")
                    & runs.c.trigger_kind.in_(list(triggers)) & ~runs.c.period.contains("_", autoescape=True))
            ).scalar()

    def settled_periods(self, edition: str, since: str) -> set[str]:
        """Periods from ``since`` on that need no catch-up: made (claim done) or already skipped.

        A run that stood down for a briefing being made elsewhere is also ``skipped``, but
        that period has a claim: it is settled only once that claim is done (if its holder
        died instead, the period is still to be made).
        """
        made = select(claims.c.period).where(
            (claims.c.edition == edition) & (claims.c.state == DONE) & (claims.c.period >= since))
        claimed = select(claims.c.period).where((claims.c.edition == edition) & (claims.c.period == runs.c.period))
        skipped = select(runs.c.period).where(
            (runs.c.edition == edition) & (runs.c.outcome == "skipped") & (runs.c.period >= since)
            & ~claimed.exists())
        with self.store.reading() as connection:
            return set(connection.execute(union(made, skipped)).scalars())

    # -- deliveries --------------------------------------------------------------------

    def record_delivery(
        self, run_id: int, *, recipient: str, status: str, error: str, attempts: int, now: datetime
    ) -> None:
        """Record how sending to ``recipient`` ended: this run's ``sending`` claim on it, or a new row."""
        values = dict(status=status, error=error, attempts=attempts, at=now)
        with self.store.transaction() as connection:
            claimed = connection.execute(update(deliveries).where(
                (deliveries.c.run_id == run_id) & (deliveries.c.recipient == recipient)
                & (deliveries.c.status == SENDING)).values(**values))
            if claimed.rowcount == 0:
                connection.execute(insert(deliveries).values(run_id=run_id, recipient=recipient, **values))

    def delivered_to(self, edition: str, period: str) -> set[str]:
        """The recipients that have been sent this briefing, by any run (lower-cased)."""
        query = (select(deliveries.c.recipient).distinct().join(runs, runs.c.id == deliveries.c.run_id)
                 .where((runs.c.edition == edition) & (runs.c.period == period) & (deliveries.c.status == "sent")))
        with self.store.reading() as connection:
            return {address.strip().lower() for address in connection.execute(query).scalars()}

    def last_delivery_id(self) -> int:
        """The newest delivery row's id (0 for none): a resend counts only rows after it."""
        with self.store.reading() as connection:
            return connection.execute(select(func.max(deliveries.c.id))).scalar() or 0

    def claim_recipient(
        self,
        *,
        run_id: int,
        edition: str,
        period: str,
        recipient: str,
        now: datetime,
        after: int | None,
        is_stale: Callable[[str, datetime], bool],
    ) -> bool:
        """Take the claim to send this briefing to ``recipient`` (a ``sending`` row of this run), atomically.

        Refused when another run is sending it to them (and is alive: ``is_stale(owner, since)``
        says whether not), or has sent it: ever (``after`` None) or in a row newer than
        ``after`` (a resend to everyone counts only copies sent since it began).
        """
        address = recipient.strip().lower()
        others = (select(deliveries.c.id, deliveries.c.status, deliveries.c.at, deliveries.c.recipient,
                         runs.c.owner)
                  .join(runs, runs.c.id == deliveries.c.run_id)
                  .where((runs.c.edition == edition) & (runs.c.period == period) & (runs.c.id != run_id)
                         & deliveries.c.status.in_(["sent", SENDING])))
        with self.store.transaction(CLAIMS_LOCK) as connection:
            for row in connection.execute(others).mappings():
                if row["recipient"].strip().lower() != address:
                    continue
                if row["status"] == SENDING:
                    if not is_stale(row["owner"], row["at"]):
                        return False
                    connection.execute(update(deliveries).where(deliveries.c.id == row["id"]).values(
                        status="failed", error="the run sending it stopped before it was sent"))
                elif after is None or row["id"] > after:
                    return False
            connection.execute(insert(deliveries).values(
                run_id=run_id, recipient=recipient, status=SENDING, error="", attempts=0, at=now))
            return True

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
        contended: bool = False,
    ) -> ClaimAttempt:
        """Take the claim on ``(edition, period)`` for ``owner``, atomically.

        A ``done`` claim is taken again only with ``force``; a ``running`` one
        only when ``is_stale(holder, last heartbeat)`` says its holder is gone.
        ``contended``: a live process is known to be working on it (it holds
        the claim's session lock), so it is held whatever the row says.
        """
        with self.store.transaction(CLAIMS_LOCK) as connection:
            row = connection.execute(select(claims).where(_claim_key(edition, period))).mappings().first()
            took_over, was_done = "", False
            if row is not None:
                was_done = row["state"] == DONE
                if was_done and not force:
                    return ClaimAttempt(ALREADY_DONE, row["owner"], row["run_id"], row["heartbeat_at"])
                if contended:
                    return ClaimAttempt(HELD, row["owner"], row["run_id"], row["claimed_at"])
                if row["state"] == RUNNING:
                    if not is_stale(row["owner"], row["heartbeat_at"]):
                        return ClaimAttempt(HELD, row["owner"], row["run_id"], row["claimed_at"])
                    took_over = row["owner"]
            elif contended:
                return ClaimAttempt(HELD)  # another process is about to claim it
            mine = {"edition": edition, "period": period, "state": RUNNING, "owner": owner, "run_id": run_id,
                    "claimed_at": now, "heartbeat_at": now}
            upsert(connection, claims, [mine], keys=("edition", "period"))
            return ClaimAttempt(CLAIMED, owner, run_id, now, took_over, was_done)

    def heartbeat(self, *, edition: str, period: str, owner: str, now: datetime) -> bool:
        """Refresh a running claim; False when it is no longer this owner's."""
        with self.store.transaction() as connection:
            result = connection.execute(
                update(claims).where(_claim_key(edition, period) & (claims.c.owner == owner)
                                     & (claims.c.state == RUNNING)).values(heartbeat_at=now))
            return result.rowcount == 1

    def settle_claim(self, *, edition: str, period: str, owner: str, now: datetime) -> None:
        """The briefing is made: the claim stays, ``done``, so nobody makes it again."""
        with self.store.transaction() as connection:
            connection.execute(update(claims).where(_claim_key(edition, period) & (claims.c.owner == owner))
                               .values(state=DONE, heartbeat_at=now))

    def release_claim(self, *, edition: str, period: str, owner: str, was_done: bool = False) -> None:
        """The run failed: drop the claim so a later run may try again.

        A forced remake that failed leaves the briefing as made before (``done``).
        """
        mine = _claim_key(edition, period) & (claims.c.owner == owner) & (claims.c.state == RUNNING)
        with self.store.transaction() as connection:
            if was_done:
                connection.execute(update(claims).where(mine).values(state=DONE))
            else:
                connection.execute(delete(claims).where(mine))


def _deliveries_of(connection: Connection, run_ids: list[int]) -> dict[int, tuple[DeliveryRecord, ...]]:
    found: dict[int, list[DeliveryRecord]] = {}
    if run_ids:
        query = select(deliveries).where(deliveries.c.run_id.in_(run_ids)).order_by(deliveries.c.id)
        for row in connection.execute(query).mappings():
            found.setdefault(row["run_id"], []).append(
                DeliveryRecord(row["recipient"], row["status"], row["error"], row["attempts"], row["at"]))
    return {run_id: tuple(records) for run_id, records in found.items()}


def _record(row, sent: tuple[DeliveryRecord, ...]) -> RunRecord:
    return RunRecord(
        id=row["id"],
        edition=row["edition"],
        period=row["period"],
        trigger=row["trigger_kind"],
        owner=row["owner"],
        started_at=row["started_at"],
        finished_at=row["finished_at"],
        outcome=row["outcome"],
        error=row["error"],
        files=json.loads(row["files_json"]),
        deliveries=sent,
    )
