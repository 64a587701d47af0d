"""``briefing explain``: each story of a day with its news-value score and the signals behind it."""

from __future__ import annotations

from datetime import date

import click

from briefing.cli.app import DAY, cli, with_settings
from briefing.selection import Period


@cli.command("explain")
@click.option("--date", "day", type=DAY, required=True, help="The day: YYYY-MM-DD, 'today' or 'yesterday'.")
@click.option("--edition", "edition", metavar="NAME", help="An edition's articles (default: the default edition).")
@with_settings
def explain_command(day: date, edition: str | None, settings) -> None:
    """Show how the day's stories are ranked: each one's score and why.

    Reads the store only (no file is taken in, nothing is written). Each
    story shows its rank, score, time and sources, then the signals that
    moved its score, strongest first. The weights are in docs/ranking.md and
    can be changed under `ranking: weights:` in config.yaml.

    \b
    Example:
      briefing explain --date 2026-02-03
    """
    from briefing.generation import compose_briefing  # imported here: the store, composition and the rest

    settings = settings.for_edition(edition)
    briefing, _ = compose_briefing(settings, Period.day(day))
    # every story of the day, shown in the briefing or not
    stories = sorted((story for group in briefing.all_stories for story in group.stories), key=lambda s: s.rank)
    click.echo(f"{briefing.masthead.edition_date}: {briefing.masthead.article_count} articles in {len(stories)} "
               "stories, ranked by news value "
               f"(weights: docs/ranking.md; top {len(briefing.top_stories)} are the top stories)")
    for story in stories:
        sources = ", ".join(story.sources) or story.source
        click.echo(f"{story.rank:>3}. {story.score:6.2f}  {story.headline}  [{story.time} · {sources} · "
                   f"{story.section}]")
        for reason in story.why:
            click.echo(f"         {reason}")
