"""Near-duplicate stories: the same event reported by two sources on the same day.

Two articles are the same story when their texts overlap enough, measured
two ways that catch different rewrites:

- word 3-shingles (Jaccard): catches copies and light edits of one agency text;
- content words (Jaccard over words of 3+ letters that are not stop words):
  catches two reporters' own accounts of one event, which share the names,
  places and numbers (Kutno, wagons, 31, Rudnik) but few exact phrases.

Only articles of the same local day are compared, and the grouping is
transitive (union-find), so three reports of one event end in one group. An
article the store already marked as a duplicate (``duplicate_of``) joins its
original's group whatever the texts say. No heavy dependencies: a day is a few
hundred articles at most, so comparing every pair of the day is cheap.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from zoneinfo import ZoneInfo

from briefing.models import StoredArticle

SHINGLE_SIZE = 3
#: Thresholds measured on ../shared/corpus (33 articles): the two Kutno derailment reports score 0.07
#: (shingles) and 0.31 (content words); the closest unrelated same-day pair (snowstorm / power demand)
#: 0.01 and 0.11. The content threshold sits between them.
SHINGLE_THRESHOLD = 0.25
CONTENT_THRESHOLD = 0.22
STOP_WORDS = frozenset(
    ["the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "her", "was", "one", "our", "out", "has", "have", "him", "his", "how", "its", "may", "new", "now", "old", "see", "two", "way", "who", "did", "get", "got", "let", "say", "she", "too", "use", "from", "that", "this", "with", "they", "will", "would", "there", "their", "what", "when", "where", "which", "while", "been", "were", "said", "says", "into", "than", "then", "them", "these", "those", "also", "after", "before", "about", "over", "under", "more", "most", "some", "such", "only", "other", "just", "very", "could", "should", "being", "because", "between", "during", "year", "years", "day", "days", "week", "time", "first", "last", "told", "according", "since", "still", "would", "here"]
)


@dataclass(frozen=True)
class TextPrint:
    """What the comparison needs of one article."""

    shingles: frozenset[tuple[str, ...]]
    content_words: frozenset[str]


def text_print(stored: StoredArticle) -> TextPrint:
    article = stored.article
    text = " ".join([article.title, article.lead, *article.body])
    words = re.findall(r"\w+", text.lower())
    shingles = frozenset(tuple(words[i : i + SHINGLE_SIZE]) for i in range(len(words) - SHINGLE_SIZE + 1))
    content = frozenset(w for w in words if (len(w) >= 3 or w.isdigit()) and w not in STOP_WORDS)
    return TextPrint(shingles, content)


def jaccard(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def similarity(a: TextPrint, b: TextPrint) -> float:
    """The stronger of the two overlaps, each scaled so 1.0 means "at its threshold"."""
    return max(
        jaccard(a.shingles, b.shingles) / SHINGLE_THRESHOLD,
        jaccard(a.content_words, b.content_words) / CONTENT_THRESHOLD,
    )


def same_story(a: StoredArticle, b: StoredArticle) -> bool:
    """True when two articles (of the same day) tell the same story."""
    return similarity(text_print(a), text_print(b)) >= 1.0


def group_stories(articles: Sequence[StoredArticle], zone: ZoneInfo) -> list[list[StoredArticle]]:
    """Group near-duplicate articles of the same local day; each group's first is its main article.

    The main article is the fullest account (most words; the earlier on a
    tie), so the briefing shows the richest lead and figures. Groups come in
    the order of their main article in ``articles``.
    """
    parent = list(range(len(articles)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[find(j)] = find(i)

    _join_marked_duplicates(articles, union)
    prints = [text_print(stored) for stored in articles]
    days = [stored.article.published.astimezone(zone).date() for stored in articles]
    for i, j in combinations(range(len(articles)), 2):
        if days[i] == days[j] and find(i) != find(j) and similarity(prints[i], prints[j]) >= 1.0:
            union(i, j)

    members: dict[int, list[int]] = {}
    for index in range(len(articles)):
        members.setdefault(find(index), []).append(index)
    groups = [sorted(indices, key=lambda i: (-_word_count(articles[i]), articles[i].article.published, i))
              for indices in members.values()]
    groups.sort(key=lambda indices: indices[0])
    return [[articles[i] for i in indices] for indices in groups]


def _join_marked_duplicates(articles: Sequence[StoredArticle], union) -> None:
    by_id = {stored.article.id: index for index, stored in enumerate(articles) if stored.article.id is not None}
    for index, stored in enumerate(articles):
        if stored.duplicate_of is not None and stored.duplicate_of in by_id:
            union(by_id[stored.duplicate_of], index)


def _word_count(stored: StoredArticle) -> int:
    article = stored.article
    return sum(len(part.split()) for part in (article.lead, *article.body))
