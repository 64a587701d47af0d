"""End to end: `briefing ingest` the seed, `briefing generate` its day, read the three files back."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt
from pypdf import PdfReader

from tests.conftest import SEED, briefing_cli, need_shared

HEADLINE = "NATO chief says Ukraine peace deal will require 'difficult choices'"


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def seed_day(tmp_path_factory):
    need_shared()
    tmp = tmp_path_factory.mktemp("e2e")
    config = tmp / "config.yaml"
    config.write_text(
        f"store:\n  path: {tmp / 'store.sqlite3'}\narticles:\n  folder: {tmp / 'articles'}\n"
        f"output:\n  folder: {tmp / 'output'}\n  formats: [md, html, pdf]\n",
        encoding="utf-8",
    )
    ingested = briefing_cli("ingest", "--config", str(config), str(SEED))
    assert ingested.returncode == 0, ingested.stderr
    generated = briefing_cli("generate", "--config", str(config), "--date", "2026-02-03")
    assert generated.returncode == 0, generated.stderr
    return tmp / "output" / "2026-02-03"


def test_the_three_renderings_are_written(seed_day):
    assert sorted(p.name for p in seed_day.iterdir() if not p.name.startswith(".")) == [
        "briefing.html", "briefing.md", "briefing.pdf"]


def test_the_markdown_parses_and_shows_headline_figures_and_speaker(seed_day):
    text = (seed_day / "briefing.md").read_text(encoding="utf-8")
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    assert any(t.type == "heading_open" for t in tokens)
    assert any(t.type == "table_open" for t in tokens), "the figures are a table"
    assert HEADLINE in text
    for figure in ("450", "drones", "70", "missiles", "-20", "°C"):
        assert figure in text
    assert "Mark Rutte" in text


def test_the_html_email_has_no_script_and_inline_styles(seed_day):
    html = (seed_day / "briefing.html").read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert re.search(r'<(td|table|p|h1)[^>]* style="[^"]+"', html), "CSS is inlined"
    assert "NATO chief says Ukraine peace deal will require &#39;difficult choices&#39;" in html or HEADLINE in html
    assert "450" in html and "Mark Rutte" in html


def test_the_pdf_reads_back_with_headline_and_a_figure(seed_day):
    reader = PdfReader(seed_day / "briefing.pdf")
    text = flat(" ".join(page.extract_text() for page in reader.pages))
    assert flat(HEADLINE).replace("'", "’") in text.replace("'", "’")
    assert "450" in text and "drones" in text


def test_generate_without_a_date_is_a_usage_error(tmp_path, make_config):
    result = briefing_cli("generate", "--config", str(make_config()))
    assert result.returncode == 2
    assert "give --date, or both --from and --to" in result.stderr


def test_a_bad_config_is_one_line_naming_file_and_key(tmp_path):
    config = tmp_path / "config.yaml"
    config.write_text("output:\n  fromats: [md]\n", encoding="utf-8")
    result = briefing_cli("generate", "--config", str(config), "--date", "2026-02-03")
    assert result.returncode == 2
    assert result.stderr == f"briefing: error: {config}: unknown key 'output.fromats'\n"
