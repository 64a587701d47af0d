"""Who is named in an article: people and organisations, their roles, where they are mentioned.

A run of capitalised words is split at titles and roles (`NATO Secretary
General | Mark Rutte`, `Lithuanian Colonel | Darius Vaitkus`); what follows the
last title is the name, what precedes it is the role. A role also comes from
lower-case words before the name (`Opposition councillor Andrzej Lis`) and
from an apposition (`Tomasz Lech, KSP's head of dispatch`, `Its chief
executive, Leszek Duda,`, `A spokeswoman for the ministry, Anna Wirska,`).
Runs after a place preposition (`in Wydmy Morskie`) or described as a place
(`, a resort town`) are places, not people.

A person is keyed by surname, so `Rutte` later in the article is `Mark Rutte`,
the fullest form the article gives. Gender is guessed from the first name
(Slavic first names ending in -a are female, plus a list of others) and only
used to choose between candidates for `he` and `she`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from operator import itemgetter
from typing import NamedTuple

from briefing.extraction.lexicon import (
    CLAUSE_ADVERBS,
    COMMON_CAPS,
    FEMALE_NAMES,
    HONORIFICS,
    INHABITANTS,
    MALE_A_NAMES,
    NATIONALITIES,
    NP_STOP,
    ORG_NOUNS,
    ORG_TOKENS,
    PERSON_NOUNS,
    PLACE_NAMES,
    PLACE_NOUNS,
    PLACE_PREPOSITIONS,
    ROLE_WORDS,
    SPEECH_VERBS,
    UPPER,
)
from briefing.language.vocabulary import WEEKDAY_NAMES

_PARTICLES = "van|von|de|der|den|da|di|du|del|la|le|bin|ibn|ter|zu"
# A particle stands in a name before a capital, or before another particle and then a capital
# (`Ursula van der Berg`, `Hamad bin Khalid`).
_NAME_PART = (rf"(?:[ \u00a0]+(?:[{UPPER}][\w’'\-]*"
              rf"|(?:{_PARTICLES})(?=(?:[ \u00a0]+(?:{_PARTICLES}))?[ \u00a0]+[{UPPER}])))")
_PARTICLE_WORDS = frozenset(_PARTICLES.split("|"))
NAME_RE = re.compile(rf"[{UPPER}][\w’'\-]*{_NAME_PART}*")  # one capitalised word or more
# Two or more: where full names are. The first word is taken whole (`*+`): a name part opens with a
# space, so giving its letters back never helps, and the scan of every capitalised word that opens
# no name (most of them) stops at once instead of retrying the space at each of its letters.
NAMES_RE = re.compile(rf"[{UPPER}][\w’'\-]*+{_NAME_PART}+")
_TOKEN_RE = re.compile(r"\S+")
# Words that end no person's name: a party's or a nation's adjective (`Nevada Democratic`).
_NOT_LAST_IN_A_NAME = NATIONALITIES | frozenset(("democratic", "republican", "democrat", "conservative", "liberal",
                                                 "socialist", "federal", "national", "state"))
_APPOSITION_RE = re.compile(r",\s+(?P<app>[^,.;:!?()\"“”„«»]+)")
_CLAUSE_CUT_RE = re.compile(r"\s+(?:who|whose|which|that|where|when)\b.*", re.S)
_TITLE_OR_PERSON = ROLE_WORDS | PERSON_NOUNS
CHIEF_SYNONYMS = frozenset(["chief", "head", "leader", "boss"])
_ROLE_PREPOSITIONS = frozenset(["for", "at", "of", "in", "with", "on"])  # `spokeswoman for the ministry`


@dataclass(eq=False)
class Entity:
    """A person or organisation the article names.

    Its role is read from the text around its mentions only when asked for
    (`role`, `roles`): most people named in an article are never looked up by role.
    """

    name: str  # the words of its fullest mention, initials' stops left out (`J D Vance`): what mentions match
    kind: str  # "person" or "org"
    written: str = ""  # that mention as the article writes it (`J.D. Vance`), for the reader
    gender: str = ""
    contexts: list[tuple[str, str, str]] = field(default_factory=list)  # (title words, text before, after)
    is_person: bool = False  # shown to be a person: a title, a surname used alone, a known first name
    _roles: tuple[str, frozenset[str]] | None = None
    _role: str | None = None

    def add_context(self, titles: str, before: str, after: str) -> None:
        self.contexts.append((titles, before, after))
        self._roles = self._role = None

    def _read_roles(self) -> tuple[str, frozenset[str]]:
        if self._roles is None:
            role, words = "", set[str]()
            for titles, before, after in self.contexts:
                found = [_apposition_role(before, after), titles, _role_before(before)]
                role = role or next((r for r in found if r), "")
                words |= role_words(" ".join(found))
            self._roles = role, frozenset(words)
        return self._roles

    @property
    def role(self) -> str:
        """The first role its mentions give; read only as far as the first one (`roles` reads them all)."""
        if self._role is None:
            if self._roles is not None:
                return self._roles[0]  # read with them: the same first role
            found = (_apposition_role(before, after) or titles or _role_before(before)
                     for titles, before, after in self.contexts)
            self._role = next((role for role in found if role), "")
        return self._role

    @property
    def roles(self) -> frozenset[str]:
        return (self._roles or self._read_roles())[1]


class Mention(NamedTuple):
    segment: int
    start: int
    end: int
    entity: Entity


_NAME_BREAKS = SPEECH_VERBS | frozenset(["in", "on", "at", "to", "for", "from", "by", "with", "while", "and", "but",
                                          "or", "as", "than", "after", "before", "over", "under", "against", "into",
                                          "says", "tells", "warns", "urges", "beats", "wins", "slams", "blasts",
                                          "is", "are", "was", "were", "has", "have", "had", "like", "not",
                                          # a question or clause opening a sentence: `Would I ...`, `Because I ...`
                                          "i", "would", "could", "should", "because", "if", "do", "does", "did"]) \
    | CLAUSE_ADVERBS
# Title words that are also common surnames: after a capitalised word that is no title, a surname.
_SURNAME_TITLES = frozenset(["king", "major", "marshal", "bishop", "judge", "chancellor", "dean", "speaker",
                             "pope", "prince", "cardinal", "governor"])
_HONORIFIC_GENDER = {"mr": "m", "mr.": "m", "sir": "m", "lord": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f",
                     "miss": "f", "dame": "f", "lady": "f"}


def _is_title_or_person(lowered: str) -> bool:
    """`president`, `dr.`, `resident`: a title or a noun for a person (a word in lower case); also
    a compound joined by a function word (`mum-of-two`, `father-in-law`, `editor-in-chief`): a
    description, never a part of a name."""
    return (lowered in _TITLE_OR_PERSON or lowered[-1:] == "." and lowered.rstrip(".") in _TITLE_OR_PERSON
            or "-" in lowered and _is_compound_description(lowered))


def _is_compound_description(lowered: str) -> bool:
    parts = lowered.split("-")
    return len(parts) > 2 and any(p in _COMPOUND_LINKS for p in parts[1:-1])


_COMPOUND_LINKS = frozenset(["of", "in", "to"])


def _other_first_name(entity: Entity, words: list[str]) -> bool:
    """`Don Kelly` after `Joe Kelly`: both full names, different first names."""
    known = entity.name.split()
    return len(known) > 1 and known[0] != words[0] and not known[0].startswith(words[0].rstrip("."))


def _nearest_before(full: list[tuple[int, Entity]], pos: int) -> Entity:
    """Of several people with one surname, the one named in full nearest before ``pos`` (else the first)."""
    i = bisect_right(full, pos, key=itemgetter(0)) - 1
    return full[max(i, 0)][1]


def guess_gender(first_name: str) -> str:
    name = first_name.lower()
    if name in FEMALE_NAMES or (name.endswith("a") and name not in MALE_A_NAMES):
        return "f"
    return "m"


@lru_cache(maxsize=4096)
def role_words(text: str) -> frozenset[str]:
    words = {w.strip("’'.,").lower().removesuffix("’s").removesuffix("'s") for w in text.split()}
    words -= {"the", "a", "an", "of", "in", "at", "for", "and", "its", "his", "her", "their"}
    if words & CHIEF_SYNONYMS:
        words |= CHIEF_SYNONYMS
    return frozenset(words)


_POSITION = itemgetter(0, 1)  # a mention's (segment, start)


def _inside(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    """Whether ``pos`` falls inside one of ``spans``: sorted, disjoint (start, stop) pairs."""
    i = bisect_right(starts, pos) - 1
    return i >= 0 and pos < spans[i][1]


class People:
    """The people and organisations of one article, from its quote-masked segments."""

    def __init__(self, masked: list[str], written: list[str] | None = None) -> None:
        """``written``: the segments as the article writes them (the same offsets), for names as written."""
        self.masked = masked
        self.written = written or masked
        self.by_surname: dict[str, Entity] = {}  # the person (or organisation) a surname names last
        self.namesakes: dict[str, list[Entity]] = {}  # every person of that surname
        self.orgs: list[tuple[Entity, set[str]]] = []  # with the descriptors used for them
        self._orgs_by_name: dict[str, tuple[Entity, set[str]]] = {}
        self.mentions: list[Mention] = []
        for index, text in enumerate(masked):
            for run in NAMES_RE.finditer(text):
                self._read_run(index, text, run)
        self._add_surname_mentions()
        self.mentions.sort(key=_POSITION)
        self._by_segment: dict[int, list[Mention]] = {}
        for mention in self.mentions:
            self._by_segment.setdefault(mention.segment, []).append(mention)

    def _add_surname_mentions(self) -> None:
        """`Rutte noted`: a surname on its own is a mention of the person it names."""
        surnames = {e.name.split()[-1] for e in self.by_surname.values() if e.kind == "person"}
        if not surnames:
            return
        joined = "\n".join(self.masked)
        offsets = [0]
        for text in self.masked:
            offsets.append(offsets[-1] + len(text) + 1)
        taken = sorted((offsets[m.segment] + m.start, offsets[m.segment] + m.end) for m in self.mentions)
        taken_starts = [start for start, _ in taken]
        for surname in surnames:
            entity = self.lookup(surname)
            if entity is None:
                continue
            namesakes = self.namesakes.get(surname.lower(), ())
            full = sorted((offsets[m.segment] + m.start, m.entity) for m in self.mentions
                          if m.entity in namesakes) if len(namesakes) > 1 else []
            pos = joined.find(surname)
            while pos >= 0:
                end = pos + len(surname)
                if (not joined[pos - 1:pos].isalnum() and not joined[end:end + 1].isalnum()
                        and joined[end:end + 1] not in ("’", "'", "-")
                        and not _inside(taken, taken_starts, pos)):
                    index = bisect_right(offsets, pos) - 1
                    named = _nearest_before(full, pos) if full else entity
                    named.is_person = True
                    self.mentions.append(Mention(index, pos - offsets[index], end - offsets[index], named))
                pos = joined.find(surname, end)

    def _read_run(self, index: int, text: str, run: re.Match) -> None:
        """One run of capitalised words: a name, a title and a name, or several split at a possessive."""
        group = run.group()
        words = group.split()
        lowered = [w.lower() for w in words]
        offset, starts = run.start(), []
        for word in words:
            offset = text.find(word, offset)
            starts.append(offset)
            offset += len(word)
        if _NAME_BREAKS.isdisjoint(lowered) and "’s" not in group and "'s" not in group:
            self._read_piece(index, text, words, starts, lowered)  # most runs: one name, one piece
            return
        first = 0
        for i, word in enumerate(words):
            if word.endswith(("’s", "'s")):  # `Norway's Eirik Haugland`: the possessor is no speaker
                self._read_piece(index, text, words[first:i], starts[first:i], lowered[first:i])
                first = i + 1
            elif lowered[i] in _NAME_BREAKS:
                # a title-case headline or a tabloid verb: `Sanders Beats Clinton In Iowa`,
                # `Lena Sorensen BLASTED the board`: names stop at a verb or a function word
                if i > first:
                    self._read_piece(index, text, words[first:i], starts[first:i], lowered[first:i])
                first = i + 1
        self._read_piece(index, text, words[first:], starts[first:], lowered[first:])

    def _read_piece(self, index: int, text: str, words: list[str], starts: list[int], lowered: list[str]) -> None:
        """``lowered`` are the words in lower case, read once for every list they are looked up in."""
        if not words:
            return  # the run ended with a word that ends names (`Lena Sorensen Says`)
        if len(words) > 2 and " ".join(lowered[-2:]) in PLACE_NAMES:  # `Ted Cruz South Carolina` (a dateline run on)
            words, starts, lowered = words[:-2], starts[:-2], lowered[:-2]
        count = len(words)
        first = 0
        while first < count and lowered[first] in COMMON_CAPS:
            first += 1
        cut = first  # just after the last title
        last = count - 1
        if lowered[-1] in _SURNAME_TITLES and last > first and lowered[last - 1] not in _TITLE_OR_PERSON:
            last -= 1  # `Charlie King`, `Ada Marshal`: a title word after a first name is a surname
        if ("." in text[starts[0]:starts[-1] + len(words[-1])] or not _TITLE_OR_PERSON.isdisjoint(lowered)
                or "-" in lowered[0] and _is_compound_description(lowered[0])):
            for i in range(last, first - 1, -1):  # most runs hold no title: checked at once above
                if _is_title_or_person(lowered[i]):
                    cut = i + 1
                    break
        while cut < count - 1 and lowered[cut] in NATIONALITIES:
            cut += 1
        if (lowered[-1] in _NOT_LAST_IN_A_NAME or not WEEKDAY_NAMES.isdisjoint(lowered)
                or " ".join(lowered[cut:]) in PLACE_NAMES):
            return  # `the Nevada Democratic caucuses`, `One Sunday`, `South Carolina`: never a person
        titled = cut > first  # `Mr. Hale`, `President Obama`: a title makes one word a name
        if count - cut < (1 if titled else 2) or not words[-1][:1].isupper():
            return  # no name, or a single word: a surname alone is found later
        if count - cut > 1 and words[cut].isupper() and all(w.isupper() and len(w) > 1 for w in words[cut:]):
            return  # `EXPECTED TURNOUT`: a heading in capitals, not a name
        if all(len(w) == 1 for w in words[cut:]):
            return  # `U S`, `N C` (the stops of `U.S.`, `N.C.` hidden): a country or a state; a name has a word
        if count - cut > 3 and len(words[cut]) == len(words[cut + 1]) == 1 and sum(len(w) > 1 for w in words[cut:]) > 1:
            # `U.S. Chris Christie`: two letters before a first name and a surname are a place, not
            # initials, which stand before a surname alone (`J.D. Hollister`) or one of them before both
            cut = next(i for i in range(cut, count) if len(words[i]) > 1)
        if count - cut > 4 and sum(w not in _PARTICLE_WORDS for w in words[cut:]) > 4:  # `United Auto Workers Secretary-Treasurer
            cut = count - 2  # Gary Casteel`: a name is its last two words, what comes before describes the person
        start, end = starts[cut], starts[-1] + len(words[-1])
        before, after = text[max(0, starts[first] - 80):starts[first]], text[end:end + 120]
        name_lowered = lowered[cut:] if cut else lowered
        if not ORG_TOKENS.isdisjoint(name_lowered):
            self._add_org(index, start, end, " ".join(words[cut:]), before)
            return
        if cut == first:  # no title (a name of more than four words is cut after its titles' check)
            if _after_place_preposition(before) or _described_as_place(after):
                return
            self._add_person(index, start, end, words[cut:] if cut else words, ("", before, after))
            return
        titles = " ".join(words[i] for i in range(first, cut) if lowered[i].rstrip(".") not in HONORIFICS)
        gender = next((_HONORIFIC_GENDER[w] for w in lowered[first:cut] if w in _HONORIFIC_GENDER), "")
        self._add_person(index, start, end, words[cut:], (titles, before, after), gender)

    def _add_person(self, index: int, start: int, end: int, words: list[str], context: tuple,
                    gender: str = "") -> None:
        """A person's mention: the fullest name wins (`Obama`, then `Barack Obama`); two full
        names with one surname (`Joe Kelly`, `Don Kelly`) are two people."""
        surname = words[-1].lower()
        entity = self.by_surname.get(surname)
        if entity is None or entity.kind != "person" or (len(words) > 1 and _other_first_name(entity, words)):
            entity = self._namesake(surname, words) or Entity(" ".join(words), "person",
                                                              gender=guess_gender(words[0]) if len(words) > 1 else "")
            if entity not in self.namesakes.setdefault(surname, []):
                self.namesakes[surname].append(entity)
            self.by_surname[surname] = entity
        elif len(words) > len(entity.name.split()):
            entity.name, entity.gender = " ".join(words), entity.gender or guess_gender(words[0])
        if entity.name == " ".join(words):  # its fullest mention: as the article writes it (`J.D. Vance`)
            entity.written = " ".join(self.written[index][start:end].split())
        if gender and len(words) == 1 and entity.gender != gender:  # `Mrs. Kelly` after `Don Kelly`, `Ann Kelly`
            entity = next((e for e in reversed(self.namesakes.get(surname, [])) if e.gender == gender), entity)
        if gender:
            entity.gender = gender  # `Mrs.` says more than a guess from the first name
        if context[0] or gender or len(words) == 1 or words[0].lower() in FEMALE_NAMES:
            entity.is_person = True
        entity.add_context(*context)
        self.mentions.append(Mention(index, start, end, entity))

    def _namesake(self, surname: str, words: list[str]) -> Entity | None:
        """The person already met under this full name (`Don Kelly` again, after `Joe Kelly`)."""
        for entity in self.namesakes.get(surname, ()):
            if entity.name.split()[0] == words[0] or len(entity.name.split()) == 1:
                if len(words) > len(entity.name.split()):
                    entity.name, entity.gender = " ".join(words), entity.gender or guess_gender(words[0])
                return entity
        return None

    def _add_org(self, index: int, start: int, end: int, name: str, before: str) -> None:
        known = self._orgs_by_name.get(name)
        if known is None:
            known = self._orgs_by_name[name] = (Entity(name, "org"), set())
            self.orgs.append(known)
        entity, descriptors = known
        for word in before.split()[-3:]:
            word = word.lower().strip(",")
            if word in ORG_NOUNS:
                descriptors.add(word)
        self.by_surname.setdefault(name.split()[-1].lower(), entity)
        self.mentions.append(Mention(index, start, end, entity))

    def lookup(self, token: str) -> Entity | None:
        """The entity a single capitalised word refers to (`Rutte` -> Mark Rutte)."""
        return self.by_surname.get(token.lower().removesuffix("’s").removesuffix("'s"))

    def add_mention(self, segment: int, start: int, end: int, entity: Entity) -> None:
        mention = Mention(segment, start, end, entity)
        insort(self.mentions, mention, key=_POSITION)
        self._by_segment.setdefault(segment, []).append(mention)

    def mentions_within(self, segment: int, start: int, end: int) -> list[Mention]:
        found = [m for m in self._by_segment.get(segment, ()) if start <= m.start and m.end <= end]
        return sorted(found, key=lambda m: m.start) if len(found) > 1 else found


    def last_person_before(self, segment: int, pos: int, gender: str) -> Entity | None:
        """The person a `he` or `she` at (segment, pos) refers to: the latest one mentioned of that
        gender, first among those the article shows are people (a title or role, a surname used
        alone, a known first name), so a capitalised place or event (`South Carolina`) is no `he`."""
        cut = bisect_left(self.mentions, (segment, pos), key=_POSITION)  # mentions are in article order
        earlier = [m.entity for m in self.mentions[:cut] if m.entity.kind == "person"]
        for entity in reversed(earlier):
            if (not gender or entity.gender == gender) and (entity.is_person or entity.role):
                return entity
        for entity in reversed(earlier):
            if not gender or entity.gender == gender:
                return entity
        return earlier[-1] if earlier else None

    def by_description(self, words: set[str], segment: int, pos: int) -> Entity | None:
        """`the NATO chief`, `the judge`: the person whose roles share most words; of several, the
        one mentioned last before (segment, pos), else the one mentioned first after it."""
        wanted = role_words(" ".join(words))
        scores: dict[Entity, int] = {}  # scored once per person, not once per mention
        for mention in self.mentions:
            entity = mention.entity
            if entity not in scores:
                scores[entity] = len(wanted & entity.roles) if entity.kind == "person" else 0
        best = max(scores.values(), default=0)
        if not best:
            return None
        cut = bisect_left(self.mentions, (segment, pos), key=_POSITION)  # mentions are in article order
        for mention in chain(reversed(self.mentions[:cut]), self.mentions[cut:]):
            if scores[mention.entity] == best:
                return mention.entity
        return None  # never reached: a mention holds the best score

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
        if words and any(w.lower().removesuffix("’s").removesuffix("'s") in ROLE_WORDS for w in words[:5]):
            return " ".join(words)
    stripped = before.rstrip()
    if stripped.endswith(","):
        clause = stripped[:-1]
        cut = max(clause.rfind(c) for c in ",.;:!?()\"“”„«»")
        written = clause[cut + 1:].split()
        words = [w for w in written if w.lower() not in NP_STOP or w[:1].isupper()]
        words = [w for w in words if w.lower() not in ("its", "his", "her", "their", "the", "according")]
        if words and words[-1].lower() in ROLE_WORDS:
            return " ".join(words[-4:])
        return _described_by(written)
    return ""


def _described_by(words: list[str]) -> str:
    """`A spokeswoman for the environment ministry` (before `, Anna Wirska,`) -> `spokeswoman for the
    environment ministry`: a description that opens with an article and a role, then says whose."""
    if len(words) > 8 or not words or words[0].lower() not in ("a", "an", "the"):
        return ""
    head = next((i for i, w in enumerate(words[1:4], 1) if w.lower() in ROLE_WORDS), 0)
    if not head or head + 1 >= len(words) or words[head + 1].lower() not in _ROLE_PREPOSITIONS:
        return ""
    return " ".join(words[1:])


def _after_place_preposition(before: str) -> bool:
    """`in Wydmy Morskie`, `the mayor of Nowa Sól`, `residents of Wierzbno Górne`."""
    words = before[-40:].lower().split()[-3:]
    if words[-1:] == ["of"] and len(words) > 1:
        return words[-2] in ROLE_WORDS or words[-2] in PLACE_NOUNS or words[-2] in INHABITANTS
    return bool(words) and words[-1] in PLACE_PREPOSITIONS and words[-2:-1] != ["according"]


def _described_as_place(after: str) -> bool:
    """`Wydmy Morskie, a resort town`: what follows the name says it is a place (a participle
    says what someone does, whatever it mentions: `Henrik Lund, saying the sea was calm`)."""
    if after[:1] != ",":
        return False
    m = _APPOSITION_RE.match(after)
    if not m:
        return False
    words = [w.lower() for w in _CLAUSE_CUT_RE.sub("", m.group("app")).split()]
    if not words or words[0].endswith("ing"):
        return False
    if any(w in _TITLE_OR_PERSON for w in words[:3]):
        return False  # `Tom John, chairman of the district party`: a person's role
    head = next((w for w in words if w in PLACE_NOUNS or w in ORG_NOUNS), None)
    return head in PLACE_NOUNS if head else False
