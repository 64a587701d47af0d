"""Golden files: the renderings of the fictional day, compared exactly.

A change to the templates or the composition shows here as a diff to review.
When the change is meant, regenerate the files with one command and commit
them with it:

    scripts/regen-golden        (or: BRIEFING_REGEN_GOLDEN=1 pytest tests/test_render_golden.py)
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing.rendering import render_to_memory
from tests.fixtures.render.fictional_day import day_briefing, settings, week_briefing

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("BRIEFING_REGEN_GOLDEN") == "1"


def pdf_text(data: bytes) -> str:
    pages = PdfReader(io.BytesIO(data)).pages
    return "".join(f"--- page {n} ---\n{page.extract_text()}\n" for n, page in enumerate(pages, start=1))


def renderings() -> dict[str, str]:
    day = render_to_memory(day_briefing(), settings(), ["md", "txt", "html", "pdf"])
    week = render_to_memory(week_briefing(), settings(), ["md"])
    return {
        "fictional-day.md": day["md"],
        "fictional-day.txt": day["txt"],
        "fictional-day.html": day["html"],
        "fictional-day.pdf.txt": pdf_text(day["pdf"]),
        "fictional-week.md": week["md"],
    }


@pytest.fixture(scope="module")
def rendered() -> dict[str, str]:
    outputs = renderings()
    if REGENERATE:
        GOLDEN.mkdir(exist_ok=True)
        for name, text in outputs.items():
            (GOLDEN / name).write_text(text, encoding="utf-8")
    return outputs


@pytest.mark.parametrize("name", ["fictional-day.md", "fictional-day.txt", "fictional-day.html", "fictional-day.pdf.txt", "fictional-week.md"])
def test_rendering_matches_its_golden_file(rendered, name):
    golden = GOLDEN / name
    assert golden.is_file(), f"{golden} is missing; run scripts/regen-golden"
    assert rendered[name] == golden.read_text(encoding="utf-8"), f"{name} differs; if meant, run scripts/regen-golden"
