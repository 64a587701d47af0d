"""``briefing generate``: the briefing for a day, each day of a range, or a digest of a range."""

from __future__ import annotations

from datetime import date

import click

from briefing.cli.app import DAY, cli, with_settings
from briefing.cli.schedule import echo_deliveries
from briefing.cli.templates import user_templates_option
from briefing.config import FORMATS
from briefing.errors import LockHeld
from briefing.runs import MANUAL, OK, SKIPPED, run_briefing
from briefing.selection import Period
from briefing.store.runs import ALREADY_DONE


def _formats(value: str | None) -> tuple[str, ...] | None:
    if not value:
        return None
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
@click.option("--edition", "edition", metavar="NAME", help="Only this edition (default: every configured edition).")
@click.option("--appendix", is_flag=True, help="Also write articles.html: every article of the period by section.")
@with_settings
@user_templates_option
def generate_command(
    day: date | None, first: date | None, last: date | None, digest: bool, formats: str | None, jobs, force: bool,
    edition: str | None, settings, appendix: bool = False,
) -> int:
    """Generate the briefing for a day (or a range) into the output folder.

    New or changed files in the configured article folder are taken in first.
    A day is a calendar day in the configured time zone.

    A day or a digest is made once: it is recorded in the run history
    (`briefing runs`), generating it again does nothing unless --force, and a
    run already making it elsewhere (the scheduler) is left to finish (exit
    code 3). When email.enabled is on, it is e-mailed to the recipients who
    have not had it.

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
    chosen = _formats(formats)
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
    chosen_editions = [settings.for_edition(name) for name in ([edition] if edition else settings.edition_names)]
    codes = []
    for edition_settings in chosen_editions:
        if period.is_single_day or digest:
            codes.append(_generate_once(edition_settings, period, chosen, force, alone=len(chosen_editions) == 1))
        else:
            codes.append(_generate_each_day(edition_settings, period, chosen, jobs))
    return max(codes)


def _label(settings) -> str:
    """What starts an edition's lines: its name, or nothing for the default edition."""
    return f"{settings.edition.name} " if settings.edition else ""


def _generate_each_day(settings, period: Period, formats: tuple[str, ...] | None, jobs: int | None) -> int:
    from briefing.pipeline import generate_days  # imported here: it loads the renderers

    failed = 0
    for outcome in generate_days(settings, period, formats=formats, jobs=jobs):
        if outcome.result:
            click.echo(f"{_label(settings)}{outcome.day}: {outcome.result.article_count} articles -> "
                       f"{outcome.result.out_dir}")
        else:
            failed += 1
            click.echo(f"briefing: error: {_label(settings)}{outcome.day}: {outcome.error}", err=True)
    return 1 if failed else 0


def _generate_once(settings, period: Period, formats: tuple[str, ...] | None, force: bool, alone: bool) -> int:
    """One day or digest through the run wrapper: recorded, made once, e-mailed when e-mail is on."""
    report = run_briefing(settings, period, trigger=MANUAL, force=force, formats=formats)
    where = f"{_label(settings)}{period.slug}"
    if report.outcome == ALREADY_DONE:
        click.echo(f"{where}: already generated ({report.error}); use --force to make it again")
        return 0
    if report.outcome == SKIPPED:
        held = LockHeld(f"{where}: another run is generating this briefing: {report.error}")
        if alone:
            raise held
        click.echo(f"briefing: error: {held}", err=True)
        return held.exit_code
    click.echo(f"{where}: {report.article_count} articles -> {report.out_dir}")
    echo_deliveries(report)
    return 0 if report.outcome == OK else 1
