"""Articles remember the file they were read from (``origin_key``) and their item's own id (``guid``).

A file read again is matched with the articles it gave before, so that a
corrected headline updates its article instead of adding a second one
(``briefing/store/corrections.py``). ``origin`` holds the path as it was
typed (relative or not); ``origin_key`` the same file absolute with links
resolved, as the ``files`` table has it. Existing rows are filled from
``origin``: URLs as they are, paths resolved now (a relative path against the
current folder, where ``briefing`` is run from). A path resolved wrongly only
means that file's next correction is added as before, not matched.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from briefing.store.rows import origin_key

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("articles", sa.Column("origin_key", sa.Text, nullable=False, server_default=""))
    op.add_column("articles", sa.Column("guid", sa.Text, nullable=False, server_default=""))
    _fill_origin_keys(op.get_bind())
    op.create_index("ix_articles_origin_key", "articles", ["origin_key"])


def _fill_origin_keys(connection: sa.Connection) -> None:
    """Each distinct origin resolved once, into a table of its own that one UPDATE then reads by key: a
    store holds far fewer files than articles, and ``origin`` has no index to update by."""
    origins = connection.execute(sa.text("SELECT DISTINCT origin FROM articles WHERE origin <> ''")).scalars().all()
    if not origins:
        return
    keys = op.create_table("origin_keys_0004", sa.Column("origin", sa.Text, primary_key=True),
                           sa.Column("key", sa.Text, nullable=False))
    op.bulk_insert(keys, [{"origin": origin, "key": origin_key(origin)} for origin in origins])
    connection.execute(sa.text("UPDATE articles SET origin_key = "
                               "(SELECT k.key FROM origin_keys_0004 k WHERE k.origin = articles.origin) "
                               "WHERE origin <> ''"))
    op.drop_table("origin_keys_0004")


def downgrade() -> None:
    op.drop_index("ix_articles_origin_key", "articles")
    op.drop_column("articles", "guid")
    op.drop_column("articles", "origin_key")
