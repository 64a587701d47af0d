"""The e-mail on a phone: it fits 320-600 px, light and dark, and the numbers table reflows.

Measured in headless Chromium inside frames of the wanted width (Chromium
will not lay out a narrower window; see tests/fixtures/render/chromium.py).
The screenshots go to the test's tmp folder; set BRIEFING_SCREENSHOTS=DIR to
keep them somewhere to look at.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from PIL import Image

from briefing.models import Article, StoredArticle
from briefing.rendering import render_to_memory
from tests.fixtures.render.chromium import CHROMIUM, measure, screenshot
from tests.fixtures.render.fictional_day import at, day_briefing, fictional_day, settings, week_briefing

pytestmark = pytest.mark.skipif(not CHROMIUM.is_file(), reason=f"{CHROMIUM} is not installed")
PHONES = (320, 375)
WIDTHS = (*PHONES, 600)
LONG_WORD = "Velmorahafenbetriebsgesellschaftsvorsitzendenwahlergebnisbekanntmachung"
LONG_URL = "https://timetables.kastrin-transport.example/2026/spring/line-7/northern-estates-to-city-centre-via-old-town"


def with_long_words() -> list[StoredArticle]:
    """The fictional day plus an article whose headline and lead hold words no phone line can hold."""
    long = Article(title=f"{LONG_WORD} timetable at {LONG_URL}", published=at(12, 10), lead=f"The new timetable is at {LONG_URL}.",
                   section="Cities", source="Kastrin Daily", url=LONG_URL, id=8)
    return [*fictional_day(), StoredArticle(long, None)]


@pytest.fixture(scope="module")
def emails() -> dict[str, str]:
    day = day_briefing(articles=with_long_words())
    return {
        "day": render_to_memory(day, settings(), ["html"])["html"],
        "digest": render_to_memory(week_briefing(), settings(), ["html"])["html"],
    }


@pytest.fixture(scope="module")
def layouts(emails, tmp_path_factory) -> dict[tuple[str, str], dict[int, dict]]:
    folder = tmp_path_factory.mktemp("phone")
    return {
        (name, scheme): measure(html, WIDTHS, folder, dark=scheme == "dark")
        for name, html in emails.items() for scheme in ("light", "dark")
    }


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", ["day", "digest"])
@pytest.mark.parametrize("width", WIDTHS)
def test_nothing_is_wider_than_the_screen(layouts, name, scheme, width):
    frame = layouts[name, scheme][width]
    assert frame["stickingOut"] == []
    assert frame["scrollWidth"] <= frame["clientWidth"] == width


def test_a_long_word_and_a_long_address_are_there_and_broken_to_fit(emails, layouts):
    assert LONG_WORD in emails["day"] and LONG_URL in emails["day"]
    assert layouts["day", "light"][320]["scrollWidth"] == 320


@pytest.mark.parametrize("width", PHONES)
def test_on_a_phone_each_figure_stands_above_what_it_counts_and_its_story(layouts, width):
    frame = layouts["day", "light"][width]
    amount, what, story = frame["amount"], frame["what"], frame["story"]
    assert amount["bottom"] <= what["top"] and what["bottom"] <= story["top"]
    assert amount["left"] == what["left"] == story["left"]
    assert frame["header"]["bottom"] - frame["header"]["top"] == 0  # the column heads are hidden


def test_at_600_px_the_numbers_are_a_table_of_three_columns(layouts):
    frame = layouts["day", "light"][600]
    amount, what, story = frame["amount"], frame["what"], frame["story"]
    assert amount["right"] <= what["left"] and what["right"] <= story["left"]
    assert amount["top"] == what["top"] == story["top"]
    assert frame["header"]["bottom"] > frame["header"]["top"]


@pytest.mark.parametrize("width", WIDTHS)
def test_dark_mode_is_light_text_on_a_dark_column(layouts, width):
    light, dark = layouts["day", "light"][width], layouts["day", "dark"][width]
    assert (light["background"], light["text"]) == ("rgb(255, 255, 255)", "rgb(29, 29, 27)")
    assert (dark["background"], dark["text"]) == ("rgb(31, 31, 31)", "rgb(236, 235, 231)")


def test_a_client_that_drops_the_style_block_still_fits_a_phone(emails, tmp_path):
    """Some webmail drops <style> (and so the @media rules): the inlined styles alone must fit."""
    bare = re.sub(r"<style>.*?</style>", "", emails["day"], flags=re.S)
    assert "@media" not in bare
    for width, frame in measure(bare, PHONES, tmp_path).items():
        assert frame["stickingOut"] == [] and frame["scrollWidth"] <= width, width


def edge_colours(image: Image.Image, x0: int, x1: int) -> set[tuple[int, int, int]]:
    return {image.getpixel((x, y)) for x in range(x0, x1) for y in range(image.height)}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 600])
def test_screenshots_show_no_text_cut_off_at_the_right_edge(emails, tmp_path, scheme, width):
    out = screenshot(emails["day"], width, tmp_path / f"email-{width}-{scheme}.png", dark=scheme == "dark")
    keep = os.environ.get("BRIEFING_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(out, Path(keep) / out.name)
    image = Image.open(out).convert("RGB")
    column = (255, 255, 255) if scheme == "light" else (31, 31, 31)
    assert image.getpixel((width // 2, 200)) == column
    # the right-hand padding (16 px) holds only the column and a few rules, never letters
    assert len(edge_colours(image, width - 12, width)) <= 6
    assert len(edge_colours(image, 16, width - 16)) > 100  # while the column holds text
