"""Full-text search, each engine with its own index behind one function.

SQLite: the FTS5 table ``articles_fts`` and its query syntax (words,
"phrases", OR, NOT, prefix*), ranked by bm25 with the title weighing most.
PostgreSQL: the generated ``search_vector`` column (a GIN index), queried with
``websearch_to_tsquery`` (words, "phrases", or, -word) and ranked by
``ts_rank`` with the title weighing most. Both: every word must match unless
joined by OR, best match first.

``matching_ids(connection, query)`` is the one entry point; the engines are
looked up in ``SEARCHES`` by dialect name.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, Select, column, func, literal_column, select, table, text
from sqlalchemy.exc import OperationalError

from briefing.errors import StoreError
from briefing.store.tables import articles

_fts = table("articles_fts", column("rowid"))


def _fts5(query: str) -> Select:
    rank = func.bm25(literal_column("articles_fts"), 10.0, 3.0, 1.0)
    return (
        select(_fts.c.rowid.label("id"), rank.label("rank"))
        .where(text("articles_fts MATCH :query").bindparams(query=query))
    )


def _tsvector(query: str) -> Select:
    tsquery = func.websearch_to_tsquery(literal_column("'simple'"), query)
    vector = literal_column("articles.search_vector")
    # ts_rank: higher is better; negated so that, as with bm25, lower sorts first
    return select(articles.c.id, (-func.ts_rank(vector, tsquery)).label("rank")).where(vector.op("@@")(tsquery))


#: a Select of (id, rank) of the matching articles, lower rank first, per dialect
SEARCHES: dict[str, Callable[[str], Select]] = {
    "sqlite": _fts5,
    "postgresql": _tsvector,
}


def matches(connection: Connection, query: str) -> Select:
    """The (id, rank) of the articles matching ``query``, as a subquery-ready Select."""
    return SEARCHES[connection.dialect.name](query)


def ranked_ids(connection: Connection, query: str, limit: int) -> list[int]:
    """The ids of the best ``limit`` matches for ``query``, best first."""
    found = matches(connection, query).subquery()
    statement = select(found.c.id).order_by(found.c.rank, found.c.id).limit(limit)
    return [row.id for row in _run(connection, statement, query)]


def ids_matching(connection: Connection, query: str, among: Select) -> set[int]:
    """Which of the article ids selected by ``among`` match ``query``."""
    found = matches(connection, query).subquery()
    statement = select(found.c.id).where(found.c.id.in_(among))
    return {row.id for row in _run(connection, statement, query)}


def _run(connection: Connection, statement: Select, query: str):
    try:
        return connection.execute(statement).all()
    except OperationalError as exc:
        problem = str(exc.orig) if exc.orig is not None else str(exc)
        raise StoreError(f"search {query!r}: {problem}") from None
