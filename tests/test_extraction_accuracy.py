"""The extractor against the annotated corpus, scored by ../shared/tools/score_extraction.py.

The corpus is a sample: these floors are the issue's requirements, not the
corpus's own numbers, so the test fails as soon as a change costs accuracy.
"""

from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import REPO, SHARED, need_shared

SCORER = SHARED / "tools" / "score_extraction.py"
FLOORS = {"figures_f1": 0.97, "quotes_f1": 0.97, "attribution": 0.95}


def test_the_corpus_scores_above_the_floors():
    need_shared()
    extract = f"{sys.executable} -m briefing extract --json"
    run = subprocess.run([sys.executable, str(SCORER), "--extract", extract],
                         cwd=REPO, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    last = run.stdout.strip().splitlines()[-1]
    scores = {name: float(value) for name, value in re.findall(r"(\w+)=([\d.]+)", last)}
    below = {name: scores.get(name) for name, floor in FLOORS.items() if scores.get(name, 0.0) < floor}
    assert not below, f"below the floors {FLOORS}: {last}\n{run.stdout}"
