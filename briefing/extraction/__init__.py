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

Compiled or not. The modules here (all but this one) are plain, fully typed
Python. ``pip install`` compiles them with mypyc (``setup.py``) into C
extensions beside the sources, which run the same rules about 1.6 times as
fast; Python imports an extension before a source of the same name. A build
older than its source (a source edited, or pulled, since the last install)
would run old rules, so then this package imports the sources instead and logs
a warning; ``BRIEFING_PURE_PYTHON=1`` does the same on purpose. Both give the
same results (tests/test_extraction_build.py). ``EXTRACTOR_BUILD`` says which
one runs.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import sys
from importlib.abc import MetaPathFinder
from importlib.machinery import EXTENSION_SUFFIXES, ModuleSpec
from pathlib import Path

__all__ = ["extract", "EXTRACTOR_VERSION", "EXTRACTOR_BUILD"]

log = logging.getLogger(__name__)

_HERE = Path(__file__).resolve().parent
# A build made by the same `pip install` as its sources may be stamped a moment before them.
_BUILD_CLOCK_SLACK_S = 2.0


def _stale_builds() -> list[str]:
    """The sources here that changed after their compiled build was made."""
    stale = []
    for source in sorted(_HERE.glob("*.py")):
        for suffix in EXTENSION_SUFFIXES:
            built = source.with_name(source.stem + suffix)
            if built.exists() and source.stat().st_mtime > built.stat().st_mtime + _BUILD_CLOCK_SLACK_S:
                stale.append(source.name)
    return stale


class _SourcesFirst(MetaPathFinder):
    """Imports this package's modules from their sources, whatever is compiled beside them."""

    def find_spec(self, name: str, path=None, target=None) -> ModuleSpec | None:
        package, _, module = name.rpartition(".")
        source = _HERE / f"{module}.py"
        if package != __name__ or not source.is_file():
            return None
        return importlib.util.spec_from_file_location(name, source)


def _use_sources_if_needed() -> None:
    if os.environ.get("BRIEFING_PURE_PYTHON", "") not in ("", "0"):
        sys.meta_path.insert(0, _SourcesFirst())
        return
    stale = _stale_builds()
    if stale:
        log.warning("the compiled extractor is older than %s; running the sources instead (slower). "
                    "Reinstall to compile again: pip install -e .", ", ".join(stale))
        sys.meta_path.insert(0, _SourcesFirst())


_use_sources_if_needed()

from briefing.extraction import article as _article  # noqa: E402  (after the choice of build)

extract = _article.extract
EXTRACTOR_VERSION = _article.EXTRACTOR_VERSION
#: "compiled" (mypyc) or "pure Python": which build of the rules runs
EXTRACTOR_BUILD = "pure Python" if (_article.__file__ or "").endswith(".py") else "compiled"
