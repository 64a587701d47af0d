"""The grammar of written numbers: digits, number words and scales.

``NUMBER_RE`` finds a number as English news writes it and ``number_value``
turns the match into a float:

- digits with thousands separators (comma, no-break or thin space) and
  decimals: ``1,000``, ``2.5``, ``1 200``;
- digits with a scale word or suffix: ``1.2 million``, ``3.1bn``, ``700k``,
  ``€3m`` (the suffixes ``k``, ``m``, ``bn`` are decided by the caller, who
  sees the currency and the noun);
- number words: ``twelve``, ``Seventy-one``, ``two hundred and fifty``,
  ``a dozen``, ``one million``, ``half a million``, ``two and a half``.

A bare ``hundred`` or ``thousand`` (``several hundred``) and the fractions
on their own (``a third``) are not numbers here: they count nothing exactly.
"""

from __future__ import annotations

import re

from briefing.extraction.text import trie_pattern

ONES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Written right after digits: `3.1bn`, `700k`, `12.6 mln`. `m` and `k` are ambiguous and
# resolved by the caller (million or metres; thousand).
SCALE_SUFFIXES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "bln": 1e9, "tn": 1e12,
                  "trn": 1e12}

_ones = "|".join(sorted(ONES, key=len, reverse=True))
_ones_1_9 = "one|two|three|four|five|six|seven|eight|nine"
_tens = "|".join(TENS)
_scale = "thousand|million|billion|trillion"
_small = rf"(?:(?:{_tens})(?:[-\s](?:{_ones_1_9}))?\b|(?:{_ones})\b)"
_hundreds = rf"(?:(?:{_small}|a|one)\s+hundred(?:\s+(?:and\s+)?{_small})?|{_small})"
_word_number = rf"""
    (?:half\s+a\s+(?:{_scale}|dozen)
      |a\s+quarter\s+of\s+a\s+(?:{_scale})
      |an?\s+(?:(?:{_scale})|dozen|hundred(?:\s+(?:{_scale}))?)
      |{_hundreds}(?:\s+and\s+a\s+half)?(?:\s+dozen)?(?:\s+(?:{_scale}))?
    )\b"""
_digits = r"(?:\d{1,3}(?:[,\u00a0\u202f\u2009]\d{3})+|\d+)(?:\.\d+)?"

NUMBER_RE = re.compile(
    rf"""(?P<digits>{_digits})(?:(?P<scale_space>\s?)(?P<scale>{_scale})\b)?
        |(?P<words>{_word_number})""",
    re.IGNORECASE | re.VERBOSE,
)
# Where a number may start. Two plain scans are much faster than one over both
# alternatives: a digit run, and the first words a number in words can start with.
_DIGITS_RE = re.compile(  # the digit half of NUMBER_RE, with a `words` group that never matches
    rf"(?P<digits>{_digits})(?:(?P<scale_space>\s?)(?P<scale>(?i:{_scale}))\b)?(?P<words>(?!)x)?")
_first_words = [*ONES, *TENS, "half"] + [f"a {w}" for w in ("dozen", "hundred", "quarter", *SCALES)]
_WORD_START_RE = re.compile(r"\b(?:" + trie_pattern(_first_words + [w.capitalize() for w in _first_words]) + r")\b")


def find_numbers(text: str) -> list[re.Match]:
    """Every number in ``text``, in order, as ``NUMBER_RE`` matches (never two overlapping)."""
    found = list(_DIGITS_RE.finditer(text))
    digit_numbers, words_end = len(found), 0
    for start in _WORD_START_RE.finditer(text):
        if start.start() < words_end:
            continue  # `a million` inside `half a million`
        m = NUMBER_RE.match(text, start.start())
        if m and m.group("words") and not any(f.start() <= m.start() < f.end() for f in found[:digit_numbers]):
            found.append(m)
            words_end = m.end()
    if len(found) > digit_numbers:
        found.sort(key=lambda m: m.start())
    return found


_SEPARATORS = str.maketrans("", "", ",\u00a0\u202f\u2009")
_WORD_SPLIT = re.compile(r"[\s-]+")


def digits_value(digits: str) -> float:
    return float(digits.translate(_SEPARATORS))


def words_value(words: str) -> float:
    """The value of a number written in words (`two and a half million` -> 2500000)."""
    tokens = [t for t in _WORD_SPLIT.split(words.lower()) if t]
    if tokens[0] == "half" and len(tokens) == 3:  # half a million / half a dozen
        return 0.5 * (12 if tokens[2] == "dozen" else SCALES[tokens[2]])
    if tokens[:2] == ["a", "quarter"]:
        return 0.25 * SCALES[tokens[-1]]
    total, current = 0.0, 0.0
    for i, token in enumerate(tokens):
        if token in ONES:
            current += ONES[token]
        elif token in TENS:
            current += TENS[token]
        elif token in ("a", "an"):
            if tokens[i - 1:i] != ["and"]:
                current = current or 1.0
        elif token == "half":
            current += 0.5
        elif token == "hundred":
            current = (current or 1.0) * 100
        elif token == "dozen":
            current = (current or 1.0) * 12
        elif token in SCALES:
            total += (current or 1.0) * SCALES[token]
            current = 0.0
    return total + current


def number_value(match: re.Match) -> float:
    """The value of a ``NUMBER_RE`` match, with a written scale word applied."""
    if match.group("words"):
        return words_value(match.group("words"))
    value = digits_value(match.group("digits"))
    if match.group("scale"):
        value *= SCALES[match.group("scale").lower()]
    return value


def number_multiplier(match: re.Match) -> float:
    """The scale word's factor (`3 million` -> 1e6), to carry over a range (`2-3 million`)."""
    written = (match.group("scale") or match.group("words") or "").lower().split()
    return SCALES.get(written[-1], 1.0) if written else 1.0


def is_bare_one(match: re.Match) -> bool:
    """`one`, `a`, `an` on their own: idioms (`one of the`, `one day`), never a key figure."""
    words = match.group("words")
    return bool(words) and words.lower() in ("one", "a", "an")
