"""The e-mail as a reader sees it: headless Chromium screenshots, light and dark."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PIL import Image

from briefing.rendering import render_formats
from tests.fixtures.render.fictional_day import day_briefing, settings

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.is_file(), reason=f"{CHROMIUM} is not installed")
WIDTH, HEIGHT = 700, 1200


def screenshot(page: Path, out: Path, *flags: str) -> Image.Image:
    subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={out.parent / 'profile'}",
         *flags, f"--screenshot={out}", f"--window-size={WIDTH},{HEIGHT}", page.as_uri()],
        check=True, capture_output=True, timeout=60,
    )
    return Image.open(out).convert("RGB")


@pytest.fixture(scope="module")
def email_page(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("email")
    return render_formats(day_briefing(), settings(), ["html"], folder)["html"]


def brightness(pixel: tuple[int, int, int]) -> float:
    return sum(pixel) / 3


def test_the_email_renders_a_600_px_column_with_text(email_page, tmp_path):
    image = screenshot(email_page, tmp_path / "light.png")
    assert image.size == (WIDTH, HEIGHT)
    colours = image.getcolors(maxcolors=WIDTH * HEIGHT)
    assert len(colours) > 200  # text, rules and links, not a blank page
    row = [image.getpixel((x, 300)) for x in range(WIDTH)]
    white = [x for x, pixel in enumerate(row) if pixel == (255, 255, 255)]
    assert 590 <= white[-1] - white[0] + 1 <= 610  # the white column is 600 px wide
    assert brightness(image.getpixel((5, 300))) < 250  # on a tinted background
    top_rule = image.getpixel((WIDTH // 2, 26))  # outer padding 24 px, then the 4 px rule
    assert top_rule[0] > top_rule[1] + 50  # the red rule above the masthead


def test_dark_mode_turns_the_page_dark(email_page, tmp_path):
    image = screenshot(email_page, tmp_path / "dark.png", "--blink-settings=preferredColorScheme=0")
    assert brightness(image.getpixel((5, 300))) < 40
    assert brightness(image.getpixel((WIDTH // 2, 300))) < 60
    assert len(image.getcolors(maxcolors=WIDTH * HEIGHT)) > 200
