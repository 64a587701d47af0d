"""Hostile templates (issue 16, causes 3 and 4): every payload is stopped, quickly, small, and named.

Each test writes a user template over the defaults and renders the sample
day's Markdown for real, with a time limit of 1 s. A payload is refused
before it runs when its size can be told from what it asks (a width, a count,
the lengths it joins); one that is merely slow is killed with its process at
the time limit plus one second. Every rendering's process stays under the
memory ceiling: what the parent held plus ``MEMORY_CEILING`` (1 GiB).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.rendering import watchdog
from tests.test_preview import fetch, start_preview, stop, store_with_fixture_articles
from tests.test_templates_sandbox import LIMIT, REPO, refusal

CAP = "20,000,000"
#: template -> the message it is refused with (after "mine/briefing.md.j2:1: ")
REFUSED_AT_ONCE = {
    "{{ 'x'|center(1000000000) }}": "center: a width of 1,000,000,000 is more than 100,000",
    "{{ '%01000000000d'|format(1) }}": "%-format: a width or precision of 1000000000 is more than 100,000",
    "{{ '{:>1000000000}'.format(1) }}": "str.format: a width or precision of 1000000000 is more than 100,000",
    "{{ '{:{}}'.format(1, 1000000000) }}": "str.format: a width or precision of 1000000000 is more than 100,000",
    "{{ '{a:>{w}}'.format_map({'a': 1, 'w': 1000000000}) }}":
        "str.format: a width or precision of 1000000000 is more than 100,000",
    "{{ '%.1000000000f' % 1.0 }}": "%-format: a width or precision of 1000000000 is more than 100,000",
    "{{ '%*d' % (1000000000, 1) }}": "%-format: a width or precision given by * is not allowed",
    "{% set s = 'x' * 10000000 %}{{ s ~ s ~ s }}": f"joining with ~ made 30,000,000 characters or items, more than {CAP}",
    "{% set ns = namespace(s='xx') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}":
        f"joining with ~ made 33,554,432 characters or items, more than {CAP}",
    "{{ ('x' * 10000000)|replace('x', 'yyy') }}": f"replace would make 30,000,000 characters or items, more than {CAP}",
    "{{ lipsum(100000000) }}": "lipsum(100000000, ...) would make more than 100,000 words",
    "{{ lipsum(1, max=1000000000) }}": "lipsum(1, ...) would make more than 100,000 words",
    "{{ 'x'.ljust(1000000000) }}": "ljust(): a width of 1,000,000,000 is more than 100,000",
    "{{ 'x'.zfill(1000000000) }}": "zfill(): a width of 1,000,000,000 is more than 100,000",
    "{{ 'a\tb'.expandtabs(1000000000) }}": f"expandtabs() would make 1,000,000,003 characters or items, more than {CAP}",
    "{{ ('x' * 10000000).replace('x', 'yyy') }}": f"replace() would make 30,000,000 characters or items, more than {CAP}",
    "{% set l = [1] %}{% for i in range(40) %}{{ l.extend(l) }}{% endfor %}":
        f"extend() would make 33,554,432 characters or items, more than {CAP}",
    "{{ (['x' * 10000000] * 1000)|join }}": f"join would make 10,000,000,000 characters or items, more than {CAP}",
    "{{ ', '.join(['x' * 10000000] * 3) }}": f"join() would make 30,000,004 characters or items, more than {CAP}",
    "{{ ('x' * 10000000) + ('x' * 10000000) + ('x' * 10000000) }}":
        f"adding would make 30,000,000 characters or items, more than {CAP}",
    "{{ [1]|batch(1000000000, 0)|list }}": "batch: a width of 1,000,000,000 is more than 100,000",
    "{{ [1]|slice(1000000000)|list }}": "slice: a width of 1,000,000,000 is more than 100,000",
    "{{ ('x\\n' * 5000000)|indent(10) }}": f"indent would make 60,000,010 characters or items, more than {CAP}",
}


@pytest.mark.parametrize("template", REFUSED_AT_ONCE)
def test_a_step_that_would_make_something_huge_is_refused_before_it_runs(tmp_path, template):
    started = time.monotonic()
    message = refusal(tmp_path, template)
    assert message == f"mine/briefing.md.j2:1: {REFUSED_AT_ONCE[template]}"
    assert time.monotonic() - started < LIMIT + 2
    assert not watchdog.last_usage.killed


def test_a_rendering_longer_than_the_output_cap_is_refused(tmp_path):
    message = refusal(tmp_path, "{% for i in range(100000) %}{{ 'x' * 1000 }}{% endfor %}")
    assert message == "mine/briefing.md.j2: the rendering is longer than 5,000,000 characters"


#: payloads no size check can see coming: slow single steps, or quadratic ones the clock catches
SLOW = {
    "wordwrap(1) of a long word": ("{{ ('x' * 1000000)|wordwrap(1) }}", "killed"),
    "sum(start=[]) of many lists": ("{{ range(100000)|batch(1)|sum(start=[]) }}", "clock"),
}


@pytest.mark.parametrize("name", SLOW)
def test_a_slow_step_is_stopped_within_the_time_limit_and_two_seconds(tmp_path, name):
    template, how = SLOW[name]
    started = time.monotonic()
    message = refusal(tmp_path, template)
    took = time.monotonic() - started
    if how == "killed":
        assert message == f"mine/briefing.md.j2: rendering took longer than {LIMIT:g} s and was stopped (an endless loop?)"
        assert watchdog.last_usage.killed
    else:
        assert message == f"mine/briefing.md.j2:1: rendering took longer than {LIMIT:g} s (an endless loop?)"
    assert LIMIT <= took < LIMIT + 2
    assert watchdog.last_usage.peak_rss_bytes < _rss() + watchdog.MEMORY_CEILING


def test_a_rendering_that_hoards_memory_is_stopped_at_the_ceiling(tmp_path):
    hoard = "{% set kept = [] %}{% for i in range(200) %}{{ kept.append([0] * 19000000) }}{% endfor %}"
    message = refusal(tmp_path, hoard, limit=30)  # a loaded machine takes seconds to fill a gigabyte
    assert message == "mine/briefing.md.j2: the rendering needed more than 1,024 MB of memory and was stopped"
    assert watchdog.last_usage.peak_rss_bytes < _rss() + watchdog.MEMORY_CEILING


def test_nothing_is_left_running_after_a_kill(tmp_path):
    refusal(tmp_path, "{{ ('x' * 1000000)|wordwrap(1) }}")
    assert watchdog.last_usage.killed
    assert not Path(f"/proc/{watchdog.last_usage.pid}").exists()  # killed and reaped: no runaway, no zombie


def _rss() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _linked_folder(tmp_path: Path) -> Path:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:not for the briefing\n", encoding="utf-8")
    mine = tmp_path / "linked"
    mine.mkdir()
    (mine / "pw").symlink_to(secret)
    (mine / "briefing.md.j2").write_text("{% include 'pw' %}\n", encoding="utf-8")
    return mine


def test_a_link_out_of_the_templates_folder_is_refused_when_rendering(tmp_path, make_config):
    mine = _linked_folder(tmp_path)
    code = main(["generate", "--config", str(make_config(output={"formats": ["md"]})), "--date", "2026-02-03",
                 "--templates", str(mine)])
    assert code == 1
    assert not list((tmp_path / "output").rglob("briefing.md"))


def test_templates_check_reports_a_link_out_of_the_folder(tmp_path, capsys, make_config):
    mine = _linked_folder(tmp_path)
    code = main(["templates", "check", "--config", str(make_config()), str(mine)])
    out = capsys.readouterr().out
    refused = f"{mine / 'pw'}: refused: it leads to {tmp_path / 'secret.txt'}, outside the templates folder {mine}"
    assert code == 1
    assert refused in out.splitlines()
    assert "not for the briefing" not in out


def test_templates_check_does_not_hang_on_a_runaway_template(tmp_path, capsys, make_config):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "briefing.md.j2").write_text("{{ ('x' * 1000000)|wordwrap(1) }}\n", encoding="utf-8")
    started = time.monotonic()
    code = main(["templates", "check", "--config", str(make_config(templates={"time_limit": LIMIT})), str(mine)])
    lines = capsys.readouterr().out.splitlines()
    assert code == 1
    assert f"{mine / 'briefing.md.j2'}: rendering took longer than 1 s and was stopped (an endless loop?)" in lines
    assert time.monotonic() - started < 60  # four Markdown renderings stopped at 2 s each, and the rest


def test_the_preview_stays_responsive_while_a_runaway_template_is_stopped(tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "briefing.md.j2").write_text("# {{ briefing.title }}\n{{ ('x' * 1000000)|wordwrap(1) }}\n",
                                         encoding="utf-8")
    config = tmp_path / "config.yaml"
    config.write_text(f"store:\n  path: {store_with_fixture_articles(tmp_path)}\n"
                      f"templates:\n  folder: {REPO / 'briefing' / 'templates'}\n  time_limit: {LIMIT}\n",
                      encoding="utf-8")
    process, url = start_preview(config, "--templates", str(mine), "--port", "0")
    try:
        page: list = []
        loading = threading.Thread(target=lambda: page.append(fetch(url + "?date=2026-03-20")))
        loading.start()
        time.sleep(0.5)  # the Markdown rendering is running now, for a second and a half more
        answers = []
        while loading.is_alive() and len(answers) < 5:
            started = time.monotonic()
            status, _kind, body = fetch(url + "version")
            answers.append((status, time.monotonic() - started))
        loading.join(timeout=60)
        assert answers and all(status == 200 and took < 1.0 for status, took in answers), answers
        status, _kind, body = page[0]
        assert status == 500
        assert "rendering took longer than 1 s and was stopped" in body.decode("utf-8")
    finally:
        stop(process)


#: a filter on a constant runs while the template is compiled (Jinja folds constants): no rendering has begun.
#: Folding this one takes about 15 s here (it grows faster than the string), far above the 1 s limit on
#: any machine, so the test never depends on how fast the machine is; it is stopped at the limit.
FOLDED_AT_COMPILE = "{{ '" + "x" * 1_000_000 + "'|wordwrap(1) }}\n"


def test_a_slow_step_folded_at_compile_time_is_stopped_too(tmp_path):
    message = refusal(tmp_path, FOLDED_AT_COMPILE)
    assert message == f"mine/briefing.md.j2: rendering took longer than {LIMIT:g} s and was stopped (an endless loop?)"


def test_templates_check_stops_a_slow_compile_and_says_so(tmp_path, capsys, make_config):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "briefing.md.j2").write_text(FOLDED_AT_COMPILE, encoding="utf-8")
    code = main(["templates", "check", "--config", str(make_config(templates={"time_limit": LIMIT})), str(mine)])
    lines = capsys.readouterr().out.splitlines()
    defaults = REPO / "briefing" / "templates"
    assert code == 1
    assert lines[-2:] == [
        f"{mine} over {defaults}: compiling the templates took longer than 1 s and was stopped (an endless loop?)",
        f"1 problem in {mine} over {defaults}.",
    ]


def test_a_sigterm_to_the_whole_group_lets_the_rendering_finish(tmp_path):
    """systemd stops a service by signalling every process of it: the run in progress must still finish."""
    probe = (
        "import os, signal, threading, time\n"
        "from briefing.rendering.watchdog import run_isolated\n"
        "signal.signal(signal.SIGTERM, lambda *a: print('parent got SIGTERM', flush=True))\n"
        "threading.Timer(0.5, lambda: os.killpg(0, signal.SIGTERM)).start()\n"
        "print(run_isolated(lambda: (time.sleep(1.5), 'rendered')[1], time_limit=5, template='t'), flush=True)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60,
                          start_new_session=True, check=False)  # a process group of its own, as under systemd
    assert done.stdout.splitlines() == ["parent got SIGTERM", "rendered"], done.stderr
