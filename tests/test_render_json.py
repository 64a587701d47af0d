"""`--formats json`: briefing.json is the documented briefing model, parsed back field for field."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.composition import Briefing, describe_context
from briefing.errors import RenderError
from briefing.rendering import render_formats, render_to_memory
from tests.fixtures.render.fictional_day import HOSTILE, day_briefing, settings, week_briefing

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs" / "templates.md"


@pytest.fixture(scope="module")
def briefing():
    return day_briefing()


@pytest.fixture(scope="module")
def model(briefing, tmp_path_factory) -> dict:
    path = render_formats(briefing, settings(), ["json"], tmp_path_factory.mktemp("json"))["json"]
    assert path.name == "briefing.json"
    return json.loads(path.read_text(encoding="utf-8"))


def paths_in(value, prefix: str = "briefing"):
    """Every path the JSON holds, lists looked into through all their items, as describe_context writes them."""
    if isinstance(value, dict) and prefix != "briefing.headings":  # headings is a mapping, not a record
        for key, child in value.items():
            path = f"{prefix}.{key}"
            yield path
            yield from paths_in(child, path)
    elif isinstance(value, list):
        for item in value:
            yield from paths_in(item, f"{prefix}[]")


def test_the_top_level_is_the_briefing_field_for_field_in_order(model):
    assert list(model) == [item.name for item in dataclasses.fields(Briefing)]


def values_at(value, path: str) -> list:
    """Every value the JSON holds at a documented path ("briefing.top_stories[].figures")."""
    found = [value]
    for step in re.findall(r"\.(\w+)(\[\])?", path.removeprefix("briefing")):
        found = [item[step[0]] for item in found]
        if step[1]:
            found = [element for items in found for element in items]
    return found


def test_every_documented_template_variable_is_there_and_nothing_else(model):
    documented = {path for path, _, _ in describe_context()}
    found = set(paths_in(model))
    assert found <= documented
    for path in documented - found:  # only under lists this day leaves empty (no figures for "Also today")
        lists = [path[:end] for end in range(len(path)) if path[end:].startswith("[]") and path[:end] in found]
        assert lists and values_at(model, lists[-1]) and not any(values_at(model, lists[-1])), path


def test_days_and_times_are_iso_8601_in_the_configured_zone(model, briefing):
    assert model["masthead"]["first_day"] == "2026-03-10"
    assert model["generated_at"] == "2026-03-11T06:30:00+01:00"
    ferry = model["top_stories"][0]
    assert ferry["published"] == "2026-03-10T22:15:00+01:00"
    assert datetime.fromisoformat(ferry["published"]) == briefing.top_stories[0].published
    assert date.fromisoformat(ferry["day"]) == date(2026, 3, 10)


def test_numbers_are_numbers_and_lists_are_arrays(model):
    tram = next(row for row in model["day_in_numbers"] if row["unit"] == "EUR")
    assert tram["value"] == 1_200_000_000 and isinstance(tram["value"], float)
    assert tram["amount"] == "€1.2 billion" and tram["what"] == "plan for a new tram line"
    assert isinstance(tram["salience"], float) and tram["story"]["anchor"].startswith("story-")
    assert model["masthead"]["issue_number"] == 34 and model["masthead"]["is_digest"] is False
    assert model["top_stories"][0]["sources"] == ["Coastal Courier", "NWA"]
    assert model["top_stories"][0]["also_reported_by"][0]["source"] == "Harbour Radio"
    assert model["headings"]["top-stories"] == "Top stories"


def test_article_text_comes_back_exactly_as_it_was(model):
    every_story = [story for section in model["all_stories"] for story in section["stories"]]
    chess = next(story for story in every_story if story["headline"].startswith("Chess"))
    assert chess["headline"] == "Chess | Kastrin club's 11-year-old wins <b>regional</b> title"
    assert chess["lead"].endswith(HOSTILE)


def test_a_digest_has_its_days():
    model = json.loads(render_to_memory(week_briefing(), settings(), ["json"])["json"])
    assert model["masthead"]["is_digest"] is True
    assert [day["day"] for day in model["days"]] == ["2026-03-08", "2026-03-09", "2026-03-10"]


def test_a_number_json_cannot_hold_is_an_error_naming_the_field(briefing):
    row = dataclasses.replace(briefing.day_in_numbers[1], value=float("nan"))
    broken = dataclasses.replace(briefing, day_in_numbers=(briefing.day_in_numbers[0], row))
    with pytest.raises(RenderError) as caught:
        render_to_memory(broken, settings(), ["json"])
    assert str(caught.value) == "briefing.json: briefing.day_in_numbers[1].value is nan, which JSON cannot hold"


def test_generate_formats_json_writes_briefing_json(tmp_path, make_config, capsys):
    config = make_config()
    shutil.copy(REPO / "tests" / "fixtures" / "readers" / "md-article.md", tmp_path / "articles")
    assert main(["generate", "--config", str(config), "--date", "2025-07-15", "--formats", "json"]) == 0
    folder = tmp_path / "output" / "2025-07-15"
    assert sorted(path.name for path in folder.iterdir() if not path.name.startswith(".")) == ["briefing.json"]
    model = json.loads((folder / "briefing.json").read_text(encoding="utf-8"))
    assert model["top_stories"][0]["headline"] == "Exampleton opens its first climbing wall"
    assert model["top_stories"][0]["url"] == "https://news.example/sport/climbing-wall"


def test_the_documented_example_is_what_the_renderer_writes(model):
    """docs/templates.md shows an excerpt of briefing.json: its keys must be real and its shape right."""
    text = DOCS.read_text(encoding="utf-8")
    excerpt = json.loads(re.search(r"```json\n(.*?)```", text, re.S)[1])

    def same_shape(documented, real, path="briefing"):
        if isinstance(documented, dict):
            assert isinstance(real, dict), path
            for key, value in documented.items():
                assert key in real, f"{path}.{key} is in the docs but not in briefing.json"
                same_shape(value, real[key], f"{path}.{key}")
        elif isinstance(documented, list) and documented:
            assert isinstance(real, list) and real, path
            same_shape(documented[0], real[0], f"{path}[]")
        else:
            assert type(documented) is type(real), path

    same_shape(excerpt, model)
