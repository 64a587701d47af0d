"""Between the models' dataclasses and the store's rows, both ways."""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import fields
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Table
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from briefing.models import Article, Extraction, Figure, Quote, StoredArticle


def now() -> datetime:
    return datetime.now(UTC)


def article_identity(article: Article) -> str:
    """What makes two versions of an article "the same article": its URL, else its item's own id in its
    file, else file and title. (A title corrected in a file without either is matched by the file, in
    ``briefing/store/corrections.py``.)"""
    if article.url:
        return article.url
    if article.guid:
        return f"{origin_key(article.origin)}#{article.guid}"
    return f"{article.origin}::{article.title}"


def origin_key(origin: str) -> str:
    """The file an article was read from, absolute with links resolved, as the ``files`` table names it
    (a file given as ``in/a.md`` and as ``/srv/news/in/a.md`` is one file); a URL as it is."""
    if not origin or "://" in origin:
        return origin
    # Made absolute before the cache, which must not answer for another current folder.
    return _resolved(os.path.join(os.getcwd(), origin))


@functools.lru_cache(maxsize=1024)
def _resolved(path: str) -> str:
    """Cached: a feed's hundred articles share one origin, and resolving asks the file system."""
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError, ValueError):  # a link loop, a name the system refuses
        return path


def article_values(article: Article) -> dict[str, object]:
    """The columns an article's content fills (not its id, identity, hash or bookkeeping times)."""
    return {
        "title": article.title,
        "published_utc": article.published,
        "published_assumed": article.published_assumed,
        "section": article.section,
        "source": article.source,
        "url": article.url,
        "author": article.author,
        "lead": article.lead,
        "body_json": json.dumps(list(article.body), ensure_ascii=False),
        "caption": article.caption,
        "caption_credit": article.caption_credit,
        "sources_json": json.dumps(list(article.sources), ensure_ascii=False),
        "origin": article.origin,
        "origin_key": origin_key(article.origin),
        "guid": article.guid,
        "language": article.language,
    }


def article_from_row(row: Mapping) -> Article:
    return Article(
        id=row["id"],
        title=row["title"],
        published=row["published_utc"],
        published_assumed=bool(row["published_assumed"]),
        section=row["section"],
        source=row["source"],
        url=row["url"],
        author=row["author"],
        lead=row["lead"],
        body=tuple(json.loads(row["body_json"])),
        caption=row["caption"],
        caption_credit=row["caption_credit"],
        sources=tuple(json.loads(row["sources_json"])),
        origin=row["origin"],
        language=row["language"],
        guid=row["guid"],
    )


def stored_from_row(row: Mapping, extraction: Extraction | None) -> StoredArticle:
    return StoredArticle(article=article_from_row(row), extraction=extraction, ingested_at=row["ingested_at"])


def extraction_values(article_id: int, extraction: Extraction) -> dict[str, object]:
    return {
        "article_id": article_id,
        "version": extraction.version,
        "figures_json": json.dumps([_flat_fields(f) for f in extraction.figures], ensure_ascii=False),
        "quotes_json": json.dumps([_flat_fields(q) for q in extraction.quotes], ensure_ascii=False),
        "computed_at": now(),
    }


def _flat_fields(item: Figure | Quote) -> dict[str, object]:
    """What ``dataclasses.asdict`` gives for a dataclass of plain values, without its deep copy (a tenth
    of the time: a day's extractions hold tens of thousands of figures)."""
    return {name: getattr(item, name) for name in _FIELD_NAMES[type(item)]}


_FIELD_NAMES = {kind: tuple(f.name for f in fields(kind)) for kind in (Figure, Quote)}


def extraction_from_row(row: Mapping) -> Extraction:
    return Extraction(
        figures=tuple(Figure(**item) for item in json.loads(row["figures_json"])),
        quotes=tuple(Quote(**item) for item in json.loads(row["quotes_json"])),
        version=row["version"],
    )


#: each dialect's INSERT with ON CONFLICT (the two share the API)
_INSERTS: dict[str, Callable] = {"sqlite": sqlite_insert, "postgresql": postgresql_insert}


def upsert(connection: Connection, table: Table, rows: Iterable[dict], keys: tuple[str, ...]) -> None:
    """Insert rows, replacing the columns of those whose ``keys`` are already there."""
    rows = list(rows)
    if not rows:
        return
    statement = _INSERTS[connection.dialect.name](table)
    replace = {name: statement.excluded[name] for name in rows[0] if name not in keys}
    connection.execute(statement.on_conflict_do_update(index_elements=list(keys), set_=replace), rows)
