"""Stopping `briefing schedule`: SIGTERM mid-run finishes the run and exits 0; a second SIGTERM stops at
once, says what it left undone, and the next run takes the briefing over. A real process and a slow SMTP
server on loopback."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from briefing.config import load_settings
from briefing.generation import run_briefing
from briefing.selection import Period
from briefing.store import Store
from briefing.store.runs import RunLog
from tests.fixtures.delivery.support import Mailbox, email_settings, smtp_server, wait_for

WARSAW = ZoneInfo("Europe/Warsaw")
READER = "night-desk@readers.example"
ARTICLE = """---
title: "Night ferry keeps sailing through the storm"
published: {day} 21:10
source: Harbour Desk
section: Transport
---

# Night ferry keeps sailing through the storm

The night ferry sailed on time, the port authority said, with 140 passengers on board.
"""


class SlowMailbox(Mailbox):
    """Takes ``delay`` seconds over each message (or until released), like a server under load."""

    def __init__(self, delay: float) -> None:
        super().__init__()
        self.delay, self.in_data, self.release = delay, threading.Event(), threading.Event()

    async def handle_DATA(self, server, session, envelope):
        self.in_data.set()
        deadline = time.monotonic() + self.delay
        while time.monotonic() < deadline and not self.release.is_set():
            await asyncio.sleep(0.05)
        return await super().handle_DATA(server, session, envelope)


@pytest.fixture
def slow_mailbox(request):
    box = SlowMailbox(request.param)
    with smtp_server(box) as port:
        box.port = port
        try:
            yield box
        finally:
            box.release.set()


def start_scheduler(make_config, tmp_path, port: int):
    """A scheduler whose run is due a few seconds from now, for yesterday's article; (process, log, day)."""
    due = (datetime.now(UTC) + timedelta(seconds=6)).astimezone(WARSAW).replace(microsecond=0)
    day = due.date() - timedelta(days=1)
    (tmp_path / "articles" / "night-ferry.md").parent.mkdir(exist_ok=True)
    (tmp_path / "articles" / "night-ferry.md").write_text(ARTICLE.format(day=day), encoding="utf-8")
    config = make_config(email=email_settings(port, [READER], retries=0), output={"formats": ["md"]})
    log = tmp_path / "schedule.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "briefing", "schedule", "--config", str(config), "--at", f"{due:%H:%M:%S}"],
        stdout=subprocess.DEVNULL, stderr=log.open("w"))
    return process, log, day, config


@pytest.mark.parametrize("slow_mailbox", [3.0], indirect=True)
def test_sigterm_during_delivery_finishes_the_run_and_exits_0(make_config, tmp_path, slow_mailbox):
    process, log, day, config = start_scheduler(make_config, tmp_path, slow_mailbox.port)
    try:
        assert slow_mailbox.in_data.wait(60), log.read_text()
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=30)
        exited = datetime.now(UTC)
    finally:
        process.kill()
        process.wait()
    text = log.read_text()
    assert code == 0, text
    assert "SIGTERM received: stopping" in text and text.rstrip().endswith("scheduler stopped"), text
    assert [m.rcpt_tos for m in slow_mailbox.received] == [[READER]]
    with Store(load_settings(config).store_url) as store:
        [run] = [r for r in RunLog(store).recent_runs() if r.period == day.isoformat()]
    assert (run.outcome, [d.status for d in run.deliveries]) == ("ok", ["sent"])
    assert (exited - run.finished_at).total_seconds() < 5, "exits within 5 s of the run's end"


@pytest.mark.parametrize("slow_mailbox", [60.0], indirect=True)
def test_a_second_sigterm_stops_at_once_and_the_next_run_takes_the_briefing_over(
    make_config, tmp_path, slow_mailbox, caplog
):
    process, log, day, config = start_scheduler(make_config, tmp_path, slow_mailbox.port)
    try:
        assert slow_mailbox.in_data.wait(60), log.read_text()
        process.send_signal(signal.SIGTERM)
        assert wait_for(lambda: "SIGTERM received: stopping" in log.read_text(), timeout=10)
        second = time.monotonic()
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=10)
        took = time.monotonic() - second
    finally:
        process.kill()
        process.wait()
    text = log.read_text()
    assert code == 143, text
    assert took < 2, f"stopped {took:.1f} s after the second SIGTERM"
    assert (f"second SIGTERM received: stopping now; left undone: the briefing for {day} (its claim is taken "
            "over on the next start)") in text, text
    assert slow_mailbox.received == []
    slow_mailbox.release.set()
    settings = load_settings(config)
    report = run_briefing(settings, Period.day(day))
    assert (report.outcome, [d.status for d in report.deliveries]) == ("ok", ["sent"])
    assert f"taking over the briefing for {day}" in caplog.text
    assert [m.rcpt_tos for m in slow_mailbox.received] == [[READER]]
