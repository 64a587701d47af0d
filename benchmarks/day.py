"""A newsroom's real day: N generated ~600-word articles ingested and generated in all formats.

For each N (default 50, 300 and 2,000), in a fresh process each so peak memory
is the day's own: the day's articles (fictional, ``tests/fixtures/newsday.py``,
10% near-duplicate rewrites) are written as JSON files into the article
folder, then

1. ``generate`` (first): takes the folder in, selects, extracts, groups,
   ranks, composes and renders md, html, pdf and eml: the wall time a user waits;
2. ``generate`` again (nothing new to take in, extractions cached);
   (1 and 2 run in this process, its imports done; ``briefing generate`` run as a
   process of its own, as a user or the scheduler starts it, is timed too: its
   imports and the store's set-up add about a second and a half);
3. each stage on its own, timed the way ``generate`` runs it: ingest,
   selection, extraction of the new articles (on every core from
   ``enrich.PARALLEL_FROM`` articles on), saving the extractions, extraction
   cached, grouping alone, ranking alone, composition (grouping, ranking and
   wording together), and each rendering;

and prints the times, the e-mail's HTML size, the PDF's pages and two peaks of
RSS: that of ``briefing generate`` run as a process of its own (what a day's
generation takes), and that of this benchmark's process, which also holds the
generated day and runs every stage again in-process.

In ``generate`` some stages overlap, so the stages add up to more than its wall
time: the PDF's process loads WeasyPrint and the workers extract the day's
articles while the folder is taken in (a briefing never made before), the
stories are grouped while the workers extract, and the extractions are stored
while the PDF renders.

    .venv/bin/python benchmarks/day.py [--articles 50,300,2000] [--repeat 3]

Targets (issue 15): 300 articles under 3 s and 2,000 under 12 s of wall time,
peak RSS under 300 MB at 2,000, the second generation no slower than the first.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pypdf import PdfReader  # noqa: E402

from briefing.composition import compose  # noqa: E402
from briefing.composition.ranking import rank_story  # noqa: E402
from briefing.composition.stories import group_stories  # noqa: E402
from briefing.config import load_settings  # noqa: E402
from briefing.editions import select_articles  # noqa: E402
from briefing.enrich import PARALLEL_FROM, extract_all, with_current_extractions  # noqa: E402
from briefing.generation import generate  # noqa: E402
from briefing.ingest import ingest_paths  # noqa: E402
from briefing.models import Article  # noqa: E402
from briefing.rendering import make_environment  # noqa: E402
from briefing.rendering.registry import RenderJob  # noqa: E402
from briefing.selection import Period  # noqa: E402
from briefing.store import Store  # noqa: E402
from briefing.workers import cores  # noqa: E402
from tests.fixtures.newsday import generated_day  # noqa: E402

DAY = date(2026, 3, 10)
FORMATS = ("md", "html", "pdf", "eml")


def write_day(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for article in generated_day(count, day=DAY).articles:
        (folder / f"{article.id:05d}.json").write_text(json.dumps(as_json(article)), encoding="utf-8")


def as_json(article: Article) -> dict:
    return {"title": article.title, "published": article.published.isoformat(), "section": article.section,
            "source": article.source, "url": article.url, "lead": article.lead, "body": list(article.body)}


def settings_in(folder: Path):
    return load_settings(config_in(folder))


def config_in(folder: Path, articles: Path | None = None) -> Path:
    """A config.yaml in ``folder``: the store and the output there, the articles of ``articles``."""
    config = folder / "config.yaml"
    config.write_text(
        f"store: {{path: {folder / 'store.sqlite3'}}}\narticles: {{folder: {articles or folder / 'articles'}}}\n"
        f"output: {{folder: {folder / 'output'}, formats: [{', '.join(FORMATS)}]}}\n", encoding="utf-8")
    return config


# Starts a command and prints its wall time and peak RSS. It runs as a small process of its own because
# Linux counts in a process's peak RSS the memory of the process it was started from (forked, then
# exec'd): started from this benchmark, which holds the day and has run it, `briefing generate` would
# report this benchmark's peak, not its own.
_MEASURED_RUN = """
import os, subprocess, sys, time
start = time.perf_counter()
process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(process.pid, 0)
print(time.perf_counter() - start, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status))
"""


def cli_first(folder: Path) -> tuple[float, float]:
    """``briefing generate`` as a user or the scheduler runs it: a process of its own, its imports and
    the store's set-up included, on a fresh store of the same articles. Returns its wall time and its
    peak RSS in MB (as the kernel reports it for a process waited for: the largest of the process and
    the workers it waited for)."""
    fresh = folder / "cli"
    fresh.mkdir()
    command = [sys.executable, "-m", "briefing", "generate", "--config", str(config_in(fresh, folder / "articles")),
               "--date", DAY.isoformat()]
    measured = subprocess.run([sys.executable, "-c", _MEASURED_RUN, *command], cwd=REPO, check=True,
                              capture_output=True, text=True).stdout.split()
    elapsed, peak_mb, exit_code = float(measured[0]), float(measured[1]), int(measured[2])
    if exit_code:
        sys.exit(f"briefing generate failed with exit code {exit_code}")
    return elapsed, peak_mb


def timed(function):
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def stages(folder: Path) -> dict[str, float]:
    """Each stage on its own, on a fresh store of the same articles."""
    settings = settings_in(folder)
    settings = settings.model_copy(update={"store": settings.store.model_copy(
        update={"path": folder / "stages.sqlite3"})})
    times: dict[str, float] = {}
    with Store(settings.store_url) as store:
        times["ingest (read + store)"], _ = timed(lambda: ingest_paths(store, [settings.articles_folder]))
        window = Period.day(DAY).window(settings.zone)
        times["selection"], selected = timed(lambda: select_articles(store, settings, *window))
        times[f"extraction ({workers(selected)})"], fresh = timed(lambda: extract_all([s.article for s in selected]))
        times["saving extractions"], _ = timed(lambda: store.save_extractions(zip((s.id for s in selected), fresh, strict=True)))
        reselected = select_articles(store, settings, *window)
        times["extraction, cached"], articles = timed(lambda: with_current_extractions(store, reselected))
    times["grouping (stories)"], groups = timed(lambda: group_stories(articles, settings.zone))
    times["ranking"], _ = timed(lambda: [rank_story(group, window) for group in groups])
    times["composition (all of it)"], briefing = timed(lambda: compose(settings, Period.day(DAY), articles,
                                                                        issue_number=1, generated_at=window[1]))
    job = RenderJob(briefing, settings, make_environment(settings))
    for name in FORMATS:
        times[f"render {name}"], _ = timed(lambda name=name: job.output(name))
    return times


def workers(selected: list) -> str:
    many = len(selected) >= PARALLEL_FROM and cores() > 1
    return f"{cores()} workers" if many else "in-process"


def one_day(count: int, repeat: int) -> None:
    """Runs in its own process: the day of ``count`` articles, ``repeat`` times; prints one block."""
    firsts, seconds, clis, cli_peaks, split = [], [], [], [], []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            write_day(folder / "articles", count)
            settings = settings_in(folder)
            first, reports = timed(lambda settings=settings: generate(settings, Period.day(DAY), formats=FORMATS))
            # made again on purpose (--force): the extractions are cached now
            second, _ = timed(lambda settings=settings: generate(settings, Period.day(DAY), formats=FORMATS,
                                                                 force=True))
            result = reports[0]
            firsts.append(first)
            seconds.append(second)
            split.append(stages(folder))
            cli_time, cli_peak = cli_first(folder)
            clis.append(cli_time)
            cli_peaks.append(cli_peak)
            html_kb = Path(result.files["html"]).stat().st_size / 1024
            pages = len(PdfReader(io.BytesIO(Path(result.files["pdf"]).read_bytes())).pages)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{count} articles, {repeat} runs: generate first {_runs(firsts)} s, second {_runs(seconds)} s; "
          f"e-mail HTML {html_kb:.0f} KB; PDF {pages} pages")
    print(f"    `briefing generate`, a process of its own, first: {_runs(clis)} s; "
          f"peak RSS {max(cli_peaks):.0f} MB")
    print(f"    peak RSS of this benchmark's process (the day's articles, both generations and every stage "
          f"run again in-process): {peak:.0f} MB")
    for stage in split[0]:
        print(f"    {stage:<24} {_runs([times[stage] for times in split])} s")


def _runs(values: list[float]) -> str:
    return " / ".join(f"{v:.2f}" for v in values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", default="50,300,2000", help="comma-separated day sizes")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one_day(args.one, args.repeat)
        return
    for count in (int(n) for n in args.articles.split(",")):
        subprocess.run([sys.executable, __file__, "--one", str(count), "--repeat", str(args.repeat)], check=True)


if __name__ == "__main__":
    main()
