"""The first schema: articles and their extractions, files read, rejections, fetched URLs,
the run history, deliveries and claims, and the full-text index of each engine.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from briefing.store.tables import UtcTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _text(name: str, default: str | None = "") -> sa.Column:
    if default is None:
        return sa.Column(name, sa.Text, nullable=False)
    return sa.Column(name, sa.Text, nullable=False, server_default=default)


def _articles() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("identity", sa.Text, nullable=False, unique=True),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        _text("title", None),
        sa.Column("published_utc", UtcTime, nullable=False),
        sa.Column("published_assumed", sa.Boolean, nullable=False, server_default=sa.false()),
        *(_text(name) for name in ("section", "source", "url", "author", "lead")),
        _text("body_json", "[]"),
        _text("caption"),
        _text("caption_credit"),
        _text("sources_json", "[]"),
        _text("origin"),
        sa.Column("language", sa.String(16), nullable=False, server_default="en"),
        sa.Column("ingested_at", UtcTime, nullable=False),
        sa.Column("updated_at", UtcTime, nullable=False),
    )
    op.create_index("ix_articles_published_utc", "articles", ["published_utc"])
    op.create_table(
        "extractions",
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True,
                  autoincrement=False),
        sa.Column("version", sa.String(64), nullable=False),
        _text("figures_json", None),
        _text("quotes_json", None),
        sa.Column("computed_at", UtcTime, nullable=False),
    )


def _inputs() -> None:
    op.create_table(
        "files",
        sa.Column("path", sa.Text, primary_key=True),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("mtime_ns", sa.BigInteger, nullable=False),
        sa.Column("read_at", UtcTime, nullable=False),
    )
    op.create_table(
        "rejected",
        sa.Column("id", sa.Integer, primary_key=True),
        _text("origin", None),
        _text("reason", None),
        sa.Column("rejected_at", UtcTime, nullable=False),
    )
    op.create_table(
        "fetched_urls",
        sa.Column("url", sa.Text, primary_key=True),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("fetched_at", UtcTime, nullable=False),
    )


def _runs() -> None:
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("edition", sa.String(100), nullable=False),
        sa.Column("period", sa.String(32), nullable=False),
        sa.Column("trigger_kind", sa.String(16), nullable=False),
        _text("owner", None),
        sa.Column("started_at", UtcTime, nullable=False),
        sa.Column("finished_at", UtcTime),
        sa.Column("outcome", sa.String(16), nullable=False, server_default="running"),
        _text("error"),
        _text("files_json", "{}"),
    )
    op.create_index("runs_period", "runs", ["edition", "period"])
    op.create_table(
        "deliveries",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id", ondelete="CASCADE"), nullable=False),
        _text("recipient", None),
        sa.Column("status", sa.String(16), nullable=False),
        _text("error"),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("at", UtcTime, nullable=False),
    )
    op.create_index("ix_deliveries_run_id", "deliveries", ["run_id"])
    op.create_table(
        "claims",
        sa.Column("edition", sa.String(100), nullable=False),
        sa.Column("period", sa.String(32), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        _text("owner", None),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id"), nullable=False),
        sa.Column("claimed_at", UtcTime, nullable=False),
        sa.Column("heartbeat_at", UtcTime, nullable=False),
        sa.PrimaryKeyConstraint("edition", "period"),
    )


SQLITE_FTS = [
    "CREATE VIRTUAL TABLE articles_fts USING fts5 (title, lead, body, content='articles', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, lead, body) VALUES (new.id, new.title, new.lead, new.body_json);
    END""",
    """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, lead, body)
        VALUES ('delete', old.id, old.title, old.lead, old.body_json);
    END""",
    """CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, lead, body_json ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, lead, body)
        VALUES ('delete', old.id, old.title, old.lead, old.body_json);
        INSERT INTO articles_fts (rowid, title, lead, body) VALUES (new.id, new.title, new.lead, new.body_json);
    END""",
]

# 'simple': no stemming and no stop words, like the SQLite index, and right for any language.
POSTGRESQL_FTS = [
    "ALTER TABLE articles ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', lead), 'B') || "
    "setweight(to_tsvector('simple', body_json), 'C')) STORED",
    "CREATE INDEX articles_search ON articles USING gin (search_vector)",
]

#: each engine's own full-text index
FULL_TEXT = {"sqlite": SQLITE_FTS, "postgresql": POSTGRESQL_FTS}


def upgrade() -> None:
    _articles()
    _inputs()
    _runs()
    for statement in FULL_TEXT[op.get_bind().dialect.name]:
        op.execute(statement)


def downgrade() -> None:
    for table in ("claims", "deliveries", "runs", "fetched_urls", "rejected", "files", "extractions"):
        op.drop_table(table)
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE articles_fts")
    op.drop_table("articles")
