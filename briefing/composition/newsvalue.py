"""The news-value signals a desk editor weighs, read from a story's own text, figures, quotes and sources.

Each signal is a number from 0 to 1 (how strongly the story shows it) with the
words that made it so, for ``briefing explain``. The weights that turn them
into a score live in one place, ``briefing.composition.ranking.DEFAULT_WEIGHTS``.

The word lists name kinds of events and roles (general news values: harm to
people, public safety, reach, seniority, soft news), never phrasings of a
particular article.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from briefing.composition.stories import EarlierArticles
from briefing.models import Article, StoredArticle


def _words(text: str) -> frozenset[str]:
    """Words of a list; ``_`` joins a phrase (``power_cut``), a final ``*`` matches any ending (``injur*``)."""
    return frozenset(word.replace("_", " ") for word in text.split())


#: deaths (a word matches with its plain endings: `die` finds `dies`, `died`)
DEATH_STEMS = _words("die died dead death deadly kill killed killing fatal fatalities casualt* drown drowned bodies")
#: injuries: news, but less than a death
INJURY_STEMS = _words("injur* wound wounded hurt victim")
HARM_STEMS = DEATH_STEMS | INJURY_STEMS
#: people, homes and jobs: a count of these is a count of people affected
PEOPLE_UNITS = _words(
    """people persons residents inhabitants passengers commuters travellers travelers tourists visitors
    patients children pupils students workers employees staff jobs households homes families customers
    consumers civilians soldiers troops refugees migrants evacuees victims casualties voters citizens
    pensioners users subscribers drivers fans spectators villagers miners nurses doctors teachers""")
#: public safety and health: disasters, hazards, attacks, outbreaks, rescue
SAFETY_STEMS = _words(
    """storm snowstorm blizzard flood avalanche earthquake wildfire fire blaze explosion blast derail*
    crash collision accident evacuat* emergency warning alert rescue rescued stranded stranding cut_off
    blackout outage power_cut without_heating without_power without_electricity in_the_cold frost
    freezing heatwave drought outbreak epidemic pandemic measles flu influenza virus infection contamin*
    poison* hospital attack drone missile shelling war invasion bomb shooting terror* hostage danger
    dangerous threat""")
#: national or international reach: governments, alliances, countries at war, nationwide effects
REACH_STEMS = _words(
    """nato eu european_union un united_nations government minister ministry prime_minister president
    parliament sejm senate kremlin national nationwide international alliance country countries war
    treaty summit federal""")
#: roles by seniority, highest first: (words of the role, weight 0..1)
SENIORITY = (
    (_words("president prime chancellor secretary-general king queen pope premier"), 1.0),
    (_words("minister commissioner ambassador"), 0.8),
    (_words("governor mayor voivode marshal chief commander prosecutor judge mp lawmaker"), 0.5),
    (_words("director spokesman spokeswoman spokesperson official head ceo"), 0.25),
)
#: sections and words of soft news: sport results, culture, curiosities
SOFT_SECTIONS = _words(
    """sport sports culture arts entertainment lifestyle leisure celebrity people weird odd offbeat travel
    food""")
SOFT_STEMS = _words(
    """win won victory champion championship medal olympic olympics world_cup league tournament ski
    skiing jumping tennis football marathon racer skater skating squad athlete
    film festival concert album exhibition museum theatre premiere novel artist actor singer zoo
    celebrity""")
#: a title of a quote's speaker that sounds senior but is of a company, club or team
_NOT_PUBLIC = _words("company club team firm start-up startup")

_WORD_RE = re.compile(r"[\w'’-]+")
#: the ASCII characters that are no part of a word (``_WORD_RE``), as spaces: in an ASCII text, ``translate``
#: then ``split`` find the same words as ``findall``, several times faster
_ASCII_NOT_WORD = str.maketrans({c: " " for c in map(chr, range(128)) if not _WORD_RE.fullmatch(c)})


@dataclass(frozen=True)
class Signal:
    """How strongly a story shows one news value (0..1), and the words that say why."""

    name: str
    value: float
    why: str


def words_of(text: str) -> list[str]:
    """The lower-cased words of ``text``, apostrophes at their ends dropped."""
    return [w.lower().strip("'’") for w in _WORD_RE.findall(text)]


#: apostrophes at either end of a word between spaces; a word of apostrophes alone is left (it matches
#: nothing). Each match begins with its apostrophe, so the search skips to the next one (a pattern
#: beginning with the look-behind would be tried at every character, and took longer than the rest).
_END_APOSTROPHES = re.compile(r"'(?:(?<= ')'*(?=[^ '])|(?<=[^ ']')'*(?= ))")


@dataclass(frozen=True)
class _Scanned:
    """A text read once for every signal that looks in it: its words (``words_of``), as a set, and
    between single spaces (for phrases, and the order words first appear in)."""

    words: frozenset[str]
    joined: str

    def first_seen(self, word: str) -> int:
        return self.joined.find(f" {word} ")


def _scan(text: str) -> _Scanned:
    if not text.isascii():
        words = words_of(text)
        return _Scanned(frozenset(words), " " + " ".join(words) + " ")
    # The common case, done on the whole text at once (``findall`` and a word at a time took most of the
    # ranking's time): lower-cased, the characters of no word made spaces, the end apostrophes dropped.
    spaced = " " + text.lower().translate(_ASCII_NOT_WORD) + " "
    if "'" in text:
        spaced = _END_APOSTROPHES.sub("", spaced)
    words = spaced.split()
    return _Scanned(frozenset(words), " " + " ".join(words) + " ")


_ENDINGS = ("", "s", "es", "d", "ed", "ing")


@dataclass(frozen=True)
class _Forms:
    """What a list of stems finds, made once per list: every inflected form of its one-word stems
    (`storms`, `died`; a `d` only after an `e`, so no `ward` from `war`), a pattern of the words beginning
    with a stem written with ``*`` (``injur*``), and its phrases (``power_cut``)."""

    words: frozenset[str]
    prefixed: re.Pattern[str] | None
    phrases: tuple[str, ...]


@functools.cache
def _forms(stems: frozenset[str]) -> _Forms:
    words = frozenset(stem + ending for stem in stems if not stem.endswith("*") for ending in _ENDINGS
                      if ending != "d" or stem.endswith("e"))
    prefixes = sorted(re.escape(s[:-1]) for s in stems if s.endswith("*"))
    prefixed = re.compile(rf" ((?:{'|'.join(prefixes)})[^ ]*)") if prefixes else None
    return _Forms(words, prefixed, tuple(s for s in stems if " " in s))


def _hits(scanned: _Scanned, stems: frozenset[str]) -> list[str]:
    """The words of the text in the one-word ``stems``, with a plain ending or any (``injur*``), each
    once, in the order they first appear; then the phrases of ``stems`` (several words) found whole, in
    the order they first appear (not the set's, which changes from one process to the next)."""
    forms = _forms(stems)
    found = set(forms.words.intersection(scanned.words))  # a set operation: the text's words are not walked
    if forms.prefixed is not None:
        found.update(forms.prefixed.findall(scanned.joined))
    phrases = [s for s in forms.phrases if f" {s} " in scanned.joined]
    return sorted(found, key=scanned.first_seen) + sorted(phrases, key=scanned.first_seen)


def head_text(article: Article) -> str:
    """The headline and lead: what an editor reads to judge a story."""
    return f"{article.title}. {article.lead or (article.body[0] if article.body else '')}"


def body_text(article: Article) -> str:
    return " ".join(article.body)


@dataclass(frozen=True)
class _Read:
    """An article's headline and lead, and its text, each read once for every signal that looks in them."""

    head: _Scanned
    body: _Scanned


def _read(article: Article) -> _Read:
    return _Read(_scan(head_text(article)), _scan(body_text(article)))


@dataclass(frozen=True)
class TextSignals:
    """The signals of a story read from its main article's words alone: they need no extraction, so
    ``compose_briefing`` reads them while the extractions are computed."""

    harm: Signal
    public_safety: Signal
    reach: Signal
    soft_news: Signal


def text_signals(article: Article) -> TextSignals:
    """The text signals of ``article``, its headline, lead and text each read once."""
    read = _read(article)
    return TextSignals(_harm(read), _public_safety(read), _reach(read), _soft_news(article, read))


def harm(article: Article) -> Signal:
    return _harm(_read(article))


def _harm(read: _Read) -> Signal:
    head = _hits(read.head, HARM_STEMS)
    if head:
        deaths = _hits(read.head, DEATH_STEMS)
        return Signal("deaths_injuries", 1.0 if deaths else 0.6, f"in the headline or lead: {', '.join(head[:3])}")
    body = _hits(read.body, HARM_STEMS)
    if body:
        return Signal("deaths_injuries", 0.25, f"in the text: {', '.join(body[:3])}")
    return Signal("deaths_injuries", 0.0, "")


def people_affected(figures: Iterable[tuple[float, str]]) -> Signal:
    """The largest count of people (homes, jobs) among the figures, on a log scale: 100,000 or more is 1."""
    counts = [(value, unit) for value, unit in figures
              if value >= 1 and unit and unit.lower().split()[-1] in PEOPLE_UNITS]
    if not counts:
        return Signal("people_affected", 0.0, "")
    value, unit = max(counts)
    return Signal("people_affected", min(1.0, math.log10(value) / 5), f"{value:,.0f} {unit}")


def public_safety(article: Article) -> Signal:
    return _public_safety(_read(article))


def _public_safety(read: _Read) -> Signal:
    head = _hits(read.head, SAFETY_STEMS)
    if head:
        return Signal("public_safety", min(1.0, 0.6 + 0.2 * len(head)), f"{', '.join(head[:3])}")
    body = _hits(read.body, SAFETY_STEMS)
    return Signal("public_safety", min(0.4, 0.1 * len(body)), f"in the text: {', '.join(body[:3])}" if body else "")


def reach(article: Article) -> Signal:
    return _reach(_read(article))


def _reach(read: _Read) -> Signal:
    head = _hits(read.head, REACH_STEMS)
    body = [w for w in _hits(read.body, REACH_STEMS) if w not in head]
    value = min(1.0, 0.4 * len(head) + 0.1 * len(body))
    return Signal("reach", value, ", ".join((head + body)[:4]))


def seniority(roles: Iterable[str]) -> Signal:
    """The most senior public role among those quoted or named in the lead (``roles``: roles or texts)."""
    best, who = 0.0, ""
    for role in roles:
        words = set(words_of(role.lower().replace("secretary general", "secretary-general")))
        if words & _NOT_PUBLIC:
            continue
        for titles, weight in SENIORITY:
            found = words & titles
            if found and weight > best:
                best, who = weight, role if len(role) <= 60 else sorted(found)[0]
    return Signal("senior_officials", best, who)


def agencies(names: Iterable[str]) -> Signal:
    """How many sources carried the story beyond the first (three more or over is 1)."""
    unique = sorted(set(names))
    extra = max(0, len(unique) - 1)
    return Signal("agencies", min(1.0, extra / 3), ", ".join(unique) if extra else "")


def soft_news(article: Article) -> Signal:
    return _soft_news(article, _read(article))


def _soft_news(article: Article, read: _Read) -> Signal:
    section = article.section.strip().lower()
    if section in SOFT_SECTIONS:
        return Signal("soft_news", 1.0, f"section {article.section.strip()}")
    head = _hits(read.head, SOFT_STEMS)
    if head:
        return Signal("soft_news", min(1.0, 0.5 * len(head)), ", ".join(head[:3]))
    return Signal("soft_news", 0.0, "")


def follow_up(main: StoredArticle, earlier: EarlierArticles | Sequence[StoredArticle]) -> Signal:
    """A running story: the same event was reported on an earlier day.

    ``earlier``, the earlier days' articles, is best indexed once for a whole day's stories (``compose`` does).
    """
    if not earlier:
        return Signal("follow_up", 0.0, "")
    index = earlier if isinstance(earlier, EarlierArticles) else EarlierArticles(earlier)
    before = index.first_alike(main, FOLLOW_UP_SIMILARITY)
    if before is None:
        return Signal("follow_up", 0.0, "")
    return Signal("follow_up", 1.0, f"follows {before.article.title!r}")


#: how alike (1.0: the same-story threshold) a story must be to an earlier day's to follow it up
FOLLOW_UP_SIMILARITY = 0.6
