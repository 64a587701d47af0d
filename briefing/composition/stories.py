"""Near-duplicate stories: the same event reported by two sources on the same day.

Two articles are the same story when their texts overlap enough, measured
two ways that catch different rewrites:

- word 3-shingles (Jaccard): catches copies and light edits of one agency text;
- content words (Jaccard over words of 3+ letters that are not stop words):
  catches two reporters' own accounts of one event, which share the names,
  places and numbers (Kutno, wagons, 31, Rudnik) but few exact phrases.

Only articles of the same local day are compared, and not every pair of them:
an inverted index of each article's rarest shared content words (the names and
numbers of its event) gives the candidates, and the exact similarity is
computed on candidates only, so a day of 2,000 articles costs about 2,000
look-ups rather than 2 million comparisons. Background paragraphs that agency
copy repeats across stories make common words, not rare ones, so they bring
no candidates.

Groups do not chain: two articles are one story when they are similar to each
other, not through a third. A group grows only by articles (or groups) similar
to every one of its members, the most similar pairs joining first. An article
the store already marked as a duplicate (``duplicate_of``) joins its
original's group whatever the texts say.
"""

from __future__ import annotations

import itertools
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from zoneinfo import ZoneInfo

from briefing.models import StoredArticle

SHINGLE_SIZE = 3
WORD = re.compile(r"\w+")
#: Thresholds measured on ../shared/corpus (33 articles): the two Kutno derailment reports score 0.07
#: (shingles) and 0.31 (content words); the closest unrelated same-day pair (snowstorm / power demand)
#: 0.01 and 0.11. The content threshold sits between them.
SHINGLE_THRESHOLD = 0.25
CONTENT_THRESHOLD = 0.22
#: a word in more of the day's articles than this tells no event apart (background, boilerplate)
RARE_WORD_MAX_ARTICLES = 40
#: how many of its rarest shared words an article is looked up by
KEY_WORDS_PER_ARTICLE = 24
#: a candidate shares at least this many of an article's key words
MIN_SHARED_KEY_WORDS = 3
STOP_WORDS = frozenset(
    ["the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "her", "was", "one", "our", "out", "has", "have", "him", "his", "how", "its", "may", "new", "now", "old", "see", "two", "way", "who", "did", "get", "got", "let", "say", "she", "too", "use", "from", "that", "this", "with", "they", "will", "would", "there", "their", "what", "when", "where", "which", "while", "been", "were", "said", "says", "into", "than", "then", "them", "these", "those", "also", "after", "before", "about", "over", "under", "more", "most", "some", "such", "only", "other", "just", "very", "could", "should", "being", "because", "between", "during", "year", "years", "day", "days", "week", "time", "first", "last", "told", "according", "since", "still", "would", "here"]
)


@dataclass(frozen=True)
class TextPrint:
    """What the comparison needs of one article; the shingles are made only when a comparison needs them.

    The text is kept rather than its words: a day's words as separate strings
    would take more memory than the articles themselves.
    """

    text: str
    content_words: frozenset[str]

    @cached_property
    def shingles(self) -> frozenset[tuple[str, ...]]:
        words = WORD.findall(self.text)
        return frozenset(zip(*(words[i:] for i in range(SHINGLE_SIZE)), strict=False))


def text_print(stored: StoredArticle) -> TextPrint:
    article = stored.article
    text = " ".join([article.title, article.lead, *article.body]).lower()
    # Interned: the days' articles share one copy of each word, not one per article.
    content = frozenset(sys.intern(w) for w in set(WORD.findall(text)) - STOP_WORDS if len(w) >= 3 or w.isdigit())
    return TextPrint(text, content)


def jaccard(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


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
    return [[articles[i] for i in group] for group in group_indices(articles, zone)]


def group_indices(articles: Sequence[StoredArticle], zone: ZoneInfo) -> list[list[int]]:
    """``group_stories`` as indices into ``articles``: it reads only their text, so it can run before
    their extractions are ready (``enrich.with_current_extractions(meanwhile=)``)."""
    original = _originals(articles)
    by_day: dict[date, list[int]] = defaultdict(list)
    for index, stored in enumerate(articles):
        if original[index] == index:
            by_day[stored.article.published.astimezone(zone).date()].append(index)
    groups: list[list[int]] = []
    for indices in by_day.values():
        prints = [text_print(articles[i]) for i in indices]
        groups.extend([indices[k] for k in members] for members in _complete_link_groups(prints))
    duplicates: dict[int, list[int]] = defaultdict(list)
    for index, root in enumerate(original):
        if root != index:
            duplicates[root].append(index)
    groups = [[*group, *(d for member in group for d in duplicates[member])] for group in groups]
    ordered = [sorted(group, key=lambda i: (-_word_count(articles[i]), articles[i].article.published, i))
               for group in groups]
    ordered.sort(key=lambda group: group[0])
    return ordered


def _originals(articles: Sequence[StoredArticle]) -> list[int]:
    """For each article, the index of the original it was marked a duplicate of (itself when none)."""
    by_id = {stored.article.id: index for index, stored in enumerate(articles) if stored.article.id is not None}
    parent = [by_id.get(stored.duplicate_of, index) if stored.duplicate_of is not None else index
              for index, stored in enumerate(articles)]
    roots = []
    for index in range(len(articles)):
        seen = {index}
        root = index
        while parent[root] != root and parent[root] not in seen:  # a cycle of marks ends at the first repeat
            root = parent[root]
            seen.add(root)
        roots.append(root)
    return roots


def similar_pairs(prints: Sequence[TextPrint]) -> dict[tuple[int, int], float]:
    """The pairs ``(i, j)``, ``i < j``, that tell the same story, with their similarity; candidates only.

    An article's key words are its rarest content words that some other
    article of the day has too (and at most ``RARE_WORD_MAX_ARTICLES`` have);
    the candidates of an article are the articles sharing at least
    ``MIN_SHARED_KEY_WORDS`` of them. Linear in the day's articles for
    ordinary news: each look-up touches a handful of articles.
    """
    spread = Counter(itertools.chain.from_iterable(text.content_words for text in prints))
    rare = frozenset(word for word, holders in spread.items() if 1 < holders <= RARE_WORD_MAX_ARTICLES)
    # Only rare words are looked up, so only they are indexed: most of a day's words are in one article or many.
    postings: dict[str, list[int]] = defaultdict(list)
    keys_of = []
    for index, text in enumerate(prints):
        own = text.content_words & rare
        for word in own:
            postings[word].append(index)
        keys_of.append(sorted((spread[w], w) for w in own)[:KEY_WORDS_PER_ARTICLE])
    checked: set[tuple[int, int]] = set()
    pairs: dict[tuple[int, int], float] = {}
    for index, text in enumerate(prints):
        counts: Counter[int] = Counter()
        for _, word in keys_of[index]:
            counts.update(postings[word])
        for other, count in counts.items():
            pair = (index, other) if index < other else (other, index)
            if other == index or count < MIN_SHARED_KEY_WORDS or pair in checked:
                continue
            checked.add(pair)
            score = _score(text, prints[other])
            if score >= 1.0:
                pairs[pair] = score
    return pairs


class EarlierArticles:
    """Articles of earlier days, indexed once by their content words, to find the one a story follows.

    Compared with every earlier article in turn, a day of 2,000 stories after three days of 2,000 articles
    made 12 million comparisons. Here a story is compared only with the earlier articles that share at
    least ``MIN_SHARED_KEY_WORDS`` of its ``KEY_WORDS_PER_ARTICLE`` rarest words (the names and places of
    its event), as the day's own stories are grouped.
    """

    def __init__(self, articles: Sequence[StoredArticle]) -> None:
        self.articles = list(articles)
        self._prints = [text_print(stored) for stored in self.articles]
        postings: dict[str, list[int]] = defaultdict(list)
        for index, text in enumerate(self._prints):
            for word in text.content_words:
                postings[word].append(index)
        # A word of more articles than that is never a key word: its postings are not kept.
        self._postings = {word: found for word, found in postings.items() if len(found) <= RARE_WORD_MAX_ARTICLES}

    def __bool__(self) -> bool:
        return bool(self.articles)

    def first_alike(self, stored: StoredArticle, threshold: float) -> StoredArticle | None:
        """The first of the articles (in their order) whose ``similarity`` to ``stored`` reaches ``threshold``."""
        own = text_print(stored)
        spread = ((len(self._postings.get(w, ())), w) for w in own.content_words)
        keys = sorted(pair for pair in spread if 0 < pair[0] <= RARE_WORD_MAX_ARTICLES)[:KEY_WORDS_PER_ARTICLE]
        counts: Counter[int] = Counter()
        for _, word in keys:
            counts.update(self._postings[word])
        for index in sorted(n for n, count in counts.items() if count >= MIN_SHARED_KEY_WORDS):
            if similarity(own, self._prints[index]) >= threshold:
                return self.articles[index]
        return None


def _score(a: TextPrint, b: TextPrint) -> float:
    """``similarity(a, b)``, skipping the shingles when the content words are far apart.

    Texts that share a quarter of their 3-word shingles share far more than
    half the content-word overlap the threshold asks; below that, the pair is
    not a story and the costlier shingle sets are not made.
    """
    if jaccard(a.content_words, b.content_words) < CONTENT_THRESHOLD / 2:
        return 0.0
    return similarity(a, b)


def _complete_link_groups(prints: Sequence[TextPrint]) -> list[list[int]]:
    """Groups in which every two members are similar: the most similar pairs join first, nothing chains."""
    pairs = similar_pairs(prints)
    group_of = list(range(len(prints)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(prints))}
    for (i, j), _ in sorted(pairs.items(), key=lambda item: (-item[1], item[0])):
        a, b = group_of[i], group_of[j]
        if a == b or not all((min(x, y), max(x, y)) in pairs for x in members[a] for y in members[b]):
            continue
        keep, gone = min(a, b), max(a, b)
        for member in members[gone]:
            group_of[member] = keep
        members[keep].extend(members.pop(gone))
    return [sorted(group) for _, group in sorted(members.items())]


def _word_count(stored: StoredArticle) -> int:
    article = stored.article
    return sum(len(part.split()) for part in (article.lead, *article.body))
