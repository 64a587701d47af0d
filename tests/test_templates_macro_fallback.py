"""A user's copy of a macros file lacks a macro added to the default since: the default's is used.

The user copied ``_macros.txt.j2`` before ``list_para`` existed; the default
``briefing.txt.j2`` now calls ``ui.list_para``. The day still renders: the
user's macros where they have them, the default's where they do not.
``templates check`` notes each default macro the copy lacks, and a macro
defined nowhere is named with the template, the line and the files looked in.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.errors import TemplateError
from briefing.rendering import render_to_memory
from tests.fixtures.render.fictional_day import day_briefing, settings

REPO = Path(__file__).resolve().parents[1]
DEFAULTS = REPO / "briefing" / "templates"
GOLDEN = REPO / "tests" / "golden"

#: the plain-text story's figures line before list_para existed, and the line that replaced it
OLD_FIGURES = '{{ para("Figures: " ~ (s.figures[:4] | map(attribute="said") | join(" · ")), lead_indent) }}'
NEW_FIGURES = '{{ list_para("Figures: ", s.figures[:4] | map(attribute="said"), " · ", indent=lead_indent) }}'


def default_text(name: str) -> str:
    return (DEFAULTS / name).read_text(encoding="utf-8")


def edited(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"the default changed ({old!r}): update this test's edit"
    return text.replace(old, new)


def without_macro(text: str, name: str) -> str:
    """``text`` with the macro ``name`` (and any comment just above it) taken out."""
    pattern = rf"(\{{#-(?:(?!#\}}).)*#\}}\n)?\{{% macro {name}\(.*?\{{%- endmacro %\}}\n\n?"
    found = re.findall(pattern, text, flags=re.DOTALL)
    assert len(found) == 1, f"the default has no one macro {name}: update this test"
    return re.sub(pattern, "", text, flags=re.DOTALL)


def old_txt_macros() -> str:
    """A plain-text macros file as copied before ``list_para`` was added, its story as it then was."""
    return edited(without_macro(default_text("_macros.txt.j2"), "list_para"), NEW_FIGURES, OLD_FIGURES)


def folder(tmp_path: Path, **files: str) -> Path:
    mine = tmp_path / "mine"
    mine.mkdir(exist_ok=True)
    for name, text in files.items():
        (mine / name.replace("__", ".")).write_text(text, encoding="utf-8")
    return mine


def render_day(mine: Path, formats: list[str]) -> dict[str, str]:
    return render_to_memory(day_briefing(), settings().with_user_templates(mine), formats)


def test_an_old_copy_of_the_macros_renders_the_day_with_the_defaults_it_lacks(tmp_path):
    mine = folder(
        tmp_path,
        # each copy is customised (its own figures table heading) and lacks a macro its default template calls
        _macros__txt__j2=old_txt_macros(),
        _macros__md__j2=edited(without_macro(default_text("_macros.md.j2"), "also_list"),
                               "| Figure | What | Story |", "| Amount | What | Story |"),
        _macros__html__j2=edited(without_macro(default_text("_macros.html.j2"), "sources_and_notes"),
                                 ">Figure</th>", ">Amount</th>"),
    )
    assert "list_para" not in (mine / "_macros.txt.j2").read_text(encoding="utf-8")

    made = render_day(mine, ["txt", "md", "html"])

    golden = {name: (GOLDEN / f"fictional-day.{name}").read_text(encoding="utf-8") for name in ("txt", "md", "html")}
    # the user's story wraps the figures as it did (an entry may break); the sources are the default's list_para
    assert made["txt"] == edited(golden["txt"], "14 crew ·\n   more than 6 hours", "14 crew · more than 6\n   hours")
    assert "Sources: Coastal Courier (2), Dunholt Herald (2), Kastrin Daily (2),\nNWA (2), " in made["txt"]
    assert made["md"] == edited(golden["md"], "| Figure | What | Story |", "| Amount | What | Story |")
    assert made["html"] == edited(golden["html"], ">Figure</th>", ">Amount</th>")


def test_a_macro_imported_by_name_falls_back_too(tmp_path):
    mine = folder(
        tmp_path,
        _macros__txt__j2=old_txt_macros(),
        briefing__txt__j2='{% from "_macros.txt.j2" import heading, list_para %}\n'
                          '{{ heading("Sources") }}\n'
                          '{{ list_para("From: ", briefing.sources | map(attribute="name")) }}\n',
    )
    assert render_day(mine, ["txt"])["txt"] == (
        "SOURCES\n=======\n"
        "From: Coastal Courier, Dunholt Herald, Kastrin Daily, NWA,\nHarbour Radio, KPA\n"
    )


def test_the_users_macro_wins_and_the_defaults_macro_keeps_the_defaults_values(tmp_path):
    macros = edited(old_txt_macros(), "{% set width = 72 %}", "{% set width = 30 %}")
    mine = folder(
        tmp_path,
        _macros__txt__j2=macros,
        briefing__txt__j2='{% import "_macros.txt.j2" as ui %}\n'
                          "{{ ui.para(briefing.top_stories[0].headline) }}\n"
                          '{{ ui.list_para("Sources: ", briefing.sources | map(attribute="name")) }}\n',
    )
    # para is the user's (30 columns); list_para is the default's, which wraps at the default's 72, an entry
    # (Harbour Radio) never broken
    assert render_day(mine, ["txt"])["txt"] == (
        "Velmora ferry runs aground in\nstorm, 212 passengers taken\noff\n"
        "Sources: Coastal Courier, Dunholt Herald, Kastrin Daily, NWA,\nHarbour Radio, KPA\n"
    )


def line_of(name: str, macro: str) -> int:
    """The line the default file ``name`` defines ``macro`` on."""
    lines = default_text(name).splitlines()
    return next(number for number, text in enumerate(lines, start=1) if text.startswith(f"{{% macro {macro}("))


def check(capsys, make_config, mine: Path) -> tuple[int, list[str]]:
    code = main(["templates", "check", "--config", str(make_config()), str(mine)])
    return code, capsys.readouterr().out.splitlines()


def test_check_notes_each_default_macro_a_copy_lacks(tmp_path, capsys, make_config):
    text = without_macro(default_text("_macros.md.j2"), "story_link").replace("story_link(", "my_link(")
    mine = folder(
        tmp_path,
        _macros__txt__j2=old_txt_macros(),
        _macros__md__j2='{% macro my_link(ref) %}{{ ref.headline | md }}{% endmacro %}\n' + text,
    )
    code, lines = check(capsys, make_config, mine)
    assert code == 0
    assert lines == [
        f"{mine} replaces: _macros.md.j2, _macros.txt.j2",
        f"{mine}/_macros.md.j2: has no macro story_link, so the default's is used ({DEFAULTS}/_macros.md.j2:{line_of('_macros.md.j2', 'story_link')})",
        f"{mine}/_macros.txt.j2: has no macro list_para, so the default's is used "
        f"({DEFAULTS}/_macros.txt.j2:{line_of('_macros.txt.j2', 'list_para')})",
        f"All templates render: 12 renderings (md, txt, html, pdf of a day, a digest and an empty day) from {mine} "
        f"over {DEFAULTS}.",
    ]


CALLS_A_MACRO_DEFINED_NOWHERE = (
    '{% import "_macros.txt.j2" as ui %}\n'
    '{{ ui.heading("Sources") }}\n'
    '{{ ui.list_paragraph("Sources: ", briefing.sources | map(attribute="name")) }}\n'
)
TXT_NAMES = "also_list, figure_row, heading, item, list_para, para, quote, story, width"


def test_a_macro_defined_nowhere_is_named_with_the_template_line_and_both_files(tmp_path, capsys, make_config):
    mine = folder(tmp_path, _macros__txt__j2=old_txt_macros(), briefing__txt__j2=CALLS_A_MACRO_DEFINED_NOWHERE)
    code, lines = check(capsys, make_config, mine)
    assert code == 1
    assert lines[-2:] == [
        f"{mine}/briefing.txt.j2:3: 'ui.list_paragraph' is undefined: no macro list_paragraph in "
        f"{mine}/_macros.txt.j2, nor in the default {DEFAULTS}/_macros.txt.j2; ui has: {TXT_NAMES}",
        f"1 problem in {mine} over {DEFAULTS}.",
    ]


def test_a_macro_defined_nowhere_in_the_defaults_names_the_default_file(tmp_path):
    mine = folder(tmp_path, briefing__txt__j2=CALLS_A_MACRO_DEFINED_NOWHERE)
    with pytest.raises(TemplateError) as caught:
        render_day(mine, ["txt"])
    assert str(caught.value) == (
        f"{mine}/briefing.txt.j2:3: 'ui.list_paragraph' is undefined: no macro list_paragraph in "
        f"{DEFAULTS}/_macros.txt.j2; ui has: {TXT_NAMES}"
    )


def test_a_macros_file_of_the_users_own_has_no_default_to_fall_back_to(tmp_path):
    mine = folder(
        tmp_path,
        _mine__txt__j2='{% macro hello() %}Hello{% endmacro %}\n',
        briefing__txt__j2='{% import "_mine.txt.j2" as my %}\n{{ my.hello() }}\n{{ my.para("x") }}\n',
    )
    with pytest.raises(TemplateError) as caught:
        render_day(mine, ["txt"])
    assert str(caught.value) == (
        f"{mine}/briefing.txt.j2:3: 'my.para' is undefined: no macro para in {mine}/_mine.txt.j2; my has: hello"
    )


def test_the_files_a_module_remembers_are_out_of_a_templates_reach(tmp_path):
    mine = folder(tmp_path, briefing__txt__j2='{% import "_macros.txt.j2" as ui %}\n{{ ui._files }}\n')
    with pytest.raises(TemplateError) as caught:
        render_day(mine, ["txt"])
    assert str(caught.value) == (
        f"{mine}/briefing.txt.j2:2: SecurityError: access to attribute '_files' of 'MacroLibrary' object is unsafe."
    )
