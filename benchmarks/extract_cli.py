#!/usr/bin/env python3
"""`briefing extract --json` as a whole process: articles per second, start-up and reading included.

Writes ARTICLES article files (about 600 words each, in the plain-text export
format of the seed: section, title, date line, lead, paragraphs) into a
temporary folder, from paragraphs drawn at random from ../shared's corpus and
seed (read at run time, never copied into the repo; see benchmarks/extract.py),
then runs `briefing extract --json FOLDER` once as a user would and prints
articles per second by the wall clock and by CPU time (steadier on a busy
machine); then, for comparison, the extractor alone on the same articles in
this process (CPU time of ``extract`` only). The target: at least 500
articles/s for the whole process; on a machine where the extractor alone does
1,100/s, the whole process should keep most of that.

What is not extraction (start-up, finding and reading the files, handing them
to the workers and back, JSON) is printed as the overhead, measured in one more
run of the command whose ``extract`` calls are timed in every process: that
run's CPU time minus the CPU time spent in ``extract`` during it. Measured in
the same run, the extraction's own ups and downs on a busy machine cancel out
(the whole run's CPU minus the extractor's alone, measured apart, is printed
too, for comparison). On a busy machine take the best of a few runs (``--runs``).

    python benchmarks/extract_cli.py [--articles 2000] [--seed 1] [--runs 1] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import extract as corpus_like  # noqa: E402  (benchmarks/extract.py: the same corpus-like articles)


def write_article_files(folder: Path, count: int, seed: int) -> int:
    """The articles as plain-text exports in ``folder``; their words in all."""
    words = 0
    for number, article in enumerate(corpus_like.build_articles(count, seed)):
        local = article.published.strftime("%d.%m.%Y %H:%M")
        text = "\n\n".join(["English Section", article.title, f"{local}\n{article.lead}", *article.body]) + "\n"
        (folder / f"{number:05d}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def extractor_alone_seconds(folder: Path) -> float:
    """CPU seconds ``extract`` alone takes on the articles of ``folder`` (read first, untimed)."""
    from briefing.extraction import extract
    from briefing.readers import read_file

    articles = [article for path in sorted(folder.glob("*.txt")) for article in read_file(path)]
    for article in articles[:50]:  # warm-up: regex caches
        extract(article)
    started = time.process_time()
    for article in articles:
        extract(article)
    return time.process_time() - started


#: ``briefing extract`` with every call of ``extract`` timed: each process writes its total to a file of its own
TIMED = """
import os, sys, time
import briefing.extract_files as files
from briefing.cli import main

real, spent, out = files.extract, [0.0], {}

def timed(article):
    started = time.process_time()
    try:
        return real(article)
    finally:
        spent[0] += time.process_time() - started
        if os.getpid() not in out:  # a worker (forked) opens a file of its own
            out[os.getpid()] = os.open(os.path.join(sys.argv[1], str(os.getpid())), os.O_WRONLY | os.O_CREAT)
        os.pwrite(out[os.getpid()], f"{spent[0]:<32.6f}".encode(), 0)

files.extract = timed
sys.exit(main(sys.argv[2:]))
"""


def overhead_seconds(folder: Path) -> tuple[float, float]:
    """CPU seconds of one run of the command, and of its calls of ``extract`` (every process's)."""
    with tempfile.TemporaryDirectory(prefix="extract-cli-timed-") as timings:
        cpu = run_once(folder, [sys.executable, "-c", TIMED, timings])[1]
        extracting = sum(float(path.read_text()) for path in Path(timings).iterdir())
    return cpu, extracting


def run_once(folder: Path, program: list[str] | None = None) -> tuple[float, float, bytes]:
    """Wall and CPU seconds of one ``briefing extract --json FOLDER``, and what it printed."""
    program = program or [str(Path(sys.executable).with_name("briefing"))]
    command = [*program, "extract", "--json", str(folder)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=False, cwd=folder)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"briefing extract failed ({done.returncode}): {done.stderr.decode()[:500]}")
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=1, help="runs of each measure; the best is shown")
    parser.add_argument("--shared", type=Path, default=corpus_like.SHARED, help="the shared folder (../shared)")
    args = parser.parse_args()
    corpus_like.SHARED = args.shared
    with tempfile.TemporaryDirectory(prefix="extract-cli-") as temporary:
        folder = Path(temporary)
        words = write_article_files(folder, args.articles, args.seed)
        runs = [run_once(folder) for _ in range(args.runs)]
        timed = min((overhead_seconds(folder) for _ in range(args.runs)), key=lambda run: run[0] - run[1])
        alone = min(extractor_alone_seconds(folder) for _ in range(args.runs))
    wall, cpu = min(run[0] for run in runs), min(run[1] for run in runs)
    output = runs[0][2]
    result = json.loads(output)
    count = len(result["articles"])
    print(f"articles:   {count} files of {words / args.articles:.0f} words on average")
    print(f"found:      {sum(len(a['figures']) for a in result['articles'])} figures, "
          f"{sum(len(a['quotes']) for a in result['articles'])} quotes; {len(output) / 1e6:.1f} MB of JSON")
    print(f"whole run:  {wall:.2f} s wall, {cpu:.2f} s CPU (best of {args.runs})")
    print(f"speed:      {count / wall:.0f} articles/s by the wall clock, {count / cpu:.0f} articles/s of CPU time")
    print(f"reference:  the extractor alone does {count / alone:.0f} articles/s of CPU time on these articles; "
          f"the whole process keeps {alone / cpu:.0%} of that")
    overhead = timed[0] - timed[1]
    print(f"overhead:   {overhead:.2f} s CPU not spent extracting ({overhead / timed[0]:.0%} of the whole run's "
          f"{timed[0]:.2f} s, {overhead / count * 1000:.2f} ms an article), measured in a run that timed its "
          f"{timed[1]:.2f} s of extract; whole run minus the extractor alone: {cpu - alone:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
