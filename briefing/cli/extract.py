"""``briefing extract``: figures and quotes of article files, without touching the store."""

from __future__ import annotations

import logging
from pathlib import Path

import click

from briefing.cli.app import amount, cli, with_settings

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

    outcomes = extract_files(list(paths), max_bytes=settings.articles.max_file_bytes, as_json=as_json)
    failed = 0
    if as_json:
        failed = _print_json(outcomes)
    else:
        for outcome in outcomes:
            failed += _report(outcome)
            for item in outcome.articles:
                _echo_text(item)
    return 1 if failed else 0


def _report(outcome) -> int:
    """1 (after saying why on stderr) when the file could not be read, else 0."""
    if not outcome.error:
        return 0
    click.echo(f"briefing: error: {outcome.error}", err=True)
    return 1


#: characters of JSON gathered before they are printed: a few writes, not one per file, nor all at the end
PRINT_EVERY = 1 << 20


def _print_json(outcomes) -> int:
    """``{"articles": [...]}``, one article per line, printed as the files are done (memory stays flat
    however many files); returns how many files failed."""
    failed, started, pending, size = 0, False, [], 0
    click.echo('{"articles": [', nl=False)
    for outcome in outcomes:
        failed += _report(outcome)
        pending += outcome.json
        size += sum(map(len, outcome.json))
        if size >= PRINT_EVERY:
            started, pending, size = _print_lines(pending, started), [], 0
    click.echo("\n]}" if _print_lines(pending, started) else "]}")
    return failed


def _print_lines(lines: list[str], started: bool) -> bool:
    """Print articles' JSON lines, after a comma when some were printed before; whether any were, now."""
    if lines:
        click.echo(("," if started else "") + "\n" + ",\n".join(lines), nl=False)
    return started or bool(lines)


def _echo_text(item: dict) -> None:
    click.secho(item["title"], bold=True)
    click.echo(f"  {item['published']}  {item['file']}")
    for figure in item["figures"]:
        qualifier = f"{figure['qualifier']} " if figure["qualifier"] else ""
        click.echo(f"  figure: {qualifier}{amount(figure['value'])} {figure['unit']}  ({figure['text']})")
    for quote in item["quotes"]:
        kind = "partial" if quote["partial"] else "quote"
        click.echo(f"  {kind}: “{quote['text']}” — {quote['speaker'] or 'unattributed'}")

