"""``briefing ingest``: take article files and folders into the store."""

from __future__ import annotations

from pathlib import Path

import click

from briefing.cli.app import cli, with_settings
from briefing.ingest import IngestReport, ingest_paths, ingest_urls
from briefing.readers import find_article_files
from briefing.store import Store

#: show a progress bar from this many files on
PROGRESS_FROM = 50


@cli.command("ingest")
@click.argument("sources", nargs=-1, required=True)
@click.option("--timeout", default=20.0, show_default=True, help="Seconds to wait for a URL.")
@with_settings
def ingest_command(sources: tuple[str, ...], timeout: float, settings) -> int:
    """Take article files, folders (recursively) and feed or page URLs into the store.

    The same article taken in twice is stored once. A file that cannot be read
    is set aside with its reason and the others go on; the exit code is 1 when
    any file was rejected. A URL fetched before is asked for only if it changed.

    \b
    Examples:
      briefing ingest ../shared/seeds/000_27d7ee679e7a8f07.txt samples/articles
      briefing ingest https://example.com/news/feed.xml
    """
    urls = [s for s in sources if s.startswith(("http://", "https://"))]
    paths = [Path(s) for s in sources if s not in urls]
    for path in paths:
        if not path.exists():
            raise click.BadParameter(f"{path}: no such file or folder", param_hint="SOURCES")
    limit = settings.articles.max_file_bytes
    with Store(settings.store_url) as store:
        report = _ingest_files(store, paths, limit)
        if urls:
            ingest_urls(store, urls, timeout=timeout, max_bytes=limit, report=report)
    for origin, reason in report.rejected:
        click.echo(f"rejected: {origin}: {reason}", err=True)
    click.echo(report.summary)
    return 1 if report.rejected else 0


def _ingest_files(store: Store, paths: list[Path], limit: int) -> IngestReport:
    total = sum(1 for _ in find_article_files(paths))
    if total < PROGRESS_FROM:
        return ingest_paths(store, paths, max_bytes=limit)
    with click.progressbar(length=total, label="Reading articles", file=click.get_text_stream("stderr")) as bar:
        return ingest_paths(store, paths, max_bytes=limit, progress=bar.update)

