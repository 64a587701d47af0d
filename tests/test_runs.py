"""The run wrapper: every run recorded, each briefing made and e-mailed once, stale claims taken over."""

from __future__ import annotations

import functools
import os
import socket
import subprocess
import sys
from contextlib import ExitStack, contextmanager
from datetime import UTC, date, datetime, timedelta

import pytest

from briefing.config import load_settings
from briefing.delivery import FAILED, SENT, DeliveryOutcome, send_briefing
from briefing.delivery.mailing import deliver_again
from briefing.errors import DeliveryError, RenderError
from briefing.generation import run_briefing
from briefing.schedule.history import MANUAL
from briefing.selection import Period
from briefing.store import Store, liveness
from briefing.store.runs import RunLog
from tests.fixtures.delivery.support import (
    StandInGeneration,
    email_settings,
    serving_mailbox,
)

READERS = ["one@readers.example", "two@readers.example"]
DAY = Period.day(date(2026, 2, 3))
T0 = datetime(2026, 2, 4, 5, 30, tzinfo=UTC)  # 06:30 in Warsaw


def clock_at(moment: datetime):
    return lambda: moment


def no_sleep(seconds: float) -> None:
    pass


@pytest.fixture
def mailbox():
    with serving_mailbox() as box:
        yield box


@pytest.fixture
def settings(make_config, mailbox, store_url):
    """Settings e-mailing READERS through the loopback server, on each store engine (``store_url``)."""
    return load_settings(make_config(email=email_settings(mailbox.port, READERS), store={"url": store_url}))


def run(settings, generation, **options):
    options.setdefault("clock", clock_at(T0))
    return run_briefing(settings, DAY, make=generation, send=functools.partial(send_briefing, sleep=no_sleep),
                        **options)


def history(settings):
    with Store(settings.store_url) as store:
        return RunLog(store).recent_runs(50)[::-1]


def test_a_run_is_recorded_with_its_files_and_deliveries(settings, mailbox):
    generation = StandInGeneration()
    report = run(settings, generation, formats=["md"])
    assert report.outcome == "ok"
    assert generation.calls == [("2026-02-03", ("md", "eml"))]  # e-mail on: eml added
    [record] = history(settings)
    assert (record.period, record.trigger, record.outcome, record.error) == ("2026-02-03", MANUAL, "ok", "")
    assert record.started_at == record.finished_at == T0
    assert record.files == {"md": str(settings.output_folder / "2026-02-03" / "briefing.md"),
                            "eml": str(settings.output_folder / "2026-02-03" / "briefing.eml")}
    assert [(d.recipient, d.status, d.attempts) for d in record.deliveries] == [(r, SENT, 1) for r in READERS]
    assert [m.rcpt_tos for m in mailbox.received] == [[r] for r in READERS]


def test_a_briefing_is_made_and_mailed_once_unless_forced(settings, mailbox):
    generation = StandInGeneration()
    run(settings, generation)
    again = run(settings, generation)
    assert (again.outcome, again.error) == ("already-done", "already made by run #1")
    assert len(generation.calls) == 1 and len(mailbox.received) == 2
    forced = run(settings, generation, force=True)
    assert forced.outcome == "ok"
    assert len(generation.calls) == 2 and len(mailbox.received) == 4  # everyone again
    assert [r.outcome for r in history(settings)] == ["ok", "already-done", "ok"]


def test_a_failed_generation_is_recorded_and_releases_the_briefing(settings, mailbox):
    failing = StandInGeneration(fail_with=RenderError("briefing.html.j2:12: 'story' is undefined"))
    with pytest.raises(RenderError):
        run(settings, failing)
    assert run(settings, StandInGeneration()).outcome == "ok"  # not blocked by the failure
    first, second = history(settings)
    assert (first.outcome, first.error) == ("failed", "briefing.html.j2:12: 'story' is undefined")
    assert second.outcome == "ok" and len(mailbox.received) == 2


def test_a_failed_forced_remake_leaves_the_briefing_made(settings, mailbox):
    run(settings, StandInGeneration())
    with pytest.raises(RenderError):
        run(settings, StandInGeneration(fail_with=RenderError("PDF: out of memory")), force=True)
    assert run(settings, StandInGeneration()).outcome == "already-done"


@contextmanager
def claim_left_by(settings, owner: str, at: datetime, *, alive: bool):
    """A claim left ``running`` by ``owner``; ``alive``: its session lock held meanwhile (PostgreSQL)."""
    with Store(settings.store_url) as store, ExitStack() as held:
        if alive:
            held.enter_context(liveness.hold(store, "default:2026-02-03"))
        runs = RunLog(store)
        run_id = runs.start_run(edition="default", period="2026-02-03", trigger="scheduled", owner=owner, now=at)
        runs.claim(edition="default", period="2026-02-03", owner=owner, run_id=run_id, now=at, force=False,
                   is_stale=lambda holder, beat: False)
        yield store.dialect


def test_a_claim_held_by_a_live_process_makes_the_run_stand_down(settings, mailbox):
    holder = f"{socket.gethostname()}:{os.getppid()}:abcd1234"  # the process that started the tests: alive
    with claim_left_by(settings, holder, T0 - timedelta(minutes=2), alive=True):
        report = run(settings, StandInGeneration())
    assert report.outcome == "skipped"
    assert report.error == f"run #1 ({holder}) is making it, since 2026-02-04T05:28:00+00:00"
    assert mailbox.received == []


def test_a_claim_whose_process_died_is_taken_over_at_once(settings, mailbox, caplog):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    holder = f"{socket.gethostname()}:{gone.stdout.strip()}:dead0000"
    with claim_left_by(settings, holder, T0 - timedelta(seconds=30), alive=False):
        assert run(settings, StandInGeneration()).outcome == "ok"
    assert f"taking over the briefing for 2026-02-03 from {holder}, which stopped without finishing" in caplog.text
    assert len(mailbox.received) == 2


def test_a_live_claim_from_another_host_is_taken_over_when_its_heartbeat_is_stale_on_sqlite(settings, mailbox):
    with claim_left_by(settings, "other-host:4242:feedbeef", T0 - timedelta(minutes=9), alive=True) as dialect:
        assert run(settings, StandInGeneration()).outcome == "skipped"  # 9 minutes: still alive
        later = run(settings, StandInGeneration(), clock=clock_at(T0 + timedelta(minutes=2))).outcome
    # SQLite knows only the heartbeat; PostgreSQL sees the holder's session lock, so it is alive, just slow
    assert later == {"sqlite": "ok", "postgresql": "skipped"}[dialect]


def test_a_claim_from_another_host_whose_session_is_gone_is_taken_over_at_once(settings, mailbox):
    with claim_left_by(settings, "other-host:4242:feedbeef", T0 - timedelta(seconds=5), alive=False) as dialect:
        outcome = run(settings, StandInGeneration()).outcome
    # SQLite cannot tell a quiet holder from a dead one on another machine before the heartbeat is stale
    assert outcome == {"sqlite": "skipped", "postgresql": "ok"}[dialect]


def test_a_failed_delivery_is_recorded_and_resent_to_those_without_it(settings, mailbox):
    mailbox.refuse_always[READERS[1]] = "452 4.2.2 Mailbox full"
    report = run(settings, StandInGeneration())
    assert report.outcome == "failed"
    assert report.error == f"delivery failed for 1 of 2 recipient(s): {READERS[1]}: 452 4.2.2 Mailbox full"
    assert report.deliveries[1] == DeliveryOutcome(READERS[1], FAILED, "452 4.2.2 Mailbox full", 3)
    assert run(settings, StandInGeneration()).outcome == "already-done"  # made: not generated again

    del mailbox.refuse_always[READERS[1]]
    resent = deliver_again(settings, DAY, send=functools.partial(send_briefing, sleep=no_sleep), clock=clock_at(T0))
    assert [(d.recipient, d.status) for d in resent.deliveries] == [(READERS[1], SENT)]
    assert [m.rcpt_tos for m in mailbox.received] == [[READERS[0]], [READERS[1]]]
    assert [(r.trigger, r.outcome) for r in history(settings)] == [
        ("manual", "failed"), ("manual", "already-done"), ("deliver", "ok")]
    nothing_left = deliver_again(settings, DAY, send=send_briefing)
    assert nothing_left.deliveries == [] and nothing_left.outcome == "ok"


def test_a_forced_run_after_partial_delivery_sends_to_everyone(settings, mailbox):
    mailbox.refuse_always[READERS[0]] = "550 5.1.1 No such user"
    run(settings, StandInGeneration())
    del mailbox.refuse_always[READERS[0]]
    assert [m.rcpt_tos for m in mailbox.received] == [[READERS[1]]]
    run(settings, StandInGeneration(), force=True)
    assert [m.rcpt_tos for m in mailbox.received] == [[READERS[1]], [READERS[0]], [READERS[1]]]


def test_deliver_refuses_when_email_is_off(make_config):
    path = make_config(email={"enabled": False})
    with pytest.raises(DeliveryError) as caught:
        deliver_again(load_settings(path), DAY)
    assert str(caught.value) == f"{path.resolve()}: email.enabled is false; set it to true to send briefings by e-mail"


def test_without_email_nothing_is_sent_and_no_eml_is_added(make_config):
    settings = load_settings(make_config(email={"enabled": False}))
    generation = StandInGeneration()
    report = run_briefing(settings, DAY, make=generation, formats=["md"], clock=clock_at(T0))
    assert report.outcome == "ok" and report.deliveries == []
    assert generation.calls == [("2026-02-03", ("md",))]
