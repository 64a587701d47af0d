"""The HTML e-mail: one self-contained file that mail clients render well."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from briefing.rendering import render_to_memory
from tests.fixtures.render.fictional_day import day_briefing, settings


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture(scope="module")
def html() -> str:
    return render_to_memory(day_briefing(), settings(), ["html"])["html"]


@pytest.fixture(scope="module")
def elements(html) -> Elements:
    parser = Elements()
    parser.feed(html)
    return parser


def test_no_script_svg_or_external_stylesheet(elements):
    names = {tag for tag, _ in elements.tags}
    assert not names & {"script", "svg", "link", "iframe", "object"}


def test_styles_are_inline_and_only_media_rules_stay_in_the_head(html, elements):
    styled = [attrs for tag, attrs in elements.tags if "style" in attrs]
    assert len(styled) > 50
    head_css = "".join(re.findall(r"<style>(.*?)</style>", html, re.S))
    outside_media = re.sub(r"@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", "", head_css)
    assert outside_media.strip() == ""
    assert "@media (prefers-color-scheme: dark)" in head_css


def test_layout_tables_are_presentational_and_600_px_wide(elements):
    tables = [attrs for tag, attrs in elements.tags if tag == "table"]
    layout = [attrs for attrs in tables if "figures" not in attrs.get("class", "")]
    assert layout and all(attrs.get("role") == "presentation" for attrs in layout)
    assert any(attrs.get("width") == "600" and "width: 600px" in attrs["style"] for attrs in layout)


def test_the_data_table_has_column_headers(elements):
    headers = [attrs for tag, attrs in elements.tags if tag == "th"]
    assert [attrs.get("scope") for attrs in headers] == ["col", "col", "col"]


def test_language_and_hidden_preheader(html, elements):
    assert elements.tags[0] == ("html", {"lang": "en"})
    preheader = next(attrs for tag, attrs in elements.tags if attrs.get("class") == "preheader")
    assert "display: none" in preheader["style"]
    assert re.search(r'class="preheader"[^>]*>Velmora ferry runs aground in storm, 212 passengers taken off<', html)


def test_no_flexbox_css_variables_or_web_fonts(html):
    assert "flex" not in html
    assert "var(" not in html and "--" not in re.sub(r"<!--.*?-->", "", html, flags=re.S).replace("-->", "")
    assert "@font-face" not in html and "@import" not in html
    families = set(re.findall(r"font-family: ([^;\"]+)", html))
    allowed = {"Arial", "Helvetica", "sans-serif", "Georgia", "'Times New Roman'", "serif"}
    assert all({f.strip() for f in family.split(",")} <= allowed for family in families)


def test_a_normal_day_is_under_100_kb(html):
    assert len(html.encode("utf-8")) < 100_000


def test_article_text_is_escaped(html, elements):
    assert "<script>alert" not in html and "<b>regional</b>" not in html
    assert "&lt;script&gt;alert" in html
    assert "Chess | Kastrin club's 11-year-old wins <b>regional</b> title" in "".join(elements.text)


def test_links_go_to_the_web_or_inside_the_email(elements):
    hrefs = [attrs["href"] for tag, attrs in elements.tags if tag == "a"]
    assert hrefs and all(h.startswith(("https://", "#story-")) for h in hrefs)


def test_every_section_is_there_with_its_content(elements):
    text = " ".join("".join(elements.text).split())
    for expected in (
        "Tuesday, 10 March 2026", "Issue 34 · 7 articles from 6 sources · times in Warsaw (CET)",
        "At a glance", "The day in numbers", "€1.2 billion plan for a new tram line",
        "“Everyone is safe, and that is the only thing that matters tonight.” — Irena Sokal, Velmora harbour master",
        "22:15 · Coastal Courier and NWA · also reported by Harbour Radio", "Also today",
        "Port strike talks to resume on Thursday", "1 file was rejected: broken.json (not valid JSON at line 3)",
        "Made 11 March 2026, 06:30 CET.",
    ):
        assert expected in text
