"""How long `briefing` takes to start: `--help`, `--version` and a few commands' `--help`.

Each command runs as a user runs it, in a process of its own (the console
script of this Python's environment); the figure is the median wall time of
RUNS runs (and its CPU time, steadier on a busy machine), next to a bare
`python -c pass` for the interpreter's own share.
The target: `briefing --help`, `--version` and every command's `--help` under 0.3 s.

    python benchmarks/startup.py [RUNS]
"""

from __future__ import annotations

import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 7
SCRIPT = Path(sys.executable).with_name("briefing")
COMMANDS = (["--version"], ["--help"], ["extract", "--help"], ["templates", "--help"], ["generate", "--help"],
            ["ingest", "--help"], ["articles", "list", "--help"], ["store", "--help"])


def median_seconds(argv: list[str]) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of running ``argv``."""
    walls, cpus = [], []
    for _ in range(RUNS):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    briefing = [str(SCRIPT)] if SCRIPT.exists() else [shutil.which("briefing") or "briefing"]
    print(f"median of {RUNS} runs: wall time, CPU time")
    for label, argv in [("python -c pass", [sys.executable, "-c", "pass"])] + \
            [("briefing " + " ".join(args), briefing + args) for args in COMMANDS]:
        wall, cpu = median_seconds(argv)
        print(f"  {label:<28} {wall:.3f} s  {cpu:.3f} s CPU")


if __name__ == "__main__":
    main()
