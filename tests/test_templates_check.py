"""`briefing templates check [DIR]`: every template rendered against sample briefings, every problem named."""

from __future__ import annotations

import shutil
from dataclasses import fields
from pathlib import Path

from briefing.cli import main
from briefing.composition import Briefing

REPO = Path(__file__).resolve().parents[1]
DEFAULTS = REPO / "briefing" / "templates"
BRIEFING_FIELDS = ", ".join(field.name for field in fields(Briefing))


def check(capsys, make_config, *args: str) -> tuple[int, list[str]]:
    code = main(["templates", "check", "--config", str(make_config()), *args])
    return code, capsys.readouterr().out.splitlines()


def user_folder(tmp_path: Path, **files: str) -> Path:
    folder = tmp_path / "mine"
    folder.mkdir()
    for name, text in files.items():
        (folder / name.replace("__", ".")).write_text(text, encoding="utf-8")
    return folder


def test_the_default_templates_pass(capsys, make_config):
    code, lines = check(capsys, make_config)
    assert code == 0
    assert lines == [
        f"All templates render: 12 renderings (md, txt, html, pdf of a day, a digest and an empty day) from {DEFAULTS}."
    ]


def test_a_misspelt_variable_is_named_with_file_line_and_what_exists(tmp_path, capsys, make_config):
    mine = user_folder(tmp_path, briefing__md__j2="# {{ briefing.title }}\n\n{{ briefing.masthed.name }}\n")
    code, lines = check(capsys, make_config, str(mine))
    assert code == 1
    assert lines == [
        f"{mine} replaces: briefing.md.j2",
        f"{mine}/briefing.md.j2:3: 'briefing.masthed' is undefined; briefing has: {BRIEFING_FIELDS}",
        f"1 problem in {mine} over {DEFAULTS}.",
    ]


def test_every_problem_is_reported_not_just_the_first(tmp_path, capsys, make_config):
    macros = (DEFAULTS / "_macros.html.j2").read_text(encoding="utf-8").replace("{{ row.amount }}", "{{ row.amont }}")
    mine = user_folder(
        tmp_path,
        _macros__html__j2=macros,
        briefing__md__j2="{% if briefing.masthead.is_digest %}{{ briefing.days[0].lable }}{% endif %}ok\n",
        _notes__md__j2="{% for note in briefing.notes %}\n{{ note }\n{% endfor %}\n",
    )
    line = next(n for n, text in enumerate(macros.splitlines(), start=1) if "row.amont" in text)
    code, lines = check(capsys, make_config, "--templates", str(mine))
    assert code == 1
    row_fields = "said, amount, what, unit, value, qualifier, text, context, salience, story, key"
    day_fields = "day, label, anchor, top_stories, also_today"
    assert lines == [
        f"{mine} replaces: _macros.html.j2, briefing.md.j2",
        f"{mine}/_notes.md.j2: no default has this name, so it is used only where one of your templates "
        "includes or imports it",
        f"{mine}/_notes.md.j2:2: syntax error: unexpected '}}'",
        f"{mine}/_macros.html.j2:{line}: 'row.amont' is undefined; row has: {row_fields}",
        f"{mine}/briefing.md.j2:1: 'briefing.days[0].lable' is undefined; briefing.days[0] has: {day_fields}",
        f"3 problems in {mine} over {DEFAULTS}.",
    ]


def test_article_text_printed_unescaped_is_a_problem(tmp_path, capsys, make_config):
    mine = user_folder(tmp_path)
    text = (DEFAULTS / "_macros.html.j2").read_text(encoding="utf-8")
    (mine / "_macros.html.j2").write_text(text.replace("{{ s.headline }}", "{{ s.headline | safe }}"), encoding="utf-8")
    code, lines = check(capsys, make_config, str(mine))
    assert code == 1
    assert lines[1:] == [
        "briefing.html.j2: article text is printed unescaped: the sample headline's <i>probe</i> came out as "
        "markup in the html rendering (is `|safe` used on article text?)",
        "briefing.pdf.html.j2: article text is printed unescaped: the sample headline's <i>probe</i> came out as "
        "markup in the pdf rendering (is `|safe` used on article text?)",
        f"2 problems in {mine} over {DEFAULTS}.",
    ]


def test_a_copy_of_the_defaults_passes(tmp_path, capsys, make_config):
    mine = tmp_path / "mine"
    shutil.copytree(DEFAULTS, mine)
    code, lines = check(capsys, make_config, str(mine))
    assert code == 0
    assert lines[-1] == (
        f"All templates render: 12 renderings (md, txt, html, pdf of a day, a digest and an empty day) from {mine} over "
        f"{DEFAULTS}."
    )


def test_a_configured_folder_that_does_not_exist_is_a_problem(tmp_path, capsys, make_config):
    missing = tmp_path / "my-templats"
    code = main(["templates", "check", "--config", str(make_config(templates={"user_folder": str(missing)}))])
    assert code == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{missing}: the templates folder (templates.user_folder) does not exist",
        f"1 problem in {missing} over {DEFAULTS}.",
    ]
