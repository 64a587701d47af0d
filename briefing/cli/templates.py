"""``briefing templates init|check|context``: start, check and understand your own templates.

Also ``--templates DIR``, the option that puts a user's templates folder over
the defaults for one command (``generate``, ``preview``, ``templates check``).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import click

from briefing.cli.app import cli, with_settings

TEMPLATES_OPTION = click.option(
    "--templates",
    "user_templates",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Your templates folder, over the defaults file by file (default: templates.user_folder).",
)
#: the filter examples of ``briefing.rendering.filters``' docstring: "{{ value | name }}   result"
FILTER_EXAMPLE = re.compile(r"^\s*(\{\{.*?\|\s*\w+.*?\}\})\s{2,}(.+)$")


def user_templates_option(command):
    """Add ``--templates DIR`` to a command that takes ``settings`` (put it below ``@with_settings``)."""

    @TEMPLATES_OPTION
    @functools.wraps(command)
    def wrapper(*args, user_templates: Path | None, settings, **kwargs):
        return command(*args, settings=settings.with_user_templates(user_templates), **kwargs)

    return wrapper


@cli.group("templates")
def templates_group() -> None:
    """Start, check and look into the templates the briefing is rendered with.

    Your own folder (templates.user_folder, or --templates DIR) overrides the
    default templates file by file. See docs/templates.md.

    \b
    Examples:
      briefing templates init my-templates
      briefing templates check my-templates
      briefing templates context
    """


@templates_group.command("init")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite files that are already in FOLDER.")
@with_settings
def init_command(folder: Path, force: bool, settings) -> None:
    """Copy the default templates into FOLDER, to start your own from.

    Files already in FOLDER are not overwritten unless --force. Delete the
    copies you do not change: those keep following the defaults.

    \b
    Example:
      briefing templates init my-templates
    """
    from briefing.rendering.user_templates import copy_default_templates

    written = copy_default_templates(settings.templates_folder, folder, force=force)
    click.echo(f"Copied {len(written)} files from {settings.templates_folder} to {folder}:")
    for path in written:
        click.echo(f"  {path.relative_to(folder).as_posix()}")
    click.echo(f"Use them with --templates {folder}, or set templates.user_folder: {folder} in the configuration;")
    click.echo(f"watch your changes live with: briefing preview --templates {folder}")


@templates_group.command("check")
@click.argument("folder", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
@with_settings
@user_templates_option
def check_command(folder: Path | None, settings) -> int:
    """Render every template against sample briefings and report every problem.

    FOLDER (or --templates, or templates.user_folder) is your templates folder,
    put over the defaults. Each problem is printed as file:line: message; the
    exit code is 1 when there is one.

    \b
    Example:
      briefing templates check my-templates
    """
    from briefing.rendering.checks import CHECKED_FORMATS, check_templates

    report = check_templates(settings.with_user_templates(folder))
    for note in report.notes:
        click.echo(note)
    for problem in report.problems:
        click.echo(problem)
    folders = " over ".join(str(f) for f in report.folders)
    if report.ok:
        click.echo(f"All templates render: {report.renderings} renderings ({', '.join(CHECKED_FORMATS)} of a day, "
                   f"a digest and an empty day) from {folders}.")
        return 0
    count = len(report.problems)
    click.echo(f"{count} problem{'s' if count != 1 else ''} in {folders}.")
    return 1


@templates_group.command("context")
@with_settings
def context_command(settings) -> None:
    """List every variable a template can use, with its type and meaning, and the filters.

    \b
    Example:
      briefing templates context
    """
    from briefing.composition import describe_context
    from briefing.rendering import filters

    rows = describe_context()
    click.echo("Every template is given `briefing`; a name ending in [] is a list, read with {% for %}.\n")
    path_width = min(max(len(path) for path, _, _ in rows), 48)  # the few deeper paths push their line on
    type_width = min(max(len(kind) for _, kind, _ in rows), 20)
    for path, kind, description in rows:
        click.echo(f"{path:<{path_width}}  {kind:<{type_width}}  {description}")
    examples = [found.groups() for line in (filters.__doc__ or "").splitlines() if (found := FILTER_EXAMPLE.match(line))]
    if examples:
        click.echo("\nFilters:\n")
        width = max(len(example) for example, _ in examples)
        for example, result in examples:
            click.echo(f"{example:<{width}}  {result}")
