"""Key figures: how much or how many of something, as ../shared/spec/extraction.md says.

For every number ``numbers.find_numbers`` finds, the words before it
(``context.read_before``) decide the sign, the currency and the qualifier and
can show it is a label (`Article 5`, `Boeing 737`, `MZ 412`, `No. 58`); the
words after it (``units.unit_after``) give the unit or show it is no figure.
Numbers in dates, times, phone numbers, web addresses and list markers
(``text.is_date_time_or_code``) are never figures; nor are years.

A number with no noun of its own after a collective noun of people counts
people (`a crowd of 41,200`, `a population of 2,400`, `a workforce of 1,100`).

Then, per article: a range (`20-30 centimetres`, `between 36 and 48 hours`)
lends its unit to the first number; a number compared with a figure counts
the same thing (`1.2 million passengers, up from 400,000`; `1,400 vessels
passed through the canal in 2025, compared with 520 a year earlier`: a
comparison right before the number reaches back through its sentence); any
other number with no unit is kept only when the same value is counted
elsewhere (`users pass 700k` ... `700,000 users`); a figure repeated with the
same value and unit is listed once, with the words of its first occurrence.
An age set off by commas (`Nowak, 54, said`) counts nothing and is dropped.
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

from briefing.extraction.context import NOT_A_FIGURE as NOT_A_LABEL_OR_FIGURE
from briefing.extraction.context import read_before
from briefing.extraction.implied import implied_unit, is_age, is_score, is_subject_of_people, one_counts
from briefing.extraction.lexicon import DURATION_BOUND_VERBS, DURATION_UNITS, STREET_WORDS, UPPER
from briefing.extraction.numbers import Number, find_numbers, is_bare_one
from briefing.extraction.quotes import is_title_case
from briefing.extraction.text import (
    hide_abbreviation_stops,
    is_date_time_or_code,
    may_hold_address,
    word_before,
)
from briefing.extraction.units import NOT_A_FIGURE, UnitMatch, is_plural, unit_after

_STREET_AFTER_RE = re.compile(rf"\s+(?:[{UPPER}][\w’'-]*\s+){{1,3}}(?P<street>[A-Za-z]+)\b\.?")
# `20-30 people`, `between 20 and 30`, and the sides of an area: `40 by 60 feet`, `3 x 4 metres`
_RANGE_GAP_RE = re.compile(r"\s*(?P<word>-|–|—|to|and|or)\s*|\s+(?:by|x|×)\s+", re.IGNORECASE)
_COMPARISON_RE = re.compile(r"\b(?:from|compared\s+with|compared\s+to|against|versus|than)\b", re.IGNORECASE)
# Right before a number with no noun of its own, a comparison carries the noun of the figure it
# is compared with, anywhere earlier in the sentence: `1,400 vessels ... compared with 520`.
_COMPARED_BEFORE_RE = re.compile(
    r"\b(?:compared\s+(?:with|to)|from|against|versus|than|out\s+of)\s+\Z", re.IGNORECASE)
# `reducing the 36 holes to 18`, `went from 166 in May to 139 in June`: the new level of what was counted.
_CHANGED_TO_BEFORE_RE = re.compile(r"\bto\s+\Z")
# `Cruz has 370 delegates, Rubio has 163`: the same word before both numbers, and a noun left out the
# second time (gapping, as parallel clauses do); a word ending a clause of its own is not a verb shared.
# Forms of `be` are left out too: `I was 21 years old, my bride was 20` gives ages, which count nothing.
_NOT_SHARED = frozenset(("the", "a", "an", "and", "or", "but", "of", "that", "which", "than", "in", "on",
                         "is", "was", "are", "were", "be", "been", "being"))
# `9,000 signed online and 400 on paper`: a bare number coordinated with a figure counts the same.
_COORDINATED_BEFORE_RE = re.compile(
    r"\b(?:and|or|but|while|whereas)\s+(?:(?:just|only)\s+)?\Z", re.IGNORECASE)
# `cut 1,200 jobs last year and plans to shed another 800`: `another`, `a further` or `an additional`
# before a number with no noun leaves the noun out (ellipsis); it is the noun of the figure before.
_ANOTHER_BEFORE_RE = re.compile(r"\b(?:[Aa]nother|a\s+further|an\s+(?:additional|extra))\s+\Z")
_OF_THE_BEFORE_RE = re.compile(r"\b[Oo]f\s+(?:the|its|their|those|these|our)\s+\Z")
_SENTENCE_BREAK_RE = re.compile(r"[.;!?]")
_SENTENCE_GAP = 150  # the most text between a figure and a number compared with it
# `a crowd of 41,200`: collective nouns whose number counts people.
_COLLECTIVE_OF_RE = re.compile(
    r"\b(?:crowd|audience|workforce|population|congregation|attendance|electorate)\s+of\s+\Z", re.IGNORECASE)
_BETWEEN_TAIL_RE = re.compile(r"\bbetween\s+\S+\s+and\s+\Z", re.IGNORECASE)
_RANGE_START_RE = re.compile(r"\b(?:between|from)\s+\Z", re.IGNORECASE)
_AND_A_HALF_RE = re.compile(
    r"\b[Aa]n?\s+(?P<unit>second|minute|hour|day|week|month|year|decade)\s+and\s+a\s+half\b")
_RATIO_BASE_RE = re.compile(r"(?:\d+|ten|five|four|three|two|twenty|a\s+hundred)\b", re.IGNORECASE)
_PERCENT_AFTER_RE = re.compile(r"\s?(?:%|per\s?cent\b|percent\b|pc\b|pct\b)", re.IGNORECASE)
# `the top 2 or 3 percent`: a share whose second number carries the percent
_PERCENT_RANGE_AFTER_RE = re.compile(
    r"\s*(?:-|–|to|or|and)\s*\d+(?:\.\d+)?\s?(?:%|per\s?cent\b|percent\b)", re.IGNORECASE)


_POSITION = attrgetter("segment", "start")


class Candidate(NamedTuple):
    """A number with its context, before ranges, merging and de-duplication (a tuple: dozens are
    made per article, and a tuple is made faster than an object)."""

    value: float
    unit: str
    qualifier: str
    kind: str
    segment: int
    start: int  # where the figure's words start (qualifier, sign or currency included)
    number_start: int
    end: int  # where the unit phrase ends
    scaled: bool  # written with a scale, separators or decimals: a specific amount
    multiplier: float = 1.0  # the scale applied (`million`, `bn`, `k`)
    text: str = ""


def find_candidates(segment: int, text: str, title_case: bool = False) -> list[Candidate]:
    """Every number in one segment that may be a figure, in order."""
    found = []
    numbers = find_numbers(text)
    addresses = may_hold_address(text) if numbers else False
    for m in numbers:
        if not is_date_time_or_code(text, m.start, m.end, addresses):
            candidate = _candidate(segment, text, m, title_case)
            if candidate is not None:
                found.append(candidate)
    if "and a half" in text:
        found = sorted(found + _spans_and_a_half(segment, text), key=attrgetter("start"))
    return found


def _spans_and_a_half(segment: int, text: str) -> list[Candidate]:
    """`a week and a half`: 1.5 weeks (the number is split around its unit)."""
    return [Candidate(1.5, m.group("unit") + "s", "", "count", segment, m.start(), m.start(), m.end(), True,
                      1.0, m.group()) for m in _AND_A_HALF_RE.finditer(text)]


_new_candidate = tuple.__new__  # a Candidate made without the call of NamedTuple's own __new__


def _candidate(segment: int, text: str, m: Number, title_case: bool) -> Candidate | None:
    start, end, digits, scale, words, number_value, multiplier = m
    if digits:
        if digits[0] == "0" and (len(digits) > 1 and digits[1] != "." or digits == "0" and text[end:end + 1] in "-–"):
            return None  # 06, 0800: codes and times; `0-62mph`: a sprint, named by its end
    elif is_bare_one(m) and not one_counts(text, start, end):
        return None
    before = read_before(text, start, bool(digits), title_case)
    if before.label:
        if before is NOT_A_LABEL_OR_FIGURE or not (_PERCENT_AFTER_RE.match(text, end)
                                                   or _PERCENT_RANGE_AFTER_RE.match(text, end)):
            return None
        before = before._replace(label=False)  # `dragged the sector 0.4 percent lower`, `the top 2 or 3 percent`
    sign, currency, qualifier, qualifier_word, word_before_qualifier, first, _, _, unit_before = before
    if (digits and len(digits) <= 3 or words) and (is_age(text, start, end) or is_score(text, start, end)) \
            and not _PERCENT_AFTER_RE.match(text, end):
        return None  # `aged 40 to 71`, `a 3-1 win`; but `voters over 60 percent` is a share
    unit = unit_after(text, end, currency=currency, digits=bool(digits), many=number_value != 1)
    if unit is NOT_A_FIGURE or (text[end + 1:end + 2].isupper() and _is_street_number(text, end)):
        return None
    if len(digits) == 4 and not scale and _is_year(digits, unit, qualifier, text[start - 3:start], currency):
        return None
    if unit_before and unit is not None and unit.kind == "count":
        unit = None  # `magnitude 6.1 strikes off Crete`, `magnitude 5.9 tremors`: a measure, the noun is no count
    if unit is None:
        if _is_ratio_after(text, end):
            return None
        unit, first = _unit_left_out(text, first, end, unit_before)
    unit_name, unit_end, kind, unit_scale = unit
    if qualifier_word == "over" and _means_during(word_before_qualifier, unit):
        qualifier, first = "", start  # `over` meaning "during" is dropped: the figure's words start at the number
    value = number_value * unit_scale * (-1 if sign == "-" else 1)
    if value != int(value):
        value = round(value, 6)  # 8.2 million is 8200000, not 8199999.999999999
    scaled = bool(scale or unit_scale != 1.0 or (digits and not digits.isdigit()))
    return _new_candidate(Candidate, (value, unit_name, qualifier, kind, segment, first, start, unit_end, scaled,
                                      unit_scale * multiplier, text[first:unit_end].strip()))


def _unit_left_out(text: str, first: int, end: int, unit_before: str) -> tuple[UnitMatch, int]:
    """The unit of a number with no noun after it, and where the figure's words start: a unit
    written before it (`magnitude 6.8`), a collective noun (`a crowd of 41,200`), a noun the verb
    or the sentence implies (``implied.implied_unit``), else none."""
    if unit_before:
        return UnitMatch(unit_before, end, "measure"), first
    collective = _COLLECTIVE_OF_RE.search(text, max(0, first - 30), first)
    if collective:
        return UnitMatch("people", end, "count"), collective.start()
    implied = implied_unit(text, first, end)
    if not implied and is_subject_of_people(text, first, end):
        return UnitMatch("people", end, "subject"), first  # a coordinated figure may lend a better noun
    return UnitMatch(implied, end, "count"), first


def _is_ratio_after(text: str, end: int) -> bool:
    """`9 in 10 voters`, `six in 10 said`: the first number of a ratio (the second is a ratio's base)."""
    return text.startswith(" in ", end) and _RATIO_BASE_RE.match(text, end + 4) is not None


# Nouns a year before them dates rather than counts: `below 1990 levels`, `pre-pandemic 2019 figures`,
# `at 2010 prices`. A currency's word after a year and `in` is money valued as in that year: `in 2015 dollars`.
_DATED_BY_A_YEAR = frozenset(("level", "levels", "figures", "prices", "terms", "values", "standards"))


def _is_year(digits: str, unit: UnitMatch | None, qualifier: str, word_before: str, currency_before: str) -> bool:
    if len(digits) != 4 or not digits.isdigit() or not 1800 <= int(digits) <= 2100:
        return False
    if unit is not None and (unit.unit.rpartition(" ")[2].lower() in _DATED_BY_A_YEAR
                             or unit.kind == "currency" and not currency_before and word_before == "in "):
        return True
    if unit is not None and unit.kind in ("percent", "temperature", "measure", "currency", "rate"):
        return False
    counted = unit is not None and unit.unit and is_plural(unit.unit.split()[-1])
    return not (counted and (qualifier or word_before == "of "))  # `a poll of 2047 voters`


def _is_street_number(text: str, pos: int) -> bool:
    """`115 Kartuska Street` (the caller checks first that a capital follows the number)."""
    m = _STREET_AFTER_RE.match(text, pos)
    return m is not None and m.group("street").lower() in STREET_WORDS


def _means_during(word_before: str, unit: UnitMatch) -> bool:
    """`shot over 41 days` is "during"; `lasted over 41 days` is "more than"."""
    words = unit.unit.split()
    if not words or words[-1].lower() not in DURATION_UNITS:
        return False
    return bool(word_before) and word_before not in DURATION_BOUND_VERBS


def join_ranges(candidates: list[Candidate], segments: list[str]) -> list[Candidate]:
    """`20-30 centimetres`, `between 36 and 48 hours`: one unit for both numbers, the range as text."""
    out = list(candidates)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        if first.segment != second.segment or second.start - first.end > 7 or (first.unit and second.unit):
            continue
        text = segments[first.segment]
        gap = text[first.end:second.start]
        listed = gap == ", " and not first.unit and first.value < second.value and not first.scaled  # `two, three hours`
        if not (listed or _RANGE_GAP_RE.fullmatch(gap)) or _BETWEEN_TAIL_RE.search(
                text[max(0, first.start - 30):first.start]):
            continue  # `aged between 9 and 12 and three teachers`: 12 closes a range already
        lead = _RANGE_START_RE.search(text[max(0, first.start - 12):first.start])
        if not first.unit and second.unit:  # `20-30 centimetres`, `between 2 and 3 million people`
            multiplier = second.multiplier if first.multiplier == 1.0 else 1.0
            first = first._replace(value=first.value * multiplier, unit=second.unit, kind=second.kind)
        elif first.kind == "currency" and not second.unit:  # `PLN 20-30 million`
            multiplier = second.multiplier if first.multiplier == 1.0 else 1.0
            first = first._replace(value=first.value * multiplier)
            second = second._replace(unit=first.unit, kind=first.kind)
        else:
            continue
        start = first.start - (min(first.start, 12) - lead.start()) if lead else first.start
        range_text = text[start:second.end].strip()
        out[i] = first._replace(qualifier="", start=start, text=range_text)
        out[i + 1] = second._replace(qualifier="", start=start, text=range_text)
    return out


def article_figures(segments: list[str]) -> list[Candidate]:
    """The figures of a whole article, ranges joined, repeats and unit-less numbers resolved."""
    candidates: list[Candidate] = []
    for index, text in enumerate(segments):
        candidates.extend(find_candidates(index, text, title_case=index == 0 and is_title_case(text)))
    return _merge(_borrow_compared_units(join_ranges(candidates, segments), segments))


def _borrow_compared_units(candidates: list[Candidate], segments: list[str]) -> list[Candidate]:
    """A number compared with a figure, or listed after it at the same scale, counts the same:
    `1.2 million passengers a year, up from about 400,000`, `21.3 million passengers, followed
    by Kraków with 11.1 million`, `1,400 vessels passed through the canal in 2025, compared with
    520 a year earlier`."""
    out = list(candidates)
    if out and out[0].kind == "subject":
        out[0] = out[0]._replace(kind="count")
    for i in range(1, len(out)):
        loose, prior = out[i], out[i - 1]
        if loose.kind == "subject":  # `158 golf courses closed and just 14 opened`: courses, not people
            out[i] = loose = loose._replace(kind="count")
            if prior.kind != "count" or prior.unit == "people":
                continue
        elif loose.unit:
            continue
        if prior.segment != loose.segment or prior.kind == "compound":
            continue
        text = segments[loose.segment]
        gap = text[prior.end:loose.start]
        if len(gap) > _SENTENCE_GAP or _SENTENCE_BREAK_RE.search(gap) and _SENTENCE_BREAK_RE.search(
                hide_abbreviation_stops(gap)):
            continue  # a stop of `Mr.` or `U.S.` ends no sentence
        counted = prior.kind in ("count", "measure")
        compared = (len(gap) <= 40 and (_COMPARISON_RE.search(gap) or _CHANGED_TO_BEFORE_RE.search(gap)
                                        or counted and _COORDINATED_BEFORE_RE.search(gap))
                    or _COMPARED_BEFORE_RE.search(gap) or counted and _ANOTHER_BEFORE_RE.search(gap))
        same_scale = counted and len(gap) <= 60 and loose.scaled and loose.multiplier == prior.multiplier > 1
        shared_verb = counted and len(gap) <= 80 and _same_word_before(text, prior.start, loose.start)
        if compared or same_scale or shared_verb or counted and _part_of(text, prior.start, gap):
            out[i] = loose._replace(unit=prior.unit, kind=prior.kind, text=loose.text)
    return out


def _same_word_before(text: str, prior: int, loose: int) -> bool:
    """The same lower-case word (a verb or a preposition) stands before both numbers."""
    first = word_before(text, prior, lower=False)
    return first.islower() and first == word_before(text, loose, lower=False) and first not in _NOT_SHARED


def _part_of(text: str, prior: int, gap: str) -> bool:
    """`Of the 500 workers, 120 will lose their jobs`, `Of the 121 people detained in the raids, 77 have
    been deported`: a part of the whole the sentence opens with, right after the phrase that names it."""
    head = gap.rstrip()
    return (head.endswith(",") and (len(head) == 1 or len(gap) <= 100 and "," not in head[:-1])
            and _OF_THE_BEFORE_RE.search(text, max(0, prior - 12), prior) is not None)


def _merge(candidates: list[Candidate]) -> list[Candidate]:
    kept: dict[tuple[float, str], Candidate] = {}
    units_by_value: dict[float, list[str]] = {}
    loose_ones = []  # no unit, but a scale, separators, decimals or a qualifier: resolved after the others
    for candidate in candidates:
        if candidate.unit:
            value, unit = _rounded(candidate.value), unit_key(candidate.unit)
            seen = units_by_value.get(value)
            if seen is None:
                units_by_value[value] = [unit]
            elif any(_same_unit(unit, other) for other in seen):
                continue
            else:
                seen.append(unit)
            kept[value, unit] = candidate
        elif candidate.scaled or candidate.qualifier:
            loose_ones.append(candidate)
    for loose in loose_ones:
        value = _rounded(loose.value)
        if value in units_by_value:  # `users pass 700k` ... `700,000 registered users`
            key = (value, units_by_value[value][0])
            candidate = kept[key]
            if (loose.segment, loose.start) < (candidate.segment, candidate.start):
                kept[key] = candidate._replace(segment=loose.segment, start=loose.start, text=loose.text)
        elif (value, "") not in kept and (loose.qualifier or loose.multiplier > 1 or loose.value >= 1000):
            kept[value, ""] = loose._replace(kind="bare")  # `It takes 2,383 to win`, `at least 653`
    return sorted(kept.values(), key=_POSITION)


def _rounded(value: float) -> float:
    """The value to three decimals, as repeats are compared. Most figures are whole numbers, which
    are their own rounding: ``round`` with decimals is slow (it works through the digits)."""
    return value if value.is_integer() else round(value, 3)


def _same_unit(unit: str, other: str) -> bool:
    """The same unit, or one a compound of the other (`schoolchildren`, `children`)."""
    short, long = sorted((unit, other), key=len)
    return short == long or (len(short) >= 5 and long.endswith(short))


@lru_cache(maxsize=4096)
def unit_key(unit: str) -> str:
    """One comparable form of a unit: its last word, singular, lower-case."""
    words = unit.split()
    last = words[-1].lower() if words else ""
    if last.endswith("ies") and len(last) > 4:
        return last[:-3] + "y"
    if last.endswith("s") and not last.endswith("ss") and len(last) > 3:
        return last[:-1]
    return last
