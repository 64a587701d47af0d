"""``briefing ingest``: take article files and folders into the store."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from briefing.cli.app import cli, with_settings

if TYPE_CHECKING:  # the store (SQLAlchemy) and the readers are imported by the command, not by `--help`
    from briefing.ingest import IngestReport
    from briefing.readers import DateWindow
    from briefing.store import Store

#: show a progress bar from this many files on
PROGRESS_FROM = 50


@cli.command("ingest")
@click.argument("sources", nargs=-1, required=True)
@click.option("--timeout", default=20.0, show_default=True,
              help="Seconds a URL may take, from the request to the last byte.")
@click.option("-v", "--verbose", is_flag=True, help="Also list each file skipped in a folder as not an article, and why.")
@with_settings
def ingest_command(sources: tuple[str, ...], timeout: float, verbose: bool, settings) -> int:
    """Take article files, folders (recursively) and feed or page URLs into the store.

    The same article taken in twice is stored once; one corrected in its file
    (headline, text, date) is updated, not added again. A file that cannot be read
    is set aside with its reason and the others go on; the exit code is 1 when
    any file was rejected. Files in a folder that are not articles (another
    extension, an empty or binary file) are counted as skipped (-v lists them).
    A URL fetched before is asked for only if it changed.

    \b
    Examples:
      briefing ingest ../shared/seeds/000_27d7ee679e7a8f07.txt samples/articles
      briefing ingest https://example.com/news/feed.xml
    """
    from briefing.ingest import ingest_urls
    from briefing.readers import DateWindow
    from briefing.readers.vetting import printable
    from briefing.store_guard import open_store

    urls = [s for s in sources if s.startswith(("http://", "https://"))]
    paths = [Path(s) for s in sources if s not in urls]
    for path in paths:
        if not path.exists():
            raise click.BadParameter(f"{path}: no such file or folder", param_hint="SOURCES")
    limit = settings.articles.max_file_bytes
    dates = DateWindow.configured(settings.articles)
    with open_store(settings) as store:
        report = _ingest_files(store, paths, limit, dates)
        if urls:
            ingest_urls(store, urls, timeout=timeout, max_bytes=limit, dates=dates, report=report)
    if verbose:
        for origin, reason in report.not_articles:
            click.echo(f"skipped: {printable(origin)}: {reason}", err=True)
    for origin, note in report.notes:
        click.echo(f"note: {printable(origin)}: {printable(note)}", err=True)
    for origin, reason in report.rejected:
        click.echo(f"rejected: {printable(origin)}: {printable(reason)}", err=True)
    click.echo(report.summary)
    return 1 if report.rejected else 0


def _ingest_files(store: Store, paths: list[Path], limit: int, dates: DateWindow) -> IngestReport:
    from briefing.ingest import ingest_paths
    from briefing.readers import find_article_files

    stderr = sys.stderr
    total = sum(1 for _ in find_article_files(paths)) if stderr.isatty() else 0
    if total < PROGRESS_FROM:  # a bar only where someone watches, and only when it is worth it
        return ingest_paths(store, paths, max_bytes=limit, dates=dates)
    with click.progressbar(length=total, label="Reading articles", file=stderr) as bar:
        return ingest_paths(store, paths, max_bytes=limit, dates=dates, progress=bar.update)

