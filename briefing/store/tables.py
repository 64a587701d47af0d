"""The store's tables, as SQLAlchemy Core sees them; the same on SQLite and PostgreSQL.

These describe the schema the migrations (``briefing/store/migrations/``)
build; queries are written against them. The full-text index is not here:
it differs by engine (an FTS5 table on SQLite, the ``article_search``
table on PostgreSQL, both filled by triggers) and only
``briefing/store/search.py`` touches it.

Times are aware datetimes in Python. On SQLite they are kept as ISO 8601
text in UTC (which sorts as time does); on PostgreSQL as ``timestamptz``.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)
from sqlalchemy.dialects.postgresql import TIMESTAMP
from sqlalchemy.types import TypeDecorator


class UtcTime(TypeDecorator):
    """An aware datetime, stored in UTC to the second: ISO text on SQLite, ``timestamptz`` elsewhere."""

    impl = String(32)
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "postgresql":
            return dialect.type_descriptor(TIMESTAMP(timezone=True))
        return dialect.type_descriptor(String(32))

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"times in the store must be timezone-aware: {value!r}")
        moment = value.astimezone(UTC).replace(microsecond=0)
        return moment if dialect.name == "postgresql" else moment.isoformat()

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
        return moment.astimezone(UTC)


metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("identity", Text, nullable=False, unique=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("title", Text, nullable=False),
    Column("published_utc", UtcTime, nullable=False, index=True),
    Column("published_assumed", Boolean, nullable=False, default=False),
    Column("section", Text, nullable=False, default=""),
    Column("source", Text, nullable=False, default=""),
    Column("url", Text, nullable=False, default=""),
    Column("author", Text, nullable=False, default=""),
    Column("lead", Text, nullable=False, default=""),
    Column("body_json", Text, nullable=False, default="[]"),
    Column("caption", Text, nullable=False, default=""),
    Column("caption_credit", Text, nullable=False, default=""),
    Column("sources_json", Text, nullable=False, default="[]"),
    Column("origin", Text, nullable=False, default=""),
    # The file (absolute, links resolved) or URL the article was last read from, however its path was
    # written; "" once it is no longer there. A file read again finds what it gave before by it (0004).
    Column("origin_key", Text, nullable=False, default="", index=True),
    Column("guid", Text, nullable=False, default=""),
    Column("language", String(16), nullable=False, default="en"),
    Column("ingested_at", UtcTime, nullable=False),
    Column("updated_at", UtcTime, nullable=False),
)

extractions = Table(
    "extractions",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True,
           autoincrement=False),
    Column("version", String(64), nullable=False),
    Column("figures_json", Text, nullable=False),
    Column("quotes_json", Text, nullable=False),
    Column("computed_at", UtcTime, nullable=False),
)

files = Table(
    "files",
    metadata,
    Column("path", Text, primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("mtime_ns", BigInteger, nullable=False),
    Column("read_at", UtcTime, nullable=False),
)

rejected = Table(
    "rejected",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("origin", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("rejected_at", UtcTime, nullable=False),
)

fetched_urls = Table(
    "fetched_urls",
    metadata,
    Column("url", Text, primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("fetched_at", UtcTime, nullable=False),
)

# -- the run history and the claims (the SQL is in briefing/store/runs.py) -------------------

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("edition", String(100), nullable=False),
    Column("period", String(32), nullable=False),
    Column("trigger_kind", String(16), nullable=False),
    Column("owner", Text, nullable=False),
    Column("started_at", UtcTime, nullable=False),
    Column("finished_at", UtcTime),
    Column("outcome", String(16), nullable=False, default="running"),
    Column("error", Text, nullable=False, default=""),
    Column("files_json", Text, nullable=False, default="{}"),
    Index("runs_period", "edition", "period"),
)

deliveries = Table(
    "deliveries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("run_id", Integer, ForeignKey("runs.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("recipient", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("error", Text, nullable=False, default=""),
    Column("attempts", Integer, nullable=False, default=0),
    Column("at", UtcTime, nullable=False),
)

claims = Table(
    "claims",
    metadata,
    Column("edition", String(100), nullable=False),
    Column("period", String(32), nullable=False),
    Column("state", String(16), nullable=False),
    Column("owner", Text, nullable=False),
    Column("run_id", Integer, ForeignKey("runs.id"), nullable=False),
    Column("claimed_at", UtcTime, nullable=False),
    Column("heartbeat_at", UtcTime, nullable=False),
    PrimaryKeyConstraint("edition", "period"),
)
