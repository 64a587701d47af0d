"""``briefing articles list|show`` and ``briefing search``: look into the store."""

from __future__ import annotations

from datetime import date

import click

from briefing.cli.app import DAY, cli, with_settings
from briefing.enrich import with_current_extractions
from briefing.errors import BriefingError
from briefing.models import StoredArticle
from briefing.selection import Period
from briefing.store import Store


@cli.group("articles")
def articles_group() -> None:
    """List and show stored articles.

    \b
    Examples:
      briefing articles list --date 2026-02-03
      briefing articles show 12
    """


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
    if day:
        period = Period.day(day)
    elif first and last:
        period = Period(first, last)
    else:
        raise click.UsageError("give --date, or both --from and --to")
    with Store(settings.store_url) as store:
        found = store.articles_between(*period.window(settings.zone))
    for stored in found:
        click.echo(_line(stored, settings.zone))
    click.echo(f"{len(found)} article(s)", err=True)


@articles_group.command("show")
@click.argument("article_id", type=int)
@with_settings
def show_command(article_id: int, settings) -> None:
    """Show one stored article in full, with its extracted figures and quotes.

    \b
    Example:
      briefing articles show 12
    """
    with Store(settings.store_url) as store:
        stored = store.get_article(article_id)
        if stored is None:
            raise BriefingError(f"article {article_id}: no such article in {store.where}")
        (stored,) = with_current_extractions(store, [stored])
    article = stored.article
    click.secho(article.title, bold=True)
    local = article.published.astimezone(settings.zone)
    assumed = " (time assumed: the source gave none)" if article.published_assumed else ""
    click.echo(f"{local:%Y-%m-%d %H:%M %Z}{assumed} · {article.section or 'no section'} · {article.origin}")
    if article.sources or article.author:
        click.echo(f"Sources: {', '.join(article.sources) or '-'} · Author: {article.author or '-'}")
    for paragraph in (article.lead, *article.body):
        click.echo("")
        click.echo(paragraph)
    if article.caption:
        click.echo(f"\nCaption: {article.caption} {article.caption_credit}".rstrip())
    if stored.extraction:
        click.echo("")
        for figure in stored.extraction.figures:
            click.echo(f"figure: {figure.text} = {figure.value:g} {figure.unit}")
        for quote in stored.extraction.quotes:
            click.echo(f"quote: “{quote.text}” — {quote.speaker or 'unattributed'}")


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
    with Store(settings.store_url) as store:
        found = store.search(query, limit=limit)
    for stored in found:
        click.echo(_line(stored, settings.zone))
    click.echo(f"{len(found)} match(es)", err=True)


def _line(stored: StoredArticle, zone) -> str:
    article = stored.article
    return f"{stored.id:>6}  {article.published.astimezone(zone):%Y-%m-%d %H:%M}  {article.title}"
