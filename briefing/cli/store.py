"""``briefing store init|migrate|check|copy``: a new store, its schema, its health, and moving it to another database."""

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
      briefing store init
      briefing store migrate
      briefing store check
      briefing store copy --to postgresql+psycopg://briefing@db.example/briefing
    """


@store_group.command("init")
@with_settings
def init_command(settings) -> None:
    """Start a new, empty store, deliberately (other commands refuse to when briefings were made before).

    A first run makes the store by itself. But when the store file is missing
    while the output folder holds briefings (the file was deleted, or
    store.path is wrong after a move), every command refuses to make a new
    one: it would know nothing of those briefings and make and e-mail those
    days again. Restore the file if you can; this starts afresh instead. An
    existing store is left as it is.

    \b
    Example:
      briefing store init
    """
    from briefing.output import briefings_made
    from briefing.store import Store
    from briefing.store_guard import briefings, missing_file

    new = missing_file(settings.store_url) is not None
    with Store(settings.store_url) as store:  # the deliberate way: made whatever the output folder holds
        new = new or store.migrated[0] is None
        count, where = store.count_articles(), store.where
    if not new:
        click.echo(f"{where}: the store exists already ({count:,} article{'s' if count != 1 else ''}); "
                   "nothing done")
        return
    click.echo(f"{where}: a new, empty store")
    made = briefings_made(settings.output_root)
    if made:
        click.echo(f"note: the output folder {settings.output_root} holds {briefings(made)} made without this "
                   "store: generating one of those days again makes it anew (and e-mails it, with email.enabled)",
                   err=True)


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
    from briefing.store_guard import open_store

    with open_store(settings) as store:
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
    from briefing.store_guard import open_store

    # The target is named on the command line: making it there is deliberate.
    with open_store(settings, create=False) as source, Store(target_url) as target:
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
    from briefing.store_guard import check_present

    check_present(settings, create=False)  # a missing store is not an undamaged empty one
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

