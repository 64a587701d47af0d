"""Quotes as the briefing shows them: whole sentences, one style of role, and "Quotes of the day".

- A whole quote ends with a full stop (or its own ``?``/``!``): the extractor
  leaves the comma that led into "…, she said" or nothing at all.
- Roles follow one style, lower-case role words after the name, as most
  newsrooms write them: "Mark Rutte, NATO secretary general", "Ewa Zielińska,
  transport minister", "Marta Jabłońska, biologist". Names, places and
  acronyms inside a role keep their capitals ("Bergen police operations chief").
- Quotes of the day: at most one per person, only quotes that stand alone (no
  fragment, nothing that opens mid-thought: "For that, …", "But I will not …"),
  the top stories' voices first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.composition.model import QuoteRow, Story
from briefing.extraction.lexicon import ROLE_WORDS, _words

#: words that open a sentence leaning on the one before it: the quote does not stand alone
LEANING_OPENERS = _words("but and or so yet also then therefore thus hence otherwise instead moreover besides nor which because")
#: openers that point back at what was said before: `For that, …`, `That is why …`
LEANING_PHRASES = ("for that", "for this", "that is why", "this is why", "that's why", "because of that",
                   "after that", "despite that", "despite this", "in that case", "with that", "even so")
#: role words besides ``ROLE_WORDS`` that are lower-case after a name: departments and ranks
ROLE_LOWER_WORDS = ROLE_WORDS | _words(
    """of the and for at in on to deputy vice senior acting former interim general secretary head chief
    transport health defence defense foreign finance interior justice education economy economic climate
    energy agriculture culture digital affairs regional district city state police fire operations
    development infrastructure environment sport sports science research communications press public
    national provincial municipal county board management operating executive""")
MIN_WORDS_ALONE = 6


def with_full_stop(text: str) -> str:
    """A whole quote ends as a sentence does: `…guarantees,` -> `…guarantees.`."""
    text = text.strip().rstrip(",;:–—- ").rstrip()
    if not text:
        return text
    closing = ""
    while text and text[-1] in "\"”’'»":
        closing = text[-1] + closing
        text = text[:-1]
    if text and text[-1] not in ".!?…":
        text += "."
    return text + closing


def role_in_style(role: str) -> str:
    """Role words in lower case, names, places and acronyms as written: "Deputy Mayor" -> "deputy mayor"."""
    words = role.split()
    styled = []
    for word in words:
        bare = word.strip(",.()").lower()
        if word[:1].isupper() and not word.isupper() and (bare in ROLE_LOWER_WORDS or _role_like(bare)):
            word = word[0].lower() + word[1:]
        styled.append(word)
    return " ".join(styled)


def _role_like(word: str) -> bool:
    """`Hydrologist`, `Co-founder`: a role noun the lists miss, by its ending."""
    return word.endswith(("ologist", "ician", "-founder", "founder", "spokesperson")) or word in ("ceo",)


def stands_alone(quote: QuoteRow) -> bool:
    """A whole quote that opens a sentence: a capital letter, not a word leaning on what came before."""
    text = quote.text.lstrip("\"“„'‘ ")
    words = text.split()
    if quote.partial or len(words) < MIN_WORDS_ALONE or not text[:1].isupper():
        return False
    first = words[0].strip(",.;:").lower()
    opening = " ".join(words[:4]).lower()
    return first not in LEANING_OPENERS and not opening.startswith(LEANING_PHRASES)


def quotes_of_the_day(ranked: Sequence[Story], limit: int, rank_key) -> tuple[QuoteRow, ...]:
    """One quote per person, standing alone, the top stories' voices first.

    A first pass takes the best quote of each story in rank order; a second
    fills what is left with other stories' next quotes, never a second from
    a person already quoted or a text already shown.
    """
    chosen: list[QuoteRow] = []
    people: set[str] = set()
    texts: set[str] = set()
    for per_story in (1, None):
        for story in ranked:
            taken = sum(1 for q in chosen if q.story.anchor == story.anchor)
            for quote in sorted(story.quotes, key=rank_key):
                if len(chosen) == limit or (per_story is not None and taken >= per_story):
                    break
                person, text = quote.speaker.casefold(), _words_key(quote.text)
                if not quote.speaker or person in people or text in texts or not stands_alone(quote):
                    continue
                people.add(person)
                texts.add(text)
                chosen.append(quote)
                taken += 1
    return tuple(chosen)


def _words_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))
