#!/usr/bin/env python3
"""How fast the extractor runs: articles per second on one core, and peak memory.

Builds a few thousand corpus-like articles (about 600 words each) by drawing
paragraphs at random from the annotated corpus and the seed in ../shared
(read at run time, never copied into the repo), then times ``extract`` on
each of them once, after a warm-up.

    python benchmarks/extract.py                 # 3000 articles
    python benchmarks/extract.py --articles 5000 --seed 7
    python benchmarks/extract.py --texts DATA/train/text   # real news, e.g. PolNeAR's texts

With ``--texts`` it times a folder of plain-text articles instead (the title on
the first line, paragraphs after blank lines, as PolNeAR ships them; read at
run time, nothing of them kept here), each taken as it is: real news holds
fewer figures and quotes per word than the built articles, whose paragraphs
come from a corpus written to be dense with both.

Prints articles/second and words/second, timed as this process's CPU time
(so other jobs on a shared machine do not count against it; ``extract`` runs
on one core), and the peak of Python's allocations while extracting
(tracemalloc, in a second, untimed pass so the tracing does not slow the
timed one) plus the process's peak RSS.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing.errors import ReaderError  # noqa: E402
from briefing.extraction import extract  # noqa: E402
from briefing.models import Article  # noqa: E402
from briefing.readers import find_article_files, read_file  # noqa: E402

SHARED = ROOT.parent / "shared"
WORDS_PER_ARTICLE = 600


def corpus_paragraphs() -> tuple[list[str], list[str]]:
    """Titles and paragraphs of every article the readers can read in ../shared."""
    titles, paragraphs = [], []
    for path in find_article_files([SHARED / "corpus" / "articles", SHARED / "seeds"]):
        try:
            articles = read_file(path)
        except ReaderError:
            continue
        for article in articles:
            titles.append(article.title)
            paragraphs.extend(p for p in (article.lead, *article.body) if p)
    return titles, paragraphs


def build_articles(count: int, seed: int) -> list[Article]:
    titles, paragraphs = corpus_paragraphs()
    if not paragraphs:
        sys.exit(f"no articles readable under {SHARED}: the benchmark needs ../shared/corpus")
    rng = random.Random(seed)
    published = datetime(2026, 2, 3, 12, tzinfo=UTC)
    articles = []
    for _ in range(count):
        body, words = [], 0
        while words < WORDS_PER_ARTICLE:
            paragraph = rng.choice(paragraphs)
            body.append(paragraph)
            words += len(paragraph.split())
        articles.append(Article(title=rng.choice(titles), lead=body[0], body=tuple(body[1:]), published=published))
    return articles


def read_texts(folder: Path) -> list[Article]:
    """Every ``*.txt`` under ``folder`` as an article: the first line its title, then paragraphs."""
    published = datetime(2026, 2, 3, 12, tzinfo=UTC)
    articles = []
    for path in sorted(folder.glob("*.txt")):
        title, _, rest = path.read_text(encoding="utf-8").strip().partition("\n")
        paragraphs = [" ".join(p.split()) for p in rest.split("\n\n") if p.strip()]
        if paragraphs:
            articles.append(Article(title=title.strip(), lead=paragraphs[0], body=tuple(paragraphs[1:]),
                                    published=published))
    if not articles:
        sys.exit(f"no *.txt articles in {folder}")
    return articles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--texts", type=Path, help="time the plain-text articles of this folder instead")
    args = parser.parse_args()

    articles = read_texts(args.texts) if args.texts else build_articles(args.articles, args.seed)
    words = sum(len(t.split()) for a in articles for _, t in a.text_segments)
    for article in articles[:50]:  # warm-up: imports, regex caches
        extract(article)

    started, wall = time.process_time(), time.perf_counter()  # CPU time of this process, on one core
    figures = quotes = 0
    for article in articles:
        extraction = extract(article)
        figures += len(extraction.figures)
        quotes += len(extraction.quotes)
    elapsed, wall = time.process_time() - started, time.perf_counter() - wall

    tracemalloc.start()
    for article in articles[:500]:
        extract(article)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    print(f"articles:        {len(articles)} ({words / len(articles):.0f} words each on average)")
    print(f"found:           {figures} figures, {quotes} quotes")
    print(f"time:            {elapsed:.2f} s on one core")
    print(f"speed:           {len(articles) / elapsed:.0f} articles/s, {words / elapsed:,.0f} words/s "
          f"({len(articles) / wall:.0f} articles/s by the wall clock)")
    print(f"peak memory:     {peak / 1024:.0f} KiB allocated while extracting (tracemalloc), "
          f"{rss_kib / 1024:.0f} MiB process peak RSS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
