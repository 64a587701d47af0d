"""The grammar of written numbers: digits, number words and scales.

``find_numbers`` finds the numbers as English news writes them, each a
``Number`` with its value:

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
from functools import lru_cache
from typing import NamedTuple

from briefing.extraction.text import WholeWords, is_whole_word
from briefing.language.vocabulary import SCALES as VOCABULARY_SCALES
from briefing.language.vocabulary import SCALES_READ_ONLY

ONES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
SCALES = {word: factor for word, factor in VOCABULARY_SCALES + SCALES_READ_ONLY}


_ones = "|".join(sorted(ONES, key=len, reverse=True))
_ones_1_9 = "one|two|three|four|five|six|seven|eight|nine"
_tens = "|".join(TENS)
_scale = "|".join(SCALES)
_small = rf"(?:(?:{_tens})(?:[-\s](?:{_ones_1_9}))?\b|(?:{_ones})\b)"
_hundreds = rf"(?:(?:{_small}|a|one)\s+hundred(?:\s+(?:and\s+)?{_small})?|{_small})"
_word_number = rf"""
    (?:half\s+a\s+(?:{_scale}|dozen)
      |a\s+quarter\s+of\s+a\s+(?:{_scale})
      |an?\s+(?:(?:{_scale})|dozen|hundred(?:\s+(?:{_scale}))?)
      |{_hundreds}(?:\s+and\s+a\s+half)?(?:\s+dozen)?(?:\s+(?:{_scale}))?
    )\b"""
_digits = r"(?:\d{1,3}(?:[,\u00a0\u202f\u2009]\d{3})+|\d+)(?:\.\d+)?"

_WORD_NUMBER_RE = re.compile(_word_number, re.IGNORECASE | re.VERBOSE)
_DIGITS_CORE_RE = re.compile(_digits)
# The same numbers, written to open with a plain digit: a pattern whose first item is one
# character class lets the regex engine skip ahead fast to the next digit, so one scan of a
# paragraph finds every number in digits (the alternatives are tried in the same order).
# That class is not \d, which the engine checks against the Unicode tables at every character,
# but ASCII digits and every character from U+0660, the first decimal digit of another script:
# a range test, cheap; the lookbehind then keeps only a real digit (`\d`, as before).
_DIGITS_SCAN_RE = re.compile(r"[0-9\u0660-\U0010ffff](?<=\d)(?:\d{0,2}(?:[,\u00a0\u202f\u2009]\d{3})+|\d*)(?:\.\d+)?")
_SCALE_INITIALS = frozenset(w[0] for w in SCALES) | frozenset(w[0].upper() for w in SCALES)  # first letters


_SCALE_AFTER_RE = re.compile(rf"[\s-]?(?P<scale>(?i:{_scale}))\b")  # `1.2 million`, `$1.2-billion`
# Where a number in words may start: a scan for the first words of one (apart from the scan
# for digits: the regex engine skips ahead fast only for a simple start).
_first_words = [*ONES, *TENS, "half"] + [f"a {w}" for w in ("dozen", "hundred", "quarter", *SCALES)]
_WORD_STARTS = WholeWords(_first_words + [w.capitalize() for w in _first_words])


class Number(NamedTuple):
    """A number as written: its span, its digits or words, a scale word, and its value."""

    start: int
    end: int
    digits: str  # `1,000`, `2.5`; "" for a number in words
    scale: str  # `million` in `1.2 million`, as written
    words: str  # `two and a half`; "" for digits
    value: float
    multiplier: float  # the scale's factor (`million` -> 1e6), 1 without one


def find_numbers(text: str) -> list[Number]:
    """Every number in ``text``, in order, never two overlapping."""
    found: list[Number] = []
    covered = 0  # the end of the last number: the digits of its fraction are no numbers of their own
    for core in _DIGITS_SCAN_RE.finditer(text):
        digits = core.group()
        pos, end = core.span()
        if pos < covered:
            continue
        whole = digits.isdigit()
        number = _new_number(Number, (pos, end, digits, "", "", float(digits) if whole
                                      else digits_value(digits), 1.0))
        nxt = text[end:end + 1]
        if nxt in _SCALE_INITIALS or nxt in _SPACES and text[end + 1:end + 2] in _SCALE_INITIALS:
            number = _scale_after(text, number)
        elif whole and (nxt in _FRACTION_GLYPHS or nxt == " " and "/" in text[end + 2:end + 4]):
            number = _fraction_after(text, number)
        found.append(number)
        covered = number.end
    digit_numbers, words_end = len(found), 0
    for pos, first_word_end in _WORD_STARTS.spans(text):
        if pos < words_end or not is_whole_word(text, pos, first_word_end):
            continue  # `a million` inside `half a million`
        in_words = _words_at(text, pos)  # a letter stands at pos: `match_number` for words
        if in_words is not None and in_words.words:
            found.append(in_words)
            words_end = in_words.end
    if len(found) > digit_numbers and digit_numbers:
        found.sort()
    return found


_new_number = tuple.__new__  # a Number made without the call of NamedTuple's own __new__, once per number


def _digits_at(text: str, pos: int, end: int) -> Number:
    core = _DIGITS_CORE_RE.match(text, pos, end)
    assert core is not None, "called only where a digit stands at pos"
    digits, end = core.group(), core.end()
    number = Number(pos, end, digits, "", "", digits_value(digits), 1.0)
    nxt = text[end:end + 1]
    if nxt in _SCALE_INITIALS or nxt in _SPACES and text[end + 1:end + 2] in _SCALE_INITIALS:
        return _scale_after(text, number)
    return number


_SPACES = frozenset(" \u00a0-")  # what may stand between a number and its scale word

# `2½ hours`, `2 1/2 cups`: a whole number and a fraction are one number (a fraction alone counts
# nothing, as ../shared/spec/extraction.md says of fractions in words).
_FRACTION_GLYPHS = {"½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5,
                    "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8, "⅞": 7 / 8}
_FRACTION_AFTER_RE = re.compile(r" (?P<over>[1-9]|1[0-5])/(?P<under>[2-9]|1[0-6])(?![\d/])")


def _fraction_after(text: str, number: Number) -> Number:
    """The whole number with the fraction right after it, if one follows: `2½`, `2 1/2` (a proper one)."""
    glyph = _FRACTION_GLYPHS.get(text[number.end:number.end + 1])
    if glyph is not None:
        return number._replace(end=number.end + 1, value=round(number.value + glyph, 6))
    written = _FRACTION_AFTER_RE.match(text, number.end)
    if written is None or int(written.group("over")) >= int(written.group("under")):
        return number
    fraction = int(written.group("over")) / int(written.group("under"))
    return number._replace(end=written.end(), value=round(number.value + fraction, 6))


def _scale_after(text: str, number: Number) -> Number:
    """The number with the scale word after it, if one follows: `1.2 million`."""
    written = _SCALE_AFTER_RE.match(text, number.end)
    if written is None:
        return number
    scale = written.group("scale")
    multiplier = SCALES[scale.lower()]
    return number._replace(end=written.end(), scale=scale, value=round(number.value * multiplier, 6),
                           multiplier=multiplier)


def match_number(text: str, pos: int) -> Number | None:
    """The number starting exactly at ``pos``, or None."""
    if text[pos:pos + 1].isdigit():
        return _digits_at(text, pos, len(text))
    return _words_at(text, pos)


def _words_at(text: str, pos: int) -> Number | None:
    m = _WORD_NUMBER_RE.match(text, pos)
    if not m:
        return None
    words = m.group(0)
    last = words.lower().split()[-1]
    return Number(pos, m.end(), "", "", words, words_value(words), SCALES.get(last, 1.0))


_SEPARATORS = str.maketrans("", "", ",\u00a0\u202f\u2009")
_WORD_SPLIT = re.compile(r"[\s-]+")


def digits_value(digits: str) -> float:
    return float(digits.translate(_SEPARATORS))


@lru_cache(maxsize=1024)
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


def is_bare_one(number: Number) -> bool:
    """`one` on its own: idioms (`one of the`, `one day`), never a key figure."""
    return number.words.lower() == "one"
