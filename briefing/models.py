"""Plain dataclasses passed between the stages of the pipeline.

readers -> store -> selection -> extraction -> composition -> renderers -> delivery

Every stage takes and returns these; none of them knows about SQL, files or
templates. Times are always timezone-aware; the store keeps them in UTC.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from datetime import datetime


@dataclass(frozen=True)
class Article:
    """One news article as every reader returns it, whatever the format.

    ``body`` holds the paragraphs in order, the lead excluded. ``caption`` is
    the photo caption without its credit; the credit (``Photo: …``) is kept
    apart in ``caption_credit``. ``sources`` are the agencies or outlets the
    article names as its sources (``PAP``, ``Reuters``); ``source`` is the
    publisher the file came from (a feed's or site's name), when known.
    """

    title: str
    published: datetime
    lead: str = ""
    body: tuple[str, ...] = ()
    section: str = ""
    source: str = ""
    url: str = ""
    author: str = ""
    caption: str = ""
    caption_credit: str = ""
    sources: tuple[str, ...] = ()
    origin: str = ""  # the file or URL the article was read from
    published_assumed: bool = False  # True when the source gave no time and the ingest time stands in
    language: str = "en"
    # The item's own identifier in its file where the format gives one (an RSS guid, an Atom id, a JSON
    # "guid" or "id"): it outlives a corrected headline, and with it the URL slug made from the headline.
    guid: str = ""
    id: int | None = None  # set by the store

    def __post_init__(self) -> None:
        if self.published.tzinfo is None:
            raise ValueError(f"published time must be timezone-aware: {self.published!r}")

    @property
    def content_hash(self) -> str:
        """A stable hash of what the article says, not where it came from.

        Two copies of the same article from two files hash alike; an edited
        article hashes differently, so the store can tell "already stored"
        from "updated". An assumed time (the ingest time of an undated
        article) is left out, or every re-read would look like a new article.
        """
        published = None if self.published_assumed else self.published.timestamp()
        payload = json.dumps([self.title, self.lead, list(self.body), self.caption, published], ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    @property
    def text_segments(self) -> list[tuple[str, str]]:
        """The parts of the article that extraction reads, in reading order.

        Captions, credits, bylines and source lines are deliberately absent:
        a figure or quote there is not part of the story.
        """
        segments = [("title", self.title)]
        if self.lead:
            segments.append(("lead", self.lead))
        segments.extend(("body", paragraph) for paragraph in self.body)
        return segments

    def with_id(self, article_id: int) -> Article:
        return replace(self, id=article_id)


@dataclass(frozen=True)
class Figure:
    """A key figure: how many or how much of something, as ../spec/extraction.md defines it."""

    value: float
    unit: str
    qualifier: str  # "", "more than", "less than", "about", "at least", "up to", "nearly"
    text: str  # the figure's words as they stand in the article
    sentence: str = ""  # the sentence the figure stands in, for context
    segment: int = 0  # index into Article.text_segments
    start: int = 0  # character offset of ``text`` within that segment
    salience: float = 0.0  # higher is more worth showing; see briefing.extraction.salience

    def to_json(self) -> dict:
        return {
            "value": self.value,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "text": self.text,
            "sentence": self.sentence,
            "segment": self.segment,
            "start": self.start,
            "salience": round(self.salience, 4),
        }


@dataclass(frozen=True)
class Quote:
    """A direct quote and who said it."""

    text: str
    speaker: str  # fullest name the article gives, or the group as written; "" if unknown
    partial: bool  # a fragment inside the reporter's own sentence
    role: str = ""  # the speaker's role where the article gives it ("NATO Secretary General")
    sentence: str = ""  # the sentence (or paragraph) the quote stands in
    segment: int = 0
    start: int = 0
    salience: float = 0.0

    def to_json(self) -> dict:
        return {
            "text": self.text,
            "speaker": self.speaker,
            "partial": self.partial,
            "role": self.role,
            "sentence": self.sentence,
            "segment": self.segment,
            "start": self.start,
            "salience": round(self.salience, 4),
        }


@dataclass(frozen=True)
class Extraction:
    """What the extractor found in one article."""

    figures: tuple[Figure, ...] = ()
    quotes: tuple[Quote, ...] = ()
    version: str = ""


@dataclass(frozen=True)
class StoredArticle:
    """An article as the store returns it, with its extraction when one is stored."""

    article: Article
    extraction: Extraction | None = None
    ingested_at: datetime | None = None
    duplicate_of: int | None = None  # the id of the story this one repeats, from another source
    also_reported_by: tuple[str, ...] = field(default=())

    @property
    def id(self) -> int:
        assert self.article.id is not None
        return self.article.id
