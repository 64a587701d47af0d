"""SMTP delivery against a real SMTP server on loopback (aiosmtpd)."""

from __future__ import annotations

import io
import shutil

import pytest
from pypdf import PdfReader, PdfWriter

from briefing.config import load_settings
from briefing.delivery import FAILED, SENT, DeliveryOutcome, formats_for_delivery, load_message, send_briefing
from briefing.errors import DeliveryError
from tests.fixtures.delivery.support import (
    FIXTURE_EML,
    Credentials,
    Mailbox,
    client_context,
    email_settings,
    free_port,
    make_certificate,
    server_context,
    smtp_server,
)

READERS = ["one@readers.example", "two@readers.example", "three@readers.example"]


@pytest.fixture
def out_dir(tmp_path):
    folder = tmp_path / "output" / "2026-02-03"
    folder.mkdir(parents=True)
    shutil.copyfile(FIXTURE_EML, folder / "briefing.eml")
    return folder


def settings_for(make_config, port, recipients=READERS, *, email=None, **smtp):
    section = email_settings(port, recipients, **smtp)
    section.update(email or {})
    return load_settings(make_config(email=section))


class Sleeps(list):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def test_each_recipient_gets_one_message_addressed_to_them_alone(make_config, out_dir):
    mailbox = Mailbox()
    with smtp_server(mailbox) as port:
        outcomes = send_briefing(settings_for(make_config, port), out_dir, READERS)
    assert outcomes == [DeliveryOutcome(r, SENT, "", 1) for r in READERS]
    assert [m.rcpt_tos for m in mailbox.received] == [[r] for r in READERS]
    assert [m.message["To"] for m in mailbox.received] == READERS
    first = mailbox.received[0]
    assert first.mail_from == "desk@harbour-news.example"
    assert first.message["From"] == "Harbour Desk Briefing <desk@harbour-news.example>"
    assert first.message["Subject"] == "Harbour Desk Briefing — 3 February 2026"
    assert first.message["Message-ID"] == "<briefing.2026-02-03.34.5f0c1d2e3a4b5c6d@harbour-news.example>"
    assert first.message["List-Unsubscribe"] == "<mailto:leave@harbour-news.example>"
    assert first.message.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in first.message.iter_parts()] == ["text/plain", "text/html"]
    assert "every 90 minutes until March" in first.message.get_body(("plain",)).get_content()
    assert "<h2>Ferry timetable stretched for the winter</h2>" in first.message.get_body(("html",)).get_content()


def _pdf_bytes() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": "Harbour Desk Briefing 2026-02-03"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_attach_pdf_adds_the_pdf_the_message_lacks(make_config, out_dir):
    (out_dir / "briefing.pdf").write_bytes(_pdf_bytes())
    mailbox = Mailbox()
    with smtp_server(mailbox) as port:
        settings = settings_for(make_config, port, READERS[:1], email={"attach_pdf": True})
        send_briefing(settings, out_dir, READERS[:1])
    message = mailbox.received[0].message
    assert message.get_content_type() == "multipart/mixed"
    assert [p.get_content_type() for p in message.walk()] == [
        "multipart/mixed", "multipart/alternative", "text/plain", "text/html", "application/pdf"]
    attachment = next(message.iter_attachments())
    assert attachment.get_filename() == "briefing-2026-02-03.pdf"
    assert PdfReader(io.BytesIO(attachment.get_content())).metadata.title == "Harbour Desk Briefing 2026-02-03"


def test_attach_pdf_without_a_pdf_is_a_clear_error(out_dir):
    with pytest.raises(DeliveryError) as caught:
        load_message(out_dir, attach_pdf=True)
    assert str(caught.value) == (
        f"{out_dir / 'briefing.pdf'}: email.attach_pdf is on but there is no PDF; "
        "generate the briefing with the pdf format"
    )


def test_a_missing_message_is_a_clear_error(tmp_path):
    with pytest.raises(DeliveryError) as caught:
        load_message(tmp_path)
    assert str(caught.value) == f"{tmp_path / 'briefing.eml'}: no e-mail to send; generate the briefing with the eml format"


def test_a_transient_refusal_is_retried_with_backoff(make_config, out_dir):
    mailbox = Mailbox(data_replies=["451 4.3.0 Try again later"])
    sleeps = Sleeps()
    with smtp_server(mailbox) as port:
        outcomes = send_briefing(settings_for(make_config, port), out_dir, READERS[:2], sleep=sleeps)
    assert outcomes == [DeliveryOutcome(READERS[0], SENT, "", 2), DeliveryOutcome(READERS[1], SENT, "", 1)]
    assert sleeps == [2.0]
    assert [m.rcpt_tos for m in mailbox.received] == [[READERS[0]], [READERS[1]]]


def test_backoff_doubles_until_the_retries_are_used_up(make_config, out_dir):
    mailbox = Mailbox(rcpt_replies={READERS[0]: ["450 4.2.1 Mailbox busy"] * 3})
    sleeps = Sleeps()
    with smtp_server(mailbox) as port:
        outcomes = send_briefing(settings_for(make_config, port, retries=2), out_dir, READERS[:2], sleep=sleeps)
    assert outcomes == [
        DeliveryOutcome(READERS[0], FAILED, "450 4.2.1 Mailbox busy", 3),
        DeliveryOutcome(READERS[1], SENT, "", 1),
    ]
    assert sleeps == [2.0, 4.0]


def test_a_refused_recipient_does_not_stop_the_others(make_config, out_dir):
    mailbox = Mailbox(refuse_always={READERS[1]: "550 5.1.1 No such user here"})
    sleeps = Sleeps()
    with smtp_server(mailbox) as port:
        outcomes = send_briefing(settings_for(make_config, port), out_dir, READERS, sleep=sleeps)
    assert outcomes == [
        DeliveryOutcome(READERS[0], SENT, "", 1),
        DeliveryOutcome(READERS[1], FAILED, "550 5.1.1 No such user here", 1),
        DeliveryOutcome(READERS[2], SENT, "", 1),
    ]
    assert sleeps == []  # a 5xx is not retried
    assert [m.rcpt_tos for m in mailbox.received] == [[READERS[0]], [READERS[2]]]


def test_an_unreachable_server_fails_every_recipient_after_one_round_of_retries(make_config, out_dir):
    sleeps = Sleeps()
    settings = settings_for(make_config, free_port(), retries=2)  # nothing listens there
    outcomes = send_briefing(settings, out_dir, READERS, sleep=sleeps)
    assert [(o.recipient, o.status, o.attempts) for o in outcomes] == [
        (READERS[0], FAILED, 3), (READERS[1], FAILED, 0), (READERS[2], FAILED, 0)]
    assert {o.error for o in outcomes} == {"cannot connect: Connection refused"}
    assert sleeps == [2.0, 4.0]


def test_starttls_with_login_from_the_environment(make_config, out_dir, tmp_path):
    cert, key = make_certificate(tmp_path)
    mailbox, credentials = Mailbox(), Credentials("desk", "s3cret harbour")
    with smtp_server(mailbox, tls_context=server_context(cert, key), require_starttls=True,
                     authenticator=credentials, auth_require_tls=True) as port:
        settings = settings_for(make_config, port, READERS[:1], security="starttls",
                                username_env="DESK_SMTP_USER", password_env="DESK_SMTP_PASSWORD")
        outcomes = send_briefing(settings, out_dir, READERS[:1], ssl_context=client_context(cert),
                                 environ={"DESK_SMTP_USER": "desk", "DESK_SMTP_PASSWORD": "s3cret harbour"})
    assert outcomes == [DeliveryOutcome(READERS[0], SENT, "", 1)]
    assert [ok for _, ok in credentials.seen] == [True]
    assert len(mailbox.received) == 1


def test_a_wrong_password_fails_every_recipient_without_retrying(make_config, out_dir, tmp_path):
    cert, key = make_certificate(tmp_path)
    sleeps = Sleeps()
    with smtp_server(Mailbox(), tls_context=server_context(cert, key), authenticator=Credentials("desk", "right"),
                     auth_require_tls=True) as port:
        settings = settings_for(make_config, port, READERS[:2], security="starttls",
                                username_env="DESK_SMTP_USER", password_env="DESK_SMTP_PASSWORD")
        outcomes = send_briefing(settings, out_dir, READERS[:2], ssl_context=client_context(cert), sleep=sleeps,
                                 environ={"DESK_SMTP_USER": "desk", "DESK_SMTP_PASSWORD": "wrong"})
    assert [(o.status, o.error) for o in outcomes] == [(FAILED, "535 5.7.8 Authentication credentials invalid")] * 2
    assert sleeps == []


def test_implicit_tls(make_config, out_dir, tmp_path):
    cert, key = make_certificate(tmp_path)
    mailbox = Mailbox()
    with smtp_server(mailbox, ssl_context=server_context(cert, key)) as port:
        settings = settings_for(make_config, port, READERS[:1], security="tls")
        outcomes = send_briefing(settings, out_dir, READERS[:1], ssl_context=client_context(cert))
    assert outcomes == [DeliveryOutcome(READERS[0], SENT, "", 1)]
    assert mailbox.received[0].message["To"] == READERS[0]


def test_a_credential_variable_missing_from_the_environment_is_named(make_config, out_dir):
    settings = settings_for(make_config, free_port(), username_env="DESK_SMTP_USER", password_env="DESK_SMTP_PASSWORD")
    with pytest.raises(DeliveryError) as caught:
        send_briefing(settings, out_dir, READERS, environ={"DESK_SMTP_USER": "desk"})
    assert str(caught.value) == (
        "email.smtp.password_env: the environment variable DESK_SMTP_PASSWORD is not set (set it, or make "
        "username_env and password_env null for a server that takes mail without a login)")


def test_generation_for_email_includes_the_formats_delivery_reads(make_config):
    settings = settings_for(make_config, 25, email={"attach_pdf": True})
    assert formats_for_delivery(settings, ["md"]) == ("md", "eml", "pdf")
    plain = load_settings(make_config(email={"enabled": False}))
    assert formats_for_delivery(plain, ["md"]) == ("md",)
