"""What a number with no noun of its own counts, and numbers that are ages or scores.

English news often leaves the counted noun out where the verb or the sentence
makes it plain; ``implied_unit`` reads it from there:

    the quake killed 212 and injured 1,400   -> people (the object of a verb that hurts people)
    9,000 signed the petition                -> people (``is_subject_of_people``)
    the death toll rose to 57                -> deaths
    the index fell 0.7 per cent to 14,212    -> points (a market index's level)
    the number of jobless claims rose to 231,000 -> jobless claims (what `the number of` counts)

``is_age`` and ``is_score`` find numbers that look like counts but are not
figures (``../shared/spec/extraction.md``): ages (`aged 40 to 71`, `adults 18
and older`, `children younger than 12`), sports results and tallies (`a 3-1 win`,
`won 6-4, 6-3`, `a 5-4 ruling`). ``one_counts`` says when `one` counts something (`killed one
civilian`, `One person was hurt`) rather than standing in an idiom (`one of the`,
`no one`, `one day`).

Every rule runs only where a cheap test on the characters around the number
passes first: most numbers in news have their noun right after them.
"""

from __future__ import annotations

import re

from briefing.extraction.lexicon import (
    AGE_AFTER,
    AUXILIARIES,
    COMMON_CAPS,
    INDEX_WORDS,
    LEVEL_VERBS,
    NOMINAL_ADJECTIVES,
    NP_STOP,
    ONE_IDIOM_BEFORE,
    ONE_IDIOM_NOUNS,
    PEOPLE_OBJECT_VERBS,
    PEOPLE_SUBJECT_VERBS,
    SCORE_VERBS,
    SCORE_WORDS,
    THING_SUBJECT_VERBS,
)
from briefing.extraction.numbers import ONES
from briefing.extraction.text import word_before

_WINDOW = 60  # how far back in its clause a toll may stand
_LEVEL_WINDOW = 110  # and an index, whose move often stands between (`fell 24.11 points, or 0.1 percent, to`)
_TOLL_RE = re.compile(r"\btolls?\b")
_CLAUSE_BREAK_RE = re.compile(r"[.;!?]\s|, (?:while|but|and)\b")
_WORD_RE = re.compile(r"[A-Za-z&][A-Za-z&0-9]*")
_NEXT_WORDS_RE = re.compile(r"\s+([A-Za-z]+)(?:\s+([A-Za-z]+))?")
_LEVEL_PREPOSITIONS = frozenset(("to", "at"))
_PASSIVE = frozenset(("were", "was", "are", "is", "been"))
# Between a number and its verb: `2 million have already voted` (the lexicon's, and modals)
_AUXILIARIES = AUXILIARIES | _PASSIVE | frozenset(("could", "can", "may", "might", "already", "still", "all", "just"))
_NEXT_WORD_RE = re.compile(r"\s+([A-Za-z]+)\b")
# `The number of <what> <verb> ... N`: the count's noun phrase, read from the clause before the number
_NUMBER_OF_WINDOW = 170  # `the number of` and a noun phrase with its modifiers (`living wild in the Polish part of …`)
# `the number of`, never `a number of` (which means several, and counts nothing)
_NUMBER_OF_RE = re.compile(r"\b[Tt]he (?:total )?numbers? of ((?:[A-Za-z][\w'’-]*\s+){1,4})")
# Words right before a number that make it the level or the change the clause's subject reaches:
# `rose to 870`, `stood at`, `fell by 12`, `from 40`, `reached`, `hit`, `a record 870`, `a high of`.
_LEVEL_WORDS_BEFORE = LEVEL_VERBS | frozenset(("to", "at", "by", "from", "of", "record", "was", "is", "were",
                                               "are", "now"))
# Before `one`, words that bound a count: `at least one child`, `more than one`, `only one survivor`.
_BOUNDS = frozenset(("than", "least", "only", "just", "exactly", "nearly", "almost"))
_SMALL_NUMBERS = frozenset(ONES) - {"one"}

_AGE_BEFORE_RE = re.compile(
    r"\b(?:ag(?:ed|es?)|age\s+of|younger\s+than|older\s+than"
    r"|(?:men|women|people|adults|voters|children|kids|teens|teenagers|those|anyone|residents)"
    r"\s+(?:under|over|below|above))\s+(?:between\s+)?"
    r"(?:\d{1,3}\s*(?:-|–|to|and|or)\s*)?\Z", re.IGNORECASE)
# How the word before an age ends (`aged`, `ages`, `age of`, `than`, `under`, `over`, `below`, `above`,
# `between`), or the range word before its second number (`to`, `and`, `or`): checked before the pattern.
_AGE_WORD_ENDINGS = frozenset(("ged", "ges", " of", "han", "der", "ver", "low", "ove", "een", " to", "and", " or"))
# Every branch of ``_AGE_BEFORE_RE`` holds one of these words (`aged`, `younger than`, `adults under`):
# most windows that pass the test of endings (`rose to 57`) hold none, and `in` finds that far
# faster than a search whose leading \b the regex engine must try at every position.
_AGE_KEYWORDS = ("age", "than", "under", "over", "below", "above")
_YEARS_OLD_RE = re.compile(r" years?(?:-| )(?:old\b|of age\b)")
_AGE_AFTER_RE = re.compile(r"\s+(?:years?\s+(?:old\s+)?)?(?:and|or)\s+(?P<word>[a-z]+)\b")
_PAIR_AFTER_RE = re.compile(r"\s?[-–]\s?\d{1,2}(?![\d.,]?\d)")
_PAIR_BEFORE_RE = re.compile(r"(?<![\d.,])\d{1,2}\s?[-–]\s?\Z")
_SET_BEFORE_RE = re.compile(r"\d{1,2}[-–]\d{1,2},\s\Z")


def _clause_before(text: str, pos: int, size: int) -> str:
    """Up to ``size`` characters before ``pos``, cut at the last sentence or clause break."""
    window = text[max(0, pos - size):pos]
    breaks = list(_CLAUSE_BREAK_RE.finditer(window))
    return window[breaks[-1].end():] if breaks else window


def implied_unit(text: str, first: int, end: int) -> str:
    """The counted noun a number with none after it leaves to the verb or the sentence, or ""."""
    before = word_before(text, first)
    if before in PEOPLE_OBJECT_VERBS:
        return "people"
    clause = _clause_before(text, first, _WINDOW if before not in _LEVEL_PREPOSITIONS else _LEVEL_WINDOW)
    lowered = clause.lower()
    if "toll" in lowered and _TOLL_RE.search(lowered):
        return "deaths"
    if before in _LEVEL_PREPOSITIONS and any(w.lower() in INDEX_WORDS for w in _WORD_RE.findall(clause)):
        return "points"
    if before in _LEVEL_WORDS_BEFORE:
        return _number_of_noun(text, first)
    return ""


def _number_of_noun(text: str, first: int) -> str:
    """What `the number of …` counts, when that phrase opens the clause whose level or change the number
    gives (`The number of rough sleepers in London hit 3,900`: rough sleepers), else "".

    The noun phrase ends at the first word that cannot belong to it: a function word (`in`, `has`, `who`),
    a verb of level, a participle (`people sleeping rough`, `patients killed`), or a capital after the
    noun, which opens a clause of its own (`the number of refugees Obama will accept`)."""
    clause = _clause_before(text, first, _NUMBER_OF_WINDOW)
    if "number" not in clause:
        return ""
    found = _NUMBER_OF_RE.search(clause)
    if not found:
        return ""
    words: list[str] = []
    for word in found.group(1).split():
        lowered = word.lower()
        if lowered in NP_STOP or lowered in LEVEL_VERBS or words and (lowered.endswith(("ing", "ed")) or (
                word[0].isupper() and words[-1][0].islower())):
            break
        words.append(word)
    return " ".join(words) if words and words[-1].lower() not in NP_STOP else ""


def is_subject_of_people(text: str, first: int, end: int) -> bool:
    """The number is the subject of a verb of people: `9,000 signed`, `12 were injured`."""
    before = word_before(text, first)
    if before in _LEVEL_PREPOSITIONS or before == "by" or not text[end:end + 1].isspace():
        return False
    if before and before not in COMMON_CAPS and word_before(text, first, lower=False)[:1].isupper():
        return False  # `Apollo 11 landed`, `Windows 10 launched`: a name's number, not a crowd
    return _people_verb_after(text, end)


def _people_verb_after(text: str, end: int) -> bool:
    """A verb of people after the number, past auxiliaries: `9,000 signed`, `41,200 watched`,
    `2 million have already voted`; in the passive, a verb that hurts or saves people
    (`12 were injured`, `41 have been rescued`), not any participle (`12 were needed`)."""
    passive, pos = False, end
    for _ in range(4):
        word = _NEXT_WORD_RE.match(text, pos)
        if word is None:
            return False
        written, pos = word.group(1), word.end()
        if not (written.islower() or written.istitle()):
            return False
        verb = written.lower()  # a headline writes `41 Rescued`
        if verb in _AUXILIARIES:
            passive = passive or verb in _PASSIVE
            continue
        if passive:  # `12 were injured`; and a state only people are in: `14 were missing`, `3 are unaccounted for`
            return verb in PEOPLE_OBJECT_VERBS or verb in NOMINAL_ADJECTIVES or verb == "unaccounted"
        return verb in PEOPLE_SUBJECT_VERBS or len(verb) > 4 and verb.endswith("ed") and verb not in THING_SUBJECT_VERBS
    return False


def is_age(text: str, start: int, end: int) -> bool:
    """`aged 40 to 71`, `ages 18-24`, `children younger than 12`, `adults 18 years and older`,
    `she was 34 years old`, `men 65 years of age` (as `a 34-year-old` is)."""
    nxt = text[end:end + 5]
    if nxt == " year" and _YEARS_OLD_RE.match(text, end):
        return True
    after = _AGE_AFTER_RE.match(text, end) if " and " in nxt or " or " in nxt or " year" in nxt else None
    if after is not None and after.group("word") in AGE_AFTER:
        return True
    if text[start - 1:start] in "-–" and start or text[start - 4:start - 1] in _AGE_WORD_ENDINGS:
        window = max(0, start - 40)
        lowered = text[window:start].lower()
        return (any(word in lowered for word in _AGE_KEYWORDS)
                and _AGE_BEFORE_RE.search(text, window, start) is not None)
    return False


def is_score(text: str, start: int, end: int) -> bool:
    """One of a pair of small numbers that is a result or a tally: `a 3-1 win`, `won 6-4, 6-3`,
    `beat Hale 2-0`, `a 5-4 ruling`."""
    if end - start > 2:
        return False  # written with one or two digits; tested first, as other numbers need no look around
    if text[end:end + 1] in "-–" or text[end:end + 2] in (" -", " –"):
        pair = _PAIR_AFTER_RE.match(text, end)
        if pair is None:
            return False
        pair_start, pair_end = start, pair.end()
    elif start > 1 and (text[start - 1] in "-–" or text[start - 2:start] in ("- ", "– ")):
        tail = _PAIR_BEFORE_RE.search(text, max(0, start - 6), start)
        if tail is None or text[end:end + 1].isdigit():
            return False
        pair_start, pair_end = tail.start(), end
    else:
        return False
    after = _NEXT_WORDS_RE.match(text, pair_end)
    if after is not None and after.group(1).lower() in SCORE_WORDS:
        return True
    if _SET_BEFORE_RE.search(text, max(0, pair_start - 8), pair_start):
        return True  # the second set of `won 6-4, 6-3`
    head = text[max(0, pair_start - 40):pair_start].split()
    words = [w.lower().strip(",") for w in head[-3:]]
    return bool(words) and (words[-1] in SCORE_VERBS or len(words) > 1 and words[-2] in SCORE_VERBS)


def one_counts(text: str, start: int, end: int) -> bool:
    """`one` counts something after a verb (`killed one civilian`) or as the subject of a passive
    (`One person was hurt`); not in idioms (`one of the`, `no one`, `one day`, `the one`)."""
    following = _NEXT_WORDS_RE.match(text, end)
    if following is None:
        return False
    noun, then = following.group(1), following.group(2) or ""
    before = word_before(text, start)
    if before in ONE_IDIOM_BEFORE:
        return False
    if noun in ("to", "or") and then in _SMALL_NUMBERS:
        return True  # `for one to two years`
    if not noun.islower() or noun in ONE_IDIOM_NOUNS or noun in NP_STOP:
        return False
    if before in PEOPLE_OBJECT_VERBS or len(before) > 4 and before.endswith("ed") or before in _BOUNDS:
        return True
    return then in _PASSIVE and not before  # `One person was injured`
