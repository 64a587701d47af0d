"""How long each reader takes per file, on the test fixtures and (when present) the shared corpus.

    .venv/bin/python benchmarks/readers.py [--repeat N]

Prints, per file, the median time of ``read_bytes`` over N runs (the file
already in memory, so disk time is left out). The plain-text and JSON
readers should stay well under 0.5 ms per article.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import time
from pathlib import Path

from briefing.readers import find_article_files, read_bytes

HERE = Path(__file__).resolve().parent
FOLDERS = [HERE.parent / "tests" / "fixtures" / "readers", HERE.parent.parent / "shared" / "corpus" / "articles"]
SEED = HERE.parent.parent / "shared" / "seeds" / "000_27d7ee679e7a8f07.txt"


def median_ms(data: bytes, origin: str, suffix: str, repeat: int) -> tuple[float, int]:
    articles = read_bytes(data, origin, suffix)  # warm-up (lazy imports, caches)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        read_bytes(data, origin, suffix)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, len(articles)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # the fixtures' deliberately broken items would log on every run
    found = find_article_files([folder for folder in FOLDERS if folder.is_dir()])
    paths = [path for path in found if "broken" not in path.parts]
    paths += [SEED] if SEED.exists() else []
    by_suffix: dict[str, list[float]] = {}
    for path in paths:
        ms, count = median_ms(path.read_bytes(), str(path), path.suffix.lower(), args.repeat)
        by_suffix.setdefault(path.suffix.lower(), []).append(ms / count)
        print(f"{ms:8.3f} ms  {count} article(s)  {ms / count:8.3f} ms/article  {path.name}")
    print()
    for suffix, per_article in sorted(by_suffix.items()):
        print(f"{suffix:6} median {statistics.median(per_article):7.3f} ms/article, max {max(per_article):7.3f}")


if __name__ == "__main__":
    main()
