"""One article's key figures and quotes: the passes of ``briefing.extraction`` run in order.

``extract`` finds the quotes first, masks them so the attribution rules see
only the reporter's words, then reads the figures (with their sentences and
salience) and the quotes (scare quotes and titles left out, a repeated quote
once, each with its speaker).

Bump ``EXTRACTOR_VERSION`` whenever results change: the store recomputes
stored extractions whose version differs.
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from dataclasses import replace

from briefing.extraction.figures import Candidate, article_figures
from briefing.extraction.people import People
from briefing.extraction.quotes import (
    QuoteSpan,
    find_quotes,
    is_partial,
    is_title_case,
    looks_like_a_title,
    modifies_a_noun,
    quote_key,
    quote_words,
    skip_spaces_back,
    two_apostrophes_as_marks,
)
from briefing.extraction.salience import figure_salience, quote_salience
from briefing.extraction.speakers import Attributor, Speaker
from briefing.extraction.text import hide_abbreviation_stops, sentence_span, sentence_starts
from briefing.models import Article, Extraction, Figure, Quote

EXTRACTOR_VERSION = "1.10"

# How a quote's speaker was found that shows someone is reported to have said it;
# a one- or two-word fragment found otherwise is a scare quote, not a quote.
_SAID_BY = {"split", "after", "before", "later", "said"}


def extract(article: Article) -> Extraction:
    """The key figures and quotes of one article, each with its sentence, position and salience."""
    segments = [text for _, text in article.text_segments]
    marked = two_apostrophes_as_marks(segments)  # quotes and their attribution read `''…''` as `"…"`
    quotes = find_quotes(marked)
    quoted: dict[int, list[tuple[int, int]]] = {}  # segment -> (opening, closing) of each quote part
    for quote in quotes:
        for segment, opening, closing in quote.parts:
            quoted.setdefault(segment, []).append((opening, closing))
    masked = _masked(marked, quoted)
    starts = [sentence_starts(text) for text in masked]
    figures = _figures(article_figures(segments), segments, starts, quoted)
    return Extraction(figures=figures, quotes=tuple(_quotes(segments, marked, masked, starts, quotes)),
                      version=EXTRACTOR_VERSION)


def _masked(segments: list[str], quoted: dict[int, list[tuple[int, int]]]) -> list[str]:
    """Each segment with the words inside quotes blanked (a closing . ! ? kept) and every quote
    mark made a plain `"`, so the attribution rules see only the reporter's words and one kind
    of mark; offsets are unchanged."""
    masked = list(segments)
    for segment, parts in quoted.items():
        text, pieces, pos = segments[segment], [], 0
        for opening, closing in sorted(parts):
            end = skip_spaces_back(text, closing)  # where the quoted words end, read without copying them
            stop = text[end - 1] if end > opening + 1 and text[end - 1] in (".", "!", "?") else " "
            blank = " " * (end - opening - 2) + stop if end > opening + 1 else ""
            pieces += [text[pos:opening], '"', blank, " " * (closing - end)]
            pos = closing
            if closing < len(text):
                pieces.append('"')
                pos += 1
        pieces.append(text[pos:])
        masked[segment] = "".join(pieces)
    return [hide_abbreviation_stops(text) for text in masked]


def _sentence(segments: list[str], starts: list[list[int]], segment: int, pos: int) -> str:
    start, end = sentence_span(starts[segment], pos, len(segments[segment]))
    return segments[segment][start:end].strip()


def _figures(candidates: list[Candidate], segments: list[str], starts: list[list[int]],
             quoted: dict[int, list[tuple[int, int]]]) -> tuple[Figure, ...]:
    """Each candidate as a figure, with its sentence (read once for all its figures) and salience."""
    figures = []
    sentences: dict[tuple[int, int], str] = {}
    for c in candidates:
        segment, pos = c.segment, c.number_start
        sentence_starts = starts[segment]
        i = bisect_right(sentence_starts, pos) - 1  # as ``sentence_span``, inline: it runs for every figure
        start = sentence_starts[max(i, 0)]
        sentence = sentences.get((segment, start))
        if sentence is None:
            end = sentence_starts[i + 1] if i + 1 < len(sentence_starts) else len(segments[segment])
            sentence = sentences[segment, start] = segments[segment][start:end].strip()
        in_quote = segment in quoted and any(opening < pos < closing for opening, closing in quoted[segment])
        figures.append(Figure(value=c.value, unit=c.unit, qualifier=c.qualifier, text=c.text, sentence=sentence,
                              segment=segment, start=c.start,
                              salience=figure_salience(segment, c.kind, c.value, in_quote)))
    return tuple(figures)


def _in_title_case(segments: list[str], segment: int, known: dict[int, bool]) -> bool:
    if segment not in known:
        known[segment] = is_title_case(segments[segment])
    return known[segment]


def _quotes(original: list[str], segments: list[str], masked: list[str], starts: list[list[int]],
            quotes: list[QuoteSpan]) -> list[Quote]:
    """The quotes in article order, scare quotes and titles left out, a repeated quote once.
    ``segments`` are read with two apostrophes made a `"`; each quote's sentence is quoted as the
    ``original`` writes it (the same offsets)."""
    if not quotes:
        return []  # no names or speech verbs to read
    attributor = Attributor(segments, masked, starts, People(masked, written=original))
    last_speaker: dict[int, Speaker] = {}
    found: dict[str, tuple[Quote, str]] = {}  # the quote's words -> (quote, speaker kind)
    title_case: dict[int, bool] = {}  # segment -> written in title case, read when first needed
    for span in quotes:
        segment, opening, _ = span.parts[0]
        text = span.text
        words = quote_words(text)
        if not text or looks_like_a_title(words, text, segments[segment], opening,
                                          functools.partial(_in_title_case, segments, segment, title_case)):
            continue
        close = span.parts[0][2] if len(span.parts) == 1 and span.closed else None
        partial = is_partial(segments[segment], opening, close)
        speaker, how = attributor.attribute(span, last_speaker)
        count = len(words)
        if partial and (count <= 2 and how not in _SAID_BY or count <= 4 and not how
                        or count <= 3 and how not in ("split", "after") and close is not None
                        and modifies_a_noun(segments[segment], opening, close)):
            continue  # a scare quote or a term (`the “smart city” plan`): nobody is reported to have said it
        speaker = speaker or Speaker("", "", "")
        if speaker.name:
            last_speaker[span.parts[-1][0]] = speaker
        key = quote_key(words)
        earlier = found.get(key)
        if earlier is None:
            quote = Quote(text=text, speaker=speaker.name, partial=partial, role=speaker.role,
                          sentence=_sentence(original, starts, segment, opening), segment=segment, start=opening,
                          salience=quote_salience(segment, partial, speaker.kind, count))
            found[key] = (quote, speaker.kind)
        elif speaker.kind == "person" != earlier[1]:  # the headline's quote, named in the body
            found[key] = (replace(earlier[0], speaker=speaker.name, role=speaker.role), speaker.kind)
    return [quote for quote, _ in found.values()]
