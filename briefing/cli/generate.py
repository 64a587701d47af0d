"""``briefing generate``: the briefing for a day, each day of a range, or a digest of a range."""

from __future__ import annotations

from datetime import date

import click

from briefing.cli.app import DAY, cli, with_settings
from briefing.config import FORMATS
from briefing.selection import Period


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
@with_settings
def generate_command(
    day: date | None, first: date | None, last: date | None, digest: bool, formats: str | None, jobs, settings
) -> int:
    """Generate the briefing for a day (or a range) into the output folder.

    New or changed files in the configured article folder are taken in first.
    A day is a calendar day in the configured time zone.

    \b
    Examples:
      briefing generate --date 2026-02-03
      briefing generate --from 2026-02-01 --to 2026-02-07
      briefing generate --from 2026-02-01 --to 2026-02-07 --digest --formats md,pdf
    """
    from briefing.pipeline import generate, generate_days  # imported here: it loads the renderers

    chosen = _formats(formats)
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
    if period.is_single_day or digest:
        result = generate(settings, period, formats=chosen)
        click.echo(f"{period.slug}: {result.article_count} articles -> {result.out_dir}")
        return 0
    failed = 0
    for outcome in generate_days(settings, period, formats=chosen, jobs=jobs):
        if outcome.result:
            click.echo(f"{outcome.day}: {outcome.result.article_count} articles -> {outcome.result.out_dir}")
        else:
            failed += 1
            click.echo(f"briefing: error: {outcome.day}: {outcome.error}", err=True)
    return 1 if failed else 0
