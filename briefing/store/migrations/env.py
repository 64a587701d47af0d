"""Alembic's entry point for the store's migrations.

briefing runs the migrations itself, on the connection it opened
(``briefing.store.migrate``): ``config.attributes["connection"]``. Run from
the command line (``alembic -c briefing/store/migrations/alembic.ini ...``,
to write a new revision), it connects to ``BRIEFING_STORE_URL``.
"""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import create_engine

from briefing.store.tables import metadata


def run_on(connection) -> None:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


given = context.config.attributes.get("connection")
if given is not None:
    run_on(given)
else:
    with create_engine(os.environ["BRIEFING_STORE_URL"]).begin() as opened:
        run_on(opened)
