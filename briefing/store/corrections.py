"""A file read again, matched with the articles it gave before: a correction updates, it does not add.

An article's identity (``rows.article_identity``) is its URL, else its item's id in its file, else its
file and title. A headline corrected in a file without URL or id gives a new identity, and so does a
URL whose slug was made from the headline. So when a file (or a fetched feed) has been read whole,
each of its articles that matched nothing stored is paired with an article the same file gave before
and gives no more, by the first of these that applies:

1. the same item id (``guid``: an RSS guid, an Atom id);
2. the same title (the text or date corrected), unless both have URLs and they differ;
3. the same text, lead and body (the headline corrected);
4. the one left on each side, when the file holds one article, or when neither has a URL or id
   (a multi-article file where one item changed both headline and text).

Two items with different ids are never paired. The position in the file is not used: a feed puts
its newest item first and an export may be sorted anew, so positions shift while titles and texts
stay.

What a file gave before and gives no more is kept (removing articles is ``briefing articles
delete``'s), counted once, and detached from the file (its ``origin_key`` emptied), so that a new
item added to the file later is never taken for it. An article found unchanged under another file
follows that file when its own is gone (a file renamed) or when it had been detached.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, select, update

from briefing.models import Article
from briefing.store.rows import origin_key
from briefing.store.tables import articles

#: keys per IN (...) query, as in ``adding``
CHUNK = 500


@dataclass(frozen=True)
class Before:
    """What pairing needs of an article a file gave before."""

    id: int
    title: str
    text: tuple[str, ...]  # lead and body
    url: str
    guid: str


def pair_in_files(
    connection: Connection, batch: list[Article], candidates: list[int], claimed: set[int], read_whole: set[str]
) -> tuple[list[tuple[int, int]], list[int]]:
    """Pair the ``candidates`` (positions in ``batch`` about to be added as new) of the files ``read_whole``
    with what those files gave before and nothing in the batch ``claimed``; (position, stored id) pairs,
    and the ids left over: no longer in their files."""
    left = _left_before(connection, read_whole, claimed)
    per_file: dict[str, list[int]] = defaultdict(list)
    for n in candidates:
        key = origin_key(batch[n].origin)
        if left.get(key):
            per_file[key].append(n)
    given = _texts(connection, [stored_id for key in per_file for stored_id in left[key]])
    sizes = _articles_per_file(batch)
    pairs: list[tuple[int, int]] = []
    for key, positions in per_file.items():
        pairs.extend(_pair(batch, positions, [given[i] for i in left[key]], sizes[key] == 1))
    paired = {stored_id for _, stored_id in pairs}
    gone = [stored_id for ids in left.values() for stored_id in ids if stored_id not in paired]
    return pairs, gone


def _articles_per_file(batch: list[Article]) -> dict[str, int]:
    sizes: dict[str, int] = defaultdict(int)
    for article in batch:
        sizes[origin_key(article.origin)] += 1
    return sizes


def _left_before(connection: Connection, keys: set[str], claimed: set[int]) -> dict[str, list[int]]:
    """File -> the ids of the articles it gave before that nothing in the batch claimed, oldest first.
    Ids only: on a folder read again nearly all are claimed, and their texts are not needed."""
    wanted = sorted(keys)
    found: dict[str, list[int]] = defaultdict(list)
    for start in range(0, len(wanted), CHUNK):
        query = select(articles.c.id, articles.c.origin_key).where(
            articles.c.origin_key.in_(wanted[start:start + CHUNK])).order_by(articles.c.id)
        for stored_id, key in connection.execute(query):
            if stored_id not in claimed:
                found[key].append(stored_id)
    return found


def _texts(connection: Connection, ids: list[int]) -> dict[int, Before]:
    columns = [articles.c.id, articles.c.title, articles.c.lead, articles.c.body_json, articles.c.url, articles.c.guid]
    found: dict[int, Before] = {}
    for start in range(0, len(ids), CHUNK):
        for row in connection.execute(select(*columns).where(articles.c.id.in_(ids[start:start + CHUNK]))):
            found[row.id] = Before(row.id, row.title, (row.lead, *json.loads(row.body_json)), row.url, row.guid)
    return found


def _other_item(article: Article, before: Before) -> bool:
    """True when the two say they are different items: both have an id, and not the same."""
    return bool(article.guid and before.guid and article.guid != before.guid)


#: the pairing rules 1 to 3 of the module's description, in order
RULES: tuple[Callable[[Article, Before], bool], ...] = (
    lambda a, b: bool(a.guid) and a.guid == b.guid,
    lambda a, b: a.title == b.title and not (a.url and b.url and a.url != b.url),
    lambda a, b: (a.lead, *a.body) == b.text,
)


def _pair(batch: list[Article], positions: list[int], given: list[Before], one_article: bool) -> list[tuple[int, int]]:
    pairs: list[tuple[int, int]] = []
    left, unpaired = list(given), list(positions)
    for rule in RULES:
        for n in list(unpaired):
            match = next((b for b in left if not _other_item(batch[n], b) and rule(batch[n], b)), None)
            if match is not None:
                pairs.append((n, match.id))
                left.remove(match)
                unpaired.remove(n)
    if len(unpaired) == 1 and len(left) == 1 and _last_pair(batch[unpaired[0]], left[0], one_article):
        pairs.append((unpaired[0], left[0].id))
    return pairs


def _last_pair(article: Article, before: Before, one_article: bool) -> bool:
    """Rule 4: nothing else tells them apart; a file's one article, or items that have no URL or id."""
    if _other_item(article, before):
        return False
    return one_article or not (article.url or article.guid or before.url or before.guid)


def detach(connection: Connection, ids: Iterable[int]) -> None:
    """No longer count these articles as their file's: it was read whole and did not hold them."""
    wanted = sorted(ids)
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start:start + CHUNK]
        connection.execute(update(articles).where(articles.c.id.in_(chunk)).values(origin_key=""))


def follow_moves(connection: Connection, found: list[tuple[Article, int, str]], taken: dict[str, int]) -> None:
    """Articles found unchanged, as (article, stored id, its identity now), whose stored file is not the one
    just read: each follows the new file when its own is gone or it had been detached. Its identity
    follows too, unless another article has that one (``taken``: identity -> stored id)."""
    stored = _stored_keys(connection, [stored_id for _, stored_id, _ in found])
    moves = []
    for article, stored_id, identity in found:
        key, (was, old_identity) = origin_key(article.origin), stored[stored_id]
        if was != key and _file_gone(was):
            free = taken.get(identity, stored_id) == stored_id
            moves.append({"row_id": stored_id, "origin": article.origin, "origin_key": key,
                          "identity": identity if free else old_identity})
    if moves:
        connection.execute(update(articles).where(articles.c.id == bindparam("row_id")), moves)


def _stored_keys(connection: Connection, ids: list[int]) -> dict[int, tuple[str, str]]:
    """Stored id -> (origin key, identity)."""
    found: dict[int, tuple[str, str]] = {}
    for start in range(0, len(ids), CHUNK):
        query = select(articles.c.id, articles.c.origin_key, articles.c.identity).where(
            articles.c.id.in_(ids[start:start + CHUNK]))
        found.update((row.id, (row.origin_key, row.identity)) for row in connection.execute(query))
    return found


def _file_gone(key: str) -> bool:
    """A detached article (""), or a file no longer there; a URL is never taken for gone."""
    return not key or ("://" not in key and not os.path.exists(key))
