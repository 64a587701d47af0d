"""Text helpers shared by the figure and quote passes: spans to skip, sentences.

Everything works on offsets into the segment's own text, so a figure or quote
keeps its exact position; masking replaces characters one for one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from briefing.language.vocabulary import ABBREVIATIONS
from briefing.language.vocabulary import MONTHS_PATTERN as MONTHS


def trie_pattern(words) -> str:
    """A regex alternation of ``words`` factored as a trie (`s(?:aid|ays)`).

    Python's regex engine tries the branches of a plain alternation one by one
    at every position; sharing prefixes makes a scan of a long word list several
    times faster.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)

def whole_words_pattern(words) -> re.Pattern:
    """A scan for any of ``words`` (ASCII words) as whole words.

    Word boundaries are ASCII ones, which the regex engine checks much faster
    than Unicode ones; the engine then also stops next to a letter of another
    script (`łtwo`), so the caller keeps only matches that ``is_whole_word``.
    A lookahead for the letters the words start with comes first: the engine
    rejects most word starts on that one character class instead of trying
    each branch of the trie there.
    """
    initials = "".join(sorted({re.escape(w[0]) for w in words}))
    return re.compile(r"\b(?=[" + initials + r"])(?:" + trie_pattern(words) + r")\b", re.ASCII)


class WholeWords:
    """A scan for any of ``words`` (ASCII words) as whole words, faster than ``whole_words_pattern``
    over long texts: ``spans(text)`` gives where each match starts and ends.

    A leading \\b is checked at every position of the text; here the scan opens instead with the
    character before the word (anything but an ASCII letter, digit or underscore, as \\b in ASCII
    mode), a plain character class the regex engine skips ahead to, and only the text's first word,
    which has no character before it, is matched apart. The matches are the same: a word after
    the end of a match has a character between them. As with ``whole_words_pattern``, the caller
    keeps only matches that ``is_whole_word``.
    """

    def __init__(self, words) -> None:
        initials = "".join(sorted({re.escape(w[0]) for w in words}))
        self._at_start = whole_words_pattern(words)
        self._after_break = re.compile(
            r"[^A-Za-z0-9_](?=[" + initials + r"])(" + trie_pattern(words) + r")\b", re.ASCII)

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        first = self._at_start.match(text)
        if first is not None:
            yield first.span()
        for m in self._after_break.finditer(text, first.end() if first is not None else 0):
            yield m.span(1)


def is_whole_word(text: str, start: int, end: int) -> bool:
    """No letter, digit or underscore of any script touches text[start:end] on either side."""
    before = text[start - 1:start] if start else ""
    after = text[end:end + 1]
    return not (before.isalnum() or before == "_" or after.isalnum() or after == "_")


# After a number: a month (`3 February`, `12 to 22 February`) or am/pm (`5 pm`).
_AFTER_RE = re.compile(
    rf"(?:st|nd|rd|th)?\s*(?:of\s+)?{MONTHS}(?![a-z])"
    rf"|\s*(?:-|–|to|and|until|till)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTHS}(?![a-z])"
    r"|\s?(?:[aApP]\.?[mM]\b\.?)")
# The characters those can start with, right after the number and after one space; and the
# characters the date before a number can end with: checked first, as most numbers are no date.
_AFTER_FIRST = frozenset("strnoJFMASOND-–aupP")
_AFTER_SPACED = frozenset("oJFMASOND-–taupP")
_BEFORE_LAST = frozenset("-–od")
_MONTH_BEFORE_RE = re.compile(rf"{MONTHS}\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*)?\Z")
_NUMERIC_DATE_RE = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\d{4}-\d{2}-\d{2}")
_LIST_MARKER_RE = re.compile(r"\s*\d{1,3}[.)]\s")
_PHONE_RE = re.compile(r"\+?\(?\d{1,4}\)?(?:[ -]\d{2,4}){2,}")
_PHONE_CHARS = frozenset("0123456789 +()-")


def word_before(text: str, pos: int, lower: bool = True) -> str:
    """The word right before ``pos`` (lower case unless ``lower`` is False), or "" after punctuation
    or a digit."""
    head = text[max(0, pos - 30):pos].rstrip()
    if not head or not head[-1].isalpha():
        return ""
    word = head.rsplit(None, 1)[-1]
    return word.lower() if lower else word


def may_hold_address(text: str) -> bool:
    """Whether ``text`` may hold a web or e-mail address at all: checked once, not for each number."""
    return "://" in text or "www." in text or "@" in text


def is_date_time_or_code(text: str, start: int, end: int, addresses: bool = True) -> bool:
    """The number at text[start:end] is part of a date, a time, a phone number, a web address or
    a list marker: `3 February`, `Feb 3-5`, `17:45`, `5 pm`, `03.02.2026`, `+48 22 555 01 23`,
    `https://…/2026/02/`, `24/7`, `1. Kacper Wilk`. ``addresses`` False says the text holds no
    web or e-mail address (``may_hold_address``)."""
    nxt = text[end:end + 1]
    after = text[end + 1:end + 2]
    if nxt in ":/" and after.isdigit():
        return True
    if nxt in ".-" and _NUMERIC_DATE_RE.match(text, start):
        return True
    if (nxt in _AFTER_FIRST or nxt.isspace() and (after in _AFTER_SPACED or after.isspace())) \
            and _AFTER_RE.match(text, end):
        return True
    previous = text[start - 1:start] if start else ""
    if (previous.isspace() or previous in _BEFORE_LAST) and _MONTH_BEFORE_RE.search(text, max(0, start - 24), start):
        return True
    if start < 4 and not text[:start].strip() and _LIST_MARKER_RE.match(text):
        return True
    if addresses:
        left = text.rfind(" ", 0, start) + 1
        right = text.find(" ", end)
        token = text[left:right if right >= 0 else len(text)]
        if "://" in token or "www." in token or "@" in token:
            return True
    if nxt in " -" and after.isdigit() or previous in "+(":
        return _in_phone_number(text, start, end)
    return previous in " -" and text[start - 2:start - 1].isdigit() and _in_phone_number(text, start, end)


def _in_phone_number(text: str, start: int, end: int) -> bool:
    left, right = start, end
    while left > 0 and text[left - 1] in _PHONE_CHARS:
        left -= 1
    while right < len(text) and text[right] in _PHONE_CHARS:
        right += 1
    cluster = text[left:right].strip()
    return cluster.count(" ") + cluster.count("-") >= 2 and bool(_PHONE_RE.fullmatch(cluster))


_LONGEST_ABBREVIATION = max(map(len, ABBREVIATIONS))


def _are_initials(word: str) -> bool:
    """`J.M` (before the stop of `J.M. Berger`): capital letters joined by stops."""
    return len(word) > 2 and word[1] == "." and all(len(p) == 1 and p.isupper() for p in word.split("."))


def hide_abbreviation_stops(text: str) -> str:
    """The text with the full stops of abbreviations (`Prof.`, `No.`, `e.g.`) and initials
    (`J. Smith`) turned into spaces, so they end no sentence and break no name."""
    cuts = []
    end = text.find(".")
    while end >= 0:
        nxt = text[end + 1:end + 2]
        if nxt and (nxt.isalnum() or nxt.isspace() or nxt == "_"):  # a stop before a space or a word
            # the word before the stop runs from the last space or bracket; a longer one is no abbreviation
            low = max(0, end - _LONGEST_ABBREVIATION - 1)
            word = text[max(text.rfind(" ", low, end), text.rfind("(", low, end)) + 1:end]
            # most stops end a sentence's last word: initials (`J.M`) are looked for only where a stop
            # follows the word's first letter
            if word in ABBREVIATIONS or (len(word) == 1 and word.isupper()) or word[1:2] == "." and _are_initials(word):
                cuts.append(end)
        end = text.find(".", end + 1)
    if not cuts:
        return text
    pieces, pos = [], 0
    for cut in cuts:
        pieces += [text[pos:cut], " "]
        pos = cut + 1
    pieces.append(text[pos:])
    return "".join(pieces)


# A sentence's end: its stop, any closing marks, and one or two spaces before the next word
# (a wider gap is masked text, not a sentence break). The first stop is written apart from the
# others (`[.!?…][.!?…]*`, the same as `[.!?…]+`): a pattern that opens with a plain character
# class lets the regex engine skip ahead fast to the next stop instead of trying every position.
_SENTENCE_END_RE = re.compile(r"[.!?…][.!?…]*[\"'”’»)\]]*\s{1,2}(?=\S)")
# The same ends in a text with no `!`, `?` or `…`, as most paragraphs are: a pattern that opens
# with one plain character is scanned for faster still than one that opens with a class.
_FULL_STOP_END_RE = re.compile(r"\.[.!?…]*[\"'”’»)\]]*\s{1,2}(?=\S)")
_SENTENCE_OPENERS = frozenset("\"“„«‘'(")


def sentence_starts(masked: str) -> list[int]:
    """Offsets where sentences begin, found in text whose quotes are masked."""
    starts = [0]
    ends = _SENTENCE_END_RE if "?" in masked or "!" in masked or "…" in masked else _FULL_STOP_END_RE
    for m in ends.finditer(masked):
        start = m.end()
        first = masked[start]
        if first.isupper() or first.isdigit() or first in _SENTENCE_OPENERS:
            starts.append(start)
    return starts


def sentence_span(starts: list[int], pos: int, length: int) -> tuple[int, int]:
    """The (start, end) of the sentence holding ``pos``."""
    i = bisect_right(starts, pos) - 1
    end = starts[i + 1] if i + 1 < len(starts) else length
    return starts[max(i, 0)], end
