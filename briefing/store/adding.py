"""Adding a batch of articles: new, updated or already stored, in a few statements.

Looking each article up one by one costs three round trips per article; a
batch instead asks once which of its content hashes and identities are
already stored, then inserts the new articles and updates the changed ones
with one executemany each. A file read whole may also give
an article under a new identity that corrects one it gave before: ``corrections`` pairs them, and
the pair is an update too. Articles that repeat another of the same batch
(the same file given twice, a feed listing an item twice) are rare and take
the one-by-one path after the bulk work, so they see what it stored.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Column, Connection, bindparam, delete, insert, select, update

from briefing.models import Article
from briefing.store import corrections
from briefing.store.rows import article_identity, article_values, now, origin_key
from briefing.store.tables import articles, extractions

NEW, UPDATED, UNCHANGED = "new", "updated", "unchanged"

#: keys per IN (...) query: well under SQLite's limit on bound parameters
CHUNK = 500


class Added(list[tuple[str, Article]]):
    """``(outcome, article with its id)`` for each article of a batch, in order; ``gone``: the ids of the
    articles that files read whole gave before and hold no more (kept; see ``corrections``)."""

    def __init__(self, results: Iterable[tuple[str, Article]] = (), gone: Iterable[int] = ()) -> None:
        super().__init__(results)
        self.gone = list(gone)


def add_batch(connection: Connection, batch: list[Article], read_whole: Iterable[str] = ()) -> Added:
    """Store ``batch``. ``read_whole``: the files and URLs (their ``origin_key``) every article of which is
    in ``batch``, so that what they gave before is matched with what they give now (``corrections``)."""
    digests = [article.content_hash for article in batch]
    identities = [article_identity(article) for article in batch]
    by_hash = _ids_where(connection, articles.c.content_hash, digests)
    by_identity = _ids_where(connection, articles.c.identity, identities)
    results: list[tuple[str, Article] | None] = [None] * len(batch)
    inserts: list[int] = []
    updates: list[tuple[int, int]] = []  # (position in batch, stored id)
    repeats: list[int] = []
    seen_hashes: set[str] = set()
    seen_identities: set[str] = set()
    for n, (article, digest, identity) in enumerate(zip(batch, digests, identities, strict=True)):
        if digest in by_hash:
            results[n] = (UNCHANGED, article.with_id(by_hash[digest]))
        elif digest in seen_hashes or identity in seen_identities:
            repeats.append(n)
        elif identity in by_identity:
            updates.append((n, by_identity[identity]))
        else:
            inserts.append(n)
        seen_hashes.add(digest)
        seen_identities.add(identity)
    gone = _match_files(connection, batch, identities, by_identity, set(read_whole), results, inserts, updates)
    _insert(connection, batch, digests, identities, inserts, results)
    _update(connection, batch, digests, identities, updates, results)
    for n in repeats:
        results[n] = add_one(connection, batch[n])
    return Added((result for result in results if result is not None), gone)


def _match_files(connection, batch, identities, by_identity, read_whole: set[str], results: list,
                 inserts: list[int], updates: list[tuple[int, int]]) -> list[int]:
    """Turn the inserts that are corrections of what a file read whole gave before into updates (in place);
    let unchanged articles follow a renamed file; the ids no longer in their files, detached."""
    if not read_whole:
        return []
    unchanged = [(n, result[1].id) for n, result in enumerate(results) if result is not None]
    claimed = {stored_id for _, stored_id in unchanged} | {stored_id for _, stored_id in updates}
    pairs, gone = corrections.pair_in_files(connection, batch, inserts, claimed, read_whole)
    paired = {n for n, _ in pairs}
    inserts[:] = [n for n in inserts if n not in paired]
    updates.extend(pairs)
    corrections.follow_moves(connection, [(batch[n], stored_id, identities[n]) for n, stored_id in unchanged
                                          if origin_key(batch[n].origin) in read_whole], by_identity)
    corrections.detach(connection, gone)
    return gone


def add_one(connection: Connection, article: Article) -> tuple[str, Article]:
    """Store one article, looking it up first."""
    return add_batch(connection, [article])[0]


def _ids_where(connection: Connection, column: Column, keys: Iterable[str]) -> dict[str, int]:
    unique = list(dict.fromkeys(keys))
    found: dict[str, int] = {}
    for start in range(0, len(unique), CHUNK):
        chunk = unique[start:start + CHUNK]
        rows = connection.execute(select(column, articles.c.id).where(column.in_(chunk)))
        found.update((key, article_id) for key, article_id in rows)
    return found


def _insert(connection, batch, digests, identities, positions: list[int], results: list) -> None:
    if not positions:
        return
    moment = now()
    rows = [
        {**article_values(batch[n]), "identity": identities[n], "content_hash": digests[n],
         "ingested_at": moment, "updated_at": moment}
        for n in positions
    ]
    statement = insert(articles).returning(articles.c.id, sort_by_parameter_order=True)
    ids = connection.execute(statement, rows).scalars().all()
    for n, article_id in zip(positions, ids, strict=True):
        results[n] = (NEW, batch[n].with_id(article_id))


def _update(connection, batch, digests, identities, changes: list[tuple[int, int]], results: list) -> None:
    if not changes:
        return
    moment = now()
    # The identity too: a corrected headline (or its URL's slug) may be what changed.
    rows = [
        {**article_values(batch[n]), "identity": identities[n], "content_hash": digests[n], "updated_at": moment,
         "row_id": article_id}
        for n, article_id in changes
    ]
    # The SET clause comes from the parameters' keys; the row's id is a parameter of its own.
    connection.execute(update(articles).where(articles.c.id == bindparam("row_id")), rows)
    stored_ids = [article_id for _, article_id in changes]
    for start in range(0, len(stored_ids), CHUNK):
        chunk = stored_ids[start:start + CHUNK]
        connection.execute(delete(extractions).where(extractions.c.article_id.in_(chunk)))
    for n, article_id in changes:
        results[n] = (UPDATED, batch[n].with_id(article_id))
