"""The template environment: user overrides, sandbox, errors with file and line, filters."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.composition.wording import number_in_words, plural
from briefing.config import TemplatesSection
from briefing.errors import TemplateError
from briefing.rendering import render_to_memory
from briefing.rendering.filters import join_and, md, md_cell
from tests.fixtures.render.fictional_day import REPO, day_briefing, settings


def with_user_templates(folder: Path, **files: str):
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name.replace("__", ".")).write_text(text, encoding="utf-8")
    return settings(templates=TemplatesSection(folder=REPO / "briefing" / "templates", user_folder=folder))


def render(config, fmt: str):
    return render_to_memory(day_briefing(config), config, [fmt])[fmt]


def test_a_user_file_overrides_the_default_file_by_file(tmp_path):
    config = with_user_templates(tmp_path / "mine", email__css=".body { background-color: #012345; }")
    html = render(config, "html")
    assert "background-color: #012345" in html
    assert "#f3f0e8" not in html
    assert render(config, "md") == render(settings(), "md")


def test_a_user_template_extends_the_default_it_replaces(tmp_path):
    config = with_user_templates(
        tmp_path / "mine",
        briefing__md__j2='{% extends "default:briefing.md.j2" %}\n'
                         "{% block bottom %}## Weather\n\nSunny, {{ briefing.masthead.issue_number }}.\n\n{% endblock %}\n",
    )
    text = render(config, "md")
    assert "## Weather\n\nSunny, 34.\n\n## Sources and notes" in text
    assert text.startswith("# Morning Briefing — Tuesday, 10 March 2026")


def test_a_syntax_error_names_the_file_and_line(tmp_path):
    config = with_user_templates(tmp_path / "mine", briefing__md__j2="# {{ briefing.title }}\n{% if %}\n")
    with pytest.raises(TemplateError) as caught:
        render(config, "md")
    path = tmp_path / "mine" / "briefing.md.j2"
    assert str(caught.value) == f"{path}:2: syntax error: Expected an expression, got 'end of statement block'"
    assert (caught.value.template, caught.value.line) == (str(path), 2)


def test_a_misspelt_field_is_an_error_not_a_blank(tmp_path):
    config = with_user_templates(tmp_path / "mine", briefing__md__j2="# {{ briefing.title }}\n\n{{ briefing.masthead.nmae }}\n")
    with pytest.raises(TemplateError) as caught:
        render(config, "md")
    path = tmp_path / "mine" / "briefing.md.j2"
    assert str(caught.value) == (
        f"{path}:3: 'briefing.masthead.nmae' is undefined; briefing.masthead has: name, edition_date, first_day, "
        "last_day, is_digest, zone, zone_in_words, issue_number, article_count, source_count, counts_line, language"
    )


def test_the_sandbox_keeps_templates_out_of_python(tmp_path):
    config = with_user_templates(
        tmp_path / "mine", briefing__md__j2="{{ briefing.generated_at.__class__ }}\n"
    )
    with pytest.raises(TemplateError) as caught:
        render(config, "md")
    path = tmp_path / "mine" / "briefing.md.j2"
    assert str(caught.value) == f"{path}:1: SecurityError: access to attribute '__class__' of 'datetime' object is unsafe."


def test_a_missing_template_names_the_folders_searched(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    config = settings(templates=TemplatesSection(folder=empty))
    with pytest.raises(TemplateError) as caught:
        render(config, "md")
    assert str(caught.value) == f"briefing.md.j2: template 'briefing.md.j2' not found in {empty}"


def test_article_text_is_escaped_in_html_templates_a_user_writes(tmp_path):
    config = with_user_templates(
        tmp_path / "mine", briefing__html__j2="<p>{{ briefing.also_today[0].stories[0].headline }}</p>"
    )
    assert render(config, "html") == (
        "<html><head></head><body><p>Chess | Kastrin club's 11-year-old wins &lt;b&gt;regional&lt;/b&gt; title</p></body></html>"
    )


@pytest.mark.parametrize(("value", "said"), [
    (450, "450"), (1000, "1,000"), (2.5, "2.5"), (1_200_000, "1.2 million"), (1e6, "1 million"),
    (-20, "-20"), (12_400_000_000, "12.4 billion"), (500_000, "500,000"),
])
def test_numbers_read_as_a_reader_says_them(value, said):
    assert number_in_words(value) == said


def test_plural_and_lists():
    assert plural(1, "article") == "1 article"
    assert plural(12, "article") == "12 articles"
    assert plural(2, "person", "people") == "2 people"
    assert join_and(["PAP"]) == "PAP"
    assert join_and(["PAP", "IAR", "Reuters"]) == "PAP, IAR and Reuters"


def test_markdown_escaping():
    assert md("a *b* [c](d) <e> | f_g") == r"a \*b\* \[c\](d) \<e\> \| f\_g"
    assert md("- not a list") == r"\- not a list"
    assert md("-20 °C stays readable") == "-20 °C stays readable"
    assert md_cell("two\nlines | here") == r"two lines \| here"


def test_a_runaway_template_is_stopped_at_the_time_limit(tmp_path):
    config = with_user_templates(
        tmp_path / "mine",
        briefing__md__j2="# {{ briefing.title }}\n"
                         "{% for i in range(99999) %}{% for j in range(99999) %}{{ j }}{% endfor %}{% endfor %}\n",
    )
    config = config.model_copy(update={"templates": config.templates.model_copy(update={"time_limit": 0.2})})
    with pytest.raises(TemplateError) as caught:
        render(config, "md")
    path = tmp_path / "mine" / "briefing.md.j2"
    assert str(caught.value) == f"{path}:2: rendering took longer than 0.2 s (an endless loop?)"
