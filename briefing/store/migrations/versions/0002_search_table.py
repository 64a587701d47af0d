"""PostgreSQL: the search vectors move out of ``articles`` into a narrow table of their own.

A search for a common word ranks every article that has it. With the vector
a column of ``articles`` that meant reading the whole, wide table (all the
text of every article); ``article_search`` holds only (article id, vector),
a third of the size, so the same search reads a third of the pages. Triggers
on ``articles`` keep it in step with every insert (COPY included), update
and delete, one statement at a time. A second GIN index, on the title words
alone (``ts_filter(vector, '{a}')``), lets a one-word search rank only the
articles with that word in their title when there are enough of them (see
``briefing/store/search.py``).

SQLite is not changed: its FTS5 table already is such a narrow index.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

#: the vector of an article row ``r``: as in 0001, title weighs most, then the lead, then the body
VECTOR = ("setweight(to_tsvector('simple', {r}title), 'A') || setweight(to_tsvector('simple', {r}lead), 'B') || "
          "setweight(to_tsvector('simple', {r}body_json), 'C')")

#: one trigger per event: a trigger with transition tables takes a single event
TRIGGERS = {
    "insert": ("REFERENCING NEW TABLE AS added",
               f"INSERT INTO article_search (article_id, vector) SELECT a.id, {VECTOR.format(r='a.')} FROM added a;"),
    "update": ("REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
               f"UPDATE article_search s SET vector = {VECTOR.format(r='a.')} FROM new_rows a JOIN old_rows b ON b.id = a.id "
               "WHERE s.article_id = a.id AND (a.title, a.lead, a.body_json) IS DISTINCT FROM "
               "(b.title, b.lead, b.body_json);"),
    "delete": ("REFERENCING OLD TABLE AS gone",
               "DELETE FROM article_search WHERE article_id IN (SELECT id FROM gone);"),
}


def _postgresql_upgrade() -> None:
    op.execute("CREATE TABLE article_search (article_id integer PRIMARY KEY, vector tsvector NOT NULL)")
    op.execute("INSERT INTO article_search (article_id, vector) SELECT id, search_vector FROM articles")
    op.execute("ALTER TABLE articles DROP COLUMN search_vector")  # and its index, articles_search
    op.execute("CREATE INDEX article_search_vector ON article_search USING gin (vector)")
    op.execute("CREATE INDEX article_search_title ON article_search USING gin (ts_filter(vector, '{a}'))")
    for event, (transition, statement) in TRIGGERS.items():
        op.execute(f"CREATE FUNCTION article_search_{event}() RETURNS trigger LANGUAGE plpgsql AS $$ "
                   f"BEGIN {statement} RETURN NULL; END $$")
        op.execute(f"CREATE TRIGGER article_search_{event} AFTER {event.upper()} ON articles {transition} "
                   f"FOR EACH STATEMENT EXECUTE FUNCTION article_search_{event}()")
    op.execute("ANALYZE article_search")


def _postgresql_downgrade() -> None:
    for event in TRIGGERS:
        op.execute(f"DROP TRIGGER article_search_{event} ON articles")
        op.execute(f"DROP FUNCTION article_search_{event}()")
    op.execute("DROP TABLE article_search")
    op.execute(f"ALTER TABLE articles ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({VECTOR.format(r='')}) "
               "STORED")
    op.execute("CREATE INDEX articles_search ON articles USING gin (search_vector)")


UPGRADES = {"sqlite": lambda: None, "postgresql": _postgresql_upgrade}
DOWNGRADES = {"sqlite": lambda: None, "postgresql": _postgresql_downgrade}


def upgrade() -> None:
    UPGRADES[op.get_bind().dialect.name]()


def downgrade() -> None:
    DOWNGRADES[op.get_bind().dialect.name]()
