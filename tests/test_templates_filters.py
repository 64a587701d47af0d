"""The filters a template editor needs, used the way an editor would: in a template of their own."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from briefing.config import Settings, TemplatesSection
from briefing.rendering import render_to_memory
from briefing.rendering.filters import make_filters
from briefing.rendering.sample import sample_briefings

REPO = Path(__file__).resolve().parents[1]


def render(tmp_path: Path, template: str) -> str:
    mine = tmp_path / "mine"
    mine.mkdir(exist_ok=True)
    (mine / "briefing.md.j2").write_text(template, encoding="utf-8")
    settings = Settings(base_dir=REPO, timezone="Europe/Warsaw",
                        templates=TemplatesSection(folder=REPO / "briefing" / "templates", user_folder=mine))
    return render_to_memory(sample_briefings(settings)["daily"], settings, ["md"])["md"]


def test_numbers_with_separators_and_scales(tmp_path):
    text = render(tmp_path, "{{ 1200000 | number }} / {{ 12345 | number }} / {{ 2500000000 | number }} / "
                            "{{ 0.75 | number }} / {{ -20 | number }}\n")
    assert text == "1.2 million / 12,345 / 2.5 billion / 0.75 / -20\n"


def test_dates_and_times_in_words_in_the_configured_zone(tmp_path):
    template = ("{% set s = briefing.top_stories[0] %}"
                "{{ s.day | day_words }} at {{ s.published | clock }}; made {{ briefing.generated_at | moment_words }}\n")
    assert render(tmp_path, template) == "Thursday, 14 May 2026 at 12:40; made 15 May 2026, 06:30 CEST\n"


def test_a_time_from_elsewhere_is_named_in_the_configured_zone():
    late_on_the_13th_in_utc = datetime(2026, 5, 13, 22, 30, tzinfo=UTC)
    warsaw = make_filters(ZoneInfo("Europe/Warsaw"))
    assert warsaw["day_words"](late_on_the_13th_in_utc) == "Thursday, 14 May 2026"
    assert warsaw["clock"](late_on_the_13th_in_utc) == "00:30"


def test_a_quotes_speaker_with_role_and_plurals(tmp_path):
    template = ("{% for q in briefing.quotes_of_the_day %}{{ q | speaker }}; {% endfor %}\n"
                "{{ briefing.top_stories | length | plural('story', 'stories') }}, "
                "{{ 1 | plural('source') }}, {{ briefing.sources | length | plural('source') }}\n")
    assert render(tmp_path, template) == (
        "Piotr Halden, chief forecaster; Marta Olsen, mayor of Farrowby; "
        "5 stories, 1 source, 4 sources\n"
    )
