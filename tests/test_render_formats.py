"""render_formats: every asked format written into the briefing's folder, atomically."""

from __future__ import annotations

import pytest

from briefing.config import TemplatesSection
from briefing.errors import RenderError, TemplateError
from briefing.rendering import render_formats
from tests.fixtures.render.fictional_day import REPO, day_briefing, settings


def test_writes_each_format_and_returns_its_path(tmp_path):
    out = tmp_path / "output" / "2026-03-10"
    paths = render_formats(day_briefing(), settings(), ["md", "html", "pdf", "eml"], out)
    assert paths == {
        "md": out / "briefing.md", "html": out / "briefing.html", "pdf": out / "briefing.pdf", "eml": out / "briefing.eml",
    }
    assert paths["md"].read_text(encoding="utf-8").startswith("# Morning Briefing — Tuesday, 10 March 2026")
    assert paths["pdf"].read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in out.iterdir()) == ["briefing.eml", "briefing.html", "briefing.md", "briefing.pdf"]


def test_only_the_asked_formats(tmp_path):
    paths = render_formats(day_briefing(), settings(), ["md"], tmp_path)
    assert list(paths) == ["md"]
    assert [p.name for p in tmp_path.iterdir()] == ["briefing.md"]


def test_an_unknown_format_is_refused(tmp_path):
    with pytest.raises(RenderError) as caught:
        render_formats(day_briefing(), settings(), ["md", "docx"], tmp_path)
    assert str(caught.value) == "unknown format 'docx', expected some of md, html, pdf, eml, txt, json, appendix"


def test_a_failing_template_leaves_the_previous_files_as_they_were(tmp_path):
    out = tmp_path / "out"
    render_formats(day_briefing(), settings(), ["md"], out)
    before = (out / "briefing.md").read_text(encoding="utf-8")
    user = tmp_path / "mine"
    user.mkdir()
    (user / "briefing.pdf.html.j2").write_text("{{ briefing.nothing }}", encoding="utf-8")
    config = settings(templates=TemplatesSection(folder=REPO / "briefing" / "templates", user_folder=user))
    with pytest.raises(TemplateError):
        render_formats(day_briefing(config), config, ["md", "pdf"], out)
    assert (out / "briefing.md").read_text(encoding="utf-8") == before
    assert sorted(p.name for p in out.iterdir()) == ["briefing.md"]


def test_an_empty_day_renders_every_format(tmp_path):
    from datetime import date

    from briefing.composition import compose
    from briefing.selection import Period
    from tests.fixtures.render.fictional_day import GENERATED_AT

    briefing = compose(settings(), Period.day(date(2026, 2, 3)), [], issue_number=2, generated_at=GENERATED_AT)
    paths = render_formats(briefing, settings(), ["md", "html", "pdf", "eml"], tmp_path)
    assert "No articles were stored for Tuesday, 3 February 2026." in paths["md"].read_text(encoding="utf-8")
    assert "No articles were stored for Tuesday, 3 February 2026." in paths["html"].read_text(encoding="utf-8")
