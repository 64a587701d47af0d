"""What is written right before a number: sign, currency, qualifier, or a label it belongs to.

``read_before`` reads the few words before a number with plain string
operations (it runs for every number, so it avoids regular expressions that
would scan the whole window):

    around minus 25°C        -> qualifier "about", sign "-"
    at least PLN 40 million  -> qualifier "at least", currency PLN
    (-1.8%)                  -> sign "-"
    Article 5, line 3, routes 140 and 512, No. 58, Boeing 737, MZ 412  -> a label, not a figure
    COVID-19, HS147          -> part of a name, not a figure
    one in five              -> a ratio, not a count of five
"""

from __future__ import annotations

from typing import NamedTuple

from briefing.extraction.lexicon import COMMON_CAPS, IDENTIFIER_WORDS, NP_STOP, QUALIFIERS
from briefing.extraction.numbers import ONES
from briefing.language.vocabulary import CURRENCY_CODES, CURRENCY_SYMBOLS, MONTH_NAMES, UNITS_BEFORE
from briefing.language.vocabulary import WEEKDAY_NAMES as WEEKDAYS

WINDOW = 60
_SYMBOLS = sorted((s for s in CURRENCY_SYMBOLS if not s.isalpha()), key=len, reverse=True)
_SYMBOL_LAST_CHARS = frozenset(s[-1] for s in _SYMBOLS)
_QUALIFIER_ENDS = frozenset(q.split()[-1] for q in QUALIFIERS)
# The lengths in words of the qualifiers that end with each word, longest first.
_QUALIFIER_SIZES = {end: sorted({len(q.split()) for q in QUALIFIERS if q.split()[-1] == end}, reverse=True)
                    for end in _QUALIFIER_ENDS}
# Lower-case words right before a number that can change what it is; any other lower-case
# word before it means no sign, currency, qualifier or label.
_SPECIAL_WORDS_BEFORE = (_QUALIFIER_ENDS | IDENTIFIER_WORDS | {"minus", "plus", "in", "of", "and", "or", "zł"}
                         | {w.removesuffix(".") for w in QUALIFIERS})
_CHAIN_WORDS = frozenset(["and", "or"])
_OPENERS = "([\"“„«‘'"
_SENTENCE_ENDS = (".", "!", "?", ":", ";", ".”", ".\"", "?”", "!”", ".’", ".)")


class Before(NamedTuple):
    """The context before one number; ``start`` is where the figure's words begin."""

    sign: str = ""  # "-" or "+" when written
    currency: str = ""  # ISO code
    qualifier: str = ""  # normalised
    qualifier_word: str = ""  # as written, lower-case (`over`)
    word_before_qualifier: str = ""
    start: int = 0  # offset into the text
    label: bool = False  # the number names something (`Article 5`)
    range_tail: bool = False  # the second number of `20-30`
    unit_before: str = ""  # a unit written before the number: `magnitude 6.8`


NOT_A_FIGURE = Before(label=True)
# A Before made without the call of NamedTuple's own __new__ (all fields given): read_before runs
# for every number, and most return on its first lines.
_new_before = tuple.__new__


def read_before(text: str, start: int, digits: bool, title_case: bool) -> Before:
    """The context before the number at ``start`` in ``text``."""
    prev = text[start - 1:start] if start else ""
    if prev == " ":  # the common case first: an ordinary lower-case word before
        cut = text.rfind(" ", 0, start - 1)
        word = text[cut + 1:start - 1]
        if word.islower() and word.isalpha():
            if word not in _SPECIAL_WORDS_BEFORE:
                unit = word if word in UNITS_BEFORE else ""
                return _new_before(Before, ("", "", "", "", "", start - len(word) - 1 if unit else start, False, False,
                                            unit))
            if word in _QUALIFIER_OR_RATIO_WORDS:
                return _after_qualifier_or_ratio_word(text, start, cut, word)
    elif digits and prev and (prev.isalnum() or prev in "._/:’'"):
        glued = _glued_currency(text, start)
        if glued:  # `RM59`, `Rs500`
            return Before("", CURRENCY_SYMBOLS[glued], "", "", "", start - len(glued), False, False)
        return NOT_A_FIGURE  # HS147, 17:45, 3/4
    window_start = start - WINDOW if start > WINDOW else 0
    before = text[window_start:start]
    i = len(before)
    sign, range_tail = "", False
    if prev and prev in "-−–+":
        two = before[i - 2:i - 1]
        if two.isalpha():
            word = before[before.rfind(" ", 0, i - 1) + 1:i - 1]
            if prev == "-" and word.lower() in UNITS_BEFORE:  # `a magnitude-5.9 quake`
                return Before("", "", "", "", "", start - len(word) - 1, False, False, word.lower())
            return NOT_A_FIGURE  # COVID-19, TOI-9512, Bursztyn-1
        if two.isdigit() or not digits:
            range_tail = two.isdigit()
        else:
            sign, i = ("+" if prev == "+" else "-"), i - 1
    currency = ""
    if before[i - 1:i] in _SYMBOL_LAST_CHARS or before[i - 2:i - 1] in _SYMBOL_LAST_CHARS:
        currency, i = _currency_symbol(before, i)
    tokens = before[:i].split()
    if window_start > 0 and tokens:
        del tokens[0]  # the first may be cut by the window
    if not tokens:
        return Before(sign, currency, "", "", "", i + window_start, False, range_tail)
    used = 0  # how many of the last tokens belong to the figure
    if not currency:
        last = tokens[-1].lstrip(_OPENERS)
        if last[-1:] == "." and last[:-1] in _GLUED_SYMBOLS:
            last = last[:-1]  # `Rs. 10,000`: the stop of an abbreviated currency
        if last in CURRENCY_CODES or last in _GLUED_SYMBOLS:
            currency, used = CURRENCY_SYMBOLS.get(last, last), 1
    if not sign and len(tokens) > used and tokens[-1 - used].lower() in ("minus", "plus"):
        sign, used = ("-" if tokens[-1 - used].lower() == "minus" else "+"), used + 1
        if len(tokens) > used + 1 and tokens[-1 - used].lower() == "or":  # `plus or minus 3.1`: a margin
            sign, used = "", used + 2
    rest = tokens[:len(tokens) - used] if used else tokens
    qualifier, written, word_before = _qualifier(rest)
    if qualifier:
        used += len(written.split())
    elif _is_ratio(rest):
        return NOT_A_FIGURE
    if not (qualifier or currency or sign) and rest and rest[-1].lower() in UNITS_BEFORE:  # `Magnitude 6.8 Quake`
        return Before("", "", "", "", "", _offset_of_last_tokens(before, i, 1) + window_start, False, False,
                      rest[-1].lower())
    label = not (qualifier or currency or sign) and bool(rest) and _is_label(rest, title_case or not digits)
    first = (_offset_of_last_tokens(before, i, used) if used else i) + window_start
    return _new_before(Before, (sign, currency, qualifier, written, word_before, first, label, range_tail, ""))


# Lower-case words before a number that can only end a qualifier (`than`, `least`, `about`) or
# stand in a ratio (`in`, `of`): never a sign, currency, label or chain of numbers, so the
# words before them are all that is read (``_after_qualifier_or_ratio_word``).
_QUALIFIER_OR_RATIO_WORDS = frozenset(
    w for w in _SPECIAL_WORDS_BEFORE if w.isalpha() and w.islower() and w not in _CHAIN_WORDS
    and w not in IDENTIFIER_WORDS and w not in ("minus", "plus") and w not in CURRENCY_SYMBOLS)
_LONGEST_QUALIFIER = max(len(q.split()) for q in QUALIFIERS)


def _after_qualifier_or_ratio_word(text: str, start: int, cut: int, word: str) -> Before:
    """``read_before`` where a word of ``_QUALIFIER_OR_RATIO_WORDS`` stands right before the number,
    after a space at ``cut``: the same reading, from the few words before it."""
    window_start = start - WINDOW if start > WINDOW else 0
    tokens = _tokens_before(text, window_start, cut, _LONGEST_QUALIFIER)
    if tokens is None:
        return Before("", "", "", "", "", start, False, False)  # the word opens the window: dropped, as cut
    tokens.append(word)
    qualifier, written, word_before = _qualifier(tokens)
    if qualifier:
        first = _offset_of_last_tokens(text[window_start:start], start - window_start, len(written.split()))
        return _new_before(Before, ("", "", qualifier, written, word_before, first + window_start, False, False, ""))
    if _is_ratio(tokens):
        return NOT_A_FIGURE
    return _new_before(Before, ("", "", "", "", "", start, False, False, ""))


def _tokens_before(text: str, window_start: int, cut: int, count: int) -> list[str] | None:
    """The last ``count`` (or fewer) whitespace-separated tokens of text[window_start:cut], as
    ``read_before`` splits its window (the window's first token dropped, as the window may cut
    it); None where no token is left, so the word after ``cut`` is the dropped one."""
    if cut <= window_start:
        return None if window_start else []
    tokens = text[window_start:cut].rsplit(None, count)
    if len(tokens) > count:
        return tokens[1:]  # the first token is in the rest, not among these
    if window_start:
        if not tokens:
            return None
        del tokens[0]
    return tokens


_GLUED_SYMBOLS = sorted((s for s in CURRENCY_SYMBOLS if s.isalpha()), key=len, reverse=True)


def _glued_currency(text: str, start: int) -> str:
    """`RM59`, `Rs500`: a currency written in letters right before the digits, a word of its own."""
    for symbol in _GLUED_SYMBOLS:
        at = start - len(symbol)
        if at >= 0 and text.startswith(symbol, at) and not (at and text[at - 1].isalnum()):
            return symbol
    return ""


def _currency_symbol(before: str, i: int) -> tuple[str, int]:
    """`$57m`, `€ 475`, `US$5m`: a currency sign right before the number."""
    j = i - 1 if before[i - 1:i] == " " else i
    if j and before[j - 1] in _SYMBOL_LAST_CHARS:
        for symbol in _SYMBOLS:
            if before.endswith(symbol, 0, j):
                return CURRENCY_SYMBOLS[symbol], j - len(symbol)
    return "", i


def _offset_of_last_tokens(before: str, i: int, count: int) -> int:
    """Where the last ``count`` whitespace-separated tokens of before[:i] begin."""
    pos = i
    for _ in range(count):
        pos = len(before[:pos].rstrip())
        cut = max(before.rfind(" ", 0, pos), before.rfind("\u00a0", 0, pos))
        pos = cut + 1
    return pos


def _qualifier(tokens: list[str]) -> tuple[str, str, str]:
    """The qualifier the tokens end with: (normalised, as written in lower case, the word before it)."""
    sizes = _QUALIFIER_SIZES.get(tokens[-1].lower()) if tokens else None
    if sizes is None:
        return "", "", ""
    for size in sizes:
        if len(tokens) >= size:
            phrase = " ".join(tokens[-size:]).lower().lstrip(_OPENERS)
            if phrase in QUALIFIERS:
                before = tokens[-size - 1].lower() if len(tokens) > size else ""
                return QUALIFIERS[phrase], phrase, before
    return "", "", ""


def _is_ratio(tokens: list[str]) -> bool:
    """`one in five homes`, `3 out of 10 voters`."""
    last = tokens[-1].lower() if tokens else ""
    if last == "in" and len(tokens) >= 2:
        count = tokens[-2].lower()
    elif last == "of" and len(tokens) >= 3 and tokens[-2].lower() == "out":
        count = tokens[-3].lower()
    else:
        return False
    return count.isdigit() or count in ONES  # `one in five`, `six in 10`, `9 in 10`


def _is_label(tokens: list[str], title_case: bool) -> bool:
    """`Article 5`, `line 3`, `routes 140 and 512`, `No. 58`, `Boeing 737`, `MZ 412`.

    ``title_case`` True (also for a number in words: `Sanders five times`) says a capitalised
    word before the number is no name it belongs to."""
    last = tokens[-1]
    if last[:1].islower():
        lower = last.lower()
        if lower not in _CHAIN_WORDS and lower.rstrip(",.") not in IDENTIFIER_WORDS:
            return False  # the common case: an ordinary word before the number
    n = len(tokens)  # the words before the number, a chain of numbers (`routes 140, 141 and`) left out
    chained = False
    while n >= 2 and (tokens[n - 1].lower() in ("and", "or", "&") or tokens[n - 1].rstrip(",").isdigit()):
        chained = chained or tokens[n - 1].rstrip(",").isdigit()
        n -= 1
    if not n or n < len(tokens) and not chained:
        return False  # `Virginians and two Democrats`: only a chain of numbers reaches back to a label
    last = tokens[n - 1]
    word = last.rstrip(",")
    if word.lower().rstrip(".") in IDENTIFIER_WORDS or word == "#":
        # `line 3`; after a comma only a list of them: `two bus routes, 140 and 512`
        return word == last or chained or word.endswith("s")
    if title_case and not (word.isupper() and len(word) > 1 and word.isalpha() and word == last and not chained):
        return False  # in a headline only an all-capitals name labels a number: `FTSE 100 Slides`
    if chained or word != last or not word[:1].isupper() or not word[-1].isalnum():
        return False
    if word.endswith(("'s", "’s")) or word[-1:] == "s" and word[-2:-1] in ("'", "’"):
        return False  # `Clinton's 2.5-point edge`: a possessive, not a name the number belongs to  # `Bytom. Fourteen patients`: only a name right next to the number labels it
    bare = word.lower().rstrip(".")
    if bare in COMMON_CAPS or bare in NP_STOP or bare in WEEKDAYS or bare in QUALIFIERS or bare in MONTH_NAMES:
        return False
    if n == 1:  # the capitalised word opens the text: a sentence start, unless an acronym (`FTSE 100 fell`)
        return word.isupper() and len(word) > 1 and word.isalpha()
    previous = tokens[n - 2]
    return not (previous.endswith(_SENTENCE_ENDS) or previous[-1:] in _OPENERS)
