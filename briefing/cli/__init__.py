"""The command line: a thin layer over the library.

Each command group lives in its own module and attaches itself to ``cli``.
``main`` is the console script: it turns the library's ``BriefingError`` into
one line on stderr and an exit code, and nothing else does.
"""

from __future__ import annotations

import sys

import click

from briefing.cli import articles as _articles  # noqa: F401
from briefing.cli import explain as _explain  # noqa: F401
from briefing.cli import extract as _extract  # noqa: F401
from briefing.cli import generate as _generate  # noqa: F401
from briefing.cli import ingest as _ingest  # noqa: F401
from briefing.cli import preview as _preview  # noqa: F401
from briefing.cli import schedule as _schedule  # noqa: F401
from briefing.cli import store as _store  # noqa: F401
from briefing.cli import templates as _templates  # noqa: F401
from briefing.cli.app import cli
from briefing.errors import BriefingError

__all__ = ["cli", "main"]


def main(argv: list[str] | None = None) -> int:
    try:
        result = cli.main(args=argv, prog_name="briefing", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except BriefingError as exc:
        click.echo(f"briefing: error: {exc}", err=True)
        return exc.exit_code
    # In non-standalone mode Click returns ctx.exit()'s code, or the command's return value.
    return result if isinstance(result, int) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
