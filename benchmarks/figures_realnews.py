#!/usr/bin/env python3
"""Figures on real news text: which numbers the extractor takes and which it leaves, sentence by sentence.

Reads plain-text articles from a folder given on the command line (for
example PolNeAR's ``data/train/text``, fetched apart; nothing of it is kept in
this repository), splits them into sentences, and runs ``extract`` on every
sentence that holds a number as an article of its own (a title and that one
sentence), the way a sentence-level quantity benchmark does. Prints:

- how many sentences hold a number, how many numbers ``find_numbers`` sees,
  and how many figures the extractor keeps, with figures per sentence;
- ``--sample N`` sentences drawn at random (``--seed``), each with its
  figures and the numbers left out, for reading by hand.

    python benchmarks/figures_realnews.py /path/to/PolNeAR/data/train/text --sample 50
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing.extraction import extract  # noqa: E402
from briefing.extraction.numbers import find_numbers  # noqa: E402
from briefing.extraction.text import hide_abbreviation_stops, sentence_starts  # noqa: E402
from briefing.models import Article  # noqa: E402

_YEAR = re.compile(r"(?:19|20)\d\d")
PUBLISHED = datetime(2026, 2, 3, tzinfo=UTC)
_HAS_NUMBER = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand|"
                         r"million|billion|twenty|thirty|forty|fifty)\b", re.IGNORECASE)


def sentences(folder: Path) -> list[str]:
    found = []
    for path in sorted(folder.glob("*.txt")):
        for paragraph in path.read_text(encoding="utf-8", errors="replace").split("\n"):
            paragraph = paragraph.strip()
            if not paragraph:
                continue
            starts = sentence_starts(hide_abbreviation_stops(paragraph)) + [len(paragraph)]
            found += [paragraph[a:b].strip() for a, b in zip(starts, starts[1:], strict=False) if paragraph[a:b].strip()]
    return [s for s in found if _HAS_NUMBER.search(s)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a folder of .txt articles (e.g. PolNeAR data/train/text)")
    parser.add_argument("--sample", type=int, default=0, help="sentences to print for reading by hand")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--left-only", action="store_true",
                        help="sample only sentences with a number left out that is not a year")
    args = parser.parse_args()
    chosen = sentences(args.folder)
    numbers = figures = 0
    units: Counter[str] = Counter()
    rows = []
    for sentence in chosen:
        found = extract(Article(title="Sentence", published=PUBLISHED, body=(sentence,))).figures
        seen = find_numbers(sentence)
        numbers += len(seen)
        figures += len(found)
        units.update(f.unit or "(none)" for f in found)
        taken = {f.text for f in found}
        left = [sentence[n.start:n.end] for n in seen if not any(sentence[n.start:n.end] in t for t in taken)]
        rows.append((sentence, found, left))
    print(f"sentences with a number: {len(chosen)}; numbers seen: {numbers}; figures kept: {figures}")
    print("most common units:", ", ".join(f"{u} {c}" for u, c in units.most_common(15)))
    if args.left_only:
        rows = [row for row in rows if any(not _YEAR.fullmatch(text) for text in row[2])]
    for sentence, found, left in random.Random(args.seed).sample(rows, min(args.sample, len(rows))):
        print("\n" + sentence)
        for f in found:
            print(f"  + {f.value:g} [{f.unit}] {f.qualifier!r} <{f.text}>")
        for text in left:
            print(f"  - left out: {text}")


if __name__ == "__main__":
    main()
