"""Quote spans: where the quotation marks open and close, across paragraphs.

Marks: "…" “…” „…” (closed by ” or “) «…» ‘…’ '…'. A double-quote span runs
to its own closing mark, so marks nested inside it (‘check these blades
now’) belong to it. A single mark opens only at the start of a word and closes
only at the end of one, so apostrophes (`Russia’s`, `KSP's`, `wagons'`) are
not quotes. A quote left open at the end of a paragraph goes on in the next
paragraph when that one opens with a mark of the same kind again (the news
convention for a quote over several paragraphs); a single mark is left open
only where it opens the paragraph or follows a colon. A quote split by its attribution (`"A," X
said, "b."`) becomes one quote, its parts joined by a space.

Which spans are quotes at all (scare quotes, titles of works) and who said
them is decided in ``speakers``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from briefing.extraction.lexicon import NP_STOP, SPEECH_VERBS, TITLE_SMALL_WORDS

_MARK_RE = re.compile(r"[\"“„«‘']")
_CLOSERS = {'"': '"', "“": "”", "„": "”“", "«": "»"}
_DOUBLE_MARK_RE = re.compile(r"[\"“”]")
_CLOSING_AFTER_STOP = frozenset("\"”’»)")  # the marks that may follow a sentence's stop
_NAMING_BEFORE_RE = re.compile(
    r"(?:so-called|dubbed|codenamed|code-named|named|titled|entitled|nicknamed|known\s+as|the\s+words?|"
    r"the\s+term|the\s+phrase|the\s+slogan|hashtag)\s*\Z", re.IGNORECASE)
# The last word of each of those: only a quote right after one needs the pattern.
_NAMING_ENDS = ("called", "dubbed", "named", "titled", "as", "word", "words", "term", "phrase", "slogan", "hashtag")
_NAMING_WINDOW = 80  # the naming words fit in that: no need to search the whole paragraph before a quote
_WORD_RE = re.compile(r"[^\W_][\w’'-]*")
_TITLE_WORD_RE = re.compile(r"\b[^\W\d_]{4,}")


@dataclass
class QuoteSpan:
    """One quotation, possibly in several parts (paragraphs, or split by its attribution)."""

    parts: list[tuple[int, int, int]]  # (segment, opening mark offset, closing mark offset or segment end)
    closed: bool = True
    split_gap: tuple[int, int, int] | None = None  # (segment, start, end) of the attribution between parts
    texts: list[str] = field(default_factory=list)

    @property
    def segment(self) -> int:
        return self.parts[0][0]

    @property
    def start(self) -> int:
        return self.parts[0][1]

    @property
    def text(self) -> str:
        if len(self.texts) == 1:
            return self.texts[0]  # most quotes: one part
        return " ".join(t for t in self.texts if t)


def spans_in(text: str) -> list[tuple[int, int | None]]:
    """(opening, closing) offsets of the quotes in one paragraph; closing None when left open."""
    found: list[tuple[int, int | None]] = []
    pos = 0
    while True:
        m = _MARK_RE.search(text, pos)
        if not m:
            return found
        mark, start = m.group(0), m.start()
        if mark in "‘'":
            close = _single_close(text, start, mark)
            if close is None:
                if _opens_a_quote_left_open(text, start):
                    found.append((start, None))  # `said: 'They have been here for 30 years.` and on
                    return found
                pos = start + 1
                continue
        else:
            close = _double_close(text, start, mark)
        found.append((start, close))
        if close is None:
            return found
        pos = close + 1


def _opens_a_quote_left_open(text: str, start: int) -> bool:
    """A single mark that opens a quote over several paragraphs, as British papers write them: it
    opens the paragraph or follows a colon, before a capital, and the paragraph ends a sentence.
    (An apostrophe never stands there: `'Tis` or `'90s` open no paragraph of news.)"""
    return (text[start + 1:start + 2].isupper() and (not text[:start].strip() or text[:start].rstrip().endswith(":"))
            and text.rstrip()[-1:] in ".!?")


def _double_close(text: str, start: int, mark: str) -> int | None:
    """Where the double quote opened at ``start`` closes; None when it stays open.

    Its own closing mark closes it. Articles mix curly and straight marks (`“We will act," she
    said, "and soon.”`), so a mark of the other kind closes it too where it stands as a closing
    mark does (after a word, before no letter), unless it closes a quote nested inside (`“He
    called it "absurd" and left,”`): the span never swallows the attribution between two quotes.
    """
    if mark == "«":
        end = text.find("»", start + 1)
        return end if end >= 0 else None
    closers = _CLOSERS[mark]
    nested = False
    for m in _DOUBLE_MARK_RE.finditer(text, start + 1):
        i, found = m.start(), m.group()
        if found in closers and not nested:
            return i
        before, after = text[i - 1], text[i + 1:i + 2]
        if (before.isspace() or before in "([—–") and after and not after.isspace():
            nested = True  # opens a quote inside this one
        elif not after.isalnum():  # stands as a closing mark
            if not nested:
                return i
            nested = False
    return None


def _single_close(text: str, start: int, mark: str) -> int | None:
    """A single mark opens before a word and closes after one: `'difficult choices'`."""
    before = text[start - 1] if start else " "
    after = text[start + 1] if start + 1 < len(text) else " "
    if before.isalnum() or not (after.isalpha() or after in "“\""):
        return None
    closer = "’" if mark == "‘" else "'"
    pos = start + 1
    while True:
        i = text.find(closer, pos)
        if i < 0:
            return None
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if not nxt.isalpha() and not text[i - 1].isspace():
            return i
        pos = i + 1


_APOSTROPHES_RE = re.compile(r"(?<!')'{2,3}(?!')")


def two_apostrophes_as_marks(segments: list[str]) -> list[str]:
    """The segments with each pair of apostrophes used as a double quotation mark (`''We had no
    idea,'' Mr. Dalby said.`, as some newspapers' archives write `"`) made a `"` and a space: the
    same length, so every offset holds, and the pair reads as one mark, never as a stray
    apostrophe before the attribution. Of three apostrophes, the pair is the one away from
    the word: a single mark nested inside closes or opens next to it."""
    return [_APOSTROPHES_RE.sub(_as_mark, text) if "''" in text else text for text in segments]


def _as_mark(m: re.Match) -> str:
    if len(m.group()) == 2:
        return '" '
    closes = m.start() > 0 and not m.string[m.start() - 1].isspace()
    return "'\" " if closes else "\" '"


def find_quotes(segments: list[str]) -> list[QuoteSpan]:
    """Every quotation in the article, in order, multi-paragraph and split quotes joined."""
    quotes: list[QuoteSpan] = []
    open_quote: QuoteSpan | None = None
    for index, text in enumerate(segments):
        spans = spans_in(text)
        if open_quote is not None:
            if spans and not text[:spans[0][0]].strip() and _same_kind(text[spans[0][0]], segments, open_quote):
                first_open, first_close = spans.pop(0)
                _add_part(open_quote, index, text, first_open, first_close)
                if first_close is None:
                    continue
            open_quote = None
        for start, close in spans:
            quote = QuoteSpan(parts=[])
            _add_part(quote, index, text, start, close)
            quotes.append(quote)
            if close is None and index > 0:
                open_quote = quote
    return _join_split(quotes, segments)


def _same_kind(mark: str, segments: list[str], open_quote: QuoteSpan) -> bool:
    """A paragraph goes on with a quote left open when it opens with a mark of the same kind:
    double after double, single after single."""
    segment, opening, _ = open_quote.parts[0]
    return (mark in "‘'") == (segments[segment][opening] in "‘'")


def _add_part(quote: QuoteSpan, segment: int, text: str, start: int, close: int | None) -> None:
    end = len(text) if close is None else close
    quote.parts.append((segment, start, end))
    quote.closed = close is not None
    quote.texts.append(clean_quote_text(text[start + 1:end]))


def clean_quote_text(inner: str) -> str:
    """The words inside the marks: spaces trimmed, a trailing comma (before the attribution) dropped."""
    inner = " ".join(inner.split())
    return inner[:-1].rstrip() if inner.endswith(",") else inner


_SPLIT_GAP_RE = re.compile(r"\s*,?\s*(?P<attribution>[^.!?;:\"“”„«»]{1,140}?),\s*\Z")


def _join_split(quotes: list[QuoteSpan], segments: list[str]) -> list[QuoteSpan]:
    """`"We will act," she said, "and soon."` is one quote: `We will act, and soon.`"""
    out: list[QuoteSpan] = []
    for quote in quotes:
        prev = out[-1] if out else None
        if prev is not None and len(quote.parts) == 1 and prev.parts[-1][0] == quote.segment:
            segment, _, prev_close = prev.parts[-1]
            text = segments[segment]
            raw_prev = text[prev.parts[-1][1] + 1:prev_close].rstrip()
            gap = text[prev_close + 1:quote.start]
            m = _SPLIT_GAP_RE.fullmatch(gap)
            if (m and (raw_prev.endswith(",") or gap.lstrip().startswith(","))
                    and _has_speech_verb(m.group("attribution")) and len(m.group("attribution").split()) <= 16
                    and not _ends_with_participle(m.group("attribution"))):
                prev.parts.extend(quote.parts)
                prev.texts[-1] += ","
                prev.texts.extend(quote.texts)
                prev.split_gap = (segment, prev_close + 1, quote.start)
                prev.closed = quote.closed
                continue
        out.append(quote)
    return out


def _ends_with_participle(attribution: str) -> bool:
    """`"A," he said, adding, "B."`: a participle of speech opens a quote of its own."""
    last = attribution.rsplit(None, 1)[-1].lower()
    return last.endswith("ing") and last in SPEECH_VERBS


def _has_speech_verb(text: str) -> bool:
    return any(w in SPEECH_VERBS for w in text.lower().split()) or "according to" in text.lower()


def is_partial(text: str, start: int, close: int | None = None) -> bool:
    """A fragment inside the reporter's sentence (`will require "difficult choices"`).

    A quote that opens a sentence is whole unless the reporter's sentence goes
    on after it (`"Difficult choices" lie ahead, he said.`); ``close`` is the
    offset of its closing mark, when it closes in this paragraph.
    """
    end = skip_spaces_back(text, start)
    if not end or _ends_sentence(text, end):
        return close is not None and _sentence_goes_on(text, start, close)
    following = text[start + 1:start + 3].lstrip()
    return not (following[:1].isupper() and _ends_with_speech_verb(text, end))  # `He said, "We..."`


def skip_spaces_back(text: str, end: int) -> int:
    """Where the spaces ending text[:end] begin (read backwards: no scan of the whole paragraph)."""
    while end and text[end - 1].isspace():
        end -= 1
    return end


def _ends_sentence(text: str, end: int) -> bool:
    """text[:end] (no trailing space) ends a sentence: `.`, `!`, `?` or `…` and closing marks, or `:`."""
    if text[end - 1] == ":":
        return True
    while end and text[end - 1] in _CLOSING_AFTER_STOP:
        end -= 1
    return end > 0 and text[end - 1] in ".!?…"


def _ends_with_speech_verb(text: str, end: int) -> bool:
    """text[:end] (no trailing space) ends with a speech verb and maybe a comma: `He said,`."""
    if text[end - 1] == ",":
        end = skip_spaces_back(text, end - 1)
    start = end
    while start and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    return text[start:end] in SPEECH_VERBS


_CONTINUATION_RE = re.compile(r"\s+(?P<words>(?:[\w’'-]+\s+){0,3}[\w’'-]+)")


def _sentence_goes_on(text: str, start: int, close: int) -> bool:
    """After the closing mark, the sentence continues with words that are no attribution."""
    inner = text[:close].rstrip()
    if inner[-1:] in (".", "!", "?", "…", ",") or text[close + 1:close + 2] in (",", ":", ";"):
        return False  # the quote ended its sentence, or an attribution follows
    if word_count(text[start + 1:close]) > 4:
        return False  # a longer quote opening a headline is a sentence of its own
    m = _CONTINUATION_RE.match(text, close + 1)
    if not m:
        return False
    words = m.group("words").lower().split()
    return not any(w in SPEECH_VERBS for w in words) and "according" not in words


_DETERMINER_BEFORE_RE = re.compile(r"(?:^|\s)(?:the|a|an|this|that|its|his|her|their|our|whose)\s*\Z", re.IGNORECASE)
_WORD_AFTER_RE = re.compile(r"[,.]?\s+([a-z][a-z-]*)")


def modifies_a_noun(text: str, start: int, close: int) -> bool:
    """A quoted term used as a modifier between a determiner and a noun: `the “smart city” plan`,
    `a "zero tolerance" policy`. A label, not words someone is reported to have said."""
    if not _DETERMINER_BEFORE_RE.search(text, max(0, start - 8), start):
        return False
    m = _WORD_AFTER_RE.match(text, close + 1)
    if m is None or m.group(0)[:1] in ",.":
        return False
    return m.group(1) not in NP_STOP and m.group(1) not in SPEECH_VERBS


def looks_like_a_title(words: list[str], quote_text: str, text: str, start: int,
                       title_case: Callable[[], bool]) -> bool:
    """Names of works and operations (`"Amber Lynx"`, “The Salt Road”), or a quote introduced as a name.

    ``words`` are the quote's words (``quote_words``); ``title_case()`` says the paragraph is
    written in title case (``is_title_case``), where every quote looks like a title.
    """
    if not words or len(words) > 8:
        return False
    if _named_before(text, start) or len(words) == 1 and quote_text[:1] in "@#":
        return True  # a name given as such, a handle or a hashtag
    end = quote_text.rstrip()[-1:]
    if end in "!?":
        return False
    content = [w for w in words if w.lower() not in TITLE_SMALL_WORDS or w is words[0]]
    if not all(w[:1].isupper() or w[:1].isdigit() for w in content):
        return False  # most quotes: told before the paragraph's words are all read for title case
    if end == "." and (not skip_spaces_back(text, start) or _ends_sentence(text, skip_spaces_back(text, start))):
        return False  # a sentence of its own; a title ends a sentence of the reporter's: `on "Meet the Press."`
    return not title_case()


def _named_before(text: str, start: int) -> bool:
    """The words before a quote introduce it as a name: `the so-called "..."`, `known as "..."`."""
    end = start
    while end and text[end - 1].isspace():
        end -= 1
    if not text[max(0, end - 10):end].lower().endswith(_NAMING_ENDS):
        return False  # the common case, told without the pattern
    return _NAMING_BEFORE_RE.search(text, max(0, start - _NAMING_WINDOW), start) is not None


def is_title_case(text: str) -> bool:
    """`Power Demand Hits Record High`: capitals say nothing about names or titles there."""
    long_words = _TITLE_WORD_RE.findall(text)
    if len(long_words) < 3:
        return False
    capitalised = len([w for w in long_words if w[0].isupper()])
    return capitalised >= 0.75 * len(long_words)


def quote_words(quote_text: str) -> list[str]:
    """The words of a quote, once: its length, its key and the title test all read them."""
    return _WORD_RE.findall(quote_text)


def word_count(quote_text: str) -> int:
    return len(_WORD_RE.findall(quote_text))


def quote_key(words: list[str]) -> str:
    """The quote's words (``quote_words``), lower-case, for spotting the same quote twice (headline and body)."""
    return " ".join(words).lower()
