"""Benchmark: compose and render a day of 50 realistic articles (~600 words each, as a newsroom's).

Prints each step's time (best of --repeat runs), the whole generation's time
and the process's peak memory, beside WeasyPrint's own time for the same print
HTML (``HTML(string=...).write_pdf()`` with the same options), so the cost of
our PDF step over WeasyPrint's is visible.

    .venv/bin/python benchmarks/render.py [--articles 50] [--repeat 5]

Targets: PDF step within 1.2x of WeasyPrint's own render; whole day under 3 s
and 300 MB.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from weasyprint import CSS, HTML  # noqa: E402

from briefing.composition import compose  # noqa: E402
from briefing.extraction import extract  # noqa: E402
from briefing.models import StoredArticle  # noqa: E402
from briefing.rendering import render_formats  # noqa: E402
from briefing.rendering.environment import make_environment, render_template  # noqa: E402
from briefing.rendering.fetcher import TemplatesOnlyFetcher  # noqa: E402
from briefing.rendering.registry import RenderJob  # noqa: E402
from tests.fixtures.newsday import generated_day  # noqa: E402
from tests.fixtures.render.fictional_day import GENERATED_AT, period, settings  # noqa: E402


def realistic_day(count: int) -> list[StoredArticle]:
    """A day of ``count`` generated ~600-word articles (10% near-duplicates), extracted once, before the timing."""
    return [StoredArticle(article, extract(article)) for article in generated_day(count).articles]


def best_time(function, repeat: int) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return best, result


def weasyprint_alone(html: str, config) -> bytes:
    """WeasyPrint's own render of the same HTML with the same options, nothing of ours around it."""
    folder = config.templates_folder
    return HTML(string=html, base_url=folder.as_uri() + "/", url_fetcher=TemplatesOnlyFetcher([folder])).write_pdf(
        stylesheets=[CSS(string="@page { size: A4 }")], pdf_variant="pdf/ua-1", pdf_tags=True
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    articles = realistic_day(args.articles)
    config = settings(briefing={})

    def make_briefing():
        return compose(config, period(), articles, issue_number=1, generated_at=GENERATED_AT)

    compose_time, briefing = best_time(make_briefing, args.repeat)
    environment = make_environment(config)
    steps = {}
    for name in ("md", "html", "pdf", "eml"):
        def one_format(name=name):
            job = RenderJob(briefing, config, environment)
            if name == "eml":  # the message alone: the parts it holds are made beforehand
                job.output("md"), job.output("html")
                start = time.perf_counter()
                job.output("eml")
                return time.perf_counter() - start
            return job.output(name)
        if name == "eml":
            steps[name] = min(one_format() for _ in range(args.repeat))
        else:
            steps[name], output = best_time(one_format, args.repeat)
        if name == "pdf":
            pdf_size = len(output)
        if name == "html":
            html_size = len(output.encode("utf-8"))
    print_html = render_template(environment, "briefing.pdf.html.j2", briefing=briefing)
    template_time, _ = best_time(lambda: render_template(environment, "briefing.pdf.html.j2", briefing=briefing),
                                 args.repeat)
    weasy_time, _ = best_time(lambda: weasyprint_alone(print_html, config), args.repeat)

    with tempfile.TemporaryDirectory() as out:
        def whole_day():
            render_formats(make_briefing(), config, ["md", "html", "pdf", "eml"], Path(out))

        whole_time, _ = best_time(whole_day, args.repeat)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    stories = len(briefing.top_stories) + sum(len(g.stories) for g in briefing.also_today)
    print(f"day of {len(articles)} articles ({stories} stories), best of {args.repeat} runs")
    print(f"  compose                     {compose_time * 1000:8.1f} ms")
    print(f"  markdown                    {steps['md'] * 1000:8.1f} ms")
    print(f"  html e-mail (with inlining) {steps['html'] * 1000:8.1f} ms   {html_size / 1024:.1f} KB")
    print(f"  pdf                         {steps['pdf'] * 1000:8.1f} ms   {pdf_size / 1024:.1f} KB")
    print(f"    of which the template     {template_time * 1000:8.1f} ms")
    print(f"  weasyprint alone, same HTML {weasy_time * 1000:8.1f} ms   pdf step / weasyprint = {steps['pdf'] / weasy_time:.2f}x")
    print(f"  eml (message only)          {steps['eml'] * 1000:8.1f} ms")
    print(f"  whole day (compose + 4 formats written) {whole_time:6.2f} s   target < 3 s")
    print(f"  peak memory (max RSS)       {peak_mb:8.1f} MB   target < 300 MB")


if __name__ == "__main__":
    main()
