"""``briefing store migrate|check|copy``: the store's schema, its health, and moving it to another database."""

from __future__ import annotations

import click

from briefing.cli.app import cli, with_settings
from briefing.errors import StoreError

# The store (SQLAlchemy, Alembic) is imported by each command, not by `--help`.


@cli.group("store")
def store_group() -> None:
    """Look after the article store: its schema, and moving it to PostgreSQL.

    The store is the SQLite file of store.path, or the database of store.url
    (e.g. postgresql+psycopg://briefing@db.example/briefing) when that is set.

    \b
    Examples:
      briefing store migrate
      briefing store check
      briefing store copy --to postgresql+psycopg://briefing@db.example/briefing
    """


@store_group.command("migrate")
@with_settings
def migrate_command(settings) -> None:
    """Bring the store's schema up to date (briefing also does it whenever it opens the store).

    Run it once after an upgrade, before starting the schedulers, so that no
    run waits for the migration.

    \b
    Example:
      briefing store migrate --config /etc/briefing/config.yaml
    """
    from briefing.store import Store

    with Store(settings.store_url) as store:
        before, after = store.migrated
        where = store.where
    if before == after:
        click.echo(f"{where}: schema {after}, the newest; nothing to do")
    else:
        click.echo(f"{where}: schema {before or 'none (a new store)'} -> {after}")


@store_group.command("copy")
@click.option("--to", "target_url", required=True, metavar="URL",
              help="The database to copy into, e.g. postgresql+psycopg://user@host/db; it must be empty.")
@with_settings
def copy_command(target_url: str, settings) -> None:
    """Copy every article, extraction and run of the configured store into another, empty one.

    Nothing is changed in the configured store. The copy is one transaction:
    it is all there or not at all, and each table is counted on both sides.
    Then set store.url in the configuration to the new database.

    \b
    Example:
      briefing store copy --to postgresql+psycopg://briefing@db.example/briefing
    """
    from briefing.store import Store
    from briefing.store.copy import copy_store

    with Store(settings.store_url) as source, Store(target_url) as target:
        counts = copy_store(source, target)
        where = target.where
    for table, rows in counts.items():
        click.echo(f"{table:<14} {rows:>9} rows")
    click.echo(f"copied into {where}; to use it, set store.url in the configuration", err=True)


@store_group.command("check")
@with_settings
def check_command(settings) -> int:
    """Read the whole store looking for damage (SQLite: quick_check and the search index's own check).

    Exits 1 and lists the problems when there are any. Opening the store
    already refuses an empty or non-SQLite file; this reads every page.

    \b
    Example:
      briefing store check
    """
    from briefing.readers.vetting import DateWindow
    from briefing.store import Store
    from briefing.store.health import CHECK_HINT

    try:
        with Store(settings.store_url) as store:
            problems = store.check(DateWindow.configured(settings.articles).bounds())
            count = store.count_articles() if not problems else 0
            where = store.where
    except StoreError as exc:  # so damaged it cannot be opened
        click.echo(f"{exc}".replace(f"; {CHECK_HINT}", ""), err=True)
        return 1
    if problems:
        for problem in problems:
            click.echo(f"{where}: {problem}", err=True)
        click.echo(f"{where}: damaged ({len(problems)} problem{'s' if len(problems) != 1 else ''}); "
                   "restore it from a backup", err=True)
        return 1
    click.echo(f"{where}: no damage found ({count:,} article{'s' if count != 1 else ''})")
    return 0

