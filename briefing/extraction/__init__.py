"""Key figures and quotes of an article, as ../shared/spec/extraction.md defines them.

    from briefing.extraction import extract, EXTRACTOR_VERSION
    extraction = extract(article)

Pure Python and regular expressions, compiled once at import: no models, no
network. The text read is ``Article.text_segments`` (title, lead, body
paragraphs); each figure and quote keeps its segment index, its character
offset there and its sentence. The modules, in the order they run:

- ``numbers``: the grammar of written numbers;
- ``units`` and ``figures``: which numbers are figures, their unit, qualifier, sign;
- ``quotes``: quotation spans, over paragraphs and around attributions;
- ``people`` and ``speakers``: names, roles, speech verbs, who said what;
- ``salience``: how worth showing each item is.

Bump ``EXTRACTOR_VERSION`` whenever results change: the store recomputes
stored extractions whose version differs.
"""

from __future__ import annotations

from briefing.extraction.figures import Candidate, article_figures
from briefing.extraction.people import People
from briefing.extraction.quotes import (
    QuoteSpan,
    find_quotes,
    is_partial,
    looks_like_a_title,
    quote_key,
    word_count,
)
from briefing.extraction.salience import figure_salience, quote_salience
from briefing.extraction.speakers import Attributor, Speaker
from briefing.extraction.text import hide_abbreviation_stops, sentence_span, sentence_starts
from briefing.models import Article, Extraction, Figure, Quote

__all__ = ["extract", "EXTRACTOR_VERSION"]

EXTRACTOR_VERSION = "1.0"

# How a quote's speaker was found that shows someone is reported to have said it;
# a one- or two-word fragment found otherwise is a scare quote, not a quote.
_SAID_BY = {"split", "after", "before", "later"}


def extract(article: Article) -> Extraction:
    segments = [text for _, text in article.text_segments]
    quotes = find_quotes(segments)
    masked = _masked(segments, quotes)
    starts = [sentence_starts(text) for text in masked]
    quoted: dict[int, list[tuple[int, int]]] = {}
    for quote in quotes:
        for segment, opening, closing in quote.parts:
            quoted.setdefault(segment, []).append((opening, closing))
    figures = tuple(_figure(c, segments, starts, quoted) for c in article_figures(segments))
    return Extraction(figures=figures, quotes=tuple(_quotes(segments, masked, starts, quotes)),
                      version=EXTRACTOR_VERSION)


def _masked(segments: list[str], quotes: list[QuoteSpan]) -> list[str]:
    """Each segment with the words inside quotes blanked (a closing . ! ? kept) and every quote
    mark made a plain `"`, so the attribution rules see only the reporter's words and one kind
    of mark; offsets are unchanged."""
    parts_by_segment: dict[int, list[tuple[int, int]]] = {}
    for quote in quotes:
        for segment, opening, closing in quote.parts:
            parts_by_segment.setdefault(segment, []).append((opening, closing))
    masked = list(segments)
    for segment, parts in parts_by_segment.items():
        text, pieces, pos = segments[segment], [], 0
        for opening, closing in sorted(parts):
            inner = text[opening + 1:closing].rstrip()
            stop = inner[-1] if inner[-1:] in (".", "!", "?") else " "
            blank = " " * len(inner[:-1]) + stop if inner else ""
            pieces += [text[pos:opening], '"', blank, " " * (closing - opening - 1 - len(inner))]
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


def _figure(c: Candidate, segments: list[str], starts: list[list[int]],
            quoted: dict[int, list[tuple[int, int]]]) -> Figure:
    in_quote = any(opening < c.number_start < closing for opening, closing in quoted.get(c.segment, ()))
    return Figure(value=c.value, unit=c.unit, qualifier=c.qualifier, text=c.text,
                  sentence=_sentence(segments, starts, c.segment, c.number_start), segment=c.segment,
                  start=c.start, salience=figure_salience(c.segment, c.kind, c.value, in_quote))


def _quotes(segments: list[str], masked: list[str], starts: list[list[int]], quotes: list[QuoteSpan]) -> list[Quote]:
    attributor = Attributor(segments, masked, starts, People(masked))
    last_speaker: dict[int, Speaker] = {}
    found: dict[str, Quote] = {}
    for span in quotes:
        segment, opening, _ = span.parts[0]
        text = span.text
        if not text or looks_like_a_title(text, segments[segment], opening):
            continue
        partial = is_partial(segments[segment], opening)
        speaker, how = attributor.attribute(span, last_speaker)
        if partial and word_count(text) <= 2 and how not in _SAID_BY:
            continue  # a scare quote: nobody is reported to have said it
        if speaker is not None:
            last_speaker[span.parts[-1][0]] = speaker
        key = quote_key(text)
        quote = Quote(text=text, speaker=speaker.name if speaker else "", partial=partial,
                      role=speaker.role if speaker else "",
                      sentence=_sentence(segments, starts, segment, opening), segment=segment, start=opening,
                      salience=quote_salience(segment, partial, speaker.kind if speaker else "",
                                              word_count(text)))
        earlier = found.get(key)
        if earlier is None:
            found[key] = quote
        elif not earlier.speaker or (speaker and speaker.kind == "person" and earlier.role == "" and how in _SAID_BY):
            found[key] = Quote(**{**quote.__dict__, "segment": earlier.segment, "start": earlier.start,
                                  "sentence": earlier.sentence, "text": earlier.text})
    return list(found.values())
