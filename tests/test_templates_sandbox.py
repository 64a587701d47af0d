"""Templates are sandboxed and time-limited: no way into Python, no endless rendering.

Each test writes a user template over the defaults and renders the sample
day's Markdown for real; the time limit is set to 1 s.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from briefing.config import Settings, TemplatesSection
from briefing.errors import TemplateError
from briefing.rendering import render_to_memory
from briefing.rendering.sample import sample_briefings

REPO = Path(__file__).resolve().parents[1]
LIMIT = 1.0


def render_user_markdown(folder: Path, template: str, limit: float = LIMIT) -> str:
    folder.mkdir(exist_ok=True)
    (folder / "briefing.md.j2").write_text(template, encoding="utf-8")
    settings = Settings(
        base_dir=REPO, templates=TemplatesSection(folder=REPO / "briefing" / "templates", user_folder=folder, time_limit=limit)
    )
    return render_to_memory(sample_briefings(settings)["daily"], settings, ["md"])["md"]


def refusal(tmp_path: Path, template: str, limit: float = LIMIT) -> str:
    with pytest.raises(TemplateError) as caught:
        render_user_markdown(tmp_path / "mine", template, limit)
    return str(caught.value).replace(str(tmp_path / "mine"), "mine")


@pytest.mark.parametrize(("template", "message"), [
    ("{{ ''.__class__ }}", "SecurityError: access to attribute '__class__' of 'str' object is unsafe."),
    ("{{ ''.__class__.__mro__ }}", "SecurityError: access to attribute '__class__' of 'str' object is unsafe."),
    ("{{ briefing.__class__ }}", "SecurityError: access to attribute '__class__' of 'Briefing' object is unsafe."),
    ("{{ briefing.masthead.name.format.__globals__ }}",
     "SecurityError: access to attribute '__globals__' of 'function' object is unsafe."),
])
def test_python_internals_are_refused(tmp_path, template, message):
    assert refusal(tmp_path, template) == f"mine/briefing.md.j2:1: {message}"


#: name: (template, the line it is stopped at)
RUNAWAYS = {
    "loops in loops": ("# {{ briefing.title }}\n"
                       "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}\n", 2),
    "a loop over long text": ("{% set text = 'x' * 10000000 %}\n\n"
                              "{% for a in text %}{% for b in text %}{% endfor %}{% endfor %}\n", 3),
    "a macro calling itself twice": ("# {{ briefing.title }}\n"
                                     "{% macro grow(n) %}{% if n %}{{ grow(n - 1) }}{{ grow(n - 1) }}{% endif %}"
                                     "{% endmacro %}\n\n{{ grow(60) }}\n", 2),
}


@pytest.mark.parametrize("name", RUNAWAYS)
def test_a_runaway_template_is_stopped_at_the_time_limit(tmp_path, name):
    template, line = RUNAWAYS[name]
    threads = threading.active_count()
    started = time.monotonic()
    message = refusal(tmp_path, template)
    took = time.monotonic() - started
    assert message == f"mine/briefing.md.j2:{line}: rendering took longer than 1 s (an endless loop?)"
    assert took >= LIMIT  # stopped by the limit, not by something else
    assert threading.active_count() == threads
    cpu = time.process_time()
    time.sleep(0.3)
    assert time.process_time() - cpu < 0.1, "something is still rendering"


@pytest.mark.parametrize(("template", "message"), [
    ("{% macro again() %}{{ again() }}{% endmacro %}{{ again() }}",
     "mine/briefing.md.j2:1: a macro calls itself (or macros call each other) without end: "
     "the recursion limit was reached"),
    ("{{ 'x' * 100000000 }}", "mine/briefing.md.j2:1: repeating 1 items 100,000,000 times makes more than 20,000,000"),
    ("{{ 10 ** 100000000 }}", "mine/briefing.md.j2:1: 10 ** 100000000 is too large a number to work with"),
    ("{{ range(1000000) | list }}",
     "mine/briefing.md.j2:1: OverflowError: Range too big. The sandbox blocks ranges larger than MAX_RANGE (100000)."),
])
def test_single_steps_that_would_take_long_are_refused_at_once(tmp_path, template, message):
    assert refusal(tmp_path, template) == message


def test_within_the_limit_a_template_may_loop_freely(tmp_path):
    text = render_user_markdown(tmp_path / "mine", "{% for i in range(3) %}{{ i }}{% endfor %}"
                                                    "{% for s in briefing.top_stories %} {{ loop.index }}/{{ loop.length }}"
                                                    "{% endfor %}\n")
    assert text == "012 1/5 2/5 3/5 4/5 5/5\n"
