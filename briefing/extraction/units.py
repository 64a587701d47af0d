"""What a number counts or measures: the words right after it.

``unit_after(text, pos, ...)`` looks at the text following a number and
returns a ``UnitMatch`` (the unit as the spec writes it, where the unit phrase
ends, what kind of unit it is, and any scale written as a suffix), ``None``
when nothing follows that could be a unit, or ``NOT_A_FIGURE`` when what
follows shows the number is no figure (`two thirds`, `143rd`, `5am`).

The order of the checks is the order of certainty: a percent sign or a degree
sign beats a currency word, which beats a unit symbol, which beats a compound
adjective (`ten-day`), which beats the counted noun phrase (`450 drones`,
`three large industrial consumers`, `four of the hospitals`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from briefing.extraction.lexicon import (
    FRACTION_WORDS,
    IRREGULAR_PLURALS,
    NOMINAL_ADJECTIVES,
    NP_STOP,
    SINGULAR_S,
    UNIT_DROP_ADJECTIVES,
    UPPER,
)
from briefing.extraction.numbers import match_number
from briefing.extraction.text import trie_pattern
from briefing.language.vocabulary import (
    CURRENCY_CODES,
    CURRENCY_NATIONS,
    CURRENCY_WORDS,
    DOLLAR_NATIONS,
    SPEED_UNITS,
    UNIT_SYMBOLS,
)
from briefing.language.vocabulary import WEEKDAY_NAMES as WEEKDAYS


class UnitMatch(NamedTuple):
    unit: str
    end: int  # offset just after the unit phrase
    kind: str  # percent, temperature, currency, measure, compound, count
    scale: float = 1.0  # a scale written as a suffix: `700k`, `€3m`


NOT_A_FIGURE = UnitMatch("", 0, "none")
_new_unit = tuple.__new__  # a UnitMatch made without the call of NamedTuple's own __new__ (every field given)

_ATTACHED_RE = re.compile(r"[A-Za-z]+")
# Units with a fixed spelling, in one pattern so each number costs one match:
# percent, temperature, a currency written after the number, unit symbols.
# Currency words after a number (`40 million euros`); `pounds` apart, as `pounds sterling` may follow.
# `US`, `Canadian`, `New Zealand`, `Swiss`: as written before a currency's word
_NATIONS = [n.upper() if len(n) == 2 else n.title() for n in CURRENCY_NATIONS]
_CURRENCY_AFTER = sorted(w for w in CURRENCY_WORDS if " " not in w and not w.startswith("pound"))
# The word lists are tries (``trie_pattern``): most numbers are followed by none of them,
# and a trie fails at the first letter where a plain alternation tries every word.
# No unit starts with a space, so the space before one is never given back (`\s?+`): the
# alternatives are not all tried a second time at the space when none matches after it.
_FIXED_UNIT_RE = re.compile(
    r"\s?+(?:(?P<percent>%|(?i:per\s?cent|pct)\b|pc\b)|(?P<points>(?i:percentage[\s-]points?)\b)"
    r"|°\s?(?P<c1>[CF])\b|(?<=\d)(?P<c3>[CF])\b|(?i:degrees?)\s+(?P<c2>Celsius|Fahrenheit|centigrade|C|F)\b"
    r"|(?P<degree_sign>°)|(?P<degrees>(?i:degrees?))\b"
    r"|(?:(?P<nation>" + trie_pattern(sorted(_NATIONS)) + r")\s+)?"
    r"(?P<word>(?i:pounds(?:\s+sterling)?|" + trie_pattern(_CURRENCY_AFTER) + r"))(?!\w)"
    rf"|(?P<code>{trie_pattern(sorted(CURRENCY_CODES))})\b"
    r"|(?P<symbol>" + trie_pattern(UNIT_SYMBOLS) + r")(?![\w/²³]))")
_COMPOUND_RE = re.compile(r"-(?P<word>[a-z]+)(?P<more>(?:-[a-z]+)*)")
# `four of the hospitals`, `nine of its 31 wagons`, `13 of the past 19 contests`, `49 out of the 54 seats`,
# `10 of Clinton's senior staffers`
_OF_THE_RE = re.compile(
    r"\s+(?:out\s+)?of\s+(?:(?:the|its|their|his|her|our|these|those|all(?:\s+the)?"
    # or a name's: `10 of Clinton's senior staffers`, `two of New Zealand's ports`
    rf"|(?:[{UPPER}][\w.-]*\s+){{0,2}}[{UPPER}][\w.-]*['’]s)\s+"
    r"(?:(?:past|last|first|next|other|remaining)\s+)?|(?<=of\s)(?=\d))", re.IGNORECASE)
_SUFFIX_SCALES = {"k": 1e3, "bn": 1e9, "mn": 1e6, "mln": 1e6, "bln": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12}
_IRREGULAR_ENDINGS = ("children", "people", "women", "men")
_NOT_PLURAL_MEN = frozenset(("specimen", "abdomen", "regimen", "omen", "amen"))
# `three-fold`, and terms with a number inside (`a two-pointer`, `a 4-way stop`, `a one-liner`)
_NOT_COMPOUND = {"fold", "odd", "plus", "old", "strong", "pointer", "pointers", "way", "wheeler", "seater", "liner"}
# Words that open a unit of two words, which a compound adjective writes with a hyphen between them:
# `a 2-square-mile zone`, `a 10-percentage-point lead`.
_UNIT_MODIFIERS = frozenset(("square", "cubic", "percentage"))


def _modified_compound(modifier: str, compound: re.Match, scale: float) -> UnitMatch:
    """The unit of a compound adjective whose first word modifies the second: `square mile` (of
    `2-square-mile`), `percentage points` (of `10-percentage-point`, as `10 percentage-point` reads)."""
    head = compound.group("more").split("-")[1]
    end = compound.start("more") + 1 + len(head)
    if modifier == "percentage" and head == "point":
        return UnitMatch("percentage points", end, "percent", scale)
    return UnitMatch(f"{modifier} {head}", end, "compound", scale)


def unit_after(text: str, pos: int, *, currency: str, digits: bool, many: bool = True) -> UnitMatch | None:
    """The unit of the number ending at ``pos`` (``currency`` already found before it, or "").

    ``many`` says the number is not one, so what it counts must be a plural noun.
    """
    scale = 1.0
    following = text[pos:pos + 1]
    if digits and following.isalpha():
        attached = _ATTACHED_RE.match(text, pos)  # None for a letter outside A-Z: `5µm`, `40ł`
        suffix = attached.group(0) if attached else ""
        suffix_end = attached.end() if attached else pos
        # `700k`, `3.1bn`, `2BN`, `$8.4M`; not `4K`
        key = suffix if len(suffix) == 1 and not currency else suffix.lower()
        if key in _SUFFIX_SCALES and (key != "b" or currency):
            scale, pos = _SUFFIX_SCALES[key], suffix_end
        elif key == "m" and (currency or counted_noun(text, suffix_end) is not None):
            scale, pos = 1e6, suffix_end
        elif suffix == "p" and not currency:
            return UnitMatch("pence", suffix_end, "currency")  # `212p`
        elif suffix == "x" and not currency:
            return UnitMatch("times", suffix_end, "measure")  # `a 3x zoom`
        elif suffix == "in" and not currency:
            return UnitMatch("inches", suffix_end, "measure")  # `6ft 4in` (`in` apart is a word)
        elif _fixed_unit(text, pos) is None:
            return NOT_A_FIGURE  # 143rd, 5am, 1990s, 3D (but 4pc, 18C, 5km)
        following = text[pos:pos + 1]
    if currency:
        return _new_unit(UnitMatch, (currency, pos, "currency", scale))
    if following == "-":
        compound = _COMPOUND_RE.match(text, pos)
        if compound:
            word = compound.group("word")
            if word == "strong" and not compound.group("more"):  # `a 5,000-strong crowd`
                crowd = counted_noun(text, compound.end(), many=False)
                return UnitMatch(crowd[0], crowd[1], "count") if crowd and crowd is not NOT_COUNTED else NOT_A_FIGURE
            if (word in FRACTION_WORDS or word in _NOT_COMPOUND or word in NP_STOP
                    or compound.group("more").startswith("-old")):
                return NOT_A_FIGURE  # two-thirds, three-fold, 45-year-old, 1-in-100
            if word in _UNIT_MODIFIERS and compound.group("more"):
                return _modified_compound(word, compound, scale)
            return UnitMatch(word, compound.end(), "compound", scale)
    found = _fixed_unit(text, pos)
    if found is not None:
        return found if scale == 1.0 else found._replace(scale=scale)  # found with no scale of its own
    phrase = counted_noun(text, pos, many)
    if phrase is NOT_COUNTED:
        return NOT_A_FIGURE
    if phrase is None and (text.startswith(" of ", pos) or text.startswith(" out of ", pos)):
        of_the = _OF_THE_RE.match(text, pos)
        if of_the and of_the.group().lstrip().startswith("out") and of_the.group().rstrip().endswith("of"):
            of_the = None  # `3 out of 10 voters`: a ratio
        if of_the:  # `four of the hospitals`, `nine of its 31 wagons`
            after = of_the.end()
            number = match_number(text, after)
            phrase = counted_noun(text, number.end if number else after, True)
            phrase = None if phrase is NOT_COUNTED else phrase
    if phrase is None:
        return _implied_after(text, pos) if scale == 1.0 else UnitMatch("", pos, "count", scale)
    return _per_time(text, _new_unit(UnitMatch, (phrase[0], phrase[1], "count", scale)))


_NEXT_WORD_RE = re.compile(r"\s+([A-Za-z]+)\b")
_CURRENCY_WORD = trie_pattern(sorted(w for w in CURRENCY_WORDS if " " not in w))
# An exchange rate: `97.40 yen per dollar`, `97.40 per dollar`, `7.1 yuan to the dollar`.
_PER_CURRENCY_RE = re.compile(rf"\s+(?:per|a|to\s+the|against\s+the)\s+(?P<per>{_CURRENCY_WORD})\b", re.IGNORECASE)


def _implied_after(text: str, pos: int) -> UnitMatch | None:
    """No noun after the number, but an adjective standing for people (`212 dead`) or a rate
    (`97.40 per dollar`)."""
    m = _NEXT_WORD_RE.match(text, pos)
    if m is None:
        return None
    word = m.group(1).lower()  # a headline writes `12 Missing`
    if word in NOMINAL_ADJECTIVES:
        return UnitMatch(word, m.end(), "count")
    if word in ("per", "a", "to", "against"):
        rate = _PER_CURRENCY_RE.match(text, pos)
        if rate:
            return UnitMatch(f"per {rate.group('per').lower()}", rate.end(), "rate")
    return None


def _fixed_unit(text: str, pos: int) -> UnitMatch | None:
    """Percent, temperature, currency written after the number, unit symbols."""
    m = _FIXED_UNIT_RE.match(text, pos)
    if m is None:
        return None
    if m.group("percent") or m.group("points"):
        return _new_unit(UnitMatch, ("percent" if m.group("percent") else "percentage points", m.end(), "percent", 1.0))
    scale = m.group("c1") or m.group("c2") or m.group("c3")
    if scale or m.group("degree_sign") or m.group("degrees"):
        unit = {"C": "°C", "F": "°F"}.get((scale or "").upper()[:1], "degrees" if m.group("degrees") else "°")
        return UnitMatch(unit, m.end(), "temperature")
    if m.group("code"):
        return UnitMatch(m.group("code"), m.end(), "currency")
    if m.group("word"):
        word = m.group("word").lower().split()[0]
        if word.startswith("pound") and _pounds_of_weight(text, pos, m.end()):
            return UnitMatch(m.group("word"), m.end(), "measure")  # `weighs 2.2 pounds`, `300 pounds of cocaine`
        code = CURRENCY_WORDS.get(word, word)
        nation = (m.group("nation") or "").lower()
        if code == "USD" and nation:
            code = DOLLAR_NATIONS.get(nation, code)
        rate = _PER_CURRENCY_RE.match(text, m.end()) if text[m.end():m.end() + 1] == " " else None
        if rate:  # `97.40 yen per dollar`: a rate, the words as written
            return UnitMatch(f"{m.group('word').lower()} per {rate.group('per').lower()}", rate.end(), "rate")
        return _new_unit(UnitMatch, (code, m.end(), "currency", 1.0))
    return _per_time(text, UnitMatch(UNIT_SYMBOLS[m.group("symbol")], m.end(), "measure"))


# `pounds` weigh after a verb or noun of weight, or before `of` and what is weighed (not money)
_WEIGHT_BEFORE_RE = re.compile(r"\b(?:weigh(?:s|ed|ing)?|weight|heavier|lighter)\b(?:[^.;!?]|\.(?=\d)){0,40}\Z",
                               re.IGNORECASE)
_POUNDS_OF_RE = re.compile(r"\s+of\s+(?P<what>[a-z]+)")
_MONEY_NOUNS = frozenset(("money", "cash", "funding", "funds", "investment", "taxpayers", "revenue", "profit",
                          "profits", "savings", "debt", "debts", "aid", "spending", "public", "damages", "support"))


def _pounds_of_weight(text: str, start: int, end: int) -> bool:
    """`weighs about 2.2 pounds`, `seized 300 pounds of cocaine`: pounds of weight, not sterling."""
    of = _POUNDS_OF_RE.match(text, end)
    if of is not None and of.group("what") not in _MONEY_NOUNS:
        return True
    return _WEIGHT_BEFORE_RE.search(text, max(0, start - 60), start) is not None


_PER_TIME_RE = re.compile(r"\s+(?:per|an|a)\s+(?P<per>hour|second|minute)\b")


def _per_time(text: str, unit: UnitMatch) -> UnitMatch:
    """`90 km per hour` is a speed: `km/h`."""
    end = unit.end
    second = text[end + 1:end + 2]  # most units have another word after them: its first letter decides
    if not (second == "p" or second == "a" or second.isspace()) or not text[end:end + 1].isspace():
        return unit  # `per`, `an` or `a` must follow after a space
    m = _PER_TIME_RE.match(text, end)
    if not m:
        return unit
    speed = SPEED_UNITS.get((unit.unit.split()[-1].lower(), m.group("per")), f"{unit.unit} per {m.group('per')}")
    return UnitMatch(speed, m.end(), "measure", unit.scale)


@lru_cache(maxsize=8192)
def is_plural(word: str) -> bool:
    lower = word.lower()
    if lower in IRREGULAR_PLURALS or lower.endswith(_IRREGULAR_ENDINGS) and lower not in _NOT_PLURAL_MEN:
        return True  # `schoolchildren`, `firemen`, `townspeople`
    if word[:-1].isupper() and word.endswith("s") and len(word) > 2:  # SUVs, MPs
        return True
    return (len(lower) > 2 and lower.endswith("s") and not lower.endswith(("ss", "us", "is", "'s", "’s"))
            and lower not in SINGULAR_S and lower not in NP_STOP)


NOT_COUNTED = ("", 0)  # what follows shows the number counts nothing: `two thirds`
_TRAILING = ",.;:!?)]}”\"’'»…"
_WORD_AT_RE = re.compile(r"\s*(\S+)")
_MAX_WORDS = 6  # how far after a number its counted noun phrase may run


def _word_at(text: str, pos: int) -> tuple[str, int, bool] | None:
    """The next word after ``pos`` as (word, end offset, punctuation follows), or None."""
    m = _WORD_AT_RE.match(text, pos)
    if m is None:
        return None
    raw = m.group(1)
    core = raw.rstrip(_TRAILING)
    if core == raw:
        return raw, m.end(), False
    return (core, m.end() - (len(raw) - len(core)), True) if core else None


def counted_noun(text: str, pos: int, many: bool = True) -> tuple[str, int] | None:
    """The noun phrase a number counts, as (unit, end offset); None, or NOT_COUNTED for a fraction.

    The phrase runs over adjectives and nouns and stops after its first plural
    noun (`flu cases surge` -> `flu cases`), before function words and verbs.
    Leading proper names and adjectives such as `new` are dropped from the unit
    (`over 1,000 Kyiv apartment blocks` -> `apartment blocks`). The words are read
    one at a time: most phrases end after a word or two.
    """
    if not (text[pos:pos + 1].isspace() or text[pos - 1:pos].isspace()):
        return None  # something attached to the number
    current = _word_at(text, pos)
    if current is not None and current[0].lower() in FRACTION_WORDS:
        return NOT_COUNTED
    phrase: list[tuple[str, int]] = []
    read, counts_many = 1, False  # counts_many: the phrase has a plural noun
    while current is not None:
        word, end, punctuated = current
        if len(phrase) >= 5 or not word[:1].isalnum():
            break
        following = _word_at(text, end) if not punctuated and read < _MAX_WORDS else None
        read += 1
        lower = word.lower()
        if word[:1].isdigit():
            if phrase and phrase[-1][0][:1].isupper() and word.isdigit():  # `three Boeing 737 jets`
                phrase.append((word, end))
                current = following
                continue
            break
        if lower in NP_STOP and not (word.isupper() and len(word) > 1):  # `66 US cents`: `US` is no `us`
            nxt = following[0] if following else ""
            if not phrase and lower in UNIT_DROP_ADJECTIVES or (
                    lower in ("and", "or") and phrase and nxt.islower() and nxt not in NP_STOP):
                phrase.append((word, end))  # `more trains`, `long-distance and regional trains`
                current = following
                continue
            break
        if lower in WEEKDAYS or lower.endswith(("'s", "’s")):
            break
        if phrase and word.islower() and lower.endswith(("ed", "ing")) and "-" not in word and not (
                following and following[0].islower() and is_plural(following[0])):
            break  # a verb; but `gas-fired`, `battalion-sized`, `registered voters` describe the noun to come
        phrase.append((word, end))
        plural = is_plural(word)
        counts_many = counts_many or plural
        if punctuated:
            break
        nxt = following[0] if following else ""
        if plural and not (nxt.islower() and is_plural(nxt)):  # `police officers`
            break  # the head noun
        current = following
    if many and not counts_many:
        return None  # `41,200 watched the final`: more than one of something is a plural noun
    return _unit_from_words(phrase)


def _unit_from_words(words: list[tuple[str, int]]) -> tuple[str, int] | None:
    if len(words) == 1:  # the common case: `drones`
        word = words[0][0]
        if word.lower() in ("and", "or") or _verb_like(word) or not (
                word[:1].islower() or (word[:-1].isupper() and word.endswith("s") and len(word) > 2)
                or word[1:].islower() and is_plural(word)):  # `18,000 Virginians`, `two Democrats`
            return None
        return words[0]
    while words and (words[-1][0].lower() in ("and", "or") or _verb_like(words[-1][0])):
        words.pop()  # `12 died in ...`: an -ed word needs a noun after it to be an adjective
    if not any(w[:1].islower() or (w[:-1].isupper() and w.endswith("s") and len(w) > 2) for w, _ in words):
        return None  # only proper names (`00-640 Warszawa`): nothing counted
    end = words[-1][1]
    names = [w for w, _ in words]
    while len(names) > 1 and (names[0][:1].isupper() or names[0][:1].isdigit()
                              or names[0].lower() in UNIT_DROP_ADJECTIVES):
        names.pop(0)
    return " ".join(names), end


def _verb_like(word: str) -> bool:
    return word.islower() and word.endswith(("ed", "ing"))
