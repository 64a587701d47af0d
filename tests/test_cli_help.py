"""Every command explains itself: `--help` works and shows an example."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from briefing.cli import cli


def all_commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name in group.list_commands(click.Context(group)):  # imports each command's module (they load lazily)
        command = group.get_command(click.Context(group), name)
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from all_commands(command, (*prefix, name))


COMMANDS = list(all_commands(cli))


def test_the_main_commands_exist():
    names = {" ".join(path) for path, _ in COMMANDS}
    assert {"ingest", "generate", "extract", "articles list", "articles show", "search"} <= names


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_help_shows_an_example(path, command):
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output, f"`briefing {' '.join(path)} --help` has no example"


def test_commands_that_read_settings_take_config():
    for path, command in COMMANDS:
        if isinstance(command, click.Group):
            continue
        options = {opt for param in command.params for opt in getattr(param, "opts", [])}
        assert "--config" in options, f"`briefing {' '.join(path)}` has no --config"
