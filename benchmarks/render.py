"""Benchmark: compose and render a day of 50 articles.

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
import random
import resource
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from weasyprint import CSS, HTML  # noqa: E402

from briefing.composition import compose  # noqa: E402
from briefing.models import Article, Extraction, Figure, Quote, StoredArticle  # noqa: E402
from briefing.rendering import render_formats  # noqa: E402
from briefing.rendering.environment import make_environment, render_template  # noqa: E402
from briefing.rendering.fetcher import TemplatesOnlyFetcher  # noqa: E402
from briefing.rendering.registry import RenderJob  # noqa: E402
from tests.fixtures.render.fictional_day import GENERATED_AT, at, period, settings  # noqa: E402

PLACES = ["Velmora", "Kastrin", "Dunholt", "Orvik", "Brennau", "Teslin", "Marrow", "Quillan", "Saverne", "Ulmet"]
NOUNS = ["bridge", "council", "hospital", "school", "harbour", "railway", "budget", "factory", "museum", "stadium",
         "festival", "court", "airport", "library", "market", "reservoir", "tram", "ferry", "orchestra", "clinic"]
VERBS = ["approves", "opens", "closes", "delays", "repairs", "expands", "rejects", "funds", "reviews", "celebrates"]
SECTIONS = ["Cities", "Transport", "Health", "Business", "Culture", "Sport", "Weather", ""]
SOURCES = ["Coastal Courier", "Kastrin Daily", "Dunholt Herald", "Harbour Radio", "Northern Wire"]
UNITS = ["passengers", "homes", "jobs", "beds", "trains", "visitors", "EUR", "km", "°C", "percent"]
SPEAKERS = ["Irena Sokal", "Tomasz Wren", "Anna Feld", "Mila Varga", "Oskar Lind", "Petra Holm", "Jonas Berg"]


def fictional_article(rng: random.Random, number: int) -> StoredArticle:
    """A made-up article with its own words, figures and quotes."""
    place, noun, verb = rng.choice(PLACES), rng.choice(NOUNS), rng.choice(VERBS)
    words = [f"{rng.choice(NOUNS)}{rng.randint(1, 999)}" for _ in range(120)]  # distinct text: no false duplicates
    lead = f"{place} {verb} its {noun} plan on Tuesday, officials said. " + " ".join(words[:20]) + "."
    body = tuple(" ".join(words[i : i + 25]) + "." for i in range(20, 120, 25))
    figures = tuple(
        Figure(value=float(rng.choice([12, 450, 1000, 2.5, 1.2e6, 3e9, -18])), unit=rng.choice(UNITS),
               qualifier=rng.choice(["", "more than", "about"]), text=f"figure {n}",
               sentence=f"The {noun} counted figure {n} {rng.choice(NOUNS)} this week.", segment=2,
               salience=rng.random())
        for n in range(rng.randint(0, 5))
    )
    quotes = tuple(
        Quote(text=f"We will {rng.choice(VERBS)} the {rng.choice(NOUNS)} before {rng.choice(PLACES)} does it {n}",
              speaker=rng.choice(SPEAKERS), partial=rng.random() < 0.3, role="spokesperson", salience=rng.random())
        for n in range(rng.randint(0, 3))
    )
    article = Article(
        title=f"{place} {verb} {noun} plan ({number})", published=at(6) + timedelta(minutes=17 * number),
        lead=lead, body=body, section=rng.choice(SECTIONS), source=rng.choice(SOURCES),
        url=f"https://news.example/{number}", id=number,
    )
    return StoredArticle(article, Extraction(figures=figures, quotes=quotes))


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
    rng = random.Random(7)
    articles = [fictional_article(rng, n) for n in range(1, args.articles + 1)]
    config = settings()

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
