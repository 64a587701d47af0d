"""A user's templates folder overrides the defaults file by file.

The user copies one partial (a macros file), changes the heading of the
figures table in it, and every rendering that uses the partial changes in
exactly that place and nowhere else; the renderings that do not use it stay
byte for byte (the PDF: word for word) as they were.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing.config import Settings
from briefing.rendering import render_to_memory
from briefing.rendering.sample import sample_briefings

REPO = Path(__file__).resolve().parents[1]
DEFAULTS = REPO / "briefing" / "templates"

#: partial -> (the edit made in the copy, and what it changes in each rendering)
EDITS = {
    "_macros.html.j2": (
        (">Figure</th>", ">Amount</th>"),
        {"md": None, "html": (">Figure</th>", ">Amount</th>"), "pdf": ("FIGURE WHAT STORY", "AMOUNT WHAT STORY")},
    ),
    "_macros.md.j2": (
        ("| Figure | What | Story |", "| Amount | What | Story |"),
        {"md": ("| Figure | What | Story |", "| Amount | What | Story |"), "html": None, "pdf": None},
    ),
}


def renderings(settings: Settings) -> dict[str, str]:
    """The sample day's Markdown, e-mail and PDF (as its text) under ``settings``."""
    made = render_to_memory(sample_briefings(settings)["daily"], settings, ["md", "html", "pdf"])
    pdf = PdfReader(io.BytesIO(made["pdf"]))
    return {"md": made["md"], "html": made["html"], "pdf": "\n".join(page.extract_text() for page in pdf.pages)}


@pytest.fixture(scope="module")
def defaults() -> dict[str, str]:
    return renderings(Settings(base_dir=REPO))


@pytest.mark.parametrize("partial", EDITS)
def test_overriding_one_partial_changes_only_that_part(tmp_path, defaults, partial):
    (old, new), changes = EDITS[partial]
    mine = tmp_path / "mine"
    mine.mkdir()
    text = (DEFAULTS / partial).read_text(encoding="utf-8")
    assert text.count(old) == 1, f"the default {partial} changed: update this test's edit"
    (mine / partial).write_text(text.replace(old, new), encoding="utf-8")

    overridden = renderings(Settings(base_dir=REPO).with_user_templates(mine))

    for name, change in changes.items():
        if change is None:
            assert overridden[name] == defaults[name], f"{name} changed, though it does not use {partial}"
        else:
            assert defaults[name].count(change[0]) == 1
            assert overridden[name] == defaults[name].replace(*change), f"{name} changed elsewhere too"


def test_generate_takes_a_templates_folder_for_one_run(tmp_path, make_config):
    mine = tmp_path / "mine"
    mine.mkdir()
    shutil.copyfile(DEFAULTS / "_macros.md.j2", mine / "_macros.md.j2")
    (mine / "briefing.md.j2").write_text(
        '{% extends "default:briefing.md.j2" %}\n{% block bottom %}\nFrom my own folder.\n\n{% endblock %}\n',
        encoding="utf-8",
    )
    config = make_config(output={"formats": ["md"]})
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "generate", "--config", str(config), "--date", "2026-03-20",
         "--templates", str(mine)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "output" / "2026-03-20" / "briefing.md").read_text(encoding="utf-8")
    assert re.search(r"No articles were stored for Friday, 20 March 2026\.\n\nFrom my own folder\.\n", text)
