"""Key figures and quotes of an article, as ../shared/spec/extraction.md defines them.

    from briefing.extraction import extract, EXTRACTOR_VERSION
    extraction = extract(article)

Python and regular expressions, compiled once at import: no models, no
network. The text read is ``Article.text_segments`` (title, lead, body
paragraphs); each figure and quote keeps its segment index, its character
offset there and its sentence. ``article.extract`` runs the modules in this order:

- ``numbers``: the grammar of written numbers;
- ``context``, ``units`` and ``figures``: which numbers are figures; their
  sign, currency and qualifier (the words before), their unit (the words after);
- ``quotes``: quotation spans, over paragraphs and around attributions;
- ``people``, ``subjects`` and ``speakers``: names and roles, where a speech
  verb's subject stands, who said what;
- ``salience``: how worth showing each item is;
- ``lexicon`` (the word lists the rules consult) and ``text`` (sentences, dates
  and times, abbreviations) serve them all.

Bump ``article.EXTRACTOR_VERSION`` whenever results change: the store
recomputes stored extractions whose version differs.

Speed is measured by ``benchmarks/extract.py``. Most of the time goes to
regular-expression scans of each paragraph and to the rules run for each
number and each speech verb, so the scans use patterns the regex engine can
skip through quickly (word lists as tries, ASCII word boundaries checked once
more on the few matches) and the rules try their cheap tests first. Caches
hold only results for single words (`is_plural`, a unit's key, the value of
a number in words), never for longer text.
"""

from __future__ import annotations

from briefing.extraction.article import EXTRACTOR_VERSION, extract

__all__ = ["extract", "EXTRACTOR_VERSION"]
