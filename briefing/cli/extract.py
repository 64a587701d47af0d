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

    Reads the files directly (nothing is stored), on every core when there
    are many. A file that cannot be read is reported on stderr and the others
    are still printed; the exit code is 1 when any file failed.

    \b
    Example:
      briefing extract --json ../shared/seeds/000_27d7ee679e7a8f07.txt
    """
    from briefing.extract_files import extract_files

    results, failed = [], 0
    for outcome in extract_files(list(paths), max_bytes=settings.articles.max_file_bytes):
        if outcome.error:
            click.echo(f"briefing: error: {outcome.error}", err=True)
            failed += 1
        results.extend(outcome.articles)
    if as_json:
        click.echo(articles_json(results))
    else:
        for item in results:
            _echo_text(item)
    return 1 if failed else 0


def articles_json(results: list[dict]) -> str:
    """``{"articles": [...]}`` with one article per line: readable, and made by json's C encoder
    (``indent`` would switch to the pure-Python one, as slow as the extraction itself)."""
    lines = ",\n".join(json.dumps(item, ensure_ascii=False) for item in results)
    return f'{{"articles": [\n{lines}\n]}}' if results else '{"articles": []}'


def _echo_text(item: dict) -> None:
    click.secho(item["title"], bold=True)
    click.echo(f"  {item['published']}  {item['file']}")
    for figure in item["figures"]:
        qualifier = f"{figure['qualifier']} " if figure["qualifier"] else ""
        click.echo(f"  figure: {qualifier}{figure['value']:g} {figure['unit']}  ({figure['text']})")
    for quote in item["quotes"]:
        kind = "partial" if quote["partial"] else "quote"
        click.echo(f"  {kind}: “{quote['text']}” — {quote['speaker'] or 'unattributed'}")

