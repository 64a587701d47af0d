"""Two schedulers (and a manual run) on one store: one briefing, one e-mail."""

from __future__ import annotations

import functools
import logging
import threading
from datetime import UTC, date, datetime

import pytest

from briefing.config import load_settings
from briefing.delivery import send_briefing
from briefing.generation import run_briefing
from briefing.schedule.scheduler import BriefingScheduler
from briefing.selection import Period
from briefing.store import Store
from briefing.store.runs import RunLog
from tests.fixtures.delivery.support import (
    StandInGeneration,
    email_settings,
    serving_mailbox,
)

READER = "one@readers.example"
RUN_TIME = datetime(2026, 2, 4, 5, 30, 1, tzinfo=UTC)  # 06:30:01 in Warsaw


@pytest.fixture
def settings(make_config, mailbox, store_url):
    """Settings e-mailing READER through the loopback server, on each store engine (``store_url``)."""
    return load_settings(make_config(email=email_settings(mailbox.port, [READER]), store={"url": store_url}))


@pytest.fixture
def mailbox():
    with serving_mailbox() as box:
        yield box


def in_threads(*jobs):
    """Run the callables at once, each in its own thread (each opens its own store connections)."""
    barrier, results, errors = threading.Barrier(len(jobs)), [None] * len(jobs), []

    def call(index, job):
        barrier.wait()
        try:
            results[index] = job()
        except Exception as exc:  # noqa: BLE001 - reported below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=call, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    return results


def test_two_schedulers_on_one_store_send_one_email(settings, mailbox, caplog):
    generation = StandInGeneration(delay=0.3)  # slow enough for the two runs to overlap
    run = functools.partial(run_briefing, make=generation, send=send_briefing)
    schedulers = [BriefingScheduler(settings, clock=lambda: RUN_TIME, run=run) for _ in range(2)]
    with caplog.at_level(logging.INFO, logger="briefing"):
        reports = in_threads(*(functools.partial(s.run_due, "scheduled") for s in schedulers))
    outcomes = sorted(report.outcome for [report] in reports)
    assert outcomes == ["ok", "skipped"]
    assert generation.calls == [("2026-02-03", ("md", "html", "pdf", "eml"))]
    assert [m.rcpt_tos for m in mailbox.received] == [[READER]]
    assert "standing down: the briefing for 2026-02-03 is being made elsewhere: " in caplog.text
    with Store(settings.store_url) as store:
        assert sorted(r.outcome for r in RunLog(store).recent_runs()) == ["ok", "skipped"]


def test_a_manual_run_and_the_scheduled_run_at_the_same_time_make_one_briefing(settings, mailbox):
    generation = StandInGeneration(delay=0.3)
    run = functools.partial(run_briefing, make=generation)
    scheduler = BriefingScheduler(settings, clock=lambda: RUN_TIME, run=run)
    manual = functools.partial(run, settings, Period.day(date(2026, 2, 3)), clock=lambda: RUN_TIME)
    reports = in_threads(functools.partial(scheduler.run_due, "scheduled"), manual)
    outcomes = sorted([reports[0][0].outcome, reports[1].outcome])
    assert outcomes == ["ok", "skipped"]
    assert len(generation.calls) == 1
    assert len(mailbox.received) == 1


def test_many_runs_racing_for_one_briefing_make_it_once(settings, mailbox):
    generation = StandInGeneration()  # fast: later runs find it done rather than running
    day = Period.day(date(2026, 2, 3))
    reports = in_threads(*[functools.partial(run_briefing, settings, day, make=generation) for _ in range(6)])
    assert sorted(r.outcome for r in reports).count("ok") == 1
    assert {r.outcome for r in reports} <= {"ok", "skipped", "already-done"}
    assert len(generation.calls) == 1 and len(mailbox.received) == 1
