"""Full-text search, each engine with its own index behind one function.

SQLite: the FTS5 table ``articles_fts`` and its query syntax (words,
"phrases", OR, NOT, prefix*), ranked by bm25 over the whole text with the
title weighing most. PostgreSQL: the narrow table ``article_search`` (article
id, ``vector`` of the whole text, ``head`` of the title and lead alone; kept
in step with ``articles`` by triggers, migrations 0002 and 0003) and the GIN
index on ``vector``, queried with ``websearch_to_tsquery`` (words,
"phrases", or, -word). Both: every word must match unless joined by OR, best
match first.

PostgreSQL ranks by the title and the lead only: ``ts_rank`` of ``head``,
the title weighing most (1.0, the lead 0.4). The body decides whether an
article matches, not how well. That is a deliberate choice, for speed:
ranking reads the vector it ranks, and the whole text's vector of a
600-word article is 3 to 4 kB, stored out of line, so ranking the 70,000
articles with two common words by it took a quarter of a second and more in
an archive of a million; ``head`` is a few hundred bytes in the row. So an
article with the words in its title or lead ranks above every article with
them in its body only, however often; articles with them in the body only
tie, and come newest stored first, as do all ties.
SQLite's bm25 counts the body too (at a tenth of the title's weight), so
the two engines may order body matches differently.

One shortcut on PostgreSQL, which changes no result: a common word matches a
quarter of a large archive. For a query of one word, every article with the
word in its title ranks above every article without it. ``ts_rank`` scores
a word's places p1, p2, ... in the order of the text by
sum(weight(pj) / j**2) / 1.645 (pi**2 / 6), with the first place of the
highest weight counted at its full weight. With a title place that is at
least 1.0 / 1.645 = 0.61. Without one it is at most 0.4: ``head`` lists the
title's places, then the lead's, so the first place weighs most and the sum
stays below 1.645 times its weight. So when at least ``limit`` articles
have the word in their title (the GIN index ``article_search_title`` on the
title's words finds them), the best ``limit``, in their order, are among
them and only they are ranked; otherwise every match is. Queries of two
words or more (``ts_rank`` scores their distances too) always rank every
match.

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
_search = table("article_search", column("article_id"), column("vector"), column("head"))


def _fts5(query: str) -> Select:
    rank = func.bm25(literal_column("articles_fts"), 10.0, 3.0, 1.0)
    return (
        select(_fts.c.rowid.label("id"), rank.label("rank"))
        .where(text("articles_fts MATCH :query").bindparams(query=query))
    )


def _tsquery(query: str):
    return func.websearch_to_tsquery(literal_column("'simple'"), query)


def _ranked(tsquery, *conditions) -> Select:
    # ts_rank of the title and lead (see the module's docstring): higher is better; negated so that,
    # as with bm25, lower sorts first
    rank = -func.ts_rank(_search.c.head, tsquery)
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


#: the longest query taken, in characters and in words: a search is for a few words, and every word
#: (each side of an OR) costs a pass over the index (2,500 ORed words took two minutes)
MAX_QUERY_CHARS = 1_000
MAX_QUERY_WORDS = 64


def check_query(query: str) -> None:
    """Raise ``StoreError`` for a query that is not text, is empty, or is too long to run."""
    shown = query.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    if shown != query:
        raise StoreError(f"search '{shown[:60]}': the query holds bytes that are not UTF-8 text")
    if not query.strip():
        raise StoreError("search: the query is empty")
    if len(query) > MAX_QUERY_CHARS:
        raise StoreError(f"search: the query is {len(query):,} characters long; at most {MAX_QUERY_CHARS:,} are taken")
    words = len(query.split())
    if words > MAX_QUERY_WORDS:
        raise StoreError(f"search: the query has {words:,} words; at most {MAX_QUERY_WORDS} are taken")


def matches(connection: Connection, query: str) -> Select:
    """The (id, rank) of the articles matching ``query``, as a subquery-ready Select."""
    return SEARCHES[connection.dialect.name](query)


def ranked_ids(connection: Connection, query: str, limit: int) -> list[int]:
    """The ids of the best ``limit`` matches for ``query``, best first."""
    check_query(query)
    shortcut = SHORTCUTS.get(connection.dialect.name)
    if shortcut is not None:
        best = _best(connection, shortcut(query), query, limit)
        if len(best) == limit:
            return best
    return _best(connection, matches(connection, query), query, limit)


def ids_matching(connection: Connection, query: str, among: Select) -> set[int]:
    """Which of the article ids selected by ``among`` match ``query``."""
    check_query(query)
    found = matches(connection, query).subquery()
    statement = select(found.c.id).where(found.c.id.in_(among))
    return {row.id for row in _run(connection, statement, query)}


def _best(connection: Connection, candidates: Select, query: str, limit: int) -> list[int]:
    found = candidates.subquery()
    statement = select(found.c.id).order_by(found.c.rank, found.c.id.desc()).limit(limit)  # ties: newest stored first
    return [row.id for row in _run(connection, statement, query)]


def _run(connection: Connection, statement: Select, query: str):
    try:
        return connection.execute(statement).all()
    except OperationalError as exc:
        problem = str(exc.orig) if exc.orig is not None else str(exc)
        raise StoreError(f"search {query!r}: {problem}") from None
