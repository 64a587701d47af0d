"""``briefing articles list|show|delete`` and ``briefing search``: look into and tidy the store.

Article text is printed through ``printable``: a title carrying an ANSI or
OSC sequence (clear the screen, a fake hyperlink) shows as text, never acts.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from briefing.cli.app import DAY, amount, cli, with_settings
from briefing.errors import BriefingError
from briefing.selection import Period

if TYPE_CHECKING:  # the store (SQLAlchemy) and the readers are imported by the commands, not by `--help`
    from briefing.models import StoredArticle
    from briefing.store import Store


@cli.group("articles")
def articles_group() -> None:
    """List and show stored articles.

    \b
    Examples:
      briefing articles list --date 2026-02-03
      briefing articles show 12
      briefing articles delete 12 --dry-run
    """


def _period(day: date | None, first: date | None, last: date | None) -> Period | None:
    """The period the options name, or None when they name none."""
    if day:
        return Period.day(day)
    if first and last:
        try:
            return Period(first, last)
        except ValueError as exc:
            raise click.UsageError(str(exc)) from None
    if first or last:
        raise click.UsageError("give both --from and --to")
    return None


@articles_group.command("list")
@click.option("--date", "day", type=DAY, help="Articles of this day (in the configured zone).")
@click.option("--from", "first", type=DAY, help="First day of a range.")
@click.option("--to", "last", type=DAY, help="Last day of a range, inclusive.")
@with_settings
def list_command(day: date | None, first: date | None, last: date | None, settings) -> None:
    """List stored articles of a day or a range, oldest first.

    \b
    Example:
      briefing articles list --from 2026-02-01 --to 2026-02-07
    """
    from briefing.store_guard import open_store

    period = _period(day, first, last)
    if period is None:
        raise click.UsageError("give --date, or both --from and --to")
    with open_store(settings, create=False) as store:
        found = store.articles_between(*period.window(settings.zone))
    for stored in found:
        _say(_line(stored, settings.zone))
    click.echo(_count(len(found)), err=True)


@articles_group.command("show")
@click.argument("article_id", type=int)
@with_settings
def show_command(article_id: int, settings) -> None:
    """Show one stored article in full, with its extracted figures and quotes.

    \b
    Example:
      briefing articles show 12
    """
    from briefing.enrich import with_current_extractions
    from briefing.readers.vetting import printable
    from briefing.store_guard import open_store

    with open_store(settings, create=False) as store:
        stored = store.get_article(article_id)
        if stored is None:
            raise BriefingError(f"article {article_id}: no such article in {store.where}")
        (stored,) = with_current_extractions(store, [stored])
    article = stored.article
    click.secho(printable(article.title), bold=True)
    local = _local(article.published, settings.zone)
    assumed = " (time assumed: the source gave none)" if article.published_assumed else ""
    _say(f"{local:%Y-%m-%d %H:%M %Z}{assumed} · {article.section or 'no section'} · {article.origin}")
    if article.sources or article.author:
        _say(f"Sources: {', '.join(article.sources) or '-'} · Author: {article.author or '-'}")
    for paragraph in (article.lead, *article.body):
        _say("")
        _say(paragraph)
    if article.caption:
        _say(f"\nCaption: {article.caption} {article.caption_credit}".rstrip())
    if stored.extraction:
        _say("")
        for figure in stored.extraction.figures:
            _say(f"figure: {figure.text} = {amount(figure.value)} {figure.unit}")
        for quote in stored.extraction.quotes:
            _say(f"quote: “{quote.text}” — {quote.speaker or 'unattributed'}")


@articles_group.command("delete")
@click.argument("article_ids", metavar="[ID]...", nargs=-1, type=int)
@click.option("--file", "files", multiple=True, type=click.Path(path_type=Path),
              help="The articles read from this file (repeatable); the file itself is left alone.")
@click.option("--date", "day", type=DAY, help="The articles of this day (in the configured zone).")
@click.option("--from", "first", type=DAY, help="First day of a range.")
@click.option("--to", "last", type=DAY, help="Last day of a range, inclusive.")
@click.option("--dry-run", is_flag=True, help="Only list what would be removed.")
@with_settings
def delete_command(article_ids: tuple[int, ...], files: tuple[Path, ...], day: date | None, first: date | None,
                   last: date | None, dry_run: bool, settings) -> int:
    """Remove articles from the store, with their extracted figures and quotes and their search entries.

    Name them by id, by the file they were read from, or by a day or range
    (the ways combine: every article named is removed). The file stays where
    it is: from the article folder it is not read again until it changes, but
    `briefing ingest` of that file takes its articles in again.

    \b
    Examples:
      briefing articles delete 12 13
      briefing articles delete --file samples/articles/ferry.json --dry-run
      briefing articles delete --from 2026-02-01 --to 2026-02-07
    """
    from briefing.store_guard import open_store

    period = _period(day, first, last)
    if not (article_ids or files or period):
        raise click.UsageError("name the articles: IDs, --file, --date, or --from and --to")
    with open_store(settings, create=False) as store:
        chosen = _chosen(store, article_ids, files, period, settings.zone)
        removed = 0 if dry_run else store.delete_articles(chosen)
        where = store.where
    for stored in chosen.values():
        _say(("would remove " if dry_run else "removed ") + _line(stored, settings.zone))
    if dry_run:
        click.echo(f"{_count(len(chosen))} would be removed from {where} (dry run: nothing removed)", err=True)
    else:
        click.echo(f"{_count(removed)} removed from {where}, with their figures, quotes and search entries",
                   err=True)
    missing = [article_id for article_id in article_ids if article_id not in chosen]
    if missing:
        click.echo(f"no such article: {', '.join(map(str, missing))}", err=True)
    return 1 if missing else 0


def _chosen(store: Store, article_ids, files, period: Period | None, zone) -> dict[int, StoredArticle]:
    """The articles the options name, by id."""
    chosen: dict[int, StoredArticle] = {}
    for article_id in article_ids:
        stored = store.get_article(article_id)
        if stored is not None:
            chosen[stored.id] = stored
    for path in files:
        found = store.articles_from(str(path), str(path.resolve()))
        if not found:
            click.echo(f"{path}: no stored article was read from this file", err=True)
        chosen.update((stored.id, stored) for stored in found)
    if period:
        chosen.update((stored.id, stored) for stored in store.articles_between(*period.window(zone)))
    return dict(sorted(chosen.items()))


def _count(number: int) -> str:
    return f"{number:,} article" if number == 1 else f"{number:,} articles"


@cli.command("search")
@click.argument("query")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1))
@with_settings
def search_command(query: str, limit: int, settings) -> None:
    """Full-text search of the stored articles, best match first.

    Every word must match; "exact phrases" and OR work on every store. On
    SQLite the query is FTS5's (NOT, prefix*); on PostgreSQL a web search's
    (-word leaves out articles with that word).

    \b
    Example:
      briefing search "ferry OR port"
    """
    from briefing.store.search import check_query
    from briefing.store_guard import open_store

    check_query(query)  # a query that cannot run is refused whatever the store holds, or whether it is there
    with open_store(settings, create=False) as store:
        found = store.search(query, limit=limit)
    for stored in found:
        _say(_line(stored, settings.zone))
    click.echo("1 match" if len(found) == 1 else f"{len(found):,} matches", err=True)


def _line(stored: StoredArticle, zone) -> str:
    article = stored.article
    return f"{stored.id:>6}  {_local(article.published, zone):%Y-%m-%d %H:%M}  {article.title}"


def _local(moment: datetime, zone) -> datetime:
    """``moment`` in the configured zone; at the calendar's ends, where that does not exist, as stored."""
    try:
        return moment.astimezone(zone)
    except OverflowError:
        return moment


def _say(text: str) -> None:
    """A line of stored text on stdout, its control characters removed (they would act on the terminal)."""
    from briefing.readers.vetting import printable

    click.echo(printable(text))
