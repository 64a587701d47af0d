"""What a figure is about, in a few words of its own sentence: the "What" of the numbers table.

The words come from the sentence the figure stands in, read on the side the
grammar puts them, by kind of unit:

- a counted unit is the thing counted, read on into one phrase that describes
  it (`apartment blocks without heating`, `drones fired at Ukraine`), never
  into a verb of its own (`centimetres of snow | has fallen`) or a time
  (`days of training | in January`);
- an amount after `X of` is X (`a net loss of PLN 46m`: net loss; `gusts of
  up to 190 km/h`: gusts);
- an amount after a verb of change or of money is that verb as a noun, with
  the subject when a determiner marks it (`the factory will cost`: cost of the
  factory; `up 6%`: rise); a whole clause before it (`Temperatures in Dunholt
  fell`) is kept as written;
- money followed by what it is for (`€1.2bn plan for a new tram line`, `€45m to
  build a factory`) is that;
- a percentage of something is that (`75% of all missiles`);
- otherwise the words before it in its clause, without a reporting verb before
  them, else a name for the measure (`temperature`).
"""

from __future__ import annotations

import re

from briefing.composition.describe import (
    CHANGE_NOUNS,
    DIMENSIONS,
    MEASURES,
    RELATIVE_TIME,
    participle,
    participle_after,
    sentence_subject,
    skip_time_phrase,
    verb_before,
)
from briefing.composition.wording import (
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    PERCENT_UNITS,
    unit_reads_with_number,
)
from briefing.extraction.lexicon import LEVEL_VERBS, NP_STOP, SPEECH_VERBS
from briefing.language.vocabulary import MEASURE_NAMES, MONTH_NAMES
from briefing.language.vocabulary import WEEKDAY_NAMES as WEEKDAYS
from briefing.models import Figure

MAX_WORDS = 7
#: words that carry a counted unit on into the phrase describing it
LINK_WORDS = {"of", "in", "on", "at", "from", "for", "without", "left", "across", "per"}
#: words that end a phrase ("drones | and 70 missiles")
PHRASE_STOPS = {"and", "or", "but", "while", "which", "who", "that", "as", "after", "before", "with", "since",
                "when", "where", "if", "because", "although", "though", "whereas"}
SMALL_WORDS = {"of", "to", "at", "by", "in", "on", "for", "the", "a", "an", "from", "about", "than"}
DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those"}
#: a verb between a subject and its figure, or a copula: the phrase before it is no "what" by itself
AUXILIARIES = {"is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "could", "can",
               "may", "might", "should", "did", "does", "do", "now", "also"}
_RISE = "rose risen rise rises rising up grew grown grow grows climbed climb climbs increased increase increases " \
        "jumped jump jumps soared soar soars surged surge surges gained gain gains"
_FALL = "fell fallen fall falls falling down dropped drop drops declined decline declines slid slide slides " \
        "decreased decrease decreases plunged plunge plunges"
_MONEY = {"cost": "cost", "costs": "cost", "priced": "price", "earned": "earnings", "earns": "earnings",
          "raised": "funding", "raises": "funding", "raise": "funding", "paid": "payment", "pays": "payment",
          "spent": "spending", "spends": "spending", "invested": "investment", "invests": "investment",
          "borrowed": "borrowing", "lost": "loss", "loses": "loss", "saved": "savings", "worth": "value",
          "valued": "valuation"}
#: a verb right before an amount, as the noun the table shows
VERB_NOUNS = {**dict.fromkeys(_RISE.split(), "rise"), **dict.fromkeys(_FALL.split(), "fall"), **_MONEY}
#: what may stand between a verb and its amount: `fell to`, `had earned it`, `was`
_NOT_THE_VERB = AUXILIARIES | SMALL_WORDS | {"it", "them", "him", "her", "us", "me", "by"}
_MAX_DESCRIBING = 4  # words of the phrase describing a counted unit
_PRONOUNS = {"i", "you", "he", "she", "it", "we", "they"}
_PREPOSITIONS = {"at", "in", "on", "by", "from", "of", "to", "for", "during", "since", "until"}
_LINKING = LINK_WORDS | {"to", "by", "near", "into", "over", "under", "between", "through", "during"}
_TIME_WORDS = MONTH_NAMES | WEEKDAYS | {"yesterday", "today", "tomorrow", "tonight", "overnight"}
#: what an amount is `in` that is no thing it went on: `in late trade`, `in cash`, `in total`
_NOT_SPENT_ON = {"late", "early", "total", "cash", "trade", "trading", "all", "terms", "real", "value"}
_CHANGE_VERBS = {verb for verb, noun in VERB_NOUNS.items() if noun in ("rise", "fall")} | {"reached", "reach", "hit"}
_TOKEN_RE = re.compile(r"[\w'’-]+|[^\w\s]")


#: descriptions that say nothing of what a number counts: a row described so stays out of the numbers table
GENERIC_DESCRIPTIONS = frozenset(
    ["amount", "rise", "fall", "increase", "decrease", "share", "cost", "total", "number", "sum", "value", "figure", "price", "payment", "spending", "loss", "funding", "earnings", "distance", "length", "height", "weight", "size", "level", "rate", "percent"])


def says_what_it_counts(what: str, unit: str) -> bool:
    """Whether ``what`` names what a figure counts: not empty, not a generic word, not a bare measure.

    A counted noun may stand alone (``40 trams | trams`` says what is counted); a measure may
    not (``6 °C | °C``, ``14 km | km`` say nothing of what was measured).
    """
    words = what.strip().lower()
    if not words or words in GENERIC_DESCRIPTIONS:
        return False
    return words != unit.strip().lower() or not unit_reads_with_number(unit)


def figure_what(figure: Figure) -> str:
    """What ``figure`` counts or is about, in a few words from its sentence, or its unit."""
    sentence, text = figure.sentence, figure.text
    at = sentence.find(text) if text else -1
    if at < 0:
        return figure.unit
    after = _tokens(sentence[at + len(text):])
    before = _tokens(sentence[:at])[::-1]  # nearest first
    if figure.unit and not unit_reads_with_number(figure.unit):
        if f"number of {figure.unit.lower()} " in sentence.lower():  # the verb is the number's, not its noun's
            return _number_of_phrase(sentence, figure.unit)
        return _counted(figure.unit, before, after)
    if figure.unit.lower() in PERCENT_UNITS and before[:1] and before[0].lower() in CHANGE_NOUNS:
        subject = sentence_subject(sentence, _tokens)  # `…bison has risen to 870, up 6 percent`
        if subject:
            return f"{CHANGE_NOUNS[before[0].lower()]} in {subject}"
    if figure.unit.lower() in PERCENT_UNITS and before[:1] and before[0].lower() in _CHANGE_VERBS:
        clause = _clause(before[1:])[::-1]  # `Shares in Velmora shipyard | jump 14 percent`
        while clause and clause[-1].lower() in AUXILIARIES:
            clause.pop()
        if 0 < len(clause) <= 6 and clause[0].lower() not in _PRONOUNS:
            first = clause[0] if clause[0].isupper() or len(clause) > 1 and clause[1][:1].isupper() \
                else clause[0].lower()
            return f"{VERB_NOUNS[before[0].lower()]} in {' '.join([first, *clause[1:]])}"
    return _amount(figure.unit, before, after, sentence)


def _counted(unit: str, before: list[str], after: list[str]) -> str:
    """The thing counted and what happened to it: `rail passengers stranded`, `people employed`."""
    unit_words = unit.split()
    if [w.lower() for w in after[:len(unit_words)]] == [w.lower() for w in unit_words]:
        after = after[len(unit_words):]  # the unit as written after the number
    phrase = _describing_phrase(after)
    while phrase and phrase[-1].lower() in SMALL_WORDS:
        phrase.pop()
    verb = verb_before(before) if not set(w.lower() for w in unit_words) & MEASURES else ""
    if phrase:  # `drivers stranded on the ring road`, `flights cancelled at Kastrin airport`
        return _tidy(unit_words + ([participle(verb)] if verb else []) + phrase)
    measured = _measured(unit_words, before, after)
    if measured:
        return measured
    happened = participle_after(after) or (participle(verb) if verb else "")
    lowered = [w.lower() for w in after]
    if happened == "left" and "left" in lowered[:3]:  # `homes were left without heating`
        return _tidy(unit_words + ["left"] + _describing_phrase(after[lowered.index("left") + 1:]))
    if happened and after[:1] and after[0].lower() in ("off", "out", "away", "back", "down", "up"):
        happened = f"{happened} {after[0].lower()}"  # `took all 212 passengers off the ship`
    return _tidy(unit_words + ([happened] if happened else []))


def _number_of_phrase(sentence: str, unit: str) -> str:
    """The noun that `the number of …` counts with the few words that say which (`the number of
    European bison living wild in … has risen to 870`: `European bison living wild`); the caller has
    checked that ``sentence`` holds `number of` and ``unit``."""
    at = sentence.lower().find(f"number of {unit.lower()} ")
    words: list[str] = []
    for token in _tokens(sentence[at + len("number of ") + len(unit):])[:4]:
        lower = token.lower()
        if lower in NP_STOP or lower in LEVEL_VERBS or not token[0].isalnum():
            break  # the noun phrase ends at a function word, the clause's verb or punctuation
        words.append(token)
    return _tidy(unit.split() + words)


def _describing_phrase(after: list[str]) -> list[str]:
    """`without heating`, `fired at Ukraine`, `of fresh snow`: one phrase, up to a verb, a time or a clause."""
    if not after:
        return []
    first = after[0].lower()
    participle = _participle(first) and len(after) > 1 and after[1].lower() in LINK_WORDS | {"to", "by"}
    if first not in LINK_WORDS and not participle:
        return []
    words: list[str] = []
    for i, token in enumerate(after):
        second_preposition = token.lower() in _LINKING and any(w.lower() in _LINKING for w in words)
        if len(words) >= _MAX_DESCRIBING and words[-1][:1].isupper() and token[:1].isupper() \
                and len(words) < _MAX_DESCRIBING + 3:
            words.append(token)  # never cut a name: `for Milan Cortina Winter | Olympics`
            continue
        if len(words) >= _MAX_DESCRIBING or second_preposition or _clause_ends(after, i, words, forward=True):
            break  # `years in prison | for accepting bribes`
        words.append(token)
    return words


def _measured(unit_words: list[str], before: list[str], after: list[str]) -> str:
    """A measure's meaning from the words round it: `about 1,100 years old` after `settlement` -> age of the
    settlement; `four days before the opening` -> days before the opening."""
    if not set(w.lower() for w in unit_words) & MEASURES:
        return ""
    if before[:1] == ["by"]:
        return f"margin in {' '.join(unit_words)}"  # `beating the previous mark by 0.41 seconds`
    if not after:
        return ""
    first = after[0].lower()
    if first in DIMENSIONS:
        noun = next((w for w in before[:3] if w.isalpha() and w.lower() not in SMALL_WORDS | {"about", "some",
                                                                                             "nearly", "around"}), "")
        known = noun.islower() and noun.lower() not in AUXILIARIES | PHRASE_STOPS and not _participle(noun)
        return f"{DIMENSIONS[first]} of the {noun}" if noun and known else DIMENSIONS[first]
    if first in RELATIVE_TIME:
        words = [after[0]]
        for token in after[1:5]:
            if not token[0].isalpha() or token.lower() in PHRASE_STOPS:
                break
            words.append(token)
        return _tidy(unit_words + words)
    return ""


def _amount(unit: str, before: list[str], after: list[str], figure_sentence: str = "") -> str:
    is_money = unit.upper() in CURRENCY_CODES or unit in CURRENCY_SYMBOLS
    spent_on = _spent_on(before, after) if is_money else ""
    if spent_on:
        return spent_on
    if before[:1] == ["worth"] and len(before) > 1 and before[1].isalpha():
        verb = before[2] if len(before) > 2 and before[2].lower().endswith("ed") else ""
        return _tidy([before[1]] + ([verb.lower()] if verb else []))  # `processed transfers worth PLN 1.2bn`
    if (is_money or unit.lower() in PERCENT_UNITS) and before[:1] == ["to"] and len(before) > 1 \
            and before[1].lower() in _CHANGE_VERBS:
        subject = sentence_subject(figure_sentence, _tokens)  # `Compensation paid for crops rose to PLN 1.1m`
        words = subject.split()
        while words and words[0].lower() in DETERMINERS:
            words.pop(0)
        if words:
            return " ".join(words)
    if before[:1] == ["of"]:  # `a net loss of PLN 46m`, `gusts of up to 190 km/h`
        named = _noun_before_of(before[1:])
        if named:
            return named
    if unit.lower() in PERCENT_UNITS and after[:1] == ["of"]:
        return _tidy(_clause(after, forward=True))
    purpose = _purpose(after) if is_money else ""
    if purpose:
        return purpose
    clause = _clause(before)[::-1]  # as written
    core = list(clause)
    while core and core[-1].lower() in _NOT_THE_VERB:
        core.pop()
    verb = core[-1].lower() if core else ""
    complete = _reaches_clause_start(before, len(clause))
    if verb in _MONEY or verb in VERB_NOUNS and (not complete or len(core) == 1):
        named = _with_subject(VERB_NOUNS[verb], [w for w in core[:-1] if w.lower() not in AUXILIARIES])
        opening = sentence_subject(figure_sentence, _tokens).split() if named == VERB_NOUNS[verb] else []
        if named in _MONEY.values() and 0 < len(opening) <= 4:
            return f"{named} of {' '.join(opening)}"  # `Full excavations, expected to cost about PLN 2.4m`
        return named
    if before[:1] == [":"] and 0 < len(before) - 1 <= 3 and before[-1][:1].isupper():
        return " ".join(before[1:][::-1])  # `Education: PLN 2.6 billion`
    words = _without_reporting(clause)
    while words and words[-1].lower() in _NOT_THE_VERB:
        words.pop()
    if len(words) > 2 and words[1].lower() in DETERMINERS:
        words = words[1:]  # `Overnight the temperature dropped`
    fallback = MEASURE_NAMES.get(unit, "amount" if is_money else unit)
    if words and (words[0].lower() in _PREPOSITIONS or words[0].lower() in _PRONOUNS):
        return fallback  # `At dawn it was`, `They can clear`: no name of what the amount is
    while words and words[0].lower() in DETERMINERS:
        words.pop(0)
    if len(words) == 1 and (_participle(words[0]) or words[0].lower() in PERCENT_UNITS):
        return fallback  # `ending at PLN 41.20`, `2.1 percent to $74.80`
    return _tidy(words) or fallback


def _spent_on(before: list[str], after: list[str]) -> str:
    """Money and what it went on: `PLN 380,000 in bribes` after `taking` -> bribes taken; `invest €120m over the
    next four years in cranes` -> investment in cranes; `HUF 5bn on a new bridge` -> spending on a new bridge."""
    rest = skip_time_phrase(after)
    if len(rest) < 2 or rest[0].lower() not in ("in", "on") or not rest[1][:1].islower():
        return ""
    words = _clause(rest[1:], forward=True)[:_MAX_DESCRIBING]
    while words and words[-1].lower() in SMALL_WORDS:
        words.pop()
    if not words or words[0].lower() in _TIME_WORDS | DETERMINERS | _NOT_SPENT_ON or words[0][:1].isdigit():
        return ""  # `in its last financial year`, `in late trade`, `in 2025`
    verb = verb_before(before) or next((w for w in before[:6] if _money_noun(w)), "")
    noun = _money_noun(verb) if verb else ""
    if noun and noun not in ("rise", "fall"):
        return f"{noun} {rest[0].lower()} {' '.join(words)}"
    if not verb:
        return " ".join(words)
    link = next((i for i, w in enumerate(words) if w.lower() in _LINKING), len(words))
    return " ".join([*words[:link], participle(verb), *words[link:]])  # `bribes taken from developers`


def _money_noun(verb: str) -> str:
    """`invest`, `invested`, `invests` -> investment; "" for a verb that is not of money or change."""
    lower = verb.lower()
    return VERB_NOUNS.get(lower) or VERB_NOUNS.get(participle(lower), "")


def _purpose(after: list[str]) -> str:
    """What an amount of money is for: `plan for a new tram line`, `to build its first factory`."""
    first = after[0].lower() if after else ""
    if first in _TIME_WORDS or first in ("last", "next", "this", "each", "a", "an", "over", "worth", "in"):
        return ""  # `PLN 1.1m last year`: a time, not a purpose
    if not (first in ("to", "for") or first.isalpha() and first not in SMALL_WORDS and not _participle(first)):
        return ""
    words = _clause(after, forward=True)
    lowered = [w.lower() for w in words]
    if "to" in lowered[1:]:  # `cancer centre | to cut waiting times`: the thing, not its purpose too
        words = words[:lowered.index("to", 1)]
    return _tidy(words)


def _reaches_clause_start(before: list[str], taken: int) -> bool:
    """Whether the ``taken`` words before an amount run back to the start of their clause."""
    if taken < MAX_WORDS or taken == len(before):
        return True
    following = before[taken]
    return not following[0].isalpha() or following.lower() in PHRASE_STOPS


def _noun_before_of(before: list[str]) -> str:
    """`a net loss` -> net loss; `brought gusts` -> gusts: back to a determiner, else one word.

    Three words need `a` or `an` before them (`a regional development grant`): after `the`
    they may well be a subject, its verb and an object (`The front brought gusts`)."""
    words: list[str] = []
    for token in before[:4]:
        if not token.isalpha():
            break
        lower = token.lower()
        if lower in DETERMINERS:
            if len(words) <= 2 or lower in ("a", "an"):
                return " ".join(reversed(words))
            break
        words.append(token)
    return words[0] if words else ""


def _with_subject(noun: str, words: list[str]) -> str:
    """`cost` after `The factory` -> cost of the factory: a subject that opens with a determiner."""
    for i in range(len(words) - 1, -1, -1):
        if words[i].lower() in DETERMINERS:
            subject = words[i + 1:]
            if 0 < len(subject) <= 3 and all(w.isalpha() for w in subject):
                return f"{noun} of the {' '.join(subject)}"
            break
    return noun


def _without_reporting(words: list[str]) -> list[str]:
    """`said the round was` -> the round was."""
    for i in range(len(words) - 1, -1, -1):
        if words[i].lower() in SPEECH_VERBS:
            return words[i + 1:]
    return words


def _clause(tokens: list[str], *, forward: bool = False) -> list[str]:
    """The words of ``tokens`` up to the end of their clause; read backwards unless ``forward``."""
    words: list[str] = []
    for i, token in enumerate(tokens):
        if _clause_ends(tokens, i, words, forward=forward):
            break
        words.append(token)
    return words


def _clause_ends(tokens: list[str], i: int, words: list[str], *, forward: bool) -> bool:
    """Whether tokens[i] ends the phrase of ``words``: punctuation, a number, a conjunction (but
    not `and` between names: `Brenna and Kolvik`), ``MAX_WORDS`` words, a past tense after a noun
    phrase; read forward, also an auxiliary (`has fallen`) or a time (`in January`)."""
    token = tokens[i]
    lower = token.lower()
    if len(words) >= MAX_WORDS or not token[0].isalpha() or _ends_the_phrase(words, lower):
        return True
    if lower in PHRASE_STOPS:
        return not (lower in ("and", "or") and words and words[-1][:1].isupper()
                    and tokens[i + 1:i + 2] and tokens[i + 1][:1].isupper())
    return forward and (lower in AUXILIARIES or lower in _TIME_WORDS)


def _ends_the_phrase(words: list[str], word: str) -> bool:
    """A past tense after a noun phrase is its verb: `of the voters | backed the plan`."""
    return len(words) >= 2 and len(word) > 4 and word.endswith("ed")


def _participle(word: str) -> bool:
    lower = word.lower()
    return len(lower) > 4 and lower.endswith(("ed", "ing")) and lower not in {"during", "nothing"}


def _tokens(text: str) -> list[str]:
    return _TOKEN_RE.findall(text)


def _tidy(words: list[str]) -> str:
    while words and words[-1].lower() in SMALL_WORDS:
        words.pop()
    return " ".join(words)
