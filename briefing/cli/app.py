"""The Click group and what every command shares: ``--config`` and error reporting."""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import click

from briefing.config import Settings, load_settings

DEFAULT_CONFIG = "config.yaml"


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="briefing")
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


def with_settings(command):
    """Add ``--config PATH`` to a command and pass it the loaded ``Settings`` as ``settings``."""

    @click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False, path_type=Path),
        envvar="BRIEFING_CONFIG",
        default=None,
        help=f"Configuration file (default: ./{DEFAULT_CONFIG} when present, else built-in defaults).",
    )
    @functools.wraps(command)
    def wrapper(*args, config_path: Path | None, **kwargs):
        if config_path is None and Path(DEFAULT_CONFIG).is_file():
            config_path = Path(DEFAULT_CONFIG)
        settings: Settings = load_settings(config_path)
        kwargs = {key: _resolve_day(value, settings) for key, value in kwargs.items()}
        return command(*args, settings=settings, **kwargs)

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
        try:
            return date.fromisoformat(value)
        except ValueError as exc:
            if len(value) == 10 and value[4] == value[7] == "-":  # the right form, a day that does not exist
                self.fail(f"invalid date {value!r}: {exc}", param, ctx)
            self.fail(f"expected a date as YYYY-MM-DD, 'today' or 'yesterday', got {value!r}", param, ctx)


DAY = DayType()
