"""E-mailing a briefing made: to whom, each recipient once, every outcome recorded.

A recipient is one address however the configuration spells it (trimmed, any
case). Before each copy is sent the run takes that recipient's claim in the
store, so two processes delivering the same briefing at once (two ``briefing
deliver``, or a delivery and the scheduler's retry) send each recipient one
copy between them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import timedelta

from briefing.config import Settings
from briefing.delivery import FAILED, DeliveryOutcome, send_briefing
from briefing.errors import DeliveryError
from briefing.schedule.claims import STALE_AFTER, claim_is_stale, current_owner
from briefing.schedule.history import DELIVER, OK, Clock, RunReport, utc_now
from briefing.selection import Period
from briefing.store.runs import RunLog
from briefing.store_guard import open_store

Send = Callable[..., list[DeliveryOutcome]]  # (settings, out_dir, recipients, on_outcome, claim=...) -> outcomes


def unique_recipients(addresses: Iterable[str]) -> list[str]:
    """Each address once, trimmed, in the order first given (``Desk@x`` and `` desk@x`` are one)."""
    seen, unique = set(), []
    for address in (a.strip() for a in addresses):
        if address and address.lower() not in seen:
            seen.add(address.lower())
            unique.append(address)
    return unique


def mail_briefing(
    settings: Settings,
    runs: RunLog,
    report: RunReport,
    recipients: Sequence[str],
    *,
    send: Send = send_briefing,
    clock: Clock = utc_now,
    resend_after: int | None = None,
    stale_after: timedelta = STALE_AFTER,
) -> str:
    """E-mail the briefing in ``report.out_dir`` when e-mail is on; the error, if any ("" when none).

    Each recipient is claimed just before sending (see the module); ``resend_after``: a
    delivery id, for a resend to people who have had it (only copies after it count).
    """
    recipients = unique_recipients(recipients)
    if not settings.email.enabled or not recipients:
        return ""
    edition, period = settings.edition_name, report.period.slug

    def record(outcome: DeliveryOutcome) -> None:
        runs.record_delivery(report.run_id, recipient=outcome.recipient, status=outcome.status,
                             error=outcome.error, attempts=outcome.attempts, now=clock())

    def claim(recipient: str) -> bool:
        now = clock()
        return runs.claim_recipient(
            run_id=report.run_id, edition=edition, period=period, recipient=recipient, now=now, after=resend_after,
            is_stale=lambda owner, since: claim_is_stale(owner, since, now=now, stale_after=stale_after))

    try:
        report.deliveries = send(settings, report.out_dir, recipients, record, claim=claim)
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
    with open_store(settings, create=False) as store:  # a new store would know of no delivery: all again
        runs = RunLog(store)
        resend_after = runs.last_delivery_id() if recipients or everyone else None
        chosen = list(recipients) or list(settings.email.recipients)
        if not everyone and not recipients:
            have = runs.delivered_to(edition, period.slug)
            chosen = [r for r in chosen if r.strip().lower() not in have]
        run_id = runs.start_run(edition=edition, period=period.slug, trigger=DELIVER,
                                owner=current_owner(), now=clock())
        report = RunReport(run_id, period, DELIVER, outcome="running", out_dir=out_dir, edition=edition)
        error = mail_briefing(settings, runs, report, chosen, send=send, clock=clock, resend_after=resend_after)
        report.outcome, report.error = (FAILED, error) if error else (OK, "")
        runs.finish_run(run_id, outcome=report.outcome, error=error, now=clock())
    return report
