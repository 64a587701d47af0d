"""The PDF's process started ahead: it loads WeasyPrint while the briefing is composed, then renders.

What a user relies on: the same PDF as rendered on the spot, the generating
process never loading WeasyPrint itself, and no process left behind, whether
the work was given, never given (composition failed), or the child died.
"""

from __future__ import annotations

import functools
import io
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing.errors import TemplateError
from briefing.rendering import render_to_memory, start_ahead
from briefing.rendering.watchdog import Isolated
from tests.fixtures.render.fictional_day import day_briefing, settings

_prepared: list[str] = []


def _prepare() -> None:
    _prepared.append("ready")


def _report_prepared(extra: str) -> str:
    return ",".join([*_prepared, extra])


def _exit_at_once() -> None:
    os._exit(3)


def _gone(pid: int) -> bool:
    return not Path(f"/proc/{pid}").exists()


def test_a_child_started_ahead_prepares_then_runs_the_work_it_is_sent():
    child = Isolated.ahead(_prepare)
    child.send(functools.partial(_report_prepared, "work"))
    assert child.result(time_limit=30, template="t") == "ready,work"  # prepared in the child, not here
    assert _prepared == []
    assert _gone(child.pid)


def test_work_is_read_though_a_process_forked_meanwhile_holds_the_pipe():
    """A worker pool forked after the child was started holds a copy of every pipe: the work must not wait
    for an end of file only that copy's closing would give."""
    child = Isolated.ahead(_prepare)
    holder = os.fork()
    if holder == 0:  # a process that holds every descriptor open, as a worker would, and does nothing
        import time

        time.sleep(60)
        os._exit(0)
    try:
        child.send(functools.partial(_report_prepared, "work"))
        assert child.result(time_limit=20, template="t") == "ready,work"
    finally:
        os.kill(holder, 9)
        os.waitpid(holder, 0)
    assert _gone(child.pid)


def test_a_child_never_given_work_is_stopped_and_reaped():
    child = Isolated.ahead(_prepare)
    child.stop()
    assert _gone(child.pid)


def test_a_child_that_died_while_preparing_is_reported_not_waited_for():
    child = Isolated.ahead(_exit_at_once)
    child.send(functools.partial(_report_prepared, "work"))
    with pytest.raises(TemplateError, match="stopped without a result"):
        child.result(time_limit=30, template="briefing.pdf")
    assert _gone(child.pid)


def test_the_pdf_made_ahead_is_the_pdf_made_on_the_spot():
    briefing, config = day_briefing(), settings()
    ahead = start_ahead(["md", "pdf"])
    assert set(ahead) == {"pdf"}
    made_ahead = render_to_memory(briefing, config, ["md", "pdf"], ahead=ahead)
    on_the_spot = render_to_memory(briefing, config, ["pdf"])
    assert made_ahead["md"] == render_to_memory(briefing, config, ["md"])["md"]
    texts = [[page.extract_text() for page in PdfReader(io.BytesIO(made[fmt])).pages]
             for made, fmt in ((made_ahead, "pdf"), (on_the_spot, "pdf"))]
    assert texts[0] == texts[1]
    assert _gone(ahead["pdf"].pid)


def test_formats_without_a_pdf_start_nothing_ahead():
    assert start_ahead(["md", "html", "eml"]) == {}


_GENERATE = textwrap.dedent("""
    import sys
    from datetime import date
    from briefing.config import load_settings
    from briefing.generation import generate
    from briefing.selection import Period
    reports = generate(load_settings(sys.argv[1]), Period.day(date(2026, 2, 3)), formats=("md", "pdf"))
    print("pdf" in reports[0].files, "weasyprint" in sys.modules)
""")


def test_generating_a_pdf_never_loads_weasyprint_in_the_generating_process(make_config):
    """WeasyPrint takes over a second to load: only the PDF's own process, started ahead, loads it."""
    config = make_config()
    done = subprocess.run([sys.executable, "-c", _GENERATE, str(config)], capture_output=True, text=True,
                          timeout=120, check=True)
    assert done.stdout.split() == ["True", "False"]


def test_a_failed_composition_leaves_no_process_started_ahead(make_config, monkeypatch):
    from datetime import date

    from briefing import generation
    from briefing.config import load_settings
    from briefing.selection import Period

    started: list[Isolated] = []

    def recording(formats):
        started.extend(start_ahead(formats).values())
        return {"pdf": started[-1]}

    def failing(*args, **kwargs):
        raise RuntimeError("composition failed")

    monkeypatch.setattr("briefing.rendering.start_ahead", recording)
    monkeypatch.setattr(generation, "compose_briefing", failing)
    with pytest.raises(RuntimeError, match="composition failed"):
        generation.make_briefing(load_settings(make_config()), Period.day(date(2026, 2, 3)), formats=("md", "pdf"))
    assert started and all(_gone(child.pid) for child in started)


def _recording_events(monkeypatch) -> list[str]:
    from briefing import generation, rendering

    events: list[str] = []
    real_ingest, real_start = generation.ingest_article_folder, rendering.start_ahead

    def ingest(*args, **kwargs):
        events.append("ingest")
        return real_ingest(*args, **kwargs)

    def start(formats):
        events.append(f"start {','.join(sorted(formats))}")
        return real_start(formats)

    monkeypatch.setattr(generation, "ingest_article_folder", ingest)
    monkeypatch.setattr("briefing.rendering.start_ahead", start)
    return events


def test_a_briefing_never_made_starts_its_pdf_process_before_taking_the_articles_in(make_config, monkeypatch):
    from datetime import date

    from briefing.config import load_settings
    from briefing.generation import run_briefing
    from briefing.selection import Period

    settings = load_settings(make_config())
    events = _recording_events(monkeypatch)
    report = run_briefing(settings, Period.day(date(2026, 2, 3)), formats=["md", "pdf"])
    assert report.outcome == "ok" and "pdf" in report.files
    assert events == ["start md,pdf", "ingest"]  # once, first: make_briefing starts nothing more

    events.clear()  # made now: a second run takes the articles in, finds nothing changed, starts nothing
    again = run_briefing(settings, Period.day(date(2026, 2, 3)), formats=["md", "pdf"])
    assert again.outcome != "ok" or again.files == {}
    assert events == ["ingest"]
