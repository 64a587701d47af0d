"""Start-up: `briefing --help` and `--version` import no command module (issue 14).

A command's module, and SQLAlchemy, WeasyPrint, pydantic, Jinja2 and the rest
behind it, are imported only when that command runs. The times themselves are
in benchmarks/startup.py (no timed tests); these tests check the cause: what
gets imported. They run the command in a fresh interpreter, as a user would.
"""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys

import click
import pytest

import briefing.cli
from briefing.cli.app import COMMANDS, cli

#: what no `--help` or `--version` should import
HEAVY = ("sqlalchemy", "alembic", "weasyprint", "pydantic", "jinja2", "yaml", "trafilatura", "lxml", "feedparser",
         "apscheduler", "httpx", "psycopg", "css_inline", "markdown", "briefing.store", "briefing.readers",
         "briefing.extraction", "briefing.rendering", "briefing.config")
PROBE = """
import sys
from briefing.cli import main
code = main({argv!r})
heavy = sorted({{name.split('.')[0] if not name.startswith('briefing.') else '.'.join(name.split('.')[:2])
                for name in sys.modules}} & set({heavy!r}))
print('HEAVY', ' '.join(heavy))
sys.exit(code)
"""


def imported_after(*argv: str) -> tuple[int, str, list[str]]:
    probe = PROBE.format(argv=list(argv), heavy=HEAVY)
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False)
    heavy = done.stdout.rsplit("HEAVY", 1)[1].split()
    return done.returncode, done.stdout, heavy


@pytest.mark.parametrize("argv", [["--help"], ["--version"], *([name, "--help"] for name in sorted(COMMANDS)),
                                  ["articles", "list", "--help"], ["store", "check", "--help"]])
def test_help_and_version_import_nothing_heavy(argv):
    code, out, heavy = imported_after(*argv)
    assert code == 0
    assert heavy == []
    assert "Usage: briefing" in out or "briefing, version" in out


def test_the_top_level_help_lists_every_command_with_its_own_summary():
    _code, out, _heavy = imported_after("--help")
    listed = out.split("Commands:\n", 1)[1].split("HEAVY")[0]
    assert [line.split()[0] for line in listed.splitlines() if line.startswith("  ")] == sorted(COMMANDS)
    assert "  extract    Print the key figures and quotes of article files.\n" in listed


def registered_commands() -> dict[str, click.Command]:
    for module in pkgutil.iter_modules(briefing.cli.__path__):
        importlib.import_module(f"briefing.cli.{module.name}")
    return dict(cli.commands)


def test_the_command_table_matches_the_commands_themselves():
    """A command added, moved or re-worded must be changed in app.COMMANDS too (this says which)."""
    actual = {name: (command.callback.__module__, command.get_short_help_str(10_000))
              for name, command in registered_commands().items()}
    expected = {name: (f"briefing.cli.{module}", click.Command(name, help=summary).get_short_help_str(10_000))
                for name, (module, summary) in COMMANDS.items()}
    assert actual == expected
