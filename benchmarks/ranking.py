"""How our story ranking agrees with an editor's on the fictional editor-ranked days of tests/fixtures/ranking.

    .venv/bin/python benchmarks/ranking.py

Prints the lead, top-three overlap and rank correlation, then each day's order
as the editor's ranks of our stories (1 2 3 ... is a perfect match).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.fixtures.ranking.editor_days import agreement, load_days, our_order  # noqa: E402


def main() -> None:
    days = load_days()
    print(agreement(days).line())
    for day in days:
        ranks = [day.editor_order.index(title) + 1 for title in our_order(day)]
        print(f"{day.day}: editor's ranks in our order: {' '.join(map(str, ranks))}")


if __name__ == "__main__":
    main()
