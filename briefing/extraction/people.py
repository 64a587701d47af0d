"""Who is named in an article: people and organisations, their roles, where they are mentioned.

A run of capitalised words is split at titles and roles (`NATO Secretary
General | Mark Rutte`, `Lithuanian Colonel | Darius Vaitkus`); what follows the
last title is the name, what precedes it is the role. A role also comes from
lower-case words before the name (`Opposition councillor Andrzej Lis`) and
from an apposition (`Tomasz Lech, KSP's head of dispatch`, `Its chief
executive, Leszek Duda,`). Runs after a place preposition (`in Wydmy Morskie`)
or described as a place (`, a resort town`) are places, not people.

A person is keyed by surname, so `Rutte` later in the article is `Mark Rutte`,
the fullest form the article gives. Gender is guessed from the first name
(Slavic first names ending in -a are female, plus a list of others) and only
used to choose between candidates for `he` and `she`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from briefing.extraction.lexicon import (
    COMMON_CAPS,
    FEMALE_NAMES,
    MALE_A_NAMES,
    NATIONALITIES,
    NP_STOP,
    ORG_NOUNS,
    ORG_TOKENS,
    PERSON_NOUNS,
    PLACE_PREPOSITIONS,
    ROLE_WORDS,
    SPEECH_VERBS,
    UPPER,
)

_PARTICLES = "van|von|de|der|den|da|di|du|del|la|le|bin|ibn|ter|zu"
NAME_RE = re.compile(
    rf"[{UPPER}][\w’'\-]*(?:[ \u00a0]+(?:[{UPPER}][\w’'\-]*|(?:{_PARTICLES})(?=[ \u00a0]+[{UPPER}])))*")
_TOKEN_RE = re.compile(r"\S+")
_APPOSITION_RE = re.compile(r",\s+(?P<app>[^,.;:!?()\"“”„«»]+)")
_CLAUSE_CUT_RE = re.compile(r"\s+(?:who|whose|which|that|where|when)\b.*", re.S)
PLACE_NOUNS = frozenset(
    ["town", "city", "village", "municipality", "region", "province", "district", "country", "county", "port", "island", "river", "resort", "area", "suburb", "capital", "state", "republic", "commune", "valley", "lake", "sea", "mountains", "peninsula", "coast"])
HONORIFICS = frozenset(["mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rev", "reverend"])
INHABITANTS = frozenset(["residents", "people", "inhabitants", "citizens", "voters", "population"])
CHIEF_SYNONYMS = frozenset(["chief", "head", "leader", "boss"])


@dataclass(eq=False)
class Entity:
    """A person or organisation the article names."""

    name: str
    kind: str  # "person" or "org"
    role: str = ""
    roles: set[str] = field(default_factory=set)
    gender: str = ""


class Mention(NamedTuple):
    segment: int
    start: int
    end: int
    entity: Entity


def guess_gender(first_name: str) -> str:
    name = first_name.lower()
    if name in FEMALE_NAMES or (name.endswith("a") and name not in MALE_A_NAMES):
        return "f"
    return "m"


def role_words(text: str) -> set[str]:
    words = {w.strip("’'.,").lower().removesuffix("’s").removesuffix("'s") for w in text.split()}
    words -= {"the", "a", "an", "of", "in", "at", "for", "and", "its", "his", "her", "their"}
    if words & CHIEF_SYNONYMS:
        words |= CHIEF_SYNONYMS
    return words


class People:
    """The people and organisations of one article, from its quote-masked segments."""

    def __init__(self, masked: list[str]) -> None:
        self.masked = masked
        self.by_surname: dict[str, Entity] = {}
        self.orgs: list[tuple[Entity, set[str]]] = []  # with the descriptors used for them
        self.mentions: list[Mention] = []
        singles: list[tuple[int, int, int, str]] = []
        for index, text in enumerate(masked):
            for run in NAME_RE.finditer(text):
                singles.extend(self._read_run(index, text, run))
        for index, start, end, token in singles:
            entity = self.lookup(token)
            if entity is not None:
                self.mentions.append(Mention(index, start, end, entity))
        self.mentions.sort(key=lambda m: (m.segment, m.start))
        self._by_segment: dict[int, list[Mention]] = {}
        for mention in self.mentions:
            self._by_segment.setdefault(mention.segment, []).append(mention)

    def _read_run(self, index: int, text: str, run: re.Match) -> list[tuple[int, int, int, str]]:
        word = run.group(0)
        if " " not in word and "\u00a0" not in word:  # one word: a surname to look up later, or nothing
            bare = word.removesuffix("’s").removesuffix("'s")
            if bare != word or word.lower() in COMMON_CAPS:
                return []
            return [(index, run.start(), run.end(), word)]
        tokens = [(m.group(0), run.start() + m.start(), run.start() + m.end()) for m in _TOKEN_RE.finditer(run.group(0))]
        singles, piece = [], []
        for token in tokens:
            if token[0].endswith(("’s", "'s")):  # `Norway's Eirik Haugland`: the possessor is no speaker
                singles.extend(self._read_piece(index, text, piece))
                piece = []
            else:
                piece.append(token)
        singles.extend(self._read_piece(index, text, piece))
        return singles

    def _read_piece(self, index: int, text: str, tokens: list[tuple[str, int, int]]) -> list:
        while tokens and tokens[0][0].lower() in COMMON_CAPS:
            tokens = tokens[1:]
        titles = [i for i, t in enumerate(tokens) if t[0].lower().rstrip(".") in ROLE_WORDS | PERSON_NOUNS]
        cut = titles[-1] + 1 if titles else 0
        while cut < len(tokens) - 1 and tokens[cut][0].lower() in NATIONALITIES:
            cut += 1
        prefix, name = tokens[:cut], tokens[cut:]
        if not name:
            return []
        start, end = name[0][1], name[-1][2]
        if len(name) == 1:
            return [(index, start, end, name[0][0])]
        words = [t[0] for t in name]
        before, after = text[max(0, tokens[0][1] - 80):tokens[0][1]], text[end:end + 120]
        found = [" ".join(t[0] for t in prefix if t[0].lower().rstrip(".") not in HONORIFICS),
                 _role_before(before), _apposition_role(before, after)]
        role = next((r for r in found if r), "")
        if any(w.lower() in ORG_TOKENS for w in words):
            self._add_org(index, start, end, " ".join(words), before)
            return []
        if not prefix and (_after_place_preposition(before) or _described_as_place(after)):
            return []
        self._add_person(index, start, end, words, role, role_words(" ".join(found)))
        return []

    def _add_person(self, index: int, start: int, end: int, words: list[str], role: str, roles: set[str]) -> None:
        surname = words[-1].lower()
        entity = self.by_surname.get(surname)
        if entity is None or entity.kind != "person":
            entity = Entity(" ".join(words), "person", gender=guess_gender(words[0]))
            self.by_surname[surname] = entity
        elif len(words) > len(entity.name.split()):
            entity.name, entity.gender = " ".join(words), guess_gender(words[0])
        entity.role = entity.role or role
        entity.roles |= roles
        self.mentions.append(Mention(index, start, end, entity))

    def _add_org(self, index: int, start: int, end: int, name: str, before: str) -> None:
        entity = next((e for e, _ in self.orgs if e.name == name), None)
        if entity is None:
            entity = Entity(name, "org")
            self.orgs.append((entity, set()))
        descriptors = next(d for e, d in self.orgs if e is entity)
        words_before = before.split()[-3:]
        descriptors.update(w.lower().strip(",") for w in words_before if w.lower().strip(",") in ORG_NOUNS)
        self.by_surname.setdefault(name.split()[-1].lower(), entity)
        self.mentions.append(Mention(index, start, end, entity))

    def lookup(self, token: str) -> Entity | None:
        """The entity a single capitalised word refers to (`Rutte` -> Mark Rutte)."""
        return self.by_surname.get(token.lower().removesuffix("’s").removesuffix("'s"))

    def add_mention(self, segment: int, start: int, end: int, entity: Entity) -> None:
        mention = Mention(segment, start, end, entity)
        self.mentions.append(mention)
        self.mentions.sort(key=lambda m: (m.segment, m.start))
        self._by_segment.setdefault(segment, []).append(mention)

    def mentions_within(self, segment: int, start: int, end: int) -> list[Mention]:
        found = [m for m in self._by_segment.get(segment, ()) if start <= m.start and m.end <= end]
        return sorted(found, key=lambda m: m.start) if len(found) > 1 else found


    def last_person_before(self, segment: int, pos: int, gender: str) -> Entity | None:
        """The person a `he` or `she` at (segment, pos) refers to: the latest one mentioned."""
        earlier = [m.entity for m in self.mentions
                   if (m.segment, m.start) < (segment, pos) and m.entity.kind == "person"]
        for entity in reversed(earlier):
            if not gender or entity.gender == gender:
                return entity
        return earlier[-1] if earlier else None

    def by_description(self, words: set[str], segment: int, pos: int) -> Entity | None:
        """`the NATO chief`, `the judge`: the person whose roles share most words, the latest first."""
        words = role_words(" ".join(words))
        best, best_key = None, (0, False, -1)
        for order, mention in enumerate(self.mentions):
            entity = mention.entity
            if entity.kind != "person":
                continue
            score = len(words & entity.roles)
            earlier = (mention.segment, mention.start) < (segment, pos)
            key = (score, earlier, order if earlier else -order)
            if score and key > best_key:
                best, best_key = entity, key
        return best

    def org_by_descriptor(self, noun: str) -> Entity | None:
        """`the company`, `the developer`: the organisation introduced with that noun."""
        for entity, descriptors in reversed(self.orgs):
            if noun in descriptors:
                return entity
        return None


def _role_before(before: str) -> str:
    """`Opposition councillor Andrzej Lis`, `said Mazovia Air spokeswoman Iga Sadowska`."""
    if before[-1:] not in (" ", "\u00a0"):
        return ""
    words = before.split()[-5:]
    if not words or words[-1].lower() not in ROLE_WORDS:
        return ""
    kept: list[str] = []
    for word in reversed(words):
        lower = word.lower()
        if lower in NP_STOP or lower in SPEECH_VERBS or not word[:1].isalpha() or not word[-1:].isalpha():
            break
        kept.insert(0, word)
    return " ".join(kept)


def _apposition_role(before: str, after: str) -> str:
    """`X, a spokeswoman for ...,` or `Its chief executive, X,`."""
    if after[:1] != ",":
        return ""
    m = _APPOSITION_RE.match(after)
    if m:
        app = _CLAUSE_CUT_RE.sub("", m.group("app")).strip()
        words = app.split()
        if words and words[0].lower() in ("a", "an", "the"):
            words = words[1:]
        if words and any(w.lower().strip("’'s") in ROLE_WORDS for w in words[:5]):
            return " ".join(words)
    stripped = before.rstrip()
    if stripped.endswith(","):
        clause = stripped[:-1]
        cut = max(clause.rfind(c) for c in ",.;:!?()\"“”„«»")
        words = [w for w in clause[cut + 1:].split() if w.lower() not in NP_STOP or w[:1].isupper()]
        words = [w for w in words if w.lower() not in ("its", "his", "her", "their", "the", "according")]
        if words and words[-1].lower() in ROLE_WORDS:
            return " ".join(words[-4:])
    return ""


def _after_place_preposition(before: str) -> bool:
    """`in Wydmy Morskie`, `the mayor of Nowa Sól`, `residents of Wierzbno Górne`."""
    words = before.lower().split()
    if words[-1:] == ["of"] and len(words) > 1:
        return words[-2] in ROLE_WORDS or words[-2] in PLACE_NOUNS or words[-2] in INHABITANTS
    return bool(words) and words[-1] in PLACE_PREPOSITIONS and words[-2:-1] != ["according"]


def _described_as_place(after: str) -> bool:
    m = _APPOSITION_RE.match(after)
    if not m:
        return False
    words = [w.lower() for w in _CLAUSE_CUT_RE.sub("", m.group("app")).split()]
    head = next((w for w in words if w in PLACE_NOUNS or w in ORG_NOUNS), None)
    return head in PLACE_NOUNS if head else False
