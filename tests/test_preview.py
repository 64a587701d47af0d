"""`briefing preview`: the day's briefing three ways, live while a template is edited.

A real `briefing preview` process on a free port of 127.0.0.1, over a real
store holding the two fictional articles of tests/fixtures/preview/ (Friday
20 March 2026), with an empty user templates folder the tests write into.
"""

from __future__ import annotations

import html
import io
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import fields
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing.composition import Briefing
from briefing.ingest import ingest_paths
from briefing.store import Store

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "preview"
LIGHTHOUSE = "Marsh Harbour lighthouse shines again after 30 years"
BUSES = "Saltmere cuts bus fares for pupils to one euro"
REPO = Path(__file__).resolve().parents[1]


def fetch(url: str) -> tuple[int, str, bytes]:
    """Status, content type and body of a GET (error statuses included)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, answer.headers["Content-Type"], answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read()


def wait_for(check, seconds: float = 2.0):
    """Poll ``check`` until it returns something true, for at most ``seconds``; that value, or the last miss."""
    deadline = time.monotonic() + seconds
    while True:
        seen = check()
        if seen or time.monotonic() > deadline:
            return seen
        time.sleep(0.05)


def start_preview(config: Path, *args: str) -> tuple[subprocess.Popen, str]:
    """Start `briefing preview` and read the URL it prints first."""
    process = subprocess.Popen(
        [sys.executable, "-m", "briefing", "preview", "--config", str(config), *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    first_line = process.stdout.readline()
    found = re.search(r"http://127\.0\.0\.1:\d+/", first_line)
    if not found:
        process.kill()
        raise AssertionError(f"preview did not start: {first_line!r} {process.stderr.read()}")
    return process, found.group(0)


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def store_with_fixture_articles(folder: Path) -> Path:
    path = folder / "store.sqlite3"
    with Store(path) as store:
        report = ingest_paths(store, sorted(FIXTURES.glob("*.json")))
    assert report.summary.startswith("2 files read: 2 new"), report.summary
    return path


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    """(url, user templates folder) of a running preview; the folder is left empty after each test."""
    tmp = tmp_path_factory.mktemp("preview")
    mine = tmp / "mine"
    mine.mkdir()
    config = tmp / "config.yaml"
    config.write_text(
        f"timezone: Europe/Warsaw\nstore:\n  path: {store_with_fixture_articles(tmp)}\n"
        f"templates:\n  folder: {REPO / 'briefing' / 'templates'}\n",
        encoding="utf-8",
    )
    process, url = start_preview(config, "--templates", str(mine), "--port", "0")
    yield url, mine
    stop(process)


@pytest.fixture
def config(preview):
    """The preview's configuration file, put back as it was after the test."""
    path = preview[1].parent / "config.yaml"
    text = path.read_text(encoding="utf-8")
    yield path
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def mine(preview):
    url, folder = preview
    yield folder
    for path in folder.iterdir():
        path.unlink()


def page_text(url: str) -> str:
    return fetch(url)[2].decode("utf-8")


def test_the_page_shows_the_latest_day_three_ways(preview):
    url, _ = preview
    status, kind, body = fetch(url)
    page = body.decode("utf-8")
    assert (status, kind) == (200, "text/html; charset=utf-8")
    assert "<title>Preview: Morning Briefing — Friday, 20 March 2026</title>" in page
    assert f"### {LIGHTHOUSE}" in page  # the Markdown source
    assert html.escape(f"<h3>{LIGHTHOUSE}</h3>", quote=True) in page  # the Markdown as HTML, in its frame
    assert '<iframe class="email" sandbox src="/email?date=2026-03-20&amp;v=' in page
    assert '<iframe class="pdf" src="/briefing.pdf?date=2026-03-20&amp;v=' in page
    assert 'fetch("/version"' in page and "location.reload()" in page


def test_the_email_and_the_pdf_are_served_for_their_frames(preview):
    url, _ = preview
    status, kind, email = fetch(url + "email?date=2026-03-20")
    assert (status, kind) == (200, "text/html; charset=utf-8")
    assert BUSES in email.decode("utf-8") and b"<script" not in email.lower()
    status, kind, pdf = fetch(url + "briefing.pdf?date=2026-03-20")
    assert (status, kind) == (200, "application/pdf")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert LIGHTHOUSE in " ".join(text.split())


def test_a_saved_template_is_served_within_two_seconds(preview, mine):
    url, _ = preview
    version = page_text(url + "version")
    (mine / "briefing.md.j2").write_text(
        '{% extends "default:briefing.md.j2" %}\n{% block bottom %}\n## Tides\n\nHigh water at 14:12.\n\n{% endblock %}\n',
        encoding="utf-8",
    )
    assert wait_for(lambda: page_text(url + "version") != version, seconds=1.0), "the version did not change"
    assert wait_for(lambda: "## Tides\n\nHigh water at 14:12." in page_text(url)), "the change was not served"
    assert "High water at 14:12." in page_text(url + "briefing.md?date=2026-03-20")


def test_a_broken_template_shows_file_and_line_and_the_preview_recovers(preview, mine):
    url, _ = preview
    template = mine / "briefing.html.j2"
    template.write_text("<p>{{ briefing.title }}</p>\n<p>{{ briefing.masthed.name }}</p>\n", encoding="utf-8")
    names = ", ".join(field.name for field in fields(Briefing))
    message = f"{template}:2: 'briefing.masthed' is undefined; briefing has: {names}"
    broken = wait_for(lambda: (lambda answer: answer if answer[0] == 500 else None)(fetch(url)))
    assert broken, "no error page"
    status, _, body = broken
    assert f"<li>{html.escape(message)}</li>" in body.decode("utf-8")
    assert fetch(url + "email")[0] == 500
    template.write_text("<p>{{ briefing.title }}</p>\n<p>{{ briefing.masthead.name }}</p>\n", encoding="utf-8")
    assert wait_for(lambda: fetch(url + "email")[2] == b"<html><head></head><body><p>Morning Briefing \xe2\x80\x94 "
                    b"Friday, 20 March 2026</p>\n<p>Morning Briefing</p>\n</body></html>")
    assert fetch(url)[0] == 200


def test_another_day_is_shown_when_asked_and_a_bad_date_is_refused(preview):
    url, _ = preview
    status, _, body = fetch(url + "?date=2026-03-21")
    assert status == 200
    assert "No articles were stored for Saturday, 21 March 2026." in body.decode("utf-8")
    status, _, body = fetch(url + "?date=21.03.2026")
    assert (status, body) == (400, b"date: expected a date as YYYY-MM-DD, got '21.03.2026'\n")
    status, _, body = fetch(url + "?date=2026-02-30")
    assert (status, body) == (400, b"date: 2026-02-30 is not a date: February has 28 days in 2026\n")


def test_a_saved_configuration_is_picked_up_and_a_broken_one_reported(preview, config):
    url, _ = preview
    original = config.read_text(encoding="utf-8")
    config.write_text(original + "briefing:\n  name: Evening Briefing\n", encoding="utf-8")
    assert wait_for(lambda: "<title>Preview: Evening Briefing — Friday, 20 March 2026</title>" in page_text(url))
    config.write_text(original + "briefing:\n  nmae: Evening Briefing\n", encoding="utf-8")
    message = html.escape(f"{config}: unknown key 'briefing.nmae'")
    assert wait_for(lambda: f"<li>{message}</li>" in page_text(url + "?date=2026-03-20"))
    config.write_text(original, encoding="utf-8")
    assert wait_for(lambda: "<title>Preview: Morning Briefing — Friday, 20 March 2026</title>" in page_text(url))
