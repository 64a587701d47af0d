"""Editions: several briefings from one store, each with its filter, schedule, formats and readers."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from briefing.config import load_settings
from briefing.editions import select_articles
from briefing.errors import ConfigError
from briefing.generation import make_briefing
from briefing.models import Article
from briefing.selection import Period
from briefing.store import Store
from tests.conftest import briefing_cli

DAY = Period.day(date(2026, 2, 3))
EDITIONS = [
    {"name": "defence", "title": "Defence Desk", "filter": {"sections": ["defence"]},
     "schedule": {"time": "05:45", "days": ["mon", "fri"], "timezone": "Europe/London"},
     "formats": ["md"], "recipients": ["desk@defence.example"]},
    {"name": "business", "filter": {"sources": ["coast wire"], "keywords": ["port fees"]}},
    {"name": "weather", "filter": {"query": "storm OR gale"}, "templates": {"user_folder": "weather-templates"}},
]


def article(title: str, section: str, source: str = "Harbour Desk", lead: str = "", sources=()) -> Article:
    return Article(title=title, published=datetime(2026, 2, 3, 9, 0, tzinfo=UTC), section=section, source=source,
                   lead=lead, sources=tuple(sources), origin=f"/desk/{title}.txt")


STORIES = [
    article("Navy tests new patrol boat", "Defence", lead="The boat sailed through a gale off the coast."),
    article("Port fees rise in spring", "Business", source="Coast Wire", lead="The port fees rise by 4 percent."),
    article("Shipyard wins order", "Business", lead="The yard will build two ferries.", sources=["Coast Wire"]),
    article("Storm closes the bridge", "Regions", lead="Wind reached 110 km/h."),
    article("Airport fees unchanged", "Business", source="Coast Wire", lead="Passenger fees stay as they are."),
]


@pytest.fixture
def config(make_config, tmp_path):
    return make_config(editions=EDITIONS, email={"recipients": ["all@desk.example"]}, output={"formats": ["md"]})


def test_an_edition_takes_its_own_schedule_zone_formats_readers_and_templates(config, tmp_path):
    settings = load_settings(config)
    defence = settings.for_edition("defence")
    assert (defence.edition_name, defence.briefing.name, defence.timezone) == ("defence", "Defence Desk", "Europe/London")
    assert (defence.schedule.time, defence.schedule.days) == ("05:45", ("mon", "fri"))
    assert (defence.output.formats, defence.email.recipients) == (("md",), ("desk@defence.example",))
    assert defence.output_folder == tmp_path / "output" / "defence"
    business = settings.for_edition("business")
    assert (business.briefing.name, business.timezone, business.schedule.time) == (
        "Morning Briefing", "Europe/Warsaw", "06:30")
    assert business.email.recipients == ("all@desk.example",)
    assert settings.for_edition("weather").user_templates_folder == tmp_path / "weather-templates"
    assert settings.edition_names == ["defence", "business", "weather"]


def test_without_editions_there_is_one_default_edition_as_before(make_config, tmp_path):
    settings = load_settings(make_config())
    assert settings.edition_names == ["default"]
    assert settings.for_edition("default") is settings
    assert settings.output_folder == settings.output_root == tmp_path / "output"


def test_an_unknown_edition_is_named_with_the_known_ones(config):
    with pytest.raises(ConfigError) as error:
        load_settings(config).for_edition("sport")
    assert str(error.value) == f"{config}: no edition 'sport'; known editions: defence, business, weather"


@pytest.mark.parametrize(("editions", "problem"), [
    ([{"name": "defence"}, {"name": "defence"}], "key 'editions': edition 'defence' is configured "
                                                 "twice; names must be unique"),
    ([{"name": "Defence Desk"}], "key 'editions.0.name': expected lower-case letters, digits, '-' or '_' "
                                 "(it names a folder), got 'Defence Desk'"),
    ([{"name": "d", "schedule": {"time": "6am"}}], "key 'editions.0.schedule.time': expected a time of day as "
                                                   "HH:MM, got '6am'"),
    ([{"name": "d", "filter": {"section": ["x"]}}], "unknown key 'editions.0.filter.section'"),
])
def test_a_bad_edition_is_refused_with_its_key(make_config, editions, problem):
    config = make_config(editions=editions)
    with pytest.raises(ConfigError) as error:
        load_settings(config)
    assert str(error.value) == f"{config}: {problem}"


def test_each_edition_selects_by_section_source_keyword_or_search(config, store_url):
    settings = load_settings(config)
    start, end = DAY.window(settings.zone)
    with Store(store_url) as store:
        store.add_articles(STORIES)

        def titles(name):
            return [s.article.title for s in select_articles(store, settings.for_edition(name), start, end)]

        assert titles("defence") == ["Navy tests new patrol boat"]
        assert titles("business") == ["Port fees rise in spring"]  # a Coast Wire story about port fees
        assert titles("weather") == ["Navy tests new patrol boat", "Storm closes the bridge"]
        assert len(titles(None)) == len(STORIES)  # the settings of no edition: every article


def test_an_edition_is_generated_into_its_own_folder_and_the_archive_lists_every_edition(config, tmp_path):
    settings = load_settings(config)
    with Store(settings.store_url) as store:
        store.add_articles(STORIES)
    made = make_briefing(settings.for_edition("defence"), DAY)
    make_briefing(settings.for_edition("business"), DAY)
    make_briefing(settings, DAY)
    assert made.out_dir == tmp_path / "output" / "defence" / "2026-02-03"
    assert made.article_count == 1 and set(made.files) == {"md"}
    assert "Navy tests new patrol boat" in (made.out_dir / "briefing.md").read_text(encoding="utf-8")
    assert "Port fees rise" not in (made.out_dir / "briefing.md").read_text(encoding="utf-8")
    index = (tmp_path / "output" / "index.md").read_text(encoding="utf-8")
    links = [line.split("(<")[1].split(">)")[0] for line in index.splitlines() if line.startswith("- ")]
    assert links == ["2026-02-03/briefing.md", "business/2026-02-03/briefing.md", "defence/2026-02-03/briefing.md"]
    assert "- defence: " in index


NAVY = """---
title: "Navy tests new patrol boat"
published: 2026-02-03 10:15
source: Harbour Desk
section: {section}
---

# Navy tests new patrol boat

The boat sailed through a gale off the coast on Tuesday, the navy said.
"""


def test_generate_makes_every_edition_or_the_one_asked_for(config, tmp_path):
    (tmp_path / "articles" / "navy.md").write_text(NAVY.format(section="Defence"), encoding="utf-8")
    everything = briefing_cli("generate", "--config", str(config), "--date", "2026-02-03")
    assert everything.returncode == 0, everything.stderr
    out = tmp_path / "output"
    assert everything.stdout.splitlines() == [
        f"defence 2026-02-03: 1 article -> {out / 'defence' / '2026-02-03'}",
        f"business 2026-02-03: 0 articles -> {out / 'business' / '2026-02-03'}",
        f"weather 2026-02-03: 1 article -> {out / 'weather' / '2026-02-03'}",
    ]
    again = briefing_cli("generate", "--config", str(config), "--date", "2026-02-03", "--edition", "business", "--force")
    assert again.stdout == f"business 2026-02-03: 0 articles -> {out / 'business' / '2026-02-03'}\n"
    unknown = briefing_cli("generate", "--config", str(config), "--date", "2026-02-03", "--edition", "sport")
    assert (unknown.returncode, unknown.stderr) == (
        2, f"briefing: error: {config}: no edition 'sport'; known editions: defence, business, weather\n")
