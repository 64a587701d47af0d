"""HTML (a feed item's content, rendered Markdown, a page's fragment) to plain paragraphs.

Every block element (``p``, ``li``, a heading, ``blockquote``...) becomes its
own paragraph; ``<br>`` also ends one. Inline markup is dropped and its text
kept, so a link keeps its words and loses its URL. Entities are decoded.
Scripts, styles, forms and other non-text elements are skipped entirely:
nothing is ever executed, and their text never reaches an article.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from lxml import etree, html

from briefing.readers.common import clean_text

#: Elements whose content is never article text.
SKIPPED_TAGS = frozenset({
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "head",
    "title", "button", "form", "select", "textarea", "input", "canvas", "audio", "video",
})  # fmt: skip
#: Elements that start and end a paragraph.
BLOCK_TAGS = frozenset({
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd", "dt",
    "figcaption", "figure", "td", "th", "tr", "table", "ul", "ol", "dl", "section", "article",
    "aside", "header", "footer", "main", "nav", "address", "hr", "br", "body",
})  # fmt: skip


class Block(NamedTuple):
    """One paragraph of text and the element it came from (``p``, ``li``, ``h2``...)."""

    kind: str
    text: str


class _Collector:
    """Gathers inline text until a block boundary, then emits one ``Block``."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.open_blocks: list[str] = ["p"]

    def add(self, text: str | None) -> None:
        if text:
            self.parts.append(text)

    def flush(self) -> None:
        text = clean_text("".join(self.parts))
        if text:
            self.blocks.append(Block(self.open_blocks[-1], text))
        self.parts = []


def _tag(element) -> str | None:
    """The lower-case local name of an element; None for comments and processing instructions."""
    if not isinstance(element.tag, str):
        return None
    return etree.QName(element).localname.lower()


_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")


def parse_html(markup: str):
    """An lxml document; raises ``lxml.etree.ParserError`` when there is nothing to parse.

    An XHTML page's ``<?xml ... encoding=...?>`` declaration is dropped: the
    text is already decoded, and lxml refuses a str that declares an encoding.
    """
    return html.document_fromstring(_XML_DECLARATION.sub("", markup))


def html_blocks(markup: str) -> list[Block]:
    """The paragraphs of an HTML document or fragment, in reading order."""
    if not markup.strip():
        return []
    try:
        root = parse_html(markup)
    except etree.ParserError:  # nothing but whitespace or comments
        return []
    return element_blocks(root)


def element_blocks(root) -> list[Block]:
    """The paragraphs under an lxml element (iterative, so deep nesting cannot overflow the stack)."""
    collector = _Collector()
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = _tag(element)
        if event == "start":
            if tag is None or (tag in SKIPPED_TAGS and element is not root):
                walker.skip_subtree()
            elif tag in BLOCK_TAGS:
                collector.flush()
                collector.open_blocks.append(tag)
                collector.add(element.text)
            else:
                collector.add(element.text)
            continue
        if tag in BLOCK_TAGS:
            collector.flush()
            collector.open_blocks.pop()
        if element is not root:
            collector.add(element.tail)
    collector.flush()
    return collector.blocks


def html_paragraphs(markup: str) -> list[str]:
    """Just the texts of ``html_blocks``."""
    return [block.text for block in html_blocks(markup)]
