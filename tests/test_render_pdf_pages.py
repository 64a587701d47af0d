"""The PDF's pages, read back with pdftotext page by page: no heading left at the foot of a page,
the running header names the section being read, and no last page holds only the sources.

Long fictional days (tests/fixtures/render/long_days.py) in several variants put the page
breaks in many different places.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from briefing.composition import SectionLink, compose
from briefing.config import PdfSection
from briefing.rendering import render_to_memory
from briefing.selection import Period
from tests.fixtures.render.fictional_day import GENERATED_AT, settings
from tests.fixtures.render.long_days import long_day

PDFTOTEXT = shutil.which("pdftotext")
pytestmark = pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler-utils) is not installed")
DAY = date(2026, 3, 10)
#: (what, variant, page size): A4 as printed; small pages put many more breaks in each document
RENDERINGS = (*(("day", variant, "A4") for variant in range(3)), *(("day", variant, "A5 landscape") for variant in range(3)),
              ("digest", 0, "A4"), ("digest", 1, "A5"))


@dataclass
class Rendered:
    briefing: object
    pages: list[list[str]]  # each page's lines of text, without blank lines, header and footer
    headers: list[str]  # each page's running header (the section named at its top right); "" on page 1


def read_pages(pdf: Path) -> tuple[list[list[str]], list[str]]:
    pages, headers = [], []
    number = 1
    while True:
        done = subprocess.run([PDFTOTEXT, "-layout", "-f", str(number), "-l", str(number), str(pdf), "-"],
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            return pages, headers
        lines = [line for line in done.stdout.splitlines() if line.strip()]
        if not lines:
            return pages, headers
        assert lines[-1].strip().startswith(f"Page {number} of "), lines[-1]
        lines = lines[:-1]
        header = ""
        if number > 1:
            title, _, header = lines[0].partition("   ")
            assert title.startswith("Morning Briefing — "), lines[0]
            lines = lines[1:]
        pages.append([line.strip() for line in lines])
        headers.append(header.strip())
        number += 1


def render(briefing, folder: Path, page_size: str) -> Rendered:
    pdf = folder / "briefing.pdf"
    pdf.write_bytes(render_to_memory(briefing, settings(pdf=PdfSection(page_size=page_size)), ["pdf"])["pdf"])
    pages, headers = read_pages(pdf)
    return Rendered(briefing, pages, headers)


def daily(variant: int):
    return compose(settings(), Period.day(DAY), long_day(variant, DAY), issue_number=34, generated_at=GENERATED_AT)


def digest(variant: int):
    days = [DAY - timedelta(days=back) for back in (2, 1, 0)]
    articles = [a for n, day in enumerate(days) for a in long_day(variant, day, articles=16, first_id=100 * n + 1)]
    return compose(settings(), Period(days[0], days[-1]), articles, issue_number=35, generated_at=GENERATED_AT)


@pytest.fixture(scope="module")
def renderings(tmp_path_factory) -> list[Rendered]:
    makers = {"day": daily, "digest": digest}
    made = [render(makers[what](variant), tmp_path_factory.mktemp(f"{what}-{variant}"), size)
            for what, variant, size in RENDERINGS]
    assert all(len(r.pages) >= 2 for r in made), "each variant should fill several pages"
    return made


def section_titles(briefing) -> dict[str, SectionLink]:
    """The section headings as the PDF prints them (upper-case, by print.css) -> their sections."""
    return {link.title.upper(): link for link in briefing.contents}


def where(rendered: Rendered, test) -> list[tuple[int, int]]:
    """(page, line) of every line that passes ``test``."""
    return [(p, n) for p, lines in enumerate(rendered.pages) for n, line in enumerate(lines) if test(line)]


def test_no_heading_is_the_last_line_of_a_page(renderings):
    for rendered in renderings:
        briefing = rendered.briefing
        headings = set(section_titles(briefing)) | {g.name for g in briefing.also_today}
        headings |= {d.label for d in briefing.days if briefing.masthead.is_digest}
        last_lines = [lines[-1] for lines in rendered.pages[:-1]]
        assert not [line for line in last_lines if line in headings], briefing.masthead.edition_date


def test_a_story_headline_stays_on_the_page_of_its_lead(renderings):
    checked = 0
    for rendered in renderings:
        lines = [(page, line) for page, text in enumerate(rendered.pages) for line in text]
        top = next(printed for printed, link in section_titles(rendered.briefing).items() if link.anchor == "top-stories")
        start = next(n for n, (_, line) in enumerate(lines) if line == top)
        for story in shown_top_stories(rendered.briefing):
            # the headline's first line in "Top stories", then its lead's first line after it
            start = next(n for n in range(start, len(lines)) if begins(story.headline, lines[n][1]))
            lead = next(n for n in range(start, len(lines)) if begins(story.lead, lines[n][1]))
            assert lines[start][0] == lines[lead][0], f"{story.headline!r} ends page {lines[start][0] + 1}"
            checked += 1
    assert checked >= 40


def shown_top_stories(briefing):
    """The top stories in the order the PDF shows them (a digest: day by day)."""
    if briefing.masthead.is_digest:
        return [story for day in briefing.days for story in day.top_stories]
    return list(briefing.top_stories)


def begins(text: str, line: str) -> bool:
    return len(line) >= 10 and text.startswith(line)


def test_the_running_header_names_the_section_being_read_at_the_top_of_the_page(renderings):
    changes = 0
    for rendered in renderings:
        titles = section_titles(rendered.briefing)
        reading = ""
        for number, (lines, header) in enumerate(zip(rendered.pages, rendered.headers, strict=True), start=1):
            if number > 1:
                expected = titles[lines[0]].title if lines[0] in titles else reading  # one starting at the top
                assert header == expected, f"page {number}: header {header!r}, reading {expected!r}"
                changes += header != rendered.headers[number - 2]
            for line in lines:
                reading = titles[line].title if line in titles else reading
    assert changes >= 3


def test_the_last_page_is_never_the_sources_alone(renderings):
    for rendered in renderings:
        last = rendered.pages[-1]
        assert last[0] != "SOURCES AND NOTES", rendered.briefing.masthead.edition_date
        assert "SOURCES AND NOTES" in last
