"""Hostile configuration (issue 16, cause 11): refused at load, on one line, before anything runs.

The attack run found an invalid ``first_issue_date`` and CR/LF in header
values crashing ``generate`` with a traceback, an alias bomb taking 2.2 GB,
``time_limit: .inf`` turning the template limit off, duplicate keys silently
winning and an empty edition keyword matching every article. Each is now a
one-line error from ``briefing generate`` with exit code 2 and nothing written.
"""

from __future__ import annotations

import resource
import time

import pytest

from briefing.cli import main


def alias_bomb(levels: int = 9) -> str:
    """The "billion laughs" in YAML: nine lists of nine aliases of the list before (9**9 strings)."""
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        lines.append(f"l{level}: &l{level} [{', '.join([f'*l{level - 1}'] * 9)}]")
    return "\n".join(lines)


def generate(tmp_path, capsys, config_text: str) -> tuple[int, str]:
    path = tmp_path / "config.yaml"
    path.write_text(config_text + f"\noutput: {{folder: {tmp_path / 'output'}}}\n"
                    f"store: {{path: {tmp_path / 'store.sqlite3'}}}\narticles: {{folder: {tmp_path}}}\n",
                    encoding="utf-8")
    code = main(["generate", "--config", str(path), "--date", "2026-02-03"])
    err = capsys.readouterr().err
    assert not (tmp_path / "output").exists()
    assert not (tmp_path / "store.sqlite3").exists()
    return code, err.replace(f"{path}: ", "")


@pytest.mark.parametrize(("text", "message"), [
    ("briefing: {first_issue_date: '2026-13-01'}",
     "key 'briefing.first_issue_date': 2026-13-01 is not a date: there is no month 13, the months are 01 to 12"),
    ('email: {subject: "Briefing\\r\\nBcc: everyone@example.com"}',
     "key 'email.subject': must be one line of text: it holds a line break or control character, "
     "which would break the e-mail's headers"),
    ("templates: {time_limit: .inf}", "key 'templates.time_limit': Input should be a finite number, got inf"),
    ("pdf: {tagged: true}\npdf: {tagged: false}", "key 'pdf' is given twice (line 2); keep one"),
    ("editions: [{name: desk, filter: {keywords: ['']}}]",
     "key 'editions.0.filter.keywords': holds an empty entry, which would match every article; remove it"),
])
def test_generate_stops_on_one_line_before_doing_anything(tmp_path, capsys, text, message):
    code, err = generate(tmp_path, capsys, text)
    assert (code, err) == (2, f"briefing: error: {message}\n")


def test_an_alias_bomb_is_refused_quickly_and_small(tmp_path, capsys):
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    code, err = generate(tmp_path, capsys, alias_bomb() + "\nemail: {recipients: *l8}")
    assert (code, err) == (2, "briefing: error: its aliases expand to more than 100,000 values (an alias bomb?)\n")
    assert time.monotonic() - started < 5  # it took minutes and 2.2 GB before
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50_000  # KiB: under 50 MB more


def test_an_alias_that_contains_itself_is_refused(tmp_path, capsys):
    code, err = generate(tmp_path, capsys, "editions: &loop [*loop]")
    assert (code, err) == (2, "briefing: error: an alias refers to itself (line 1)\n")
