"""A 30-day range: one briefing per day, on one core and on all cores.

The sample articles are copied onto every day of the range (re-dated and
re-titled, so each day has its own articles), stored and extracted once, then
``run_days`` (the range path of ``briefing generate``) renders Markdown, HTML and PDF for every day, first with one
process and then with one per core.

    python benchmarks/range.py [--days 30] [--formats md,html,pdf]

Target (issue "A briefing worth reading"): at least 1.7x faster on 2 cores than on one.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from briefing.config import load_settings
from briefing.enrich import with_current_extractions
from briefing.generation import run_days
from briefing.readers import find_article_files, read_file
from briefing.selection import Period
from briefing.store import Store

REPO = Path(__file__).resolve().parents[1]
FIRST_DAY = date(2026, 3, 1)


def fill_store(settings, period: Period) -> int:
    """Store the sample articles once per day of the range and extract them all."""
    days = len(period.days)
    samples = [a for path in find_article_files([REPO / "samples" / "articles"]) for a in read_file(path)]
    anchor = min(a.published for a in samples).date()
    articles = [
        replace(a, title=f"{a.title} (day {n + 1})",
                published=a.published + timedelta(days=(FIRST_DAY - anchor).days + n), url="", id=None)
        for n in range(days)
        for a in samples
    ]
    with Store(settings.store_path) as store:
        store.add_articles(articles)
        with_current_extractions(store, store.articles_between(*period.window(settings.zone)))
    return len(articles)


def timed_range(settings, period: Period, formats: tuple[str, ...], jobs: int) -> float:
    began = time.perf_counter()
    reports = run_days(settings, period, formats=formats, jobs=jobs, force=True)  # force: the second pass remakes
    elapsed = time.perf_counter() - began
    failed = [r for r in reports if r.outcome != "ok"]
    if failed:
        raise SystemExit(f"{len(failed)} day(s) failed, e.g. {failed[0].period.slug}: {failed[0].error}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--formats", default="md,html,pdf")
    args = parser.parse_args()
    formats = tuple(args.formats.split(","))
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        config = folder / "config.yaml"
        config.write_text(
            f"store: {{path: {folder / 'store.sqlite3'}}}\narticles: {{folder: {folder / 'none'}}}\n"
            f"output: {{folder: {folder / 'output'}}}\n",
            encoding="utf-8",
        )
        settings = load_settings(config)
        period = Period(FIRST_DAY, FIRST_DAY + timedelta(days=args.days - 1))
        stored = fill_store(settings, period)
        print(f"{args.days} days, {stored} articles stored, formats {','.join(formats)}")
        one = timed_range(settings, period, formats, jobs=1)
        print(f"1 process:   {one:.2f} s ({one / args.days * 1000:.0f} ms a day)")
        many = timed_range(settings, period, formats, jobs=cores)
        print(f"{cores} processes: {many:.2f} s ({many / args.days * 1000:.0f} ms a day)")
        print(f"speed-up on {cores} cores: {one / many:.2f}x")


if __name__ == "__main__":
    main()
