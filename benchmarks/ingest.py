"""Ingest throughput: articles per second into a fresh SQLite store, and peak memory.

Workloads (files are generated, fictional, in a temporary folder):
  * 10,000 articles, half news-site plain-text exports, half JSON;
  * 1,000 saved HTML pages.

    python benchmarks/ingest.py            # both workloads
    python benchmarks/ingest.py --plain 2000 --html 200

Target (issue "Take in articles from every source"): at least 2,000 plain/JSON
articles a second.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from briefing.ingest import ingest_paths
from briefing.store import Store

WORDS = (
    "harbour", "council", "budget", "storm", "ferry", "rail", "bridge", "minister", "hospital",
    "school", "energy", "grid", "port", "tram", "market", "exports", "court", "weather", "river",
    "power", "station", "water", "heating", "village", "factory",
)


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(10, 22))]
    number = rng.choice(["", f" {rng.randint(2, 900)} workers", f" PLN {rng.randint(2, 90)}m", f" {rng.randint(2, 60)} percent"])
    return (" ".join(words) + number).capitalize() + "."


def paragraphs(rng: random.Random, count: int) -> list[str]:
    return [" ".join(sentence(rng) for _ in range(3)) for _ in range(count)]


def plain_text(n: int, rng: random.Random, when: datetime) -> str:
    body = "\n\n".join(paragraphs(rng, 8))
    return (
        f"English Section\n\nRegional report {n}: {rng.choice(WORDS)} and {rng.choice(WORDS)}\n\n"
        f"{when:%d.%m.%Y %H:%M}\n{sentence(rng)}\n\n{body}\n\n(ab)\n\nSource: PAP, Reuters\n"
    )


def json_article(n: int, rng: random.Random, when: datetime) -> str:
    return json.dumps({
        "title": f"Business report {n}: {rng.choice(WORDS)}",
        "published": when.isoformat() + "+01:00",
        "section": "Business",
        "source": "Coast Wire",
        "lead": sentence(rng),
        "body": paragraphs(rng, 8),
    })


def html_page(n: int, rng: random.Random, when: datetime) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs(rng, 8))
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        f"<title>Web report {n}</title><meta property='og:title' content='Web report {n}'>"
        f"<meta property='article:published_time' content='{when.isoformat()}+01:00'></head>"
        "<body><header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header>"
        f"<main><article><h1>Web report {n}</h1><p class=lead>{sentence(rng)}</p>{body}</article></main>"
        "<aside><h3>Most read</h3><ul><li>Another story</li><li>Yet another</li></ul></aside>"
        "<footer>© Example Media, 12 Sample Street</footer></body></html>"
    )


def write_corpus(folder: Path, plain: int, html: int) -> tuple[Path, Path]:
    rng = random.Random(7)
    start = datetime(2026, 2, 1, 6, 0)
    flat, pages = folder / "plain", folder / "html"
    flat.mkdir()
    pages.mkdir()
    for n in range(plain):
        when = start + timedelta(minutes=7 * n)
        if n % 2:
            (flat / f"{n:05d}.json").write_text(json_article(n, rng, when), encoding="utf-8")
        else:
            (flat / f"{n:05d}.txt").write_text(plain_text(n, rng, when), encoding="utf-8")
    for n in range(html):
        (pages / f"{n:05d}.html").write_text(html_page(n, rng, start + timedelta(minutes=5 * n)), encoding="utf-8")
    return flat, pages


def measure(label: str, folder: Path, store_path: Path) -> None:
    with Store(store_path) as store:
        began = time.perf_counter()
        report = ingest_paths(store, [folder])
        elapsed = time.perf_counter() - began
    stored = report.new + report.updated + report.unchanged
    print(f"{label}: {stored} articles in {elapsed:.2f} s = {stored / elapsed:,.0f} articles/s "
          f"({len(report.rejected)} rejected)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plain", type=int, default=10_000, help="plain-text/JSON articles")
    parser.add_argument("--html", type=int, default=1_000, help="saved HTML pages")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        flat, pages = write_corpus(folder, args.plain, args.html)
        if args.plain:
            measure("plain text + JSON", flat, folder / "plain.sqlite3")
        if args.html:
            measure("HTML pages", pages, folder / "html.sqlite3")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
