"""Delivery faults: a 421 at RCPT is retried on a new connection; an address given twice (in another case,
with spaces) gets one copy; two deliveries of one briefing at once send each recipient one copy."""

from __future__ import annotations

import asyncio
import shutil
import threading
from datetime import date

from briefing.config import load_settings
from briefing.delivery import SENT, DeliveryOutcome, send_briefing
from briefing.delivery.mailing import deliver_again, unique_recipients
from briefing.selection import Period
from briefing.store import Store
from tests.fixtures.delivery.support import FIXTURE_EML, Mailbox, email_settings, smtp_server

READER = "one@readers.example"


class ClosingMailbox(Mailbox):
    """Answers the first RCPT with 421 and closes the connection, as a server going down for a moment does."""

    def __init__(self) -> None:
        super().__init__()
        self.closed_once = False

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if not self.closed_once:
            self.closed_once = True
            return "421 4.3.2 Service shutting down, try again"
        return await super().handle_RCPT(server, session, envelope, address, rcpt_options)


def made_briefing(tmp_path):
    folder = tmp_path / "output" / "2026-02-03"
    folder.mkdir(parents=True)
    shutil.copyfile(FIXTURE_EML, folder / "briefing.eml")
    Store(tmp_path / "store.sqlite3").close()  # made with a store: without it, delivering again is refused
    return folder


def test_a_421_at_rcpt_is_retried_on_a_new_connection(make_config, tmp_path):
    mailbox = ClosingMailbox()
    with smtp_server(mailbox) as port:
        settings = load_settings(make_config(email=email_settings(port, [READER], retries=1)))
        outcomes = send_briefing(settings, made_briefing(tmp_path), [READER], sleep=lambda s: None)
    assert outcomes == [DeliveryOutcome(READER, SENT, "", 2)]
    assert [m.rcpt_tos for m in mailbox.received] == [[READER]]


def test_an_address_given_twice_in_other_case_or_with_spaces_is_one_recipient():
    assert unique_recipients(["One@Readers.example", " one@readers.example ", "two@readers.example",
                              "ONE@READERS.EXAMPLE"]) == ["One@Readers.example", "two@readers.example"]


class SlowMailbox(Mailbox):
    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep(0.3)
        return await super().handle_DATA(server, session, envelope)


def test_two_deliveries_at_once_send_each_recipient_one_copy(make_config, tmp_path):
    readers = [f"reader{n}@readers.example" for n in range(4)] + [" READER0@readers.example"]
    mailbox = SlowMailbox()
    with smtp_server(mailbox) as port:
        settings = load_settings(make_config(email=email_settings(port, readers)))
        made_briefing(tmp_path)
        reports, start = [], threading.Barrier(2)

        def deliver() -> None:
            start.wait()
            reports.append(deliver_again(settings, Period.day(date(2026, 2, 3))))

        both = [threading.Thread(target=deliver) for _ in range(2)]
        for thread in both:
            thread.start()
        for thread in both:
            thread.join(60)
    assert sorted(r for m in mailbox.received for r in m.rcpt_tos) == [f"reader{n}@readers.example" for n in range(4)]
    assert sorted(len(r.deliveries) for r in reports) in ([0, 4], [1, 3], [2, 2]) and all(
        r.outcome == "ok" for r in reports)
