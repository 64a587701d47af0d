"""``briefing schedule``, ``briefing runs`` and ``briefing deliver``: the daily run and its history."""

from __future__ import annotations

import logging
import os
import signal
import threading
from datetime import date, time
from typing import TYPE_CHECKING

import click

from briefing.cli.app import DAY, cli, with_settings
from briefing.schedule.history import RunReport
from briefing.selection import Period

if TYPE_CHECKING:
    from briefing.store.runs import RunRecord


def _clock_time(ctx, param, value: str | None) -> time | None:
    if value is None:
        return None
    try:
        parsed = time.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"expected a time of day as HH:MM or HH:MM:SS, got {value!r}") from None
    if parsed.microsecond or parsed.tzinfo:
        raise click.BadParameter(f"expected a time of day as HH:MM or HH:MM:SS, got {value!r}")
    return parsed


#: the exit code of a scheduler stopped by a second signal, mid-run (as if killed by SIGTERM)
EXIT_STOPPED = 143


@cli.command("schedule")
@click.option("--at", "at", metavar="HH:MM[:SS]", callback=_clock_time,
              help="Run at this time of day instead of schedule.time (to try the schedule out).")
@with_settings
def schedule_command(at: time | None, settings) -> int:
    """Generate the daily briefing (each edition's) at the configured time, until stopped.

    Runs in the foreground and logs to stderr; SIGTERM or Ctrl-C stop it
    cleanly (a briefing being made is finished first, then it exits 0); a
    second SIGTERM or Ctrl-C stops it at once (exit code 143) and the run
    it cut short is taken over on the next start. A run that fails is tried
    again after schedule.retry_seconds, doubling, within catch_up_hours. On start it makes up a
    run missed while it was down, if at most schedule.catch_up_hours late.
    Each briefing is made and e-mailed once, however many schedulers share
    the store, on this machine or (with PostgreSQL, store.url) on others; one
    that stops mid-run is taken over within schedule.recheck_seconds. The
    briefing of a run covers the day before it by default (schedule.covers:
    previous_day). --at applies to every edition.

    \b
    Example:
      briefing schedule --config /etc/briefing/config.yaml
    """
    from briefing.schedule.scheduler import BriefingScheduler, serve_editions, under_way

    schedulers = [BriefingScheduler(settings.for_edition(name), at=at) for name in settings.edition_names]
    logging.getLogger("briefing").setLevel(logging.INFO)
    stop = threading.Event()
    log = logging.getLogger("briefing.scheduling")

    def request_stop(signum, frame) -> None:
        name = signal.Signals(signum).name
        if not stop.is_set():
            log.info("%s received: stopping (a run under way is finished first; a second %s stops at once)",
                     name, name)
            stop.set()
            return
        left = "; ".join(under_way(schedulers)) or "nothing"
        log.warning("second %s received: stopping now; left undone: %s (its claim is taken over on the next "
                    "start)", name, left)
        os._exit(EXIT_STOPPED)

    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, request_stop)
    serve_editions(schedulers, stop)
    return 0


@cli.command("runs")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1), help="How many runs to list.")
@with_settings
def runs_command(limit: int, settings) -> None:
    """List the latest runs, newest first, with their deliveries.

    Each run shows the briefing's date, what started it (manual, scheduled,
    catch-up, deliver), when it started and how long it took, how it ended
    (ok, failed, skipped, already-done), the files written, and whom it
    e-mailed. A failed delivery is listed below its run with the reason.

    \b
    Example:
      briefing runs --limit 10
    """
    from briefing.store.runs import RunLog  # imported here: the store loads SQLAlchemy
    from briefing.store_guard import open_store

    with open_store(settings, create=False) as store:
        records = RunLog(store).recent_runs(limit)
    if not records:
        click.echo("no runs yet", err=True)
        return
    click.echo(f"{'run':>5}  {'date':<21}  {'trigger':<9}  {'started':<16}  {'took':>6}  {'outcome':<12}  "
               f"{'files':>5}  {'mailed':<8}  note")
    for record in records:
        click.echo(_row(record, settings.zone))
        for delivery in record.deliveries:
            if delivery.status != "sent":
                click.echo(f"{'':>7}{delivery.status} {delivery.recipient}: {delivery.error}")


def _row(record: RunRecord, zone) -> str:
    started = f"{record.started_at.astimezone(zone):%Y-%m-%d %H:%M}"
    took = f"{(record.finished_at - record.started_at).total_seconds():.0f}s" if record.finished_at else "-"
    sent = sum(1 for d in record.deliveries if d.status == "sent")
    mailed = f"{sent}/{len(record.deliveries)}" if record.deliveries else "-"
    note = record.error if len(record.error) <= 80 else record.error[:79] + "…"
    return (f"{record.id:>5}  {record.period:<21}  {record.trigger:<9}  {started:<16}  {took:>6}  "
            f"{record.outcome:<12}  {len(record.files):>5}  {mailed:<8}  {note}").rstrip()


@cli.command("deliver")
@click.option("--date", "day", type=DAY, required=True, help="The briefing's day: YYYY-MM-DD, 'today' or 'yesterday'.")
@click.option("--to", "recipients", multiple=True, metavar="ADDRESS", help="Send to this address (repeatable).")
@click.option("--all", "everyone", is_flag=True, help="Send to every configured recipient again.")
@with_settings
def deliver_command(day: date, recipients: tuple[str, ...], everyone: bool, settings) -> int:
    """E-mail a briefing already generated, again.

    By default it goes to the configured recipients who have not received it
    (after a failed delivery); --all sends it to every recipient, --to to the
    addresses given. The message is output/<date>/briefing.eml.

    \b
    Example:
      briefing deliver --date 2026-02-03
    """
    if everyone and recipients:
        raise click.UsageError("give --to or --all, not both")
    from briefing.delivery.mailing import deliver_again  # imported here: it loads the store

    report = deliver_again(settings, Period.day(day), recipients=recipients, everyone=everyone)
    echo_deliveries(report)
    if not report.deliveries and report.outcome == "ok":
        click.echo(f"{day}: every recipient has this briefing already (use --all to send it again)")
    return 1 if report.outcome != "ok" else 0


def echo_deliveries(report: RunReport) -> None:
    for delivery in report.deliveries:
        if delivery.status == "sent":
            click.echo(f"sent to {delivery.recipient}")
        else:
            click.echo(f"briefing: error: not sent to {delivery.recipient}: {delivery.error}", err=True)
    if report.error and not report.deliveries:
        click.echo(f"briefing: error: {report.error}", err=True)
