#!/usr/bin/env python3
"""Quotes and speakers on real news: the extractor against PolNeAR's annotated attributions.

PolNeAR (github:networkdynamics/PolNeAR) is not in the repo and must never be:
give the path of an unpacked split (or several) on the command line.

    python benchmarks/polnear.py /work/polnear/data/train /work/polnear/data/dev
    python benchmarks/polnear.py DATA/dev -v          # list every miss and every spurious quote

Each split holds ``text/NAME.txt`` (the title on the first line, paragraphs
after blank lines) and ``attributions/NAME_ANNOTATOR.ann`` (brat standoff:
Source, Cue and Content spans tied by an ``Attribution`` event). Where a text
was annotated twice, the first annotation file in name order is used.

How it matches (the shared scorer's rules where they apply):

- A *gold quote* is an attribution whose Content is a direct quotation: each
  of its pieces, trimmed of spaces and closing punctuation, opens and closes
  with a quotation mark. Its text is the pieces without their marks, joined.
- A predicted quote *matches* a gold one when their words (lower-case,
  punctuation dropped) overlap by at least 80 % of the longer one's words,
  each gold quote matched at most once. Where the annotation joins several
  pieces in one Content (`"A," he said. "B."`, two quotes by the contract),
  a predicted quote matching one piece matches it too, and the other pieces
  are then not counted (below).
- A predicted quote that matches no gold quote but whose words lie (80 %)
  inside another annotated Content is *not counted*: it is a partial quote
  (`called the plan "a disaster"`) inside reported speech that the annotators
  did not mark as direct. Any other unmatched prediction is a false positive
  (a scare quote, a title).
- *Named-speaker accuracy*: over matched quotes whose annotated Source is a
  name (its last word, possessive dropped, is capitalised and no pronoun),
  the share whose predicted speaker holds that last word (the surname).
- *Speaker shape*: every predicted speaker that starts with a lower-case
  function word (`by`, `in`, `but`, `he`) or holds a verb is listed; the
  count must be zero (``briefing.extraction.subjects.speaker_shape_problem``).

Prints precision, recall, F1, named-speaker accuracy and the bad-shape count,
then one line ``quote_p=… quote_r=… quote_f1=… named_speaker=… bad_speakers=…``.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing.extraction import extract  # noqa: E402
from briefing.extraction.subjects import speaker_shape_problem  # noqa: E402
from briefing.models import Article  # noqa: E402

_OPENING = "\"“„«‘'"
_CLOSING = "\"”“»’'"
_TRAILING = " \t\n.,;:!?)—–-"
_PRONOUNS = {"he", "she", "they", "we", "i", "you", "it", "him", "her", "them", "us", "who"}
_SPAN_RE = re.compile(r"(\d+) (\d+)")


@dataclass
class Attribution:
    content: str
    direct: bool
    quote: str  # the words inside the marks, when direct
    source: str
    pieces: list[str]  # the quote's pieces when the annotation splits it (`"A," he said. "B."`)


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", text)
    return re.findall(r"[0-9a-z]+", "".join(c for c in text if not unicodedata.combining(c)).lower())


def overlap(a: list[str], b: list[str]) -> float:
    """Shared words over the longer one's words, counting repeats (as the shared scorer does)."""
    if not a or not b:
        return 0.0
    rest = list(b)
    shared = 0
    for word in a:
        if word in rest:
            rest.remove(word)
            shared += 1
    return shared / max(len(a), len(b))


def covered(part: list[str], whole: list[str]) -> float:
    """The share of ``part``'s words found in ``whole``."""
    if not part:
        return 0.0
    pool = set(whole)
    return sum(1 for w in part if w in pool) / len(part)


def read_attributions(ann: Path, text: str) -> list[Attribution]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[dict[str, str]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            kind, _, offsets = fields[1].partition(" ")
            spans[fields[0]] = (kind, [(int(a), int(b)) for a, b in _SPAN_RE.findall(offsets)])
        elif line.startswith("E") and len(fields) >= 2:
            events.append(dict(part.split(":", 1) for part in fields[1].split() if ":" in part))
    found = []
    for event in events:
        content = spans.get(event.get("Content", ""))
        if content is None:
            continue
        pieces = [text[a:b] for a, b in content[1]]
        source = spans.get(event.get("Source", ""))
        source_text = " ".join(text[a:b] for a, b in source[1]) if source else ""
        direct, quote = _direct_quotation(pieces)
        found.append(Attribution(" ".join(pieces), direct, quote, source_text, pieces if len(pieces) > 1 else []))
    return found


def _direct_quotation(pieces: list[str]) -> tuple[bool, str]:
    inner = []
    for piece in pieces:
        piece = piece.strip().rstrip(_TRAILING)
        if piece[-1:] not in _CLOSING:
            return False, ""
        piece = piece[:-1].rstrip(_TRAILING)
        if piece[:1] not in _OPENING:
            return False, ""
        inner.append(piece[1:].strip())
    return bool(inner), " ".join(inner)


def named_surname(source: str) -> str:
    """The last word of a source that is a name (`Sen. Ted Cruz` -> Cruz; `Seth McKee, a professor at
    Texas Tech,` -> McKee: an apposition, a `the of ...` are cut off), else ``""`` (a pronoun, a description, a headline)."""
    parts = [p.strip() for p in re.split(r"[,(]", source) if p.strip()]
    # `his best friend at Lehigh, Bruce Turry`: the name follows a description
    source = next((p for p in parts if any(w[:1].isupper() for w in p.split())), parts[0] if parts else "")
    head, _, _ = source.partition(" of ")
    if len(head.split()) >= 2 and head.split()[-1][:1].isupper():
        source = head  # `Mr. Burman of the Tax Policy Center`, not `Speaker of the House Paul Ryan`
    if source.isupper() and len(source.split()) > 2:
        return ""  # a headline in capitals, not a name
    tokens = re.findall(r"[^\W\d_][\w'’.-]*", source)
    if not tokens:
        return ""
    last = re.sub(r"['’]s?$", "", tokens[-1]).rstrip(".")
    if not last[:1].isupper() or last.lower() in _PRONOUNS or len(last) < 2:
        return ""
    return last


def as_article(text: str) -> Article:
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
    title = paragraphs[0] if paragraphs else ""
    lead = paragraphs[1] if len(paragraphs) > 1 else ""
    return Article(title=title, published=datetime(2016, 1, 1, tzinfo=UTC), lead=lead, body=tuple(paragraphs[2:]))


@dataclass
class Tally:
    predicted: int = 0
    gold: int = 0
    matched: int = 0
    ignored: int = 0
    named: int = 0
    named_right: int = 0
    bad_speakers: int = 0


def score_text(name: str, text: str, attributions: list[Attribution], tally: Tally, verbose: bool) -> None:
    gold = [a for a in attributions if a.direct]
    gold_words = [[words(a.quote), *map(words, a.pieces)] for a in gold]
    content_words = [words(a.content) for a in attributions]
    taken: set[int] = set()
    quotes = extract(as_article(text)).quotes
    tally.gold += len(gold)
    for quote in quotes:
        problem = speaker_shape_problem(quote.speaker)
        if problem:
            tally.bad_speakers += 1
            print(f"{name}: bad speaker {quote.speaker!r}: {problem}")
        predicted = words(quote.text)
        best = _best_match(predicted, gold_words, taken)
        if best is None:
            if any(covered(predicted, c) >= 0.8 for c in content_words):
                tally.ignored += 1
                continue
            tally.predicted += 1
            if verbose:
                print(f"{name}: spurious {quote.text[:90]!r} ({quote.speaker})")
            continue
        taken.add(best)
        tally.predicted += 1
        tally.matched += 1
        surname = named_surname(gold[best].source)
        if surname:
            tally.named += 1
            right = set(words(surname)) <= set(words(quote.speaker))  # accents, hyphens, apostrophes folded
            tally.named_right += right
            if verbose and not right:
                print(f"{name}: speaker {quote.speaker!r}, annotated {gold[best].source!r}: {quote.text[:60]!r}")
    if verbose:
        for i, attribution in enumerate(gold):
            if i not in taken:
                print(f"{name}: missed {attribution.quote[:90]!r} ({attribution.source})")


def _best_match(predicted: list[str], gold_words: list[list[list[str]]], taken: set[int]) -> int | None:
    """The best gold quote for a predicted one: its whole words, or one of its pieces (words lists)."""
    best, best_score = None, 0.0
    for i, forms in enumerate(gold_words):
        if i in taken:
            continue
        score = max(overlap(predicted, form) for form in forms)
        if score >= 0.8 and score > best_score:
            best, best_score = i, score
    return best


def texts_with_annotations(split: Path):
    annotations: dict[str, Path] = {}
    for ann in sorted((split / "attributions").glob("*.ann")):
        annotations.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    for path in sorted((split / "text").glob("*.txt")):
        if path.stem in annotations:
            yield path, annotations[path.stem]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("splits", nargs="+", type=Path, help="unpacked PolNeAR split folders (text/, attributions/)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and spurious quotes")
    args = parser.parse_args()
    tally, texts = Tally(), 0
    for split in args.splits:
        if split.name == "test":
            parser.error(f"{split}: the test split is kept aside for measurement; give train or dev")
        if not (split / "text").is_dir() or not (split / "attributions").is_dir():
            parser.error(f"{split}: no text/ and attributions/ folders")
        for path, ann in texts_with_annotations(split):
            text = path.read_text(encoding="utf-8")
            score_text(path.stem, text, read_attributions(ann, text), tally, args.verbose)
            texts += 1
    precision = tally.matched / tally.predicted if tally.predicted else 0.0
    recall = tally.matched / tally.gold if tally.gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    named = tally.named_right / tally.named if tally.named else 0.0
    print(f"{texts} texts, {tally.gold} direct quotations annotated, {tally.predicted} quotes counted "
          f"({tally.ignored} partial quotes inside other annotated speech not counted)")
    print(f"quotes: precision {precision:.3f}, recall {recall:.3f}, F1 {f1:.3f}")
    print(f"named speaker: {tally.named_right}/{tally.named} = {named:.3f}")
    print(f"speakers starting with a function word or holding a verb: {tally.bad_speakers}")
    print(f"quote_p={precision:.3f} quote_r={recall:.3f} quote_f1={f1:.3f} named_speaker={named:.3f} "
          f"bad_speakers={tally.bad_speakers}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
