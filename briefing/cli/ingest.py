"""``briefing ingest``: take article files and folders into the store."""

from __future__ import annotations

from pathlib import Path

import click

from briefing.cli.app import cli, with_settings
from briefing.ingest import ingest_paths
from briefing.pipeline import open_store
from briefing.readers import find_article_files

#: show a progress bar from this many files on
PROGRESS_FROM = 50


@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@with_settings
def ingest_command(paths: tuple[Path, ...], settings) -> int:
    """Take article files and folders (recursively) into the store.

    The same article taken in twice is stored once. A file that cannot be read
    is set aside with its reason and the others go on; the exit code is 1 when
    any file was rejected.

    \b
    Example:
      briefing ingest ../shared/seeds/000_27d7ee679e7a8f07.txt samples/articles
    """
    total = sum(1 for _ in find_article_files(paths))
    with open_store(settings) as store:
        if total >= PROGRESS_FROM:
            with click.progressbar(length=total, label="Reading articles", file=click.get_text_stream("stderr")) as bar:
                report = ingest_paths(store, paths, max_bytes=settings.articles.max_file_bytes, progress=bar.update)
        else:
            report = ingest_paths(store, paths, max_bytes=settings.articles.max_file_bytes)
    for origin, reason in report.rejected:
        click.echo(f"rejected: {origin}: {reason}", err=True)
    click.echo(report.summary)
    return 1 if report.rejected else 0
