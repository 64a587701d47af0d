"""PostgreSQL: searches rank by a small vector of the title and lead; the whole text's vector only filters.

With articles of realistic length (600 words, about 300 different words)
the vector of the whole text is 3 to 4 kB, stored out of line (TOAST), and
ranking a match meant fetching and decompressing it: two common words
matching 70,000 of a million articles took a quarter of a second and more.
``article_search.head`` holds the vector of the title and the lead alone
(a few hundred bytes, kept in the row): ranking reads only it, while the
GIN index on the whole text's vector still decides what matches. The
triggers of 0002 are replaced by ones that keep both vectors.

SQLite is not changed: bm25 over FTS5 ranks every match fast enough.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

#: the vectors of an article row ``r``, as in 0002: the whole text, and the title and lead alone
HEAD = "setweight(to_tsvector('simple', {r}title), 'A') || setweight(to_tsvector('simple', {r}lead), 'B')"
VECTOR = HEAD + " || setweight(to_tsvector('simple', {r}body_json), 'C')"
CHANGED = "(a.title, a.lead, a.body_json) IS DISTINCT FROM (b.title, b.lead, b.body_json)"


def _trigger_bodies(with_head: bool) -> dict[str, str]:
    """The statements of the insert and update triggers (0002's, without ``with_head``)."""
    vector, head = VECTOR.format(r="a."), HEAD.format(r="a.")
    columns, values, sets = ("vector, head", f"{vector}, {head}", f"vector = {vector}, head = {head}") if with_head \
        else ("vector", vector, f"vector = {vector}")
    return {
        "insert": f"INSERT INTO article_search (article_id, {columns}) SELECT a.id, {values} FROM added a;",
        "update": f"UPDATE article_search s SET {sets} FROM new_rows a JOIN old_rows b ON b.id = a.id "
                  f"WHERE s.article_id = a.id AND {CHANGED};",
    }


def _replace_triggers(with_head: bool) -> None:
    for event, statement in _trigger_bodies(with_head).items():
        op.execute(f"CREATE OR REPLACE FUNCTION article_search_{event}() RETURNS trigger LANGUAGE plpgsql AS $$ "
                   f"BEGIN {statement} RETURN NULL; END $$")


#: 0002's GIN indexes: dropped while every row is rewritten and built again, many times faster than
#: updating them row by row (300 words an article)
INDEXES = {
    "article_search_vector": "CREATE INDEX article_search_vector ON article_search USING gin (vector)",
    "article_search_title": "CREATE INDEX article_search_title ON article_search USING gin (ts_filter(vector, '{a}'))",
}


def _postgresql_upgrade() -> None:
    for name in INDEXES:
        op.execute(f"DROP INDEX {name}")
    op.execute("ALTER TABLE article_search ADD COLUMN head tsvector")
    op.execute(f"UPDATE article_search s SET head = {HEAD.format(r='a.')} FROM articles a WHERE a.id = s.article_id")
    op.execute("ALTER TABLE article_search ALTER COLUMN head SET NOT NULL")
    op.execute("SET LOCAL maintenance_work_mem = '256MB'")
    for statement in INDEXES.values():
        op.execute(statement)
    _replace_triggers(with_head=True)
    op.execute("ANALYZE article_search")


def _postgresql_downgrade() -> None:
    _replace_triggers(with_head=False)
    op.execute("ALTER TABLE article_search DROP COLUMN head")


def _on_postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"  # SQLite's FTS5 index is unchanged


def upgrade() -> None:
    if _on_postgresql():
        _postgresql_upgrade()


def downgrade() -> None:
    if _on_postgresql():
        _postgresql_downgrade()
