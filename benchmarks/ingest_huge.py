"""One huge article: the time and peak memory of taking in a single-paragraph article of N MB.

Each size runs in a process of its own (``ru_maxrss`` is per process); the
baseline is the same process taking in nothing but a one-line article.

    python benchmarks/ingest_huge.py              # 1, 5 and 19 MB, JSON and plain text
    python benchmarks/ingest_huge.py --mb 19

Target (issue 16, cause 5): memory proportional to the file, not 19 times it.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = ["the", "port", "authority", "said", "ships", "were", "waiting", "while", "cranes", "stood", "idle", "and", "officials", "promised"]


def write_article(folder: Path, megabytes: float, kind: str) -> Path:
    rng = random.Random(1)
    clauses, size = [], 0
    while size < megabytes * 1_000_000:  # one paragraph of clauses, no sentence end: the worst case
        clause = " ".join(rng.choice(WORDS) for _ in range(14)) + ","
        clauses.append(clause)
        size += len(clause) + 1
    text = " ".join(clauses)
    if kind == "json":
        path = folder / "huge.json"
        path.write_text(json.dumps({"title": "A very long report", "published": "2026-02-03T09:00:00Z",
                                    "body": text}))
    else:
        path = folder / "huge.txt"
        path.write_text(f"Kraj\n\nA very long report\n\n03.02.2026 10:00\n{text}\n")
    return path


def measure(path: Path) -> None:
    """In this process: take in ``path``, print seconds and peak resident memory."""
    from briefing.ingest import ingest_paths
    from briefing.store import Store

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "s.sqlite3") as store:
        started = time.perf_counter()
        report = ingest_paths(store, [path], max_bytes=100_000_000)
        seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": round(seconds, 2), "peak_mb": round(peak_mb), "new": report.new}))


def run(path: Path) -> dict:
    done = subprocess.run([sys.executable, __file__, "--measure", str(path)], capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, nargs="*", default=[1, 5, 19])
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure(args.measure)
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        baseline = run(write_article(folder, 0.0001, "json"))
        print(f"baseline (a one-line article): {baseline['peak_mb']} MB peak")
        for kind in ("json", "txt"):
            for megabytes in args.mb:
                path = write_article(folder, megabytes, kind)
                result = run(path)
                extra = result["peak_mb"] - baseline["peak_mb"]
                print(f"{kind:>4} {megabytes:>5g} MB: {result['seconds']:>6.2f} s, peak {result['peak_mb']} MB "
                      f"({extra / megabytes:.1f}x the file above the baseline)")
                path.unlink()


if __name__ == "__main__":
    main()
