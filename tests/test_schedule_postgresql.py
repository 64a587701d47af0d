"""Two `briefing schedule` processes on one PostgreSQL store: each edition made and mailed once a day,
and when the process making a briefing is killed mid-run, the other takes it over and makes the next one.

Needs a PostgreSQL server (BRIEFING_TEST_DATABASE_URL; scripts/start-test-postgres starts one).
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from briefing.config import load_settings
from briefing.store import Store
from briefing.store.runs import RunLog
from briefing.store.tables import claims
from tests.fixtures.delivery.support import Mailbox, email_settings, smtp_server
from tests.fixtures.store.postgres import ENV, fresh_schema, server_url

pytestmark = [pytest.mark.postgresql,
              pytest.mark.skipif(not server_url(), reason=f"{ENV} is not set: no PostgreSQL server to test on")]

WARSAW = ZoneInfo("Europe/Warsaw")
READER = {"defence": "defence@desk.example", "business": "business@desk.example", "weekly": "weekly@desk.example"}


class HoldingMailbox(Mailbox):
    """Keeps the first message to ``held`` waiting (its sender stuck mid-delivery) until released."""

    def __init__(self, held: str) -> None:
        super().__init__()
        self.held, self.holding, self.release = held, threading.Event(), threading.Event()

    async def handle_DATA(self, server, session, envelope):
        if self.held in envelope.rcpt_tos and not self.release.is_set():
            self.holding.set()
            while not self.release.is_set():
                await asyncio.sleep(0.05)
            return "451 4.3.0 the test held this message"
        return await super().handle_DATA(server, session, envelope)


def wait_for(condition, timeout: float, why) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, why()
        time.sleep(0.1)


@pytest.fixture
def mailbox():
    box = HoldingMailbox(READER["business"])
    with smtp_server(box) as port:
        box.port = port
        yield box


@pytest.fixture
def pg_url():
    with fresh_schema(server_url()) as url:
        yield url


def test_two_schedulers_on_postgresql_make_each_briefing_once_and_the_survivor_takes_over(
    make_config, mailbox, pg_url, tmp_path
):
    now = datetime.now(UTC).astimezone(WARSAW)
    first, then = (now + timedelta(seconds=8)).replace(microsecond=0), (now + timedelta(seconds=22)).replace(microsecond=0)
    day = (first.date() - timedelta(days=1)).isoformat()  # what the runs cover: the day before
    editions = [
        {"name": "defence", "schedule": {"time": f"{first:%H:%M:%S}"}, "recipients": [READER["defence"]]},
        {"name": "business", "schedule": {"time": f"{first:%H:%M:%S}"}, "recipients": [READER["business"]]},
        {"name": "weekly", "schedule": {"time": f"{then:%H:%M:%S}"}, "recipients": [READER["weekly"]]},
    ]
    empty_days_mailed = {**email_settings(mailbox.port, []), "send_empty": True}  # the days have no articles
    config = make_config(store={"url": pg_url}, editions=editions, email=empty_days_mailed,
                         output={"formats": ["md"]}, schedule={"recheck_seconds": 1})
    logs = [tmp_path / f"schedule-{n}.log" for n in (1, 2)]
    command = [sys.executable, "-m", "briefing", "schedule", "--config", str(config)]
    processes = [subprocess.Popen(command, stderr=log.open("w"), stdout=subprocess.DEVNULL) for log in logs]
    texts = lambda: [log.read_text() for log in logs]  # noqa: E731
    try:
        sent_to = lambda: [m.rcpt_tos for m in mailbox.received]  # noqa: E731
        wait_for(lambda: [READER["defence"]] in sent_to() and mailbox.holding.is_set(), 40, texts)

        def business_claim():  # the process stuck mailing the business edition holds its claim
            with Store(pg_url) as store, store.reading() as connection:
                return connection.execute(select(claims).where(
                    (claims.c.edition == "business") & (claims.c.state == "running"))).mappings().first()

        # the claim, not the run history: the other process's recheck may be standing down at this
        # moment, a run that is "running" for a few milliseconds without holding anything
        wait_for(lambda: business_claim() is not None, 10, texts)
        held = business_claim()
        holder = int(held["owner"].split(":")[1])
        [killed] = [p for p in processes if p.pid == holder]
        [survivor] = [p for p in processes if p.pid != holder]
        killed.send_signal(signal.SIGKILL)
        killed.wait(timeout=10)
        mailbox.release.set()

        wait_for(lambda: [READER["business"]] in sent_to() and [READER["weekly"]] in sent_to(), 40, texts)
        time.sleep(1.5)  # time enough for a second e-mail, were there one
    finally:
        for process in processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        codes = {process.pid: process.wait(timeout=30) for process in processes}
    assert codes[survivor.pid] == 0, texts()
    assert sorted(sent_to()) == sorted([[address] for address in READER.values()])

    with Store(pg_url) as store:
        made = [r for r in RunLog(store).recent_runs(50) if r.outcome == "ok"]
    assert sorted((r.edition, r.period) for r in made) == [("business", day), ("defence", day), ("weekly", day)]
    owners = {r.edition: int(r.owner.split(":")[1]) for r in made}
    # the weekly briefing is the survivor's unless, on a slow machine, the other made it before being killed
    assert owners["business"] == survivor.pid and owners["weekly"] in (survivor.pid, holder)
    survivor_log = logs[processes.index(survivor)].read_text()
    assert f"taking over the briefing for {day} from {held['owner']}, which stopped without finishing" in survivor_log
    settings = load_settings(config)
    for edition in READER:
        assert (settings.output_root / edition / day / "briefing.md").is_file()
    assert os.path.isfile(settings.output_root / "index.html")
