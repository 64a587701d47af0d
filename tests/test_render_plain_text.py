"""The e-mail's plain-text part (and briefing.txt): written for reading as text, not raw Markdown."""

from __future__ import annotations

import re
from email import message_from_bytes
from email.policy import default

import pytest

from briefing.rendering import render_formats, render_to_memory
from briefing.rendering.environment import make_environment
from tests.fixtures.render.fictional_day import HOSTILE, day_briefing, fictional_day, settings, week_briefing

WIDTH = 72


def without_hostile_text():
    """The fictional day less the article whose text is made of Markdown and HTML specials."""
    return [stored for stored in fictional_day() if stored.article.id != 6]


@pytest.fixture(scope="module")
def text() -> str:
    return render_to_memory(day_briefing(articles=without_hostile_text()), settings(), ["txt"])["txt"]


def test_no_markdown_syntax(text):
    lines = text.splitlines()
    assert not [line for line in lines if line.startswith("|") or line.startswith(("#", ">"))]
    assert "<https://" not in text and "](" not in text and "**" not in text
    assert not [line for line in lines if line.endswith("\\")]
    assert "\\" not in text  # no escapes either


def test_lines_fit_72_columns_but_for_an_address_standing_alone(text):
    long = [line for line in text.splitlines() if len(line) > WIDTH]
    assert all(re.fullmatch(r"\s*https?://\S+", line) for line in long), long


def test_reads_as_a_briefing(text):
    assert text.startswith("MORNING BRIEFING\nTuesday, 10 March 2026\n"
                           "Issue 34 · 6 articles from 6 sources · times in Warsaw (CET)\n\n")
    assert "AT A GLANCE\n===========\n\n- Velmora ferry runs aground in storm, 212 passengers taken off\n" in text
    assert ("THE DAY IN NUMBERS\n==================\n\n- 212: passengers taken off\n"
            "  (Velmora ferry runs aground in storm, 212 passengers taken off)\n") in text
    assert ("“Everyone is safe, and that is the only thing that matters tonight.”\n"
            "  — Irena Sokal, Velmora harbour master\n"
            "    (Velmora ferry runs aground in storm, 212 passengers taken off)\n") in text
    assert ("\nSources: Coastal Courier (2), Dunholt Herald (2), NWA (2),\nHarbour Radio (1), KPA (1), "
            "Kastrin Daily (1).\n\n- 1 file was rejected: broken.json (not valid JSON at line 3)\n") in text
    assert text.endswith("\nMade 11 March 2026, 06:30 CET.\n")


def test_a_top_story_is_numbered_wrapped_and_its_address_stands_on_its_own_line(text):
    story = text[text.index("1. Velmora ferry"):text.index("2. ")]
    assert story == (
        "1. Velmora ferry runs aground in storm, 212 passengers taken off\n"
        "   22:15 · Coastal Courier and NWA · also reported by Harbour Radio\n"
        "\n"
        "   The ferry Nordlys ran aground outside Velmora harbour during a storm\n"
        "   on Tuesday night, and rescue crews took all 212 passengers off the\n"
        "   ship. Nobody was hurt.\n"
        "\n"
        "   Figures: 212 passengers · up to 110 km/h · 14 crew ·\n"
        "   more than 6 hours\n"
        "   “Everyone is safe, and that is the only thing that matters tonight.”\n"
        "   (Irena Sokal)\n"
        "   “no sign of any fuel leak” (the coastguard)\n"
        "   https://courier.example/velmora-ferry\n"
        "\n"
    )


def test_a_source_and_its_count_stay_on_one_line(text):
    """Not `NWA` at the end of one line and `(2)` at the start of the next."""
    sources = text[text.index("\nSources: "):].split("\n\n")[0].strip()
    assert sources.splitlines() == ["Sources: Coastal Courier (2), Dunholt Herald (2), NWA (2),",
                                    "Harbour Radio (1), KPA (1), Kastrin Daily (1)."]


def test_a_list_keeps_its_entries_whole_and_breaks_only_an_entry_too_long_for_a_line():
    macros = make_environment(settings()).get_template("_macros.txt.j2").module
    names = [f"Wire{n} Service ({n})" for n in range(1, 9)]
    assert str(macros.list_para("Sources: ", names, end=".")).splitlines() == [
        "Sources: Wire1 Service (1), Wire2 Service (2), Wire3 Service (3),",
        "Wire4 Service (4), Wire5 Service (5), Wire6 Service (6),",
        "Wire7 Service (7), Wire8 Service (8).",
    ]
    long = "The Extraordinarily Long Name Of A Regional Broadcasting Cooperative Society (1)"
    assert str(macros.list_para("Sources: ", ["KPA (1)", long], end=".")).splitlines() == [
        "Sources: KPA (1), The Extraordinarily Long Name Of A Regional",
        "Broadcasting Cooperative Society (1).",
    ]


def test_article_text_is_shown_as_it_is_not_escaped():
    text = render_to_memory(day_briefing(), settings(), ["txt"])["txt"]
    assert "Chess | Kastrin club's 11-year-old wins <b>regional</b> title" in text
    assert " ".join(HOSTILE.split()) in " ".join(text.split())


def test_a_digest_groups_its_top_stories_by_day():
    text = render_to_memory(week_briefing(), settings(), ["txt"])["txt"]
    assert "TOP STORIES BY DAY\n==================\n\nSunday, 8 March 2026\n--------------------\n\n1. " in text
    assert "\nTuesday, 10 March 2026\n----------------------\n\n1. Velmora ferry" in text


def test_the_eml_carries_it_as_its_text_part(tmp_path):
    paths = render_formats(day_briefing(), settings(), ["txt", "eml"], tmp_path)
    message = message_from_bytes(paths["eml"].read_bytes(), policy=default)
    plain = next(part for part in message.iter_parts() if part.get_content_type() == "text/plain")
    assert plain.get_content_charset() == "utf-8"
    assert plain.get_content().replace("\r\n", "\n") == paths["txt"].read_text(encoding="utf-8")
