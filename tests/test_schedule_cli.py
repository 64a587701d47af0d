"""The commands: `briefing schedule` (a real process, SIGTERM), `briefing runs`, `briefing deliver`, `generate`."""

from __future__ import annotations

import functools
import os
import signal
import socket
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import yaml

from briefing.config import load_settings
from briefing.delivery import send_briefing
from briefing.generation import run_briefing
from briefing.selection import Period
from briefing.store import Store
from briefing.store.runs import RunLog
from tests.conftest import REPO, briefing_cli
from tests.fixtures.delivery.support import (
    StandInGeneration,
    email_settings,
    serving_mailbox,
    wait_for,
)

WARSAW = ZoneInfo("Europe/Warsaw")
READERS = ["one@readers.example", "two@readers.example"]
T0 = datetime(2026, 2, 4, 5, 30, tzinfo=UTC)  # 06:30 in Warsaw

ARTICLE = """---
title: "Island ferry to run every 90 minutes through the winter"
published: {day} 10:15
source: Harbour Desk
section: Transport
---

# Island ferry to run every 90 minutes through the winter

The island ferry will sail every 90 minutes until the end of March, the port authority said on {weekday}.

"We would rather run fewer boats than cancel them at the last minute," harbour master Ada Quill said.
"""


@pytest.fixture
def mailbox():
    with serving_mailbox() as box:
        yield box


def write_article(folder, day: date) -> None:
    text = ARTICLE.format(day=day.isoformat(), weekday=f"{day:%A}")
    (folder / f"ferry-{day}.md").write_text(text, encoding="utf-8")


def test_two_schedule_processes_make_one_briefing_send_one_email_and_stop_on_sigterm(
    make_config, mailbox, tmp_path
):
    # 5 s ahead: both processes start (about 0.5 s each) and are waiting when it is due
    due = (datetime.now(UTC) + timedelta(seconds=5)).astimezone(WARSAW).replace(microsecond=0)
    briefing_day = due.date() - timedelta(days=1)
    config = make_config(email=email_settings(mailbox.port, READERS[:1]), output={"formats": ["md", "html"]})
    write_article(tmp_path / "articles", briefing_day)
    logs = [tmp_path / f"schedule-{n}.log" for n in (1, 2)]
    command = [sys.executable, "-m", "briefing", "schedule", "--config", str(config), "--at", f"{due:%H:%M:%S}"]
    processes = [subprocess.Popen(command, stderr=log.open("w"), stdout=subprocess.DEVNULL) for log in logs]
    try:
        def both_logged(text):
            return all(text in log.read_text() for log in logs)

        assert wait_for(lambda: both_logged("next briefing:"), timeout=30), [log.read_text() for log in logs]
        assert wait_for(lambda: mailbox.received and both_logged(f"the briefing for {briefing_day}"), timeout=30)
        time.sleep(0.5)  # time enough for a second e-mail, were there one
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        codes = [process.wait(timeout=30) for process in processes]
    texts = [log.read_text() for log in logs]
    assert codes == [0, 0], texts
    assert all("SIGTERM received: stopping" in text and "scheduler stopped" in text for text in texts), texts
    assert [m.rcpt_tos for m in mailbox.received] == [READERS[:1]], texts
    assert "Island ferry to run every 90 minutes" in mailbox.received[0].message.get_body(("plain",)).get_content()
    assert sum("standing down: the briefing for" in text for text in texts) == 1, texts
    settings = load_settings(config)
    with Store(settings.store_url) as store:
        runs = [r for r in RunLog(store).recent_runs() if r.period == briefing_day.isoformat()]
    # on a loaded machine a process may start after the due time: then its run is a catch-up
    assert sorted(r.outcome for r in runs) in (["ok", "skipped"], ["already-done", "ok"]), texts


@pytest.fixture
def history(make_config, mailbox):
    """A run whose delivery to the second reader was refused, in a config file."""
    config = make_config(email=email_settings(mailbox.port, READERS))
    mailbox.refuse_always[READERS[1]] = "550 5.1.1 No such user here"
    settings = load_settings(config)
    run_briefing(settings, Period.day(date(2026, 2, 3)), make=StandInGeneration(), clock=lambda: T0,
                 send=functools.partial(send_briefing, sleep=lambda s: None))
    run_briefing(settings, Period.day(date(2026, 2, 3)), make=StandInGeneration(),
                 clock=lambda: T0 + timedelta(minutes=5))
    return config


def test_runs_lists_the_runs_and_the_failed_deliveries(history):
    listed = briefing_cli("runs", "--config", str(history))
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines() == [
        "  run  date                   trigger    started             took  outcome       files  mailed    note",
        "    2  2026-02-03             manual     2026-02-04 06:35      0s  already-done      0  -         "
        "already made by run #1",
        "    1  2026-02-03             manual     2026-02-04 06:30      0s  failed            2  1/2       "
        "delivery failed for 1 of 2 recipient(s): two@readers.example: 550 5.1.1 No such…",
        "       failed two@readers.example: 550 5.1.1 No such user here",
    ]
    assert briefing_cli("runs", "--config", str(history), "--limit", "1").stdout.count("\n") == 2


def test_deliver_resends_to_the_reader_who_did_not_get_it(history, mailbox):
    del mailbox.refuse_always[READERS[1]]
    resent = briefing_cli("deliver", "--config", str(history), "--date", "2026-02-03")
    assert (resent.returncode, resent.stdout) == (0, f"sent to {READERS[1]}\n")
    assert [m.rcpt_tos for m in mailbox.received] == [[READERS[0]], [READERS[1]]]
    again = briefing_cli("deliver", "--config", str(history), "--date", "2026-02-03")
    assert again.stdout == "2026-02-03: every recipient has this briefing already (use --all to send it again)\n"
    everyone = briefing_cli("deliver", "--config", str(history), "--date", "2026-02-03", "--all")
    assert everyone.stdout == f"sent to {READERS[0]}\nsent to {READERS[1]}\n"


def test_deliver_reports_a_refusal_and_exits_1(history):
    failed = briefing_cli("deliver", "--config", str(history), "--date", "2026-02-03")
    assert failed.returncode == 1
    assert failed.stderr.splitlines()[-1] == (
        "briefing: error: not sent to two@readers.example: 550 5.1.1 No such user here")


def test_generate_makes_a_day_once_unless_forced(make_config, tmp_path):
    config = str(make_config(output={"formats": ["md"]}))
    write_article(tmp_path / "articles", date(2026, 2, 3))
    first = briefing_cli("generate", "--config", config, "--date", "2026-02-03")
    assert (first.returncode, first.stdout) == (0, f"2026-02-03: 1 article -> {tmp_path / 'output' / '2026-02-03'}\n")
    second = briefing_cli("generate", "--config", config, "--date", "2026-02-03")
    assert (second.returncode, second.stdout) == (
        0, "2026-02-03: already generated (already made by run #1); use --force to make it again\n")
    forced = briefing_cli("generate", "--config", config, "--date", "2026-02-03", "--force")
    assert (forced.returncode, forced.stdout) == (0, first.stdout)


def test_generate_while_another_process_makes_the_day_exits_3(make_config, tmp_path):
    config = make_config(output={"formats": ["md"]})
    settings = load_settings(config)
    holder = f"{socket.gethostname()}:{os.getpid()}:cafe0001"  # this test process: alive
    with Store(settings.store_url) as store:
        runs = RunLog(store)
        run_id = runs.start_run(edition="default", period="2026-02-03", trigger="scheduled", owner=holder, now=T0)
        runs.claim(edition="default", period="2026-02-03", owner=holder, run_id=run_id, now=datetime.now(UTC),
                   force=False, is_stale=lambda h, b: False)
    held = briefing_cli("generate", "--config", str(config), "--date", "2026-02-03")
    assert held.returncode == 3
    assert held.stderr.startswith(
        f"briefing: error: 2026-02-03: another run is generating this briefing: run #1 ({holder}) is making it, since ")


def test_schedule_refuses_a_malformed_time(make_config):
    refused = briefing_cli("schedule", "--config", str(make_config()), "--at", "25:99")
    assert refused.returncode == 2
    assert "Invalid value for '--at': expected a time of day as HH:MM or HH:MM:SS, got '25:99'" in refused.stderr


def test_schedule_with_email_on_and_no_smtp_login_in_the_environment_stops_at_once(make_config):
    config = make_config(email=email_settings(2525, READERS, username_env="DESK_SMTP_USER",
                                              password_env="DESK_SMTP_PASSWORD"))
    env = {key: value for key, value in os.environ.items() if not key.startswith("DESK_SMTP_")}
    refused = subprocess.run([sys.executable, "-m", "briefing", "schedule", "--config", str(config)],
                             capture_output=True, text=True, timeout=60, env=env)
    assert (refused.returncode, refused.stderr) == (
        1, "briefing: error: email.smtp.username_env: the environment variable DESK_SMTP_USER is not set (set it, "
        "or make username_env and password_env null for a server that takes mail without a login)\n")


def test_the_deploy_examples_run_commands_that_exist():
    unit = (REPO / "deploy" / "briefing-schedule.service").read_text(encoding="utf-8")
    assert "ExecStart=/opt/briefing/.venv/bin/briefing schedule\n" in unit
    assert "KillSignal=SIGTERM\n" in unit
    job = yaml.safe_load((REPO / "deploy" / "kubernetes-cronjob.yaml").read_text(encoding="utf-8"))
    [container] = job["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"]
    assert container["args"] == ["generate", "--date", "yesterday"]
    assert (job["spec"]["schedule"], job["spec"]["timeZone"]) == ("30 6 * * *", "Europe/Warsaw")
    shipped = load_settings(REPO / "config.yaml")
    assert (shipped.schedule.time, shipped.timezone) == ("06:30", job["spec"]["timeZone"])
    helps = [briefing_cli(*command, "--help") for command in (["schedule"], ["generate"])]
    assert [h.returncode for h in helps] == [0, 0]
    assert "--date DATE" in helps[1].stdout and "--force" in helps[1].stdout
