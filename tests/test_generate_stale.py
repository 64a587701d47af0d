"""Empty and stale days: an empty briefing is written but not mailed (unless email.send_empty); a day whose
articles changed since it was made is made again and says so (unless --keep), mailed only with
email.send_updates; a day that cannot be written is one line and leaves the old briefing whole."""

from __future__ import annotations

import os
from datetime import date

import pytest

from tests.conftest import briefing_cli
from tests.fixtures.delivery.support import email_settings, serving_mailbox

READER = "desk@readers.example"
STORY = """---
title: "{title}"
published: 2026-02-03 09:30
source: Harbour Desk
section: City
---

# {title}

The council said on Tuesday that {what}.
"""


@pytest.fixture
def mailbox():
    with serving_mailbox() as box:
        yield box


def write_story(folder, name: str, title: str, what: str) -> None:
    (folder / f"{name}.md").write_text(STORY.format(title=title, what=what), encoding="utf-8")


def run(config, *args):
    return briefing_cli("generate", "--config", str(config), "--date", "2026-02-03", *args)


def test_an_empty_day_is_written_not_mailed_and_says_so(make_config, mailbox, tmp_path):
    config = make_config(email=email_settings(mailbox.port, [READER]), output={"formats": ["md"]})
    made = run(config)
    assert (made.returncode, made.stdout) == (0, (
        f"2026-02-03: 0 articles -> {tmp_path / 'output' / '2026-02-03'}\n"
        "2026-02-03: no articles: not e-mailed (email.send_empty is off)\n"))
    assert mailbox.received == []
    assert (tmp_path / "output" / "2026-02-03" / "briefing.md").is_file()


def test_an_empty_day_is_mailed_with_send_empty(make_config, mailbox):
    config = make_config(email={**email_settings(mailbox.port, [READER]), "send_empty": True},
                         output={"formats": ["md"]})
    assert run(config).stdout.endswith(f"sent to {READER}\n")
    assert [m.rcpt_tos for m in mailbox.received] == [[READER]]


@pytest.mark.parametrize("send_updates", [False, True])
def test_a_day_whose_articles_changed_is_made_again_and_mailed_only_with_send_updates(
    make_config, mailbox, tmp_path, send_updates
):
    articles = tmp_path / "articles"
    config = make_config(email={**email_settings(mailbox.port, [READER]), "send_updates": send_updates},
                         output={"formats": ["md"]})
    write_story(articles, "bridge", "Bridge repairs start in March", "the bridge will close for two weeks")
    assert run(config).stdout.endswith(f"sent to {READER}\n")
    same = run(config)
    assert same.stdout == "2026-02-03: already generated (already made by run #1); use --force to make it again\n"
    write_story(articles, "tram", "Night trams return on Friday", "night trams will run again from Friday")
    kept = run(config, "--keep")
    assert kept.stdout.startswith("2026-02-03: already generated")
    remade = run(config)
    lines = remade.stdout.splitlines()
    assert remade.returncode == 0, remade.stderr
    assert lines[:2] == ["2026-02-03: made again: its articles have changed since it was made: 1 article(s) new",
                         f"2026-02-03: 2 articles -> {tmp_path / 'output' / '2026-02-03'}"]
    assert "Night trams return on Friday" in (tmp_path / "output" / "2026-02-03" / "briefing.md").read_text()
    if send_updates:
        assert lines[2:] == [f"sent to {READER}"] and len(mailbox.received) == 2
    else:
        assert lines[2:] == ["2026-02-03: an update: not e-mailed (email.send_updates is off)"]
        assert len(mailbox.received) == 1
    write_story(articles, "tram", "Night trams return on Friday", "night trams will run again from Friday at 23:00")
    assert "1 article(s) changed" in run(config).stdout


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder anyway")
def test_a_read_only_output_folder_is_one_line_and_the_old_day_stays_whole(make_config, tmp_path):
    config = make_config(output={"formats": ["md", "html"]})
    write_story(tmp_path / "articles", "bridge", "Bridge repairs start in March", "the bridge will close")
    assert run(config).returncode == 0
    day = tmp_path / "output" / "2026-02-03"
    before = {p.name: p.read_bytes() for p in day.iterdir()}
    (tmp_path / "output").chmod(0o555)
    try:
        failed = run(config, "--force")
    finally:
        (tmp_path / "output").chmod(0o755)
    assert failed.returncode == 1
    assert failed.stderr == f"briefing: error: {day}: cannot write the briefing: Permission denied\n"
    assert {p.name: p.read_bytes() for p in day.iterdir()} == before
    assert sorted(p.name for p in (tmp_path / "output").iterdir()) == ["2026-02-03", "index.html", "index.md"]


def test_a_full_disk_is_one_line_and_leaves_no_half_written_day(make_config, tmp_path, monkeypatch, capsys):
    from briefing.cli import main

    config = make_config(output={"formats": ["md", "html"]})
    write_story(tmp_path / "articles", "bridge", "Bridge repairs start in March", "the bridge will close")
    real_open = open

    def disk_full_for_html(path, mode="r", *args, **kwargs):
        if str(path).endswith("briefing.html") and "w" in mode:
            raise OSError(28, "No space left on device")
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", disk_full_for_html)
    code = main(["generate", "--config", str(config), "--date", "2026-02-03"])
    day = tmp_path / "output" / "2026-02-03"
    assert (code, capsys.readouterr().err) == (
        1, f"briefing: error: {day}: cannot write the briefing: No space left on device\n")
    assert list((tmp_path / "output").iterdir()) == [], "no half-written day, no staging folder left"


def test_a_full_disk_in_one_day_of_a_range_fails_that_day_only(make_config, tmp_path, monkeypatch):
    from briefing.config import load_settings
    from briefing.generation import generate
    from briefing.output import write_whole
    from briefing.selection import Period

    settings = load_settings(make_config(output={"formats": ["md"]}))

    def disk_full_on_the_3rd(out_dir, files, made_from):
        if out_dir.name == "2026-02-03":
            raise OSError(28, "No space left on device")
        return write_whole(out_dir, files, made_from)

    monkeypatch.setattr("briefing.generation.write_whole", disk_full_on_the_3rd)
    reports = generate(settings, Period(date(2026, 2, 2), date(2026, 2, 4)), jobs=1)
    assert [(r.period.slug, r.outcome) for r in reports] == [
        ("2026-02-02", "ok"), ("2026-02-03", "failed"), ("2026-02-04", "ok")]
    assert reports[1].error == "No space left on device"
    index = (tmp_path / "output" / "index.md").read_text(encoding="utf-8")
    assert "2026-02-02/" in index and "2026-02-04/" in index and "2026-02-03" not in index
    assert sorted(p.name for p in (tmp_path / "output").iterdir()) == [
        "2026-02-02", "2026-02-04", "index.html", "index.md"], "no staging folder left behind"


def test_a_day_before_the_first_issue_has_no_issue_number(make_config, tmp_path):
    config = make_config(briefing={"first_issue_date": "2026-02-04"}, output={"formats": ["md"]})
    assert run(config).returncode == 0
    masthead = (tmp_path / "output" / "2026-02-03" / "briefing.md").read_text(encoding="utf-8")
    assert "Issue" not in masthead
    later = briefing_cli("generate", "--config", str(config), "--date", "2026-02-05")
    assert later.returncode == 0
    assert "Issue 2 · " in (tmp_path / "output" / "2026-02-05" / "briefing.md").read_text(encoding="utf-8")


def test_after_the_demo_the_seed_taken_in_is_in_that_days_briefing(make_config, tmp_path, seed_path):
    import shutil

    from tests.conftest import REPO

    shutil.copytree(REPO / "samples" / "articles", tmp_path / "articles", dirs_exist_ok=True)
    config = make_config(output={"formats": ["md"]})
    assert run(config).returncode == 0
    taken_in = briefing_cli("ingest", "--config", str(config), str(seed_path))
    assert taken_in.returncode == 0, taken_in.stderr
    again = run(config)
    assert again.stdout.startswith(
        "2026-02-03: made again: its articles have changed since it was made: 1 article(s) new\n")
    assert "Rutte" in (tmp_path / "output" / "2026-02-03" / "briefing.md").read_text(encoding="utf-8")
