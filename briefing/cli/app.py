"""The Click group and what every command shares: ``--config`` and error reporting.

Start-up is kept light: ``briefing --help`` and ``--version`` import no
command module, and a command's module (with SQLAlchemy, WeasyPrint and the
rest behind it) is imported only when that command is asked for. ``COMMANDS``
names the module of each command and the first line of its help, for the
list ``briefing --help`` prints; ``tests/test_startup.py`` keeps it in step
with the commands themselves.
"""

from __future__ import annotations

import functools
import importlib
import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import click

from briefing import __version__
from briefing.local_zone import set_local_zone

if TYPE_CHECKING:
    from briefing.config import Settings

DEFAULT_CONFIG = "config.yaml"

#: command -> (the module of briefing.cli that defines it, the first paragraph of its help)
COMMANDS: dict[str, tuple[str, str]] = {
    "articles": ("articles", "List and show stored articles."),
    "deliver": ("schedule", "E-mail a briefing already generated, again."),
    "explain": ("explain", "Show how the day's stories are ranked: each one's score and why."),
    "extract": ("extract", "Print the key figures and quotes of article files."),
    "generate": ("generate", "Generate the briefing for a day (or a range) into the output folder."),
    "ingest": ("ingest", "Take article files, folders (recursively) and feed or page URLs into the store."),
    "preview": ("preview", "Serve the briefing on http://127.0.0.1:PORT/, reloading as you save templates."),
    "runs": ("schedule", "List the latest runs, newest first, with their deliveries."),
    "schedule": ("schedule", "Generate the daily briefing (each edition's) at the configured time, until stopped."),
    "search": ("articles", "Full-text search of the stored articles, best match first."),
    "store": ("store", "Look after the article store: its schema, and moving it to PostgreSQL."),
    "templates": ("templates", "Start, check and look into the templates the briefing is rendered with."),
}


class LazyGroup(click.Group):
    """A group whose commands' modules are imported when a command is asked for, not before."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(COMMANDS) | set(self.commands))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and name in COMMANDS:
            importlib.import_module(f"briefing.cli.{COMMANDS[name][0]}")  # registers its commands
        return self.commands.get(name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The list of commands, from ``COMMANDS`` for those not imported (no import for ``--help``)."""
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = []
        for name in names:
            command = self.commands.get(name)
            if command is None and name in COMMANDS:
                rows.append((name, click.Command(name, help=COMMANDS[name][1]).get_short_help_str(limit)))
            elif command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)


#: libraries whose INFO lines (the store's migration plugins, each step of a PDF) would bury briefing's own
#: under ``-v``; their warnings and errors still show
LIBRARIES_HEARD_ONLY_ON_WARNINGS = ("alembic", "weasyprint", "fontTools", "apscheduler")


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(version=__version__, package_name="briefing")
@click.option("-v", "--verbose", is_flag=True, help="Log what happens, step by step, to stderr.")
def cli(verbose: bool) -> None:
    """Turn a newsroom's stored articles into a daily briefing.

    \b
    Example:
      briefing generate --date 2026-02-03
    """
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    for library in LIBRARIES_HEARD_ONLY_ON_WARNINGS:  # their step-by-step is not briefing's
        logging.getLogger(library).setLevel(logging.WARNING)


def amount(value: float) -> str:
    """A figure's value as a person reads it: `1,000,000`, `0.41`, never `1e+06`."""
    return f"{value:,.15g}"


def with_settings(command):
    """Add ``--config PATH`` to a command and pass it the loaded ``Settings`` as ``settings``."""

    @click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False, path_type=Path),
        envvar="BRIEFING_CONFIG",
        default=None,
        help=f"Configuration file (default: $BRIEFING_CONFIG, else ./{DEFAULT_CONFIG} when present, "
             "else built-in defaults).",
    )
    @functools.wraps(command)
    def wrapper(*args, config_path: Path | None, **kwargs):
        from briefing.config import load_settings

        if config_path is None and Path(DEFAULT_CONFIG).is_file():
            config_path = Path(DEFAULT_CONFIG)
        settings = load_settings(config_path)
        kwargs = {key: _resolve_day(value, settings) for key, value in kwargs.items()}
        before = set_local_zone(settings.zone)  # a time an article gives without a zone is in the configured one
        try:
            return command(*args, settings=settings, **kwargs)
        finally:
            set_local_zone(before)  # for the next command run in this process (the tests run many)

    return wrapper


@dataclass(frozen=True)
class RelativeDay:
    """``today`` or ``yesterday``: resolved once the configured time zone is known."""

    days_back: int

    def in_zone(self, settings: Settings) -> date:
        return datetime.now(settings.zone).date() - timedelta(days=self.days_back)


def _resolve_day(value, settings: Settings):
    return value.in_zone(settings) if isinstance(value, RelativeDay) else value


class DayType(click.ParamType):
    """A date on the command line: YYYY-MM-DD, ``today`` or ``yesterday`` (in the configured zone)."""

    name = "DATE"
    WORDS = {"today": RelativeDay(0), "yesterday": RelativeDay(1)}

    def convert(self, value, param, ctx):
        if isinstance(value, date | RelativeDay):
            return value
        if value in self.WORDS:
            return self.WORDS[value]
        from briefing.dates import parse_day

        try:
            return parse_day(value)
        except ValueError as exc:
            if str(exc).startswith("expected"):  # not the form of a date at all
                self.fail(f"expected a date as YYYY-MM-DD, 'today' or 'yesterday', got {value!r}", param, ctx)
            self.fail(str(exc), param, ctx)  # the right form, a day that does not exist: which and why


DAY = DayType()
