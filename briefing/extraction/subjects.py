"""Where a speech verb's subject stands in the reporter's words, read as plain text.

``speakers`` finds the speech verbs and resolves their subjects to people;
these functions only cut the text: the words after the last clause boundary
before a verb (`Officials in Gdansk said`), an apposition and its role
(`X, a partner at Y, which led the round, said`), a description used as a role
(`A spokeswoman for the ministry, X, said`), and the noun phrase that opens the
clause a participle hangs on (`The mayor thanked X, saying`). ``speaker_shape_problem``
says when a subject found is no name or role noun phrase at all (`by Republican lawmakers he`).
"""

from __future__ import annotations

import re

from briefing.extraction.lexicon import (
    AUXILIARIES,
    CLAUSE_ADVERBS,
    NATIONALITIES,
    NP_STOP,
    ORG_NOUNS,
    PERSON_NOUNS,
    ROLE_WORDS,
    SPEECH_VERBS,
)

DETERMINERS = frozenset(["the", "a", "an"])
_ROLE_OPENERS = DETERMINERS | {"its", "his", "her", "their"}
_RELATIVE_PRONOUNS = frozenset(["who", "whom", "whose", "which", "where"])
_BOUNDARY_WORDS = ["that", "and", "but", "while", "as", "when", "after", "before", "because", "although",
                   "though", "whereas", "if", "so", "where", "who", "which"]
# Matched on the reversed text, so the first match is the last boundary: the subject right
# before a verb is short, and this stops at it instead of scanning the whole sentence.
_BOUNDARY_REVERSED_RE = re.compile(
    r"[,;:()–—\"“”„«»]|\b(?:" + "|".join(word[::-1] for word in _BOUNDARY_WORDS) + r")\b")
_WORD_SPAN_RE = re.compile(r"\S+")
_SPEAKER_NOUNS = ROLE_WORDS | ORG_NOUNS | PERSON_NOUNS | {"police"}
_SUBJECT_NOUNS = _SPEAKER_NOUNS | NATIONALITIES
_NOT_SUBJECTS = frozenset(["there", "here", "this", "that", "these", "those", "it", "what", "which", "who"])
_SUBJECT_OPENERS = _ROLE_OPENERS | {"he", "she", "they"}


def strip_auxiliaries(left: str) -> str:
    """`Rutte has also said`: the subject ends before the auxiliaries and adverbs."""
    left = left.rstrip()
    while True:
        cut = left.rfind(" ")
        if cut < 0 or left[cut + 1:].lower() not in AUXILIARIES:
            return left
        left = left[:cut].rstrip()


def subject_at_clause_start(text: str, start: int, end: int) -> tuple[int, str] | None:
    """(offset, words) of the noun phrase opening the clause in text[start:end], after an opening
    phrase such as `In a post,`: names, titles, roles, determiners, `he` and `she`."""
    words = [(m.group(), m.start()) for m in _WORD_SPAN_RE.finditer(text, start, end)]
    first = words[0][0].lower() if words else ""
    second = words[1][0] if len(words) > 1 else ""
    if (first in NP_STOP and first not in _SUBJECT_OPENERS or first.endswith("ing")  # `In a post,`, `Speaking in Kyiv,`
            or first.endswith("ed") and len(first) > 4 and second.islower()):  # `Asked about the delay,`
        words = words[next((i + 1 for i, (w, _) in enumerate(words) if w.endswith(",")), len(words)):]
    phrase: list[tuple[str, int]] = []
    for word, pos in words:
        core = word.rstrip(",")
        lower = core.lower()
        if not (core[:1].isupper() or lower in _SUBJECT_OPENERS
                or lower in _SUBJECT_NOUNS or lower.removesuffix("s") in _SUBJECT_NOUNS
                or lower.endswith(("’s", "'s"))):
            break
        phrase.append((core, pos))
        if core != word:
            break  # `Anna Wirska, the mayor, thanked`: the comma closes the subject
    if not phrase or phrase[-1][0].lower() in _ROLE_OPENERS or phrase[0][0].lower() in _NOT_SUBJECTS:
        return None
    return phrase[0][1], text[phrase[0][1]:phrase[-1][1] + len(phrase[-1][0])]


def last_comma(text: str) -> int:
    """The offset of the last comma between words, not one inside a number (`21,000`); -1 if none."""
    comma = text.rfind(",")
    while comma > 0 and text[comma - 1:comma].isdigit() and text[comma + 1:comma + 2].isdigit():
        comma = text.rfind(",", 0, comma)
    return comma


def describes_a_speaker(phrase: str) -> bool:
    """The phrase names a kind of speaker: a role, a person, an organisation (`The mayor`,
    `Officials`, `the company`), not just any capitalised words (`Storm Ylva`)."""
    for word in phrase.lower().split():
        word = word.removesuffix("’s").removesuffix("'s")
        if word in _SPEAKER_NOUNS or word.removesuffix("s") in _SPEAKER_NOUNS or (
                word.endswith("ies") and word[:-3] + "y" in _SPEAKER_NOUNS):
            return True
    return False


def without_relative_clauses(body: str) -> str:
    """`X, a partner at Y, which led the round` -> `X, a partner at Y`: a relative clause set off
    by commas describes what comes before it and is never the subject of the verb after it."""
    while True:
        comma = last_comma(body)
        following = body[comma + 1:].split(None, 1)
        if comma < 0 or not following or following[0].lower() not in _RELATIVE_PRONOUNS:
            return body
        body = body[:comma]


def description_role(description: str) -> str:
    """A description used as a role: `A spokeswoman for the ministry` -> `spokeswoman for the ministry`."""
    words = description.split()
    while words and words[0].lower() in _ROLE_OPENERS:
        words = words[1:]
    return " ".join(words)


def role_text(appositive: str) -> str:
    """An apposition as a role: `a spokeswoman for X` -> `spokeswoman for X`; `who lives ...` -> ``."""
    words = appositive.split()
    if not words or words[0].lower() in ("who", "whose", "which", "of", "where", "when"):
        return ""
    if words[0].lower() in DETERMINERS:
        words = words[1:]
    has_role = any(w.lower().rstrip(",").removesuffix("’s").removesuffix("'s") in ROLE_WORDS for w in words[:5])
    return " ".join(words) if has_role else ""


# What an apposition after a name opens with (`Odile Marchetti, 67, a retired nurse in Tulsa, Okla.,`):
# an article or possessive, a relative pronoun, a place preposition, `now`/`then`, `aged`, or an age.
_APPOSITION_OPENERS = frozenset(["a", "an", "the", "his", "her", "its", "their", "now", "then", "formerly",
                                 "also", "who", "whose", "which", "where", "of", "from", "in", "at", "aged"])


def is_apposition_piece(piece: str) -> bool:
    """One comma-delimited piece of an apposition chain after a name: an age (`67`), a description
    (`a retired nurse in Tulsa`), a place or its state (`of Dayton`, `Ohio`, `N C` with its stops
    hidden), a relative clause (`who was among those polled`). None of them is a verb's subject."""
    words = piece.split()
    if not words:
        return False
    first = words[0].lower()
    if first in _APPOSITION_OPENERS or first.isdigit():
        return True
    return len(words) <= 3 and all(w[:1].isupper() for w in words)


# Words after which a description goes on naming what its head noun belongs to.
_DESCRIPTION_LINKS = frozenset(["of", "for", "at", "with", "from", "who", "whose", "which", "that"])


def is_unclosed_apposition(piece: str) -> bool:
    """A piece between a name's comma and a verb that describes the name and whose closing comma
    is missing (`Sam Ortiz, the press officer for the county party said`): a relative clause
    (`who chairs the board`), or a description of four words or more that opens with an article,
    a possessive or a role in lower case and goes on with `of`, `for`, `who`, ... A short
    description (`Ortiz, the police said, was`) is a subject of its own: the attribution set
    inside the sentence."""
    words = piece.split()
    if not words:
        return False
    first = words[0]
    if first in ("who", "whose"):
        return True
    if len(words) < 4 or not (first in _ROLE_OPENERS or first in ROLE_WORDS):  # in lower case: no name
        return False
    return any(w.lower() in _DESCRIPTION_LINKS for w in words[2:])


def after_boundary(text: str) -> str:
    """The words after the last clause boundary: the subject right before a verb."""
    last = _BOUNDARY_REVERSED_RE.search(text[::-1])
    return text[len(text) - last.start():] if last else text


def head_noun(words: list[str]) -> str:
    """`officials in Gdansk` -> officials; `the regional sanitary inspectorate` -> inspectorate."""
    for i, word in enumerate(words):
        if i and word.lower() in ("in", "of", "at", "from", "for", "on"):
            return words[i - 1].lower().strip(",")
    return words[-1].lower().strip(",")


# Words that link a clause to the one before and may stand between a boundary and the subject.
LEADING_LINKS = frozenset(["and", "but", "or", "so", "yet", "also", "now", "then", "while", "though",
                            "although", "because", "if", "when", "as", "whom", "meanwhile", "however",
                            "still", "even", "just", "only", "later", "earlier", "again"])


def title_case_fragment(words: list[str]) -> bool:
    """`U S While Clinton`, `On Trump`: a title-case headline cut at a colon, not a name (a name
    or a title holds no capitalised function word)."""
    for word in words:
        if word[:1].isupper():
            lower = word.lower()
            if lower in FUNCTION_WORDS and lower not in DETERMINERS and lower != "of":
                return True
    return len(words) > 1 and words[-1] in ("The", "A", "An")  # `Second Speech The`: cut before its noun


# A speaker may open with an article, a demonstrative, a possessive or a quantifier (`the ministry`,
# `its spokeswoman`, `some analysts`); any other lower-case function word shows a cut in the wrong place.
SPEAKER_OPENERS = frozenset([
    "the", "a", "an", "this", "these", "those", "its", "his", "her", "their", "our", "my", "your",
    "all", "both", "each", "every", "most", "some", "many", "several", "few", "other", "another"])
FUNCTION_WORDS = NP_STOP - SPEAKER_OPENERS
_INDEFINITE_PRONOUNS = frozenset(["one", "someone", "somebody", "anyone", "anybody", "everyone", "everybody",
                                  "nobody", "none"])
# `states` is left out: far more often a noun in a speaker (`officials in several states`) than a verb there.
_VERBS = (SPEECH_VERBS - {"states"}) | frozenset([
    "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did",
    "will", "would", "shall", "should", "can", "could", "may", "might", "must"])


def speaker_shape_problem(name: str) -> str:
    """Why ``name`` cannot be a speaker (a fragment of the sentence, not a name or a role noun
    phrase), or ``""``: it opens with a lower-case function word (`by Republican lawmakers`,
    `but other leading Democrats`), holds a verb (`the senator said`), a word whose capitals
    are broken (`mOSCOW - Russia's main ...`, a dateline run into the text), or ends with a
    function word (`the authors of the`)."""
    tokens = name.split()
    if not tokens:
        return ""
    first = tokens[0]
    if first in FUNCTION_WORDS:
        return f"starts with the function word {first!r}"
    if first in CLAUSE_ADVERBS:
        return f"starts with the adverb {first!r}"
    if first.endswith("ing") and first.islower() and len(tokens) > 1 and tokens[1] in DETERMINERS:
        return f"starts with the verb {first!r} and its object"  # `avoiding the questions`; not `leading Democrats`
    for token in tokens:
        word = token.strip(",;:.!?()\"'“”‘’")
        if word in _VERBS:
            return f"holds the verb {word!r}"
        if word[:1].islower() and not word.islower() and not word.startswith(("i", "e-", "mc")):
            return f"holds the broken word {word!r}"
        if word in ("-", "–", "—", "--", "―"):
            return "runs over a dash"
    if len(tokens) == 1 and first in _INDEFINITE_PRONOUNS:
        return f"is the pronoun {first!r}"
    if len(tokens) > 1 and (tokens[-1] in FUNCTION_WORDS or tokens[-1] in SPEAKER_OPENERS):
        return f"ends with the function word {tokens[-1]!r}"
    return ""
