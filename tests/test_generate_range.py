"""Date ranges: one briefing per day on all cores, or one digest; one bad day does not stop the others."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import briefing_cli

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples" / "articles"


def sample_config(tmp_path: Path, make_config, **sections) -> Path:
    shutil.copytree(SAMPLES, tmp_path / "articles", dirs_exist_ok=True)
    return make_config(**sections)


def test_a_range_makes_one_briefing_per_day(tmp_path, make_config):
    config = sample_config(tmp_path, make_config, output={"formats": ["md", "html"]})
    result = briefing_cli("generate", "--config", str(config), "--from", "2026-02-02", "--to", "2026-02-04", "--jobs", "2")
    assert result.returncode == 0, result.stderr
    output = tmp_path / "output"
    assert result.stdout.splitlines() == [
        f"2026-02-02: 3 articles -> {output / '2026-02-02'}",
        f"2026-02-03: 6 articles -> {output / '2026-02-03'}",
        f"2026-02-04: 3 articles -> {output / '2026-02-04'}",
    ]
    for day, weekday in (("2026-02-02", "Monday"), ("2026-02-03", "Tuesday"), ("2026-02-04", "Wednesday")):
        assert f"— {weekday}, " in (output / day / "briefing.md").read_text(encoding="utf-8")
    index = (output / "index.md").read_text(encoding="utf-8")
    assert index.index("2026-02-04") < index.index("2026-02-03") < index.index("2026-02-02"), "newest first"


def test_a_digest_makes_one_briefing_for_the_range(tmp_path, make_config):
    config = sample_config(tmp_path, make_config, output={"formats": ["md"]})
    result = briefing_cli("generate", "--config", str(config), "--from", "2026-02-02", "--to", "2026-02-04", "--digest")
    assert result.returncode == 0, result.stderr
    digest = tmp_path / "output" / "2026-02-02_2026-02-04" / "briefing.md"
    text = digest.read_text(encoding="utf-8")
    assert "12 articles" in text
    for day in ("Monday, 2 February 2026", "Tuesday, 3 February 2026", "Wednesday, 4 February 2026"):
        assert day in text, f"stories are grouped by day: {day} missing"
    assert not (tmp_path / "output" / "2026-02-03").exists()


def test_one_bad_day_does_not_stop_the_others(tmp_path, make_config):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "briefing.md.j2").write_text(
        "{% if briefing.masthead.first_day.day == 3 %}{{ briefing.no_such_field }}{% endif %}ok\n", encoding="utf-8"
    )
    config = sample_config(
        tmp_path, make_config, output={"formats": ["md"]}, templates={"user_folder": str(mine)}
    )
    result = briefing_cli("generate", "--config", str(config), "--from", "2026-02-02", "--to", "2026-02-04")
    assert result.returncode == 1
    assert sorted(p.name for p in (tmp_path / "output").iterdir() if p.is_dir()) == ["2026-02-02", "2026-02-04"]
    assert result.stderr.startswith(f"briefing: error: 2026-02-03: {mine / 'briefing.md.j2'}:1: ")
    assert "'briefing.no_such_field' is undefined" in result.stderr


def test_a_range_that_ends_before_it_starts_is_a_usage_error(tmp_path, make_config):
    result = briefing_cli("generate", "--config", str(make_config()), "--from", "2026-02-04", "--to", "2026-02-02")
    assert result.returncode == 2
    assert "the range ends (2026-02-02) before it starts (2026-02-04)" in result.stderr


def test_a_range_records_a_run_per_day_mails_each_day_once_skips_made_days_and_remakes_with_force(
    tmp_path, make_config
):
    from briefing.config import load_settings
    from briefing.store import Store
    from briefing.store.runs import RunLog
    from tests.fixtures.delivery.support import email_settings, serving_mailbox

    with serving_mailbox() as mailbox:
        config = sample_config(tmp_path, make_config, output={"formats": ["md"]},
                               email=email_settings(0, ["desk@readers.example"]))
        text = config.read_text(encoding="utf-8").replace("port: 0", f"port: {mailbox.port}")
        config.write_text(text, encoding="utf-8")
        span = ("--from", "2026-02-02", "--to", "2026-02-04", "--jobs", "2")
        first = briefing_cli("generate", "--config", str(config), *span)
        assert first.returncode == 0, first.stderr
        assert first.stdout.count("sent to desk@readers.example") == 3
        again = briefing_cli("generate", "--config", str(config), *span)
        assert [line.split(" (")[0] for line in again.stdout.splitlines()] == [
            f"2026-02-0{n}: already generated" for n in (2, 3, 4)]  # the run numbers depend on the workers' order
        forced = briefing_cli("generate", "--config", str(config), *span, "--force")
        assert forced.returncode == 0 and forced.stdout.count("sent to desk@readers.example") == 3
        subjects = sorted(m.message["Subject"] for m in mailbox.received)
    assert len(subjects) == 6 and len(set(subjects)) == 3, "each day mailed once per making"
    with Store(load_settings(config).store_url) as store:
        runs = RunLog(store).recent_runs(20)
    assert sorted((r.period, r.outcome) for r in runs) == sorted(
        (f"2026-02-0{n}", outcome) for n in (2, 3, 4) for outcome in ("ok", "already-done", "ok"))


def test_a_killed_range_takes_its_workers_with_it(tmp_path, make_config):
    import os
    import signal
    import subprocess
    import sys
    import time

    from tests.conftest import _children

    config = sample_config(tmp_path, make_config, output={"formats": ["md", "html", "pdf"]})
    parent = subprocess.Popen([sys.executable, "-m", "briefing", "generate", "--config", str(config),
                               "--from", "2026-01-01", "--to", "2026-03-31", "--jobs", "2"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while len(workers := _children(parent.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(workers) == 2, "the range started two workers"
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 5
        # waited for by pid, not by command line: a worker in the middle of exiting has none left to read
        while (left := {pid: cmd for pid, cmd in _children(os.getpid()).items() if pid in workers}) \
                and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not left, f"workers outlived their parent: {left}"
    finally:
        parent.kill()
        parent.wait()
