"""What the template safety costs: clocked loops, `templates check`, preview renderings.

Workloads (the sample briefings of briefing.rendering.sample, fictional):
  * a 100,000-item `{% for %}` loop, in Jinja's plain sandbox and in briefing's
    (every item looks at the clock): microseconds per item;
  * the three renderings of the sample day, in briefing's environment;
  * `briefing templates check` of the default templates (9 renderings);
  * the cost of rendering in a child process (watchdog.py): each template
    rendered in-process and through the forked child, best of 5.

    python benchmarks/templates.py
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from pathlib import Path

from jinja2.sandbox import SandboxedEnvironment

from briefing.config import Settings
from briefing.rendering import environment as environment_module
from briefing.rendering import make_environment, render_to_memory, watchdog
from briefing.rendering.checks import check_templates
from briefing.rendering.environment import render_here, render_template
from briefing.rendering.sample import sample_briefings

REPO = Path(__file__).resolve().parents[1]
LOOP = "{% for i in range(100000) %}{{ i }}{% endfor %}"
ITEMS = 100_000


def best_of(runs: int, work) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        timings.append(time.perf_counter() - started)
    return min(timings)


@contextmanager
def in_process_rendering():
    """Render without the watchdog's child process, to measure what it costs."""
    original = watchdog.run_isolated
    environment_module.run_isolated = _call_directly
    try:
        yield
    finally:
        environment_module.run_isolated = original


def _call_directly(work, **_options):
    return work()


def main() -> None:
    settings = Settings(base_dir=REPO)
    plain = SandboxedEnvironment().from_string(LOOP)
    timed_environment = make_environment(settings)
    timed_environment.deadline = time.monotonic() + 3600  # as render_template sets it
    timed = timed_environment.from_string(LOOP)
    plain_s, timed_s = best_of(5, plain.render), best_of(5, timed.render)
    print(f"loop of {ITEMS:,} items: plain sandbox {plain_s / ITEMS * 1e6:.3f} µs/item, "
          f"clocked {timed_s / ITEMS * 1e6:.3f} µs/item (+{(timed_s / plain_s - 1) * 100:.0f}%)")

    daily = sample_briefings(settings)["daily"]
    for formats in (("md",), ("html",), ("pdf",)):
        seconds = best_of(3, lambda formats=formats: render_to_memory(daily, settings, formats))
        print(f"sample day, {formats[0]}: {seconds * 1000:.1f} ms")

    environment = make_environment(settings)
    for template in ("briefing.md.j2", "briefing.html.j2", "briefing.pdf.html.j2"):
        here = best_of(5, lambda t=template: render_here(environment, t, briefing=daily))
        isolated = best_of(5, lambda t=template: render_template(environment, t, briefing=daily))
        print(f"{template}: in-process {here * 1000:.1f} ms, in a child process {isolated * 1000:.1f} ms "
              f"(+{(isolated - here) * 1000:.1f} ms)")

    def preview_refresh() -> None:  # as the preview renders a day: each format on its own
        for name in ("md", "html", "pdf"):
            render_to_memory(daily, settings, (name,))

    isolated = best_of(3, preview_refresh)
    with in_process_rendering():
        here = best_of(3, preview_refresh)
    print(f"preview refresh (md, html, pdf): {isolated * 1000:.0f} ms with child processes, "
          f"{here * 1000:.0f} ms without (+{(isolated - here) * 1000:.0f} ms)")

    started = time.perf_counter()
    report = check_templates(settings)
    print(f"templates check: {report.renderings} renderings in {time.perf_counter() - started:.2f} s, "
          f"{len(report.problems)} problems")


if __name__ == "__main__":
    main()
