"""Every run of the pipeline, recorded, and each briefing made and mailed once.

``run_briefing`` wraps one generation: it records the run, takes the claim on
``(edition, period)`` in the store, generates, e-mails the recipients who have
not had this briefing yet, and records how it all ended. Two processes asking
for the same briefing at once — a manual ``briefing generate`` and the
scheduler, or two schedulers on one store — get one briefing: the second
finds the claim ``running`` (held) or ``done`` and stands down. ``force``
makes a briefing again and mails it to everyone again.

A process that dies mid-run leaves its claim ``running``. While it works, a
heartbeat thread refreshes the claim; a claim whose heartbeat is older than
``stale_after``, or whose holder is a dead process on this host, is stale and
the next run takes it over. On PostgreSQL a run also holds the claim's
session lock (``briefing.store.liveness``) while it works, which the server
frees the moment its process or machine dies: a claim whose lock is free is
taken over at once, and one whose lock is held is never taken.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from briefing.config import Settings
from briefing.delivery import FAILED, DeliveryOutcome, formats_for_delivery, send_briefing
from briefing.errors import DeliveryError
from briefing.selection import Period
from briefing.store import Store, liveness
from briefing.store.runs import ALREADY_DONE, CLAIMED, ClaimAttempt, RunLog

log = logging.getLogger(__name__)

#: what started a run
MANUAL, SCHEDULED, CATCH_UP, DELIVER = "manual", "scheduled", "catch-up", "deliver"
#: how a run ended
OK, SKIPPED = "ok", "skipped"
STALE_AFTER = timedelta(minutes=10)

Clock = Callable[[], datetime]
Generate = Callable[..., object]  # (settings, period, formats=...) -> GenerationResult
Send = Callable[..., list[DeliveryOutcome]]  # (settings, out_dir, recipients, on_outcome) -> outcomes


def utc_now() -> datetime:
    return datetime.now(UTC)


def current_owner() -> str:
    """This process (and this call: two threads are two owners) as ``host:pid:token``."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, someone else's
        return True
    return True


def claim_is_stale(owner: str, heartbeat: datetime, *, now: datetime, stale_after: timedelta) -> bool:
    """A holder is gone when its heartbeat is too old, or it is a process of this host that has exited."""
    if now - heartbeat > stale_after:
        return True
    host, _, rest = owner.partition(":")
    pid_text = rest.partition(":")[0]
    if host != socket.gethostname() or not pid_text.isdigit() or int(pid_text) == os.getpid():
        return False
    return not _process_alive(int(pid_text))


@dataclass
class RunReport:
    """How one run ended, for the CLI and the scheduler to tell."""

    run_id: int
    period: Period
    trigger: str
    outcome: str  # ok, failed, skipped (another run holds it), already-done
    error: str = ""
    out_dir: Path | None = None
    files: dict[str, str] = field(default_factory=dict)
    deliveries: list[DeliveryOutcome] = field(default_factory=list)
    other_run: int = 0  # the run that holds or made this briefing, when standing down
    other_owner: str = ""
    since: datetime | None = None
    article_count: int = 0


def _default_generate(settings: Settings, period: Period, formats: Sequence[str]):
    from briefing.pipeline import generate  # imported here: it loads the renderers

    return generate(settings, period, formats=formats)


class _Heartbeat:
    """Refreshes a running claim from its own thread (and its own connection) until stopped."""

    def __init__(self, settings: Settings, *, owner: str, period: str, edition: str, clock: Clock, every: float):
        self._args = dict(edition=edition, period=period, owner=owner)
        self._store, self._clock, self._every = settings.store_url, clock, every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, name=f"heartbeat-{period}", daemon=True)

    def __enter__(self) -> _Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._stop.set()
        self._thread.join()

    def _beat(self) -> None:
        with Store(self._store) as store:
            runs = RunLog(store)
            while not self._stop.wait(self._every):
                if not runs.heartbeat(now=self._clock(), **self._args):
                    log.warning("the claim on %s was taken over by another run", self._args["period"])
                    return


def run_briefing(
    settings: Settings,
    period: Period,
    *,
    trigger: str = MANUAL,
    force: bool = False,
    formats: Sequence[str] | None = None,
    clock: Clock = utc_now,
    generate: Generate | None = None,
    send: Send = send_briefing,
    stale_after: timedelta = STALE_AFTER,
) -> RunReport:
    """Make (and mail) the briefing for ``period`` unless it is made or being made; record the run.

    The briefing is that of ``settings.edition_name``. A failed generation is
    recorded, its claim released, and its error raised.
    """
    owner, slug, edition = current_owner(), period.slug, settings.edition_name
    generate = generate or _default_generate
    with Store(settings.store_url) as store, liveness.hold(store, f"{edition}:{slug}") as holding:
        # On PostgreSQL the claim's session lock tells at once whether a holder lives:
        # holding it, a running claim's holder is gone; not holding it, someone live works on it.
        runs = RunLog(store)
        run_id = runs.start_run(edition=edition, period=slug, trigger=trigger, owner=owner, now=clock())
        now = clock()
        attempt = runs.claim(
            edition=edition, period=slug, owner=owner, run_id=run_id, now=now, force=force,
            is_stale=lambda holder, beat: holding or claim_is_stale(holder, beat, now=now, stale_after=stale_after),
            contended=liveness.SESSION_LOCKS[store.dialect] is not None and not holding,
        )
        report = RunReport(run_id, period, trigger, outcome="running")
        if attempt.status != CLAIMED:
            return _stand_down(runs, report, attempt, clock)
        if attempt.took_over_from:
            log.warning("taking over the briefing for %s from %s, which stopped without finishing",
                        slug, attempt.took_over_from)
        claim = dict(edition=edition, period=slug, owner=owner)
        heartbeat = _Heartbeat(settings, **claim, clock=clock, every=stale_after.total_seconds() / 5)
        with heartbeat:
            try:
                result = generate(settings, period, formats=formats_for_delivery(settings, formats))
            except BaseException as exc:
                runs.release_claim(**claim, was_done=attempt.was_done)
                runs.finish_run(run_id, outcome=FAILED, error=str(exc) or type(exc).__name__, now=clock())
                raise
            report.out_dir, report.article_count = result.out_dir, result.article_count
            report.files = {fmt: str(path) for fmt, path in result.files.items()}
            skip = set() if force else runs.delivered_to(edition, slug)
            error = _mail(settings, runs, report, [r for r in settings.email.recipients if r not in skip], send, clock)
        runs.settle_claim(**claim, now=clock())
        report.outcome, report.error = (FAILED, error) if error else (OK, "")
        runs.finish_run(run_id, outcome=report.outcome, error=error, files=report.files, now=clock())
    return report


def _stand_down(runs: RunLog, report: RunReport, attempt: ClaimAttempt, clock: Clock) -> RunReport:
    report.other_run, report.other_owner, report.since = attempt.run_id, attempt.owner, attempt.since
    if attempt.status == ALREADY_DONE:
        report.outcome, report.error = ALREADY_DONE, f"already made by run #{attempt.run_id}"
    elif attempt.run_id:
        started = attempt.since.isoformat(timespec="seconds") if attempt.since else "?"
        report.outcome = SKIPPED
        report.error = f"run #{attempt.run_id} ({attempt.owner}) is making it, since {started}"
    else:
        report.outcome, report.error = SKIPPED, "another process is making it"
    runs.finish_run(report.run_id, outcome=report.outcome, error=report.error, now=clock())
    return report


def _mail(
    settings: Settings, runs: RunLog, report: RunReport, recipients: list[str], send: Send, clock: Clock
) -> str:
    """E-mail the briefing when e-mail is on, recording each outcome as it happens; the error, if any."""
    if not settings.email.enabled or not recipients:
        return ""

    def record(outcome: DeliveryOutcome) -> None:
        runs.record_delivery(report.run_id, recipient=outcome.recipient, status=outcome.status,
                             error=outcome.error, attempts=outcome.attempts, now=clock())

    try:
        report.deliveries = send(settings, report.out_dir, recipients, record)
    except DeliveryError as exc:
        return f"delivery failed: {exc}"
    failed = [d for d in report.deliveries if d.status == FAILED]
    if not failed:
        return ""
    listed = "; ".join(f"{d.recipient}: {d.error}" for d in failed)
    return f"delivery failed for {len(failed)} of {len(report.deliveries)} recipient(s): {listed}"


def deliver_again(
    settings: Settings,
    period: Period,
    *,
    recipients: Sequence[str] = (),
    everyone: bool = False,
    clock: Clock = utc_now,
    send: Send = send_briefing,
) -> RunReport:
    """Send a briefing already made: to ``recipients``, to everyone, or (by default) to those without it."""
    if not settings.email.enabled:
        where = settings.source_file or "the configuration"
        raise DeliveryError(f"{where}: email.enabled is false; set it to true to send briefings by e-mail")
    out_dir, edition = settings.output_folder / period.slug, settings.edition_name
    with Store(settings.store_url) as store:
        runs = RunLog(store)
        if recipients:
            chosen = list(recipients)
        else:
            have = set() if everyone else runs.delivered_to(edition, period.slug)
            chosen = [r for r in settings.email.recipients if r not in have]
        run_id = runs.start_run(edition=edition, period=period.slug, trigger=DELIVER,
                                owner=current_owner(), now=clock())
        report = RunReport(run_id, period, DELIVER, outcome="running", out_dir=out_dir)
        error = _mail(settings, runs, report, chosen, send, clock)
        report.outcome, report.error = (FAILED, error) if error else (OK, "")
        runs.finish_run(run_id, outcome=report.outcome, error=error, now=clock())
    return report
