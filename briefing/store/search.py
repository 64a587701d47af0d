"""Full-text search, each engine with its own index behind one function.

SQLite: the FTS5 table ``articles_fts`` and its query syntax (words,
"phrases", OR, NOT, prefix*), ranked by bm25 with the title weighing most.
PostgreSQL: the narrow table ``article_search`` (article id, ``tsvector``;
kept in step with ``articles`` by triggers, migration 0002) and its GIN
index, queried with ``websearch_to_tsquery`` (words, "phrases", or, -word)
and ranked by ``ts_rank`` with the title weighing most. Both: every word must
match unless joined by OR, best match first.

One shortcut on PostgreSQL, which changes no result: ranking means reading
the vector of every match, and a common word matches a quarter of a large
archive. For a query of one word, every article with the word in its title
ranks above every article without it. ``ts_rank`` (default weights: title
1.0, lead 0.4, body 0.2) scores a word's places p1, p2, ... in the order of
the text by sum(weight(pj) / j**2) / 1.645 (pi**2 / 6), with the first place
of the highest weight counted at its full weight. With a title place that is
at least 1.0 / 1.645 = 0.61. Without one it is at most 0.4: the vector lists
the title's places, then the lead's, then the body's, so the first place
weighs most and the sum stays below 1.645 times its weight. So when at least
``limit`` articles have the word in their title (the GIN index
``article_search_title`` on the title's words finds them), the best
``limit``, in their order, are among them and only they are ranked;
otherwise every match is. Queries of two words or more (``ts_rank`` scores
their distances too) always rank every match.

``ranked_ids`` (the best few) and ``ids_matching`` (which of some articles
match) are the entry points; the engines are looked up in ``SEARCHES`` by
dialect name.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, Select, column, func, literal_column, select, table, text
from sqlalchemy.exc import OperationalError

from briefing.errors import StoreError

_fts = table("articles_fts", column("rowid"))
_search = table("article_search", column("article_id"), column("vector"))


def _fts5(query: str) -> Select:
    rank = func.bm25(literal_column("articles_fts"), 10.0, 3.0, 1.0)
    return (
        select(_fts.c.rowid.label("id"), rank.label("rank"))
        .where(text("articles_fts MATCH :query").bindparams(query=query))
    )


def _tsquery(query: str):
    return func.websearch_to_tsquery(literal_column("'simple'"), query)


def _ranked(tsquery, *conditions) -> Select:
    # ts_rank: higher is better; negated so that, as with bm25, lower sorts first
    rank = -func.ts_rank(_search.c.vector, tsquery)
    return select(_search.c.article_id.label("id"), rank.label("rank")).where(*conditions)


def _tsvector(query: str) -> Select:
    tsquery = _tsquery(query)
    return _ranked(tsquery, _search.c.vector.op("@@")(tsquery))


def _tsvector_titles(query: str) -> Select:
    """One word only (no rows otherwise): the articles with it in the title, which rank above all others."""
    tsquery = _tsquery(query)
    title_words = func.ts_filter(_search.c.vector, literal_column("'{a}'"))  # the index article_search_title
    return _ranked(tsquery, func.numnode(tsquery) == 1, title_words.op("@@")(tsquery))


#: a Select of (id, rank) of the matching articles, lower rank first, per dialect
SEARCHES: dict[str, Callable[[str], Select]] = {
    "sqlite": _fts5,
    "postgresql": _tsvector,
}

#: where a dialect can find the best matches among fewer rows: a Select whose (id, rank) rows, when
#: there are at least as many as asked for, hold the best matches (see the module's docstring)
SHORTCUTS: dict[str, Callable[[str], Select]] = {
    "postgresql": _tsvector_titles,
}


#: tables each dialect's index keeps besides ``articles``: a bulk load vacuums and analyzes them too
INDEX_TABLES: dict[str, list] = {
    "sqlite": [],
    "postgresql": [_search],
}


def matches(connection: Connection, query: str) -> Select:
    """The (id, rank) of the articles matching ``query``, as a subquery-ready Select."""
    return SEARCHES[connection.dialect.name](query)


def ranked_ids(connection: Connection, query: str, limit: int) -> list[int]:
    """The ids of the best ``limit`` matches for ``query``, best first."""
    shortcut = SHORTCUTS.get(connection.dialect.name)
    if shortcut is not None:
        best = _best(connection, shortcut(query), query, limit)
        if len(best) == limit:
            return best
    return _best(connection, matches(connection, query), query, limit)


def ids_matching(connection: Connection, query: str, among: Select) -> set[int]:
    """Which of the article ids selected by ``among`` match ``query``."""
    found = matches(connection, query).subquery()
    statement = select(found.c.id).where(found.c.id.in_(among))
    return {row.id for row in _run(connection, statement, query)}


def _best(connection: Connection, candidates: Select, query: str, limit: int) -> list[int]:
    found = candidates.subquery()
    statement = select(found.c.id).order_by(found.c.rank, found.c.id).limit(limit)
    return [row.id for row in _run(connection, statement, query)]


def _run(connection: Connection, statement: Select, query: str):
    try:
        return connection.execute(statement).all()
    except OperationalError as exc:
        problem = str(exc.orig) if exc.orig is not None else str(exc)
        raise StoreError(f"search {query!r}: {problem}") from None
