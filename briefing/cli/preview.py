"""``briefing preview``: watch the briefing change while you edit its templates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from briefing.cli.app import DAY, cli, with_settings
from briefing.cli.templates import TEMPLATES_OPTION


@cli.command("preview")
@click.option("--date", "day", type=DAY, help="The day to show (default: the latest day with articles).")
@click.option(
    "--port", type=click.IntRange(0, 65535), help="Port on 127.0.0.1 (default: preview.port, 8765; 0: any free one)."
)
@TEMPLATES_OPTION
@with_settings
def preview_command(day: date | None, port: int | None, user_templates: Path | None, settings) -> None:
    """Serve the briefing on http://127.0.0.1:PORT/, reloading as you save templates.

    The page shows the day's briefing three ways side by side: the Markdown
    (as a reader's app shows it, and as source), the HTML e-mail in a 600 px
    frame and the PDF. Save a template, a stylesheet or the configuration and
    the page reloads within a second; a broken template shows its file, line
    and problem until you fix it. Only this machine can reach the server.

    \b
    Examples:
      briefing preview --templates my-templates
      briefing preview --date 2026-02-03 --port 8800
    """
    from briefing.preview import PreviewSession, open_server

    session = PreviewSession(settings, user_templates=user_templates, day=day)
    server = open_server(session, settings.preview.port if port is None else port)
    watched = ", ".join(str(path) for path in session.watched_paths())
    click.echo(f"Preview at {server.url} (Ctrl+C to stop)", nl=True)
    click.echo(f"Watching {watched}", err=True)
    try:
        server.serve_forever(poll_interval=0.25)
    except KeyboardInterrupt:
        click.echo("Preview stopped.", err=True)
    finally:
        server.server_close()
