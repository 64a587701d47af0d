"""JSON articles: one object, a list of objects (or ``{"articles": [...]}``), and JSON Lines.

Fields are mapped by ``briefing.readers.fields`` (``title``/``headline``,
``published``/``datePublished``/``date``, ``body`` as text or a list...).
In a list or a JSON Lines file a broken article is skipped with a logged
reason; a file with one article fails with that reason.
"""

from __future__ import annotations

import json
from typing import Any

from briefing.errors import ReaderError
from briefing.models import Article
from briefing.readers.base import Reader
from briefing.readers.common import decode_text, head_text, read_items
from briefing.readers.fields import article_from_fields, pick_fields

#: Keys under which an object wraps its list of articles.
WRAPPER_KEYS = ("articles", "items", "entries", "data")


def _article(origin: str):
    """A function reading one JSON value as an article, for ``read_items``."""

    def read_one(value: Any) -> Article:
        if not isinstance(value, dict):
            raise ReaderError(origin, f"not a JSON object but {_kind(value)}")
        return article_from_fields(value, origin)

    return read_one


def _kind(value: Any) -> str:
    names = {list: "a list", str: "a string", int: "a number", float: "a number", bool: "true or false"}
    return names.get(type(value), "null")


def _loads(text: str, origin: str, one_line: bool = False) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        place = f"column {exc.colno}" if one_line else f"line {exc.lineno}, column {exc.colno}"
        raise ReaderError(origin, f"invalid JSON: {exc.msg} ({place})") from None
    except RecursionError:
        raise ReaderError(origin, "invalid JSON: nested too deeply") from None


class JsonReader(Reader):
    """A JSON object (one article) or a list of them."""

    name = "json"
    extensions = (".json",)
    legacy_encodings = True

    @classmethod
    def sniff(cls, head: bytes) -> bool:
        return head_text(head)[:1] in ("{", "[")

    def read(self, data: bytes, origin: str) -> list[Article]:
        document = _loads(decode_text(data, origin), origin)
        if isinstance(document, dict):
            wrapped = next((document[key] for key in WRAPPER_KEYS if isinstance(document.get(key), list)), None)
            if wrapped is None or "title" in pick_fields(document):
                return [_article(origin)(document)]
            document = wrapped
        if not isinstance(document, list):
            raise ReaderError(origin, f"the JSON holds {_kind(document)}, not an article object or a list of them")
        return read_items(origin, enumerate(document, start=1), _article(origin), noun="item")


class JsonLinesReader(Reader):
    """JSON Lines: one article object per line; blank lines are ignored."""

    name = "jsonl"
    extensions = (".jsonl", ".ndjson")
    legacy_encodings = True

    @classmethod
    def sniff(cls, head: bytes) -> bool:
        return head_text(head)[:1] == "{"

    def read(self, data: bytes, origin: str) -> list[Article]:
        lines = decode_text(data, origin).splitlines()
        numbered = ((number, line) for number, line in enumerate(lines, start=1) if line.strip())
        read_object = _article(origin)

        def read_line(line: str) -> Article:
            return read_object(_loads(line, origin, one_line=True))

        return read_items(origin, numbered, read_line, noun="line")
