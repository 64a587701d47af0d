"""Sections of "Also today": configured names and order, export labels hidden, stories in time order."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from briefing.composition import compose
from briefing.composition.sections import by_section, section_heading
from briefing.config import SectionsSection, Settings, load_settings
from briefing.errors import ConfigError
from briefing.models import Article, StoredArticle
from briefing.selection import Period

ZONE = ZoneInfo("Europe/Warsaw")
DAY = date(2026, 6, 2)
REPO = Path(__file__).resolve().parents[1]


LEADS = ("Holt library lends its millionth book", "Varnby bakers protest flour prices", "Kastrin ferry timetable "
         "changes in June", "Dunholt choir sings at the cathedral", "Brenna market square gets new lamps", "Sel island "
         "school wins robotics contest", "Orm lake beach opens early", "Tram depot in Kastrin gets solar roof",
         "Holt rowing club turns one hundred", "Varnby council renames harbour street")


def article(n: int, section: str, hour: int, source: str = "Holt Gazette") -> StoredArticle:
    published = datetime(DAY.year, DAY.month, DAY.day, hour, tzinfo=ZONE)
    return StoredArticle(Article(title=f"{n}. {LEADS[n - 1]}", published=published, lead="", section=section,
                                 source=source, id=n))


def also_today(articles, sections: SectionsSection | None = None) -> list[tuple[str, list[int]]]:
    settings = Settings(base_dir=REPO, sections=sections or SectionsSection())
    briefing = compose(settings, Period.day(DAY), articles, issue_number=1,
                       generated_at=datetime(2026, 6, 3, 6, tzinfo=ZONE))
    stories = [*briefing.top_stories, *(s for g in briefing.also_today for s in g.stories)]
    assert len(stories) == len(articles)
    every_story = by_section(stories, settings.sections)  # as "Also today" groups what it holds
    return [(g.name, [int(s.headline.split(".")[0]) for s in g.stories]) for g in every_story]


def test_export_labels_are_hidden_and_lower_case_feed_sections_read_as_headings():
    sections = SectionsSection()
    assert section_heading("English Section", sections) == "Other"
    assert section_heading("business", sections) == "Business"
    assert section_heading("  Business ", sections) == "Business"
    assert section_heading("", sections) == "Other"


def test_business_and_business_are_one_section_in_time_order():
    items = [article(6, "business", 17), article(7, "Business", 9), article(8, "English Section", 12)]
    groups = dict(also_today(items))
    assert groups["Business"] == [7, 6]  # 09:00 before 17:00, though "business" came first
    assert groups["Other"] == [8]
    assert not any("Section" in name for name in groups)


def test_configured_names_and_order_come_first_the_rest_alphabetically_other_last():
    items = [article(6, "sport", 20), article(7, "Economy", 19), article(8, "Weather", 18),
              article(9, "Kraj", 17), article(10, "", 16)]
    sections = SectionsSection(order=("Weather", "Poland", "Business"),
                               rename={"Kraj": "Poland", "economy": "Business"}, other="More news")
    assert also_today(items, sections) == [
        ("Weather", [8]), ("Poland", [9]), ("Business", [7]), ("Sport", [6]), ("More news", [10])]


def test_also_today_holds_the_stories_below_the_top_five_by_section():
    items = [article(n, "Cities", 6 + n, "PAP / IAR / Reuters") for n in range(1, 6)]
    items += [article(6, "sport", 20), article(7, "english section", 19)]
    settings = Settings(base_dir=REPO, briefing={"top_stories": 5})
    briefing = compose(settings, Period.day(DAY), items, issue_number=1, generated_at=datetime(2026, 6, 3, tzinfo=ZONE))
    assert [(g.name, [s.headline[:2] for s in g.stories]) for g in briefing.also_today] == [
        ("Sport", ["6."]), ("Other", ["7."])]


def test_a_section_renamed_to_nothing_is_hidden_under_other():
    sections = SectionsSection(rename={"Wire": None})
    assert section_heading("wire", sections) == "Other"


def test_sections_are_read_from_config_yaml(tmp_path):
    path = tmp_path / "config.yaml"
    path.write_text("sections:\n  order: [World, Poland]\n  rename: {English Section: World}\n", encoding="utf-8")
    settings = load_settings(path)
    assert section_heading("English Section", settings.sections) == "World"
    bad = tmp_path / "bad.yaml"
    bad.write_text("sections:\n  orders: [World]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown key 'sections.orders'"):
        load_settings(bad)
