"""``briefing extract``: figures and quotes of article files, without touching the store."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import click

from briefing.cli.app import cli, with_settings

log = logging.getLogger(__name__)


@cli.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object, as ../shared/spec/extraction.md says.")
@with_settings
def extract_command(paths: tuple[Path, ...], as_json: bool, settings) -> int:
    """Print the key figures and quotes of article files.

    Reads the files directly (nothing is stored). A file that cannot be read
    is reported on stderr and the others are still printed; the exit code is
    1 when any file failed.

    \b
    Example:
      briefing extract --json ../shared/seeds/000_27d7ee679e7a8f07.txt
    """
    from briefing.errors import ReaderError
    from briefing.readers import find_article_files, read_file

    results, failed = [], 0
    for path in find_article_files(paths):
        try:
            articles = read_file(path, max_bytes=settings.articles.max_file_bytes)
        except ReaderError as exc:
            click.echo(f"briefing: error: {exc}", err=True)
            failed += 1
            continue
        for article in articles:
            results.append(_article_result(str(path), article))
    if as_json:
        click.echo(json.dumps({"articles": results}, ensure_ascii=False, indent=1))
    else:
        for item in results:
            _echo_text(item)
    return 1 if failed else 0


def _article_result(path: str, article) -> dict:
    from briefing.extraction import extract

    extraction = extract(article)
    return {
        "file": path,
        "title": article.title,
        "published": article.published.isoformat(),
        "figures": [figure.to_json() for figure in extraction.figures],
        "quotes": [quote.to_json() for quote in extraction.quotes],
    }


def _echo_text(item: dict) -> None:
    click.secho(item["title"], bold=True)
    click.echo(f"  {item['published']}  {item['file']}")
    for figure in item["figures"]:
        qualifier = f"{figure['qualifier']} " if figure["qualifier"] else ""
        click.echo(f"  figure: {qualifier}{figure['value']:g} {figure['unit']}  ({figure['text']})")
    for quote in item["quotes"]:
        kind = "partial" if quote["partial"] else "quote"
        click.echo(f"  {kind}: “{quote['text']}” — {quote['speaker'] or 'unattributed'}")

