"""The PDF, read back: pages, running header and footer, bookmarks, metadata, fonts, tags."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from briefing.config import PdfSection
from briefing.rendering import render_to_memory
from tests.fixtures.render.fictional_day import day_briefing, settings, week_briefing


@pytest.fixture(scope="module")
def pdf_bytes() -> bytes:
    return render_to_memory(day_briefing(), settings(), ["pdf"])["pdf"]


@pytest.fixture(scope="module")
def pdf(pdf_bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf_bytes))


def page_text(reader: PdfReader, number: int) -> str:
    return " ".join(reader.pages[number].extract_text().split())


def test_the_text_holds_the_headline_a_figure_and_a_quote(pdf):
    text = " ".join(page_text(pdf, n) for n in range(len(pdf.pages)))
    assert "Velmora ferry runs aground in storm, 212 passengers taken off" in text
    assert "€1.2 billion" in text
    assert "Everyone is safe, and that is the only thing that matters tonight" in text


def test_pages_are_numbered_page_n_of_m(pdf):
    count = len(pdf.pages)
    assert count >= 2  # the fictional day runs over two pages (three before quotes were one per person)
    for number in range(count):
        assert f"Page {number + 1} of {count}" in page_text(pdf, number)


def test_later_pages_carry_a_running_header_with_name_and_date(pdf):
    assert "Morning Briefing — Tuesday, 10 March 2026" in page_text(pdf, 1)


def test_one_bookmark_per_section_and_the_stories_beneath_top_stories(pdf):
    outline = pdf.outline
    sections = [item.title for item in outline if not isinstance(item, list)]
    assert sections == ["At a glance", "The day in numbers", "Quotes of the day", "Top stories", "Also today",
                        "Sources and notes"]
    stories = outline[outline.index(next(i for i in outline if getattr(i, "title", "") == "Top stories")) + 1]
    assert [item.title for item in stories][0] == "Velmora ferry runs aground in storm, 212 passengers taken off"
    assert len(stories) == 5


def test_metadata_title_author_language_and_date(pdf):
    meta = pdf.metadata
    assert meta.title == "Morning Briefing — Tuesday, 10 March 2026"
    assert meta.author == "Morning Briefing"
    assert meta.creation_date.isoformat().startswith("2026-03-11T06:30:00")
    assert pdf.trailer["/Root"]["/Lang"] == "en"


def test_a4_by_default_and_letter_when_configured(pdf):
    assert [round(float(v)) for v in pdf.pages[0].mediabox[2:]] == [595, 842]
    letter = render_to_memory(day_briefing(), settings(pdf=PdfSection(page_size="letter")), ["pdf"])["pdf"]
    assert [round(float(v)) for v in PdfReader(io.BytesIO(letter)).pages[0].mediabox[2:]] == [612, 792]


def test_tagged_for_accessibility(pdf):
    root = pdf.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) is True
    assert "/StructTreeRoot" in root


@pytest.mark.skipif(not shutil.which("pdffonts"), reason="poppler-utils' pdffonts is not installed")
def test_every_font_is_embedded(tmp_path, pdf_bytes):
    path = tmp_path / "briefing.pdf"
    path.write_bytes(pdf_bytes)
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = listing.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows)


def test_a_digest_has_a_table_of_contents_with_page_numbers():
    reader = PdfReader(io.BytesIO(render_to_memory(week_briefing(), settings(), ["pdf"])["pdf"]))
    first = page_text(reader, 0)
    assert "CONTENTS" in first
    assert re.search(r"Sunday, 8 March 2026 \.+ ?2", first)
    outline_titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert "Top stories by day" in outline_titles


def test_untagged_when_configured_off():
    data = render_to_memory(day_briefing(), settings(pdf=PdfSection(tagged=False)), ["pdf"])["pdf"]
    root = PdfReader(io.BytesIO(data)).trailer["/Root"]
    assert "/StructTreeRoot" not in root
