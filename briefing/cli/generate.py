"""``briefing generate``: the briefing for a day, each day of a range, or a digest of a range."""

from __future__ import annotations

from datetime import date

import click

from briefing.cli.app import DAY, cli, with_settings
from briefing.cli.schedule import echo_deliveries
from briefing.cli.templates import user_templates_option
from briefing.errors import LockHeld
from briefing.schedule.history import ALREADY_DONE, FAILED, MANUAL, OK, SKIPPED, RunReport
from briefing.selection import Period


def _formats(value: str | None) -> tuple[str, ...] | None:
    if not value:
        return None
    from briefing.config import FORMATS  # imported here: pydantic, and `--help` needs none of it

    chosen = tuple(part.strip() for part in value.split(",") if part.strip())
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown:
        raise click.BadParameter(f"unknown format {unknown[0]!r}, expected some of {', '.join(FORMATS)}")
    return chosen


@cli.command("generate")
@click.option("--date", "day", type=DAY, help="The day to brief: YYYY-MM-DD, 'today' or 'yesterday'.")
@click.option("--from", "first", type=DAY, help="First day of a range (with --to).")
@click.option("--to", "last", type=DAY, help="Last day of a range, inclusive.")
@click.option("--digest", is_flag=True, help="With a range: one briefing for the whole range.")
@click.option("--formats", "formats", help="Comma-separated renderings, e.g. md,html,pdf (default: config).")
@click.option("--jobs", type=click.IntRange(min=1), help="Processes for a range (default: all cores).")
@click.option("--force", is_flag=True, help="Make (and e-mail) a day or digest again though it was made before.")
@click.option("--keep", is_flag=True,
              help="Keep a day made before even if its articles have changed since (default: make it again).")
@click.option("--edition", "edition", metavar="NAME", help="Only this edition (default: every configured edition).")
@click.option("--appendix", is_flag=True, help="Also write articles.html: every article of the period by section.")
@with_settings
@user_templates_option
def generate_command(
    day: date | None, first: date | None, last: date | None, digest: bool, formats: str | None, jobs, force: bool,
    keep: bool, edition: str | None, settings, appendix: bool = False,
) -> int:
    """Generate the briefing for a day (or a range) into the output folder.

    New or changed files in the configured article folder are taken in first.
    A day is a calendar day in the configured time zone.

    A day, each day of a range, or a digest is made once: it is recorded in
    the run history (`briefing runs`), and generating it again does nothing
    unless --force, or unless its articles have changed since it was made
    (then it is made again, and says so; --keep keeps it as it is). A run
    already making it elsewhere (the scheduler) is left to finish (exit code
    3). When email.enabled is on, it is e-mailed to the recipients who have
    not had it; an empty briefing only with email.send_empty, an update only
    with email.send_updates.

    With editions configured, each is made into output/EDITION/ (and each
    line starts with its name); --edition makes one of them.

    \b
    Examples:
      briefing generate --date 2026-02-03
      briefing generate --date yesterday --force
      briefing generate --from 2026-02-01 --to 2026-02-07
      briefing generate --from 2026-02-01 --to 2026-02-07 --digest --formats md,pdf
      briefing generate --date yesterday --edition defence
    """
    from briefing.generation import generate  # imported here: it loads the store

    chosen = _formats(formats)
    if force and keep:
        raise click.UsageError("give --force or --keep, not both")
    settings = settings.with_appendix() if appendix else settings
    if day and (first or last):
        raise click.UsageError("give either --date or --from/--to, not both")
    if day:
        period = Period.day(day)
    elif first and last:
        try:
            period = Period(first, last)
        except ValueError as exc:
            raise click.UsageError(str(exc)) from None
    else:
        raise click.UsageError("give --date, or both --from and --to")
    names = [edition] if edition else list(settings.edition_names)
    codes = []
    for name in names:
        chosen_edition = settings.for_edition(name).edition
        label = f"{chosen_edition.name} " if chosen_edition else ""
        reports = generate(settings, period, editions=[name], digest=digest, jobs=jobs, force=force, keep=keep,
                           formats=chosen, trigger=MANUAL)
        alone = len(names) == 1 and (period.is_single_day or digest)
        codes += [_tell(report, label, alone) for report in reports]
    return max(codes)


def _tell(report: RunReport, label: str, alone: bool) -> int:
    """One line per briefing: made (and mailed), already made, held elsewhere, or failed."""
    where = f"{label}{report.period.slug}"
    if report.outcome == ALREADY_DONE:
        click.echo(f"{where}: already generated ({report.error}); use --force to make it again")
        return 0
    if report.outcome == SKIPPED:
        held = LockHeld(f"{where}: another run is generating this briefing: {report.error}")
        if alone:
            raise held
        click.echo(f"briefing: error: {held}", err=True)
        return held.exit_code
    if report.outcome == FAILED and report.out_dir is None:
        click.echo(f"briefing: error: {where}: {report.error}", err=True)
        return 1
    if report.remade_because:
        click.echo(f"{where}: made again: {report.remade_because}")
    from briefing.composition.wording import plural

    click.echo(f"{where}: {plural(report.article_count, 'article')} -> {report.out_dir}")
    if report.not_mailed_because:
        click.echo(f"{where}: {report.not_mailed_because}")
    echo_deliveries(report)
    return 0 if report.outcome == OK else 1
