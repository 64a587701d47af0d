"""Words that finish a figure's description: what happened to what it counts, and what a change is of.

``figure_what`` (what.py) finds the thing counted; these helpers add the verb
that happened to it, as a participle (`passengers stranded`, `people
employed`, `bribes taken`), and the subject a change is of (`rise in the
number of European bison`). Tokens come nearest-first for ``before`` and in
reading order for ``after``, as what.py reads them.
"""

from __future__ import annotations

#: irregular past participles of verbs that happen to people, money and things in the news
IRREGULAR_PARTICIPLES = {
    "take": "taken", "took": "taken", "taking": "taken", "takes": "taken",
    "leave": "left", "left": "left", "leaving": "left", "leaves": "left",
    "fly": "flown", "flew": "flown", "flying": "flown", "flies": "flown",
    "sell": "sold", "sold": "sold", "selling": "sold", "sells": "sold",
    "pay": "paid", "paid": "paid", "paying": "paid", "pays": "paid",
    "hold": "held", "held": "held", "holding": "held", "holds": "held",
    "send": "sent", "sent": "sent", "sending": "sent", "sends": "sent",
    "keep": "kept", "kept": "kept", "keeping": "kept", "keeps": "kept",
    "bring": "brought", "brought": "brought", "bringing": "brought", "brings": "brought",
    "cut": "cut", "cutting": "cut", "cuts": "cut", "hit": "hit", "hitting": "hit", "hits": "hit",
    "lose": "lost", "lost": "lost", "losing": "lost", "loses": "lost",
    "spend": "spent", "spent": "spent", "spending": "spent", "spends": "spent",
    "strike": "struck", "struck": "struck", "build": "built", "built": "built", "building": "built",
    "die": "dead", "died": "dead", "dies": "dead",
    "dying": "dead",
}
#: verbs before a count that say nothing happened to it: `has 400 staff`, `was 30 metres`
NOT_EVENTS = frozenset(
    ["is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "having", "will", "would", "can", "could", "may", "might", "must", "should", "do", "does", "did", "say", "says", "said", "see", "sees", "saw", "include", "includes", "included", "including", "reach", "reaches", "reached", "reaching", "total", "totals", "totalled", "count", "counts", "counted", "number", "numbers", "expect", "expects", "expected", "estimate", "estimates", "estimated", "put", "puts", "get", "gets", "got", "make", "makes", "made", "give", "gives", "gave", "need", "needs", "needed", "record", "records", "recorded", "among", "about", "than", "some", "nearly", "almost", "around", "over", "under", "least", "most"])
#: a time phrase between an amount and what it is for: `€120m over the next four years in cranes`
TIME_LEAD_INS = frozenset(["a", "an", "per", "each", "every", "over", "the", "next", "past", "coming", "last", "this", "year", "years", "month", "months", "week", "weeks", "day", "days", "annually"])
#: units that measure rather than count things: nothing "happens" to them (`hours taken` says nothing)
MEASURES = frozenset(["second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
                      "month", "months", "year", "years", "knots", "points", "hectares", "metres", "meters",
                      "kilometres", "kilometers", "centimetres", "millimetres", "tonnes", "tons", "degrees",
                      "times", "kilograms", "litres", "square", "per"])
#: verbs of change whose subject the table names: `rise in the number of bison`
CHANGE_NOUNS = {"up": "rise", "down": "fall"}
#: words that end a sentence's subject
_SUBJECT_ENDS = frozenset(["has", "have", "had", "is", "are", "was", "were", "will", "would", "could", "can", "may", "might", "rose", "risen", "rise", "rises", "fell", "fallen", "fall", "falls", "grew", "grow", "grows", "climbed", "jumped", "soared", "surged", "dropped", "declined", "slid", "reached", "reach", "reaches", "hit", "hits", "stood", "stands", "living", "who", "which", "that", "said", "says"])
_REPORTING_SPLITS = ("that",)


def participle(verb: str) -> str:
    """The past participle of a news verb in any common form: `stranding` -> stranded, `employs` -> employed."""
    lower = verb.lower()
    if lower in IRREGULAR_PARTICIPLES:
        return IRREGULAR_PARTICIPLES[lower]
    if lower.endswith("ed"):
        return lower
    if lower.endswith("ing") and len(lower) > 5:
        stem = lower[:-3]
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls":  # `cutting`, but not `cancelling`
            stem = stem[:-1]
        return stem + ("d" if stem.endswith("e") else "ed")
    if lower.endswith("es") and lower[:-2].endswith(("sh", "ch", "ss", "x")):
        return lower[:-2] + "ed"
    if lower.endswith("s") and not lower.endswith("ss"):
        lower = lower[:-1]
    if lower.endswith("y") and len(lower) > 3 and lower[-2] not in "aeiou":
        return lower[:-1] + "ied"
    return lower + ("d" if lower.endswith("e") else "ed")


def looks_like_verb(word: str) -> bool:
    """A verb form a count can follow as its object: `strands`, `stranding`, `employs`, `killed`, `took`."""
    lower = word.lower()
    if not lower.isalpha() or lower in NOT_EVENTS or not word.islower():
        return False
    return lower in IRREGULAR_PARTICIPLES or lower.endswith(("ed", "ing")) or (
        lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(lower) > 4)


def verb_before(before: list[str]) -> str:
    """The verb right before a figure (past a hedge such as `about`, `more than`), or ""."""
    for token in before[:4]:
        lower = token.lower()
        if lower in ("about", "around", "nearly", "almost", "some", "more", "than", "less", "fewer", "over",
                     "up", "to", "at", "least", "roughly", "approximately", "a", "record", "further", "another",
                     "all", "the", "its", "their"):
            continue
        return token if looks_like_verb(token) else ""
    return ""


def participle_after(after: list[str]) -> str:
    """`were stranded`, `had been evacuated`, `stranded`, `died`: what happened to the count, or ""."""
    words = [w.lower() for w in after[:4]]
    i = 0
    while i < len(words) and words[i] in ("were", "was", "had", "have", "has", "been", "being", "are", "is"):
        i += 1
    if i >= len(words):
        return ""
    word = words[i]
    if word in ("die", "died", "dies"):
        return "dead"
    if word in IRREGULAR_PARTICIPLES.values() and word not in ("dead", "cut", "hit") or word in ("stuck", "frozen"):
        return word
    follows = words[i + 1] if i + 1 < len(words) else "."
    if i == 0 and word.endswith("ed") and (follows in ("there", "here", "out", "off", "away") or not follows.isalpha()):
        return word  # `between 300 and 400 people lived there`
    if word in ("killed", "injured", "wounded", "stranded", "evacuated", "rescued", "arrested", "detained",
                "missing", "hurt", "trapped", "affected", "displaced", "born") or (i > 0 and word.endswith("ed")):
        return word
    return ""


#: an adjective of size after a measure, as the noun the table shows: `25 centimetres thick`
DIMENSIONS = {"thick": "thickness", "long": "length", "high": "height", "tall": "height", "deep": "depth",
              "wide": "width", "old": "age"}
#: a measure of time before one of these is a time relative to an event: `four days before the Games`
RELATIVE_TIME = frozenset(["before", "after", "ahead", "ago", "until", "since"])


def skip_time_phrase(after: list[str]) -> list[str]:
    """What follows an amount once a time phrase is passed: `a year in taxes` -> `in taxes`."""
    i = 0
    while i < len(after) and (after[i].lower() in TIME_LEAD_INS or after[i].isdigit()
                              or after[i].lower() in ("two", "three", "four", "five", "ten")):
        i += 1
    return after[i:] if i else after


def sentence_subject(sentence: str, tokens_of) -> str:
    """The subject a sentence opens with (after `… said that`), up to its verb: `the number of European bison`."""
    words = tokens_of(sentence)
    lowered = [w.lower() for w in words[:10]]
    for splits in (_REPORTING_SPLITS, ("said", "says")):
        at = next((i for i, w in enumerate(lowered) if w in splits), None)
        if at is not None and len(words) - at > 4:  # `The office said the ice …`, not `…, the office said.`
            words = words[at + 1:]
            break
    subject: list[str] = []
    for word in words:
        lower = word.lower()
        if not word[0].isalpha() or lower in _SUBJECT_ENDS or len(subject) >= 6:
            break
        if len(subject) >= 2 and lower.endswith("ing"):
            break
        subject.append(word)
    if subject and not _is_name(subject[0]) and not (len(subject) > 1 and subject[1][:1].isupper()):
        subject[0] = subject[0][0].lower() + subject[0][1:]  # capitalised only as the sentence's first word
    return " ".join(subject)


def _is_name(word: str) -> bool:
    return word.isupper() or any(c.isupper() for c in word[1:])
