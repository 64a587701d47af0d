"""Who said each quote: speech verbs, their subjects, and what those subjects refer to.

Every speech verb outside the quotes (`said`, `told`, `added`, `according
to`, ...) is an *event* whose subject is read on the side the grammar puts it:
after the verb when it follows a closing mark (`," said Tomasz Lech, KSP's
head of dispatch`) or is `according to`, before it otherwise (`Rutte noted`,
`the NATO secretary general told`, `Dr Joanna Malec, the region's consultant
..., said`). In `A, B, said` the apposition B is the subject when it names a
person and A names none (`A spokeswoman for the ministry, Anna Wirska, said`:
A becomes her role); a relative clause closing the apposition is skipped
(`Erik Lindqvist, a partner at Nordkap, which led the round, said`). A
participle (`..., saying`, `..., adding:`) takes the speaker of the verb before
it in its sentence, else the subject that opens its clause (`The mayor thanked
Anna Wirska, saying`: the mayor), else the first name of the sentence. A
headline that opens with a name and a colon (`Tusk: ...`) is what that person
said. Events are read in article order, and only as far as a quote needs them
(``Attributor.events_in``). The subject is resolved to:

- a person named in the article, in the fullest form given (`Rutte` -> `Mark Rutte`);
- for `he`/`she`, the latest person mentioned before, of that gender if one is;
- for a description (`the judge`, `the NATO chief`), the person whose title or
  apposition shares its words (`Judge Barbara Cichoń`, `NATO Secretary General`);
- for `the company`, the organisation introduced with that noun;
- otherwise the group as written, without a leading capital (`officials in Gdansk`),
  and `the officials` later is that same group.

A quote then takes, in order: the attribution between its split parts; an
event right after it (`"…," X said`); the nearest event before it in its
sentence (`X said it was "…"`); a later event in its sentence; for a
paragraph that opens with a quote, the paragraph before (its closing colon,
or the speaker it was quoting: the news convention for going on quoting);
the latest event earlier in its paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from briefing.extraction.lexicon import (
    GROUP_PRONOUNS,
    ORG_NOUNS,
    PRONOUNS,
    ROLE_WORDS,
    SPEECH_VERBS,
    UPPER,
)
from briefing.extraction.numbers import ONES, TENS
from briefing.extraction.people import NAME_RE, Entity, People
from briefing.extraction.quotes import QuoteSpan, skip_spaces_back
from briefing.extraction.subjects import (
    DETERMINERS,
    FUNCTION_WORDS,
    LEADING_LINKS,
    SPEAKER_OPENERS,
    after_boundary,
    describes_a_speaker,
    description_role,
    head_noun,
    is_apposition_piece,
    is_unclosed_apposition,
    last_comma,
    role_text,
    speaker_shape_problem,
    strip_auxiliaries,
    subject_at_clause_start,
    title_case_fragment,
    without_relative_clauses,
)
from briefing.extraction.text import is_whole_word, sentence_span, whole_words_pattern, word_before

# Capitalised too, the usual headline verbs (a headline may be in title case).
_HEADLINE_VERBS = ("Says", "Said", "Tells", "Warns", "Urges", "Insists", "Admits", "Vows", "Denies", "Pledges")
# A past tense may open a sentence (`Added Lena Sorensen: "…"`); a capitalised present tense is
# more often a noun or a name (`United States`, `Calls for …`), so only the headline verbs are.
_PAST_TENSES = [v.capitalize() for v in SPEECH_VERBS if v.endswith("ed") or v in ("said", "told", "wrote")]
_SPEECH_WORDS = [*SPEECH_VERBS, *_PAST_TENSES, *_HEADLINE_VERBS, "according to", "According to",
                 "paid tribute to", "pays tribute to", "paying tribute to", "put it"]
# `As Rosenthal put it, "…"`, `put it bluntly:`: `put it` says something only before a comma or a colon.
_PUT_IT_RE = re.compile(r"\s*(?:\w+ly\s*|this\s+way\s*)?[,:]")
# `The report states: "…"`, `the law states that`: `states` is a verb only before what it says and after
# no article, quantifier or number (`45 states where`, `the states that voted`, `United States`).
_STATES_SAYS_RE = re.compile(r"\s*(?:[:,\"“”']|that\b)")
_NOT_BEFORE_STATES = frozenset(["the", "these", "those", "all", "many", "some", "several", "other", "both", "few",
                                "most", "more", "member", "swing", "battleground", "of", "in", "and", "or",
                                "united", "border", "southern", "northern", "western", "eastern", "gulf", "key"])
SPEECH_RE = whole_words_pattern(_SPEECH_WORDS)
_AFTER_CLOSING_MARK_RE = re.compile(r"[”\"»’']\s*,?\s*\Z|,\s*[”\"»’']\s*\Z")
_MARK_OR_COMMA = frozenset("”\"»’',")
_SUBJECT_AFTER_RE = re.compile(
    r"\s+(?P<subj>[^,.;:!?\"“”„«»()]+?)(?=\s*(?:[,.;:!?\"“”„«»()]|\Z)|\s+(?:who|whose|which|in\s+a\s|on\s+\w+day|"
    r"by\s+phone|after|before|at\s+the|during)\b)")
_APPOSITION_RE = re.compile(r",\s+(?P<app>[^,.;:!?\"“”„«»()]+)")
_CLAUSE_CUT_RE = re.compile(r"(?:^|\s+)(?:who|whose|which|that|where|when)\b.*", re.S)
_HEADLINE_SPEAKER_RE = re.compile(rf"\s*(?P<name>[{UPPER}][\w’'\-]*(?:\s+[{UPPER}][\w’'\-]*){{0,3}})\s*:\s")
_COLON_NAME_RE = re.compile(rf"^\s*(?P<name>[{UPPER}][\w’'\-]*(?:\s+[{UPPER}][\w’'\-]*)*)\s*:\s*\Z")
_PARENTHESIS_RE = re.compile(r"\([^()]{1,40}\)")
# A quote signed with a dash, a name, maybe a role after a comma, at the end of its paragraph or
# line, or before the next quote (a list of quotes each signed by its author, run into one paragraph).
_SIGNATURE_RE = re.compile(rf"\s*(?:--|[-–—―])\s*(?P<name>[{UPPER}][\w’'.\-]*(?:[^\S\n]+[{UPPER}][\w’'.\-]*){{0,4}})"
                           r"[^\S\n]*(?:[.,][^\"“”\n]*)?(?=\s*[\"“”„«]|\n|\Z)")
# The end of a first verb phrase coordinated with the speech verb: both share the clause's subject.
_COORDINATED = (" and", " and then", " then", " but")
_COMPLEMENT_RE = re.compile(r"\s+(?:of|for|from|at|in|with|on)\b")
_PARTICIPLES = frozenset(v for v in SPEECH_VERBS if v.endswith("ing"))
_ACCORDING_TO = frozenset(w for w in _SPEECH_WORDS if w.lower().startswith("according"))


class Speaker(NamedTuple):
    name: str
    role: str = ""
    kind: str = "group"  # person, org, group


class Event(NamedTuple):
    """A speech verb and who its subject is."""

    segment: int
    start: int  # where the attribution starts (subject or verb, whichever comes first)
    verb_start: int
    end: int
    speaker: Speaker | None


class Attributor:
    """Speech events of one article, and the speaker of each quote."""

    def __init__(self, segments: list[str], masked: list[str], starts: list[list[int]], people: People) -> None:
        self.segments, self.masked, self.starts, self.people = segments, masked, starts, people
        self.groups: list[tuple[int, int, str, Speaker]] = []  # (segment, pos, head noun, speaker)
        self.events: list[Event] = []  # in article order
        self.by_segment: dict[int, list[Event]] = {}
        self._read_up_to = 0  # the segments before this one have had their events read
        self._joined: str | None = None
        headline = _HEADLINE_SPEAKER_RE.match(masked[0]) if masked else None
        if headline:  # `Rutte: Ukraine needs 'robust guarantees'`: the headline is what Rutte said
            speaker = self._resolve_after_all_events(0, headline.start("name"), headline.group("name"))
            if speaker is not None and speaker.kind != "group":  # not `Analysis: ...`
                event = Event(0, 0, headline.end("name"), headline.end(), speaker)
                self.events.insert(0, event)
                self.by_segment.setdefault(0, []).insert(0, event)

    # -- events ------------------------------------------------------------------------------
    def events_in(self, segment: int) -> list[Event]:
        """The speech events of one segment.

        Events are read in article order, and only as far as a quote needs them:
        resolving a subject can record a mention or a group that later subjects
        refer back to (`he`, `the officials`), so the order is what keeps the
        result the same as reading them all, and the segments after the last
        quote are never read.
        """
        while self._read_up_to <= segment:
            index = self._read_up_to
            self._read_up_to += 1
            text = self.masked[index]
            starts = self.starts[index]
            for verb in SPEECH_RE.finditer(text):
                start, end = verb.span()
                if (text[start - 1:start] != "-" and is_whole_word(text, start, end)  # not `so-called`
                        and (verb.group() not in ("put it", "states") or _says_something(text, start, end))):
                    event = self._event(index, text, starts, verb)
                    self.events.append(event)
                    self.by_segment.setdefault(index, []).append(event)
        return self.by_segment.get(segment, [])

    def _resolve_after_all_events(self, index: int, pos: int, subject: str) -> Speaker | None:
        """A subject outside any speech event (a headline's or a paragraph's `Name:`), read as if
        after every event, whose mentions and groups it may refer to."""
        self.events_in(len(self.masked) - 1)
        return self._resolve(index, pos, subject)

    def _event(self, index: int, text: str, starts: list[int], verb: re.Match) -> Event:
        verb_start, verb_end = verb.span()
        sentence = bisect_right(starts, verb_start) - 1  # ``text.sentence_span``, inlined: it runs for every verb
        sent_start = starts[max(sentence, 0)]
        sent_end = starts[sentence + 1] if sentence + 1 < len(starts) else len(text)
        word = verb.group()  # SPEECH_RE's participles and `according to` are all in lower case
        words_end = skip_spaces_back(text, verb_start)
        if (word in _ACCORDING_TO or words_end <= sent_start  # `Said Dorothy Poynter, …, "We…"`
                or text[words_end - 1] in _MARK_OR_COMMA  # where the pattern matches; most verbs follow a word
                and _AFTER_CLOSING_MARK_RE.search(text, max(sent_start, verb_start - 8), verb_start)):
            speaker, start = self._subject_after(index, text, verb_end, sent_end), verb_start
        elif word in _PARTICIPLES:  # `he said, adding:`, `The mayor thanked X, saying`
            speaker = (self._earlier_speaker_in(index, sent_start)
                       or self._clause_subject(index, text, sent_start, verb_start)
                       or self._first_name_in(index, sent_start, verb_start))
            start = verb_start
        else:
            speaker, start = self._subject_before(index, text, sent_start, verb_start)
        return Event(index, start, verb_start, verb_end, speaker)

    def _subject_after(self, index: int, text: str, pos: int, sent_end: int) -> Speaker | None:
        """The subject after the verb at ``pos``, read to the end of its sentence (no further)."""
        m = _SUBJECT_AFTER_RE.match(text, pos, sent_end)
        if not m:
            return None
        subject, role = m.group("subj"), ""
        app = _APPOSITION_RE.match(text, m.end(), sent_end)
        if app:
            appositive = _CLAUSE_CUT_RE.sub("", app.group("app")).strip()
            if self._names_in(index, app.start("app"), app.start("app") + len(appositive)) and not \
                    self._names_in(index, m.start("subj"), m.end("subj")):
                # `according to Pawlak's lawyer, Michał Krupa`, `said the minister, Piotr Nowak`
                return self._resolve(index, app.start("app"), appositive, description_role(m.group("subj")))
            role = role_text(appositive)
        return self._resolve(index, m.start("subj"), subject, role)

    def _subject_before(self, index: int, text: str, sent_start: int, verb_start: int) -> tuple:
        window = max(sent_start, verb_start - 160)  # a subject and its apposition fit in that
        left = text[window:verb_start]
        if left.rstrip().endswith(_COORDINATED):  # `Ms. Sherry smiled and said`: the subject of the first verb
            found = subject_at_clause_start(text, sent_start, verb_start)
            speaker = self._clause_subject(index, text, sent_start, verb_start) if found else None
            if found and speaker is not None and (speaker.kind != "group" or not _COMPLEMENT_RE.match(
                    text, found[0] + len(found[1]))):  # not the `a group` of `a group of rabbis`
                return speaker, found[0]
        aside = _dash_aside(left) if left.endswith(_DASH_ENDS) else -1
        if aside >= 0:  # `John Dickey -- the head of Ora Media, which ... -- told me`: an aside, as a parenthesis
            person = self._person_opening_aside(index, left, window, aside)
            if person is not None:
                return person
            end, window = window + aside, max(sent_start, window + aside - 160)  # the 160 before the aside
            left = text[window:end]
        sent_start = window
        if ")" in left:  # `Rep. Jim Jordan (R-Ohio) said`: a parenthesis adds to the name, ends no clause
            left = _PARENTHESIS_RE.sub(lambda m: " " * len(m.group()), left)
        left = strip_auxiliaries(left)
        role = ""
        chain = left[:-1] if left.endswith(",") else None  # the words before the verb, in appositions
        if left.endswith(","):  # `X, a spokeswoman for ..., told` / `Its chief executive, X, said`
            body = without_relative_clauses(left[:-1])  # `X, a partner at Y, which led the round, said`
            comma = last_comma(body)
            if comma >= 0:
                appositive = body[comma + 1:]
                app_start = sent_start + comma + 1
                lead_in = after_boundary(body[:comma])
                lead_start = sent_start + comma - len(lead_in)
                if self._apposition_is_subject(index, lead_in, lead_start, appositive, app_start):
                    # the attribution starts with the description: `"…" The mayor, Ewa Lis, said`
                    start = lead_start + len(lead_in) - len(lead_in.lstrip())
                    return self._resolve(index, app_start + 1, appositive, description_role(lead_in)), start
                role, left = role_text(appositive), body[:comma]
            else:
                left = body
        elif "," in left:  # `Sam Ortiz, the press officer for the party said`: the closing comma left out
            head = self._name_before_unclosed_apposition(index, left, sent_start, verb_start)
            if head is not None:
                return head
        subject = after_boundary(left)
        start = sent_start + len(left) - len(subject)
        words = subject.split()
        if chain is not None and not self._names_a_person(index, start, start + len(subject), words):
            head = self._apposition_chain_head(index, chain, sent_start)
            if head is not None:  # `Odile Marchetti, 67, a retired nurse in Tulsa, Okla., said`
                return head
        if not words or len(words) > 10:
            return None, verb_start
        stripped = subject.lstrip()
        start += len(subject) - len(stripped)
        return self._resolve(index, start, stripped.rstrip(), role, words), start

    def _name_before_unclosed_apposition(self, index: int, left: str, offset: int,
                                         verb_start: int) -> tuple[Speaker, int] | None:
        """The person named right before the last comma of ``left`` (the words before the verb, at
        ``offset``), when what follows the comma describes them and lacks its closing comma
        (``subjects.is_unclosed_apposition``), and the verb is not set off by a
        comma of its own (`Ortiz, the officials said, was ...`)."""
        comma = last_comma(left)
        if comma < 0 or not is_unclosed_apposition(left[comma + 1:]):
            return None
        text = self.masked[index]
        after = text[verb_start:verb_start + 40].split(",", 1)
        if len(after) > 1 and not after[0].strip(" \t").count(" ") and after[1].lstrip()[:1].islower():
            return None  # `..., the officials said, was`: the attribution inside the sentence
        head = after_boundary(left[:comma])
        head_start = offset + comma - len(head.lstrip())
        mentions = self.people.mentions_within(index, head_start, offset + comma)
        if not mentions or mentions[0].start != head_start:
            return None  # `In a letter to Ortiz, the ...`: the name is not the subject
        person = self._person_ending_at(index, head_start, offset + comma)
        if person is None:
            return None
        return _speaker_of(person, role_text(left[comma + 1:])), head_start

    def _person_opening_aside(self, index: int, left: str, offset: int, aside: int) -> tuple[Speaker, int] | None:
        """`A former candidate -- John McCain, who lost in 2008 -- said`: the person the aside opens
        with names the subject when the words before it name no one."""
        before = after_boundary(left[:aside].rstrip())
        start = offset + aside - len(before)
        if self._names_a_person(index, start, offset + aside, before.split()):
            return None
        opening = offset + aside + len(left[aside:]) - len(left[aside:].lstrip(" -–—"))
        mentions = self.people.mentions_within(index, opening, offset + len(left))
        if not mentions or mentions[0].start != opening or mentions[0].entity.kind != "person":
            return None
        return _speaker_of(mentions[0].entity), opening

    def _names_a_person(self, index: int, start: int, end: int, words: list[str]) -> bool:
        """The subject found is `he`/`she` or holds a person's name: nothing to look for before it."""
        if words and words[0].lower() in PRONOUNS:
            return True
        return any(m.entity.kind == "person" for m in self.people.mentions_within(index, start, end))

    def _apposition_chain_head(self, index: int, chain: str, offset: int) -> tuple[Speaker, int] | None:
        """The person named before a chain of appositions (``subjects.is_apposition_piece``) that
        ends ``chain`` (at ``offset`` in the segment), and where the attribution starts: `Mr.
        Dalby, now 81 and retired in Bangor, Maine,` -> Mr. Dalby. The description nearest the
        name is the role. None when a piece is no apposition before a person's name is reached."""
        end, role = len(chain), ""
        while True:
            comma = last_comma(chain[:end])
            if comma < 0 or not is_apposition_piece(chain[comma + 1:end]):
                return None
            role, end = role_text(chain[comma + 1:end]) or role, comma
            head = after_boundary(chain[:end])
            head_start = offset + end - len(head.lstrip())
            person = self._person_ending_at(index, head_start, offset + end)
            if person is not None:
                return _speaker_of(person, role), head_start

    def _person_ending_at(self, index: int, start: int, end: int) -> Entity | None:
        """The person whose name ends the words at (start, end) of the segment, if one does."""
        mentions = self.people.mentions_within(index, start, end)
        if not mentions or mentions[-1].entity.kind != "person":
            return None
        return mentions[-1].entity if not self.masked[index][mentions[-1].end:end].strip() else None

    def _apposition_is_subject(self, index: int, lead_in: str, lead_start: int, appositive: str,
                               app_start: int) -> bool:
        """In `A, B, said`, whether B names the speaker and A describes them.

        A person named in B and none in A: `A spokeswoman for the ministry, Anna Wirska,`
        (a person named in A is the subject: `Erik Lindqvist, a partner at Nordkap,`).
        With no person on either side, a name in B after a lower-case description:
        `the developer, Pomeranian Wind,`.
        """
        in_apposition = self.people.mentions_within(index, app_start, app_start + len(appositive))
        if not in_apposition:
            return False
        in_lead = self.people.mentions_within(index, lead_start, lead_start + len(lead_in))
        if any(m.entity.kind == "person" for m in in_lead):
            return False
        if any(m.entity.kind == "person" for m in in_apposition):
            return True
        return not in_lead and not lead_in.strip()[:1].isupper()

    def _clause_subject(self, index: int, text: str, sent_start: int, end: int) -> Speaker | None:
        """The subject opening the clause a participle hangs on: `The mayor thanked Anna Wirska,
        saying` is the mayor's, not Anna Wirska's. An opening phrase (`In a post,`) is skipped."""
        found = subject_at_clause_start(text, sent_start, end)
        if not found:
            return None
        speaker = self._resolve(index, found[0], found[1], register=False)
        if speaker is None or speaker.kind == "group" and not describes_a_speaker(found[1]):
            return None  # `Storm Ylva hit the coast, ...`: not someone who says things
        return speaker

    def _first_name_in(self, index: int, start: int, end: int) -> Speaker | None:
        for mention in self.people.mentions_within(index, start, end):
            return _speaker_of(mention.entity)
        return None

    def _earlier_speaker_in(self, index: int, sent_start: int) -> Speaker | None:
        for event in reversed(self.events):
            if event.segment != index or event.verb_start < sent_start:
                return None
            if event.speaker:
                return event.speaker
        return None

    def _names_in(self, index: int, start: int, end: int) -> bool:
        return bool(self.people.mentions_within(index, start, end))

    # -- resolving a subject -----------------------------------------------------------------
    def _resolve(self, index: int, pos: int, subject: str, role: str = "",
                 words: list[str] | None = None, register: bool = True) -> Speaker | None:
        """The speaker a subject at (segment, pos) names; ``words`` are its words, when already split.
        An unnamed group is remembered for `the officials` later, unless ``register`` is False."""
        if words is None:
            words = subject.split()
        if not words:
            return None
        first = words[0].lower()
        if first in LEADING_LINKS:  # `and he said`, `But other leading Democrats said`
            kept = next((i for i, w in enumerate(words) if w.lower() not in LEADING_LINKS), len(words))
            if kept == len(words):
                return None
            cut = _word_offset(subject, words, kept)
            subject, pos, words = subject[cut:], pos + cut, words[kept:]
            first = words[0].lower()
        if first in PRONOUNS and all(w.islower() for w in words[1:]):
            words = words[:1]  # `he did`, `she went on to` (say): the pronoun is the subject
        if len(words) == 1:
            if first in PRONOUNS:
                entity = self.people.last_person_before(index, pos, PRONOUNS[first])
                return _speaker_of(entity) if entity else self._latest_one_in_a_role(index, pos)
            if first in GROUP_PRONOUNS:
                return self._latest_group(index, pos, None)
        if first in ("i", "we", "you"):
            return None
        if words[-1].islower() and words[-1] in ROLE_WORDS:  # `Nowa Sól mayor`, `the NATO chief`
            entity = self.people.by_description({w.lower() for w in words}, index, pos)
            if entity is not None:
                self.people.add_mention(index, pos, pos + len(subject), entity)
                return _speaker_of(entity)
        mentions = self.people.mentions_within(index, pos, pos + len(subject))
        words_named = not (mentions and words[-1] in ROLE_WORDS and words[-1].islower()
                           and mentions[-1].end <= pos + subject.rindex(words[-1]))
        if not words_named:  # `a White House official`, `an Obama adviser`: the name modifies the role, the head
            mentions = []
        if mentions:  # a person before an organisation: `Mazovia Air spokeswoman Iga Sadowska`
            if len(mentions) > 1:
                mentions = self._head_first(index, mentions)
            return _speaker_of(mentions[0].entity, role)
        for m in () if subject.islower() or not words_named else NAME_RE.finditer(subject):  # no capital: no name
            entity = self.people.lookup(m.group(0).split()[-1])
            if entity is not None:
                self.people.add_mention(index, pos + m.start(), pos + m.end(), entity)
                return _speaker_of(entity, role)
        content = {w.strip(",") for w in map(str.lower, words) if w not in DETERMINERS}
        head = head_noun(words)
        if content & ROLE_WORDS and not head.endswith("s"):
            entity = self.people.by_description(content, index, pos)
            if entity is not None:
                self.people.add_mention(index, pos, pos + len(subject), entity)
                return _speaker_of(entity)
        if head in ORG_NOUNS:
            entity = self.people.org_by_descriptor(head)
            if entity is not None:
                return _speaker_of(entity)
        if first == "the" and len(words) <= 3:
            earlier = self._latest_group(index, pos, head)
            if earlier is not None:
                return earlier
        while len(words) > 1 and (words[-1] in FUNCTION_WORDS or words[-1] in SPEAKER_OPENERS):
            words = words[:-1]  # `the authors of the "…"`: the quote's masked words took the rest
            subject = subject[:subject.rindex(words[-1]) + len(words[-1])]
        if len(words) == 1 and words[0].islower() and not (words[0].endswith("s") or describes_a_speaker(words[0])):
            return None  # `went`, `famously`: one lower-case word that names no one
        speaker = Speaker(self._as_written(self._with_stops(index, pos, subject)), role, "group")
        if speaker_shape_problem(speaker.name) or title_case_fragment(words):
            return None  # a piece of the sentence, not a name or a role noun phrase
        if register:
            self.groups.append((index, pos, head, speaker))
        return speaker

    def _head_first(self, index: int, mentions: list) -> list:
        """The mentions in a subject, the one it is about first: a person before an organisation,
        and the person a role word or a possessive leads to before the one it belongs to (`Clinton
        spokesman Josh Schwerin`, `Sanders campaign manager Jeff Weaver`, `Iowa State University's
        Dianne Bystrom`: the name at the end is the head)."""
        people = [m for m in mentions if m.entity.kind == "person"]
        if len(people) > 1:
            gap = self.masked[index][people[0].end:people[-1].start]
            between = gap.lower().split()
            if "and" not in between and (any(w.strip(",") in ROLE_WORDS for w in between)
                                         or gap.rstrip().endswith(_POSSESSIVE_ENDS)):
                people.reverse()  # `Harbor State University's Dianne Walsh`: the possessor comes first
        return people + [m for m in mentions if m.entity.kind != "person"]

    def _latest_one_in_a_role(self, index: int, pos: int) -> Speaker | None:
        """A `he` or `she` in an article that names no person before it: the latest speaker described by
        one role (`The prime minister's official spokesman told journalists: …` … `he said`)."""
        for segment, start, noun, speaker in reversed(self.groups):
            if (segment, start) < (index, pos) and noun in ROLE_WORDS:
                return speaker
        return None

    def _latest_group(self, index: int, pos: int, head: str | None) -> Speaker | None:
        for segment, start, noun, speaker in reversed(self.groups):
            if (segment, start) < (index, pos) and (head is None or noun == head):
                return speaker
        return None

    def _with_stops(self, index: int, pos: int, subject: str) -> str:
        """The subject at ``pos`` with the stops of its abbreviations as the article writes them (`Mr.
        English`, `the U.S. envoy`): the masked text reads them as spaces."""
        written = self.segments[index][pos:pos + len(subject)]
        if written == subject:  # most subjects: no stop hidden in them, nothing to compare word by word
            return " ".join(written.split())
        return " ".join(written.split()) if written.replace(".", " ").split() == subject.split() else subject

    def _as_written(self, subject: str) -> str:
        """`Officials in Rzeszów` -> `officials in Rzeszów`; `Pomeranian Wind` stays."""
        words = subject.split()
        first = words[0]
        if not first[:1].isupper():
            return subject
        if first in ("The", "A", "An") or (len(words) > 1 and not words[1][:1].isupper()
                                           and not _is_a_name_s(first)):  # `Labour's shadow chancellor`
            return first[0].lower() + subject[1:]
        if len(words) == 1 and self._written_in_lower_case(first.lower()):
            return first.lower()  # `Police said` and elsewhere `police`: a common noun
        return subject

    def _written_in_lower_case(self, word: str) -> bool:
        if self._joined is None:
            self._joined = " " + " ".join(self.segments).replace(",", " ").replace(".", " ") + " "
        return f" {word} " in self._joined

    # -- quotes --------------------------------------------------------------------------------
    def attribute(self, quote: QuoteSpan, previous: dict[int, Speaker]) -> tuple[Speaker | None, str]:
        """The speaker of a quote and how it was found.

        The second value is `split`, `after`, `before` or `later` when a speech
        verb in the quote's own sentence attributes it (`said`, when that verb's
        subject could not be resolved), `paragraph` when the speaker comes from
        the context, "" when nothing does. ``previous`` maps a segment to the
        speaker of the last quote that ended in it.
        """
        first_segment, opening, _ = quote.parts[0]
        last_segment, _, closing = quote.parts[-1]
        text = self.masked[last_segment]
        last_events = self.events_in(last_segment)
        first_events = self.events_in(first_segment)
        if quote.split_gap:
            segment, start, end = quote.split_gap
            found = [e for e in self.events_in(segment) if start <= e.verb_start < end]
            if found:
                return found[0].speaker, "split" if found[0].speaker else "said"
        if quote.closed:
            for event in last_events:
                if event.start > closing and not text[closing + 1:event.start].strip(" ,:\u00a0"):
                    if text.startswith("According", event.verb_start) and text[:closing].rstrip()[-1:] in ".!?":
                        break  # `"… much." According to F.A.A. records, …`: a new sentence, no attribution
                    if event.speaker:
                        return event.speaker, "after"
                    break
            signed = _SIGNATURE_RE.match(text, closing + 1)
            if signed:  # `"…" ― Pamela Padilla`: a quote signed with a dash and a name
                speaker = self._resolve_after_all_events(last_segment, signed.start("name"), signed.group("name"))
                if speaker and speaker.kind != "group":
                    return speaker, "after"
        sentence = sentence_span(self.starts[first_segment], opening, len(self.masked[first_segment]))
        before = [e for e in first_events if sentence[0] <= e.verb_start < opening]
        for event in reversed(before):
            if event.speaker:
                return event.speaker, "before"
        end_sentence = sentence_span(self.starts[last_segment], closing, len(text))
        later = [e for e in last_events if closing < e.verb_start < end_sentence[1]]
        for event in later:
            if event.speaker:
                return event.speaker, "later"
        colon = _COLON_NAME_RE.match(self.masked[first_segment][:opening])
        if colon:
            speaker = self._resolve_after_all_events(first_segment, colon.start("name"), colon.group("name"))
            if speaker:
                return speaker, "before"
        speaker = self._named_before_colon(first_segment, sentence[0], opening)
        if speaker:
            return speaker, "before"
        speaker, how = self._from_context(first_segment, opening, previous)
        return speaker, ("said" if before or later else how)

    def _named_before_colon(self, segment: int, sent_start: int, opening: int) -> Speaker | None:
        """`Anna Berg, Daily Courier: "…"`, `… surprises pollster Daron Shaw: "…"`: a colon right
        before the quote hands it to the person named nearest the colon whom the article shows is
        a person (a title, a role, a surname used alone), else to the first one named."""
        text = self.masked[segment]
        colon = skip_spaces_back(text, opening) - 1
        if colon <= sent_start or text[colon] != ":":
            return None
        people = [m.entity for m in self.people.mentions_within(segment, sent_start, colon)
                  if m.entity.kind == "person"]
        if not people:
            return None
        chosen = next((e for e in reversed(people) if e.is_person or e.role), people[0])
        return _speaker_of(chosen)

    def _from_context(self, segment: int, opening: int, previous: dict[int, Speaker]) -> tuple[Speaker | None, str]:
        masked = self.masked[segment]
        if not masked[:opening].strip() and segment >= 2:
            prior = self.masked[segment - 1].rstrip()
            prior_events = [e for e in self.events_in(segment - 1) if e.speaker]
            if prior.endswith(":") and prior_events:
                return prior_events[-1].speaker, "paragraph"
            if segment - 1 in previous:
                return previous[segment - 1], "paragraph"
            if prior_events:
                return prior_events[-1].speaker, "paragraph"
        earlier = [e for e in self.events_in(segment) if e.verb_start < opening and e.speaker]
        if earlier:
            return earlier[-1].speaker, "paragraph"
        return None, ""


_DASHES = (" -- ", " — ", " – ")
_DASH_ENDS = ("- ", "— ", "– ")  # the words before a verb that may end with an aside
_POSSESSIVE_ENDS = ("'s", "’s", "s'", "s’")


def _dash_aside(left: str) -> int:
    """Where an aside set off by two spaced dashes that ends ``left`` (the words before a verb)
    opens, or -1: `Kall -- co-editor of a book on the debates -- said`."""
    stripped = left.rstrip()
    end = len(stripped) - (2 if stripped.endswith("--") else 1 if stripped.endswith(("—", "–")) else 0)
    if end == len(stripped) or not stripped[end - 1:end].isspace():
        return -1
    return max(stripped.rfind(dash, 0, end - 1) for dash in _DASHES)


def _word_offset(text: str, words: list[str], index: int) -> int:
    """Where words[index] (``text.split()``) starts in ``text``."""
    pos = 0
    for word in words[:index]:
        pos = text.index(word, pos) + len(word)
    return text.index(words[index], pos)


_NOT_NAMES = frozenset(("it", "he", "she", "that", "there", "here", "what", "who", "where", "let"))


def _is_a_name_s(word: str) -> bool:
    """`Labour's`, `Powell’s`: a name's possessive, not a contraction (`It's`, `That’s`)."""
    return word.endswith(("'s", "’s")) and word[:-2].lower() not in _NOT_NAMES


def _speaker_of(entity: Entity, role: str = "") -> Speaker:
    return Speaker(entity.written or entity.name, entity.role or role, entity.kind)


def _says_something(text: str, start: int, end: int) -> bool:
    """`put it` and `states` are speech verbs only where they say something: `As Rosenthal put it, "…"`,
    `The report states that …`; not `put it on the table`, `45 states where …`."""
    if text[start:end] == "put it":
        return _PUT_IT_RE.match(text, end) is not None
    before = word_before(text, start)
    if before in _NOT_BEFORE_STATES or before in ONES or before in TENS or text[:start].rstrip()[-1:].isdigit():
        return False
    return _STATES_SAYS_RE.match(text, end) is not None
