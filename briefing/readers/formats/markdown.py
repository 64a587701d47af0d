"""Markdown articles with YAML front matter.

    ---
    title: "..."
    published: 2026-02-01T18:30:00+01:00
    source: ...
    ---
    # The title again (optional)

    The lead paragraph.

    The body...

The front matter gives the fields (names as ``briefing.readers.fields``
maps them). The Markdown is rendered and turned into plain paragraphs: a
leading H1 (it repeats the title, or stands in for a missing one) is
dropped, subheadings and list items become paragraphs of their own (list
numbers and bullets are dropped), links keep their text and lose their URL,
raw HTML is never kept as markup and scripts never as text. With no ``lead``
in the front matter the first paragraph is the lead.

A ``.md`` file without front matter (a README) is not an article.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from briefing.errors import ReaderError
from briefing.models import Article
from briefing.readers.base import Reader
from briefing.readers.common import decode_text, head_text
from briefing.readers.fields import article_from_fields, pick_fields
from briefing.readers.html_text import html_blocks

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)^(?:---|\.\.\.)[ \t]*$\n?", re.DOTALL | re.MULTILINE)


def split_front_matter(text: str, origin: str) -> tuple[dict[str, Any], str]:
    """(the front matter's fields, the Markdown after it)."""
    text = text.replace("\r\n", "\n")
    if not re.match(r"---[ \t]*\n", text):
        raise ReaderError(origin, "no YAML front matter (a '---' block at the top with the title): not an article")
    found = _FRONT_MATTER.match(text)
    if not found:
        raise ReaderError(origin, "the front matter is not closed (no second '---' line)")
    try:
        fields = yaml.safe_load(found.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark else ""  # +1: 0-based, +1: the opening '---'
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise ReaderError(origin, f"invalid YAML front matter: {problem}{where}") from None
    if not isinstance(fields, dict):
        raise ReaderError(origin, "the front matter is not a list of 'name: value' fields")
    return fields, text[found.end() :]


def markdown_blocks(source: str):
    """The Markdown rendered and split into blocks (see ``briefing.readers.html_text``)."""
    import markdown  # imported here: only Markdown files need it

    return html_blocks(markdown.markdown(source, extensions=["sane_lists"], output_format="html"))


class MarkdownReader(Reader):
    """Markdown with YAML front matter: one article per file."""

    name = "markdown"
    extensions = (".md", ".markdown")
    legacy_encodings = True

    @classmethod
    def sniff(cls, head: bytes) -> bool:
        return re.match(r"---[ \t]*\r?\n", head_text(head)) is not None

    def read(self, data: bytes, origin: str) -> list[Article]:
        fields, source = split_front_matter(decode_text(data, origin), origin)
        blocks = markdown_blocks(source)
        if blocks and blocks[0].kind == "h1":
            if "title" not in pick_fields(fields):
                fields = {**fields, "title": blocks[0].text}
            blocks = blocks[1:]
        return [article_from_fields(fields, origin, paragraphs=[block.text for block in blocks])]
