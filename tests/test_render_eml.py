"""The .eml: a standard multipart message that parses back with the stdlib."""

from __future__ import annotations

from email import message_from_bytes
from email.policy import default

import pytest
from pydantic import ValidationError

from briefing.config import EmailSection
from briefing.rendering import build_message, render_to_memory
from tests.fixtures.render.fictional_day import day_briefing, settings

EMAIL = EmailSection(sender="Newsroom Briefing <briefing@newsroom.example>",
                     recipients=("editor@newsroom.example", "desk@newsroom.example"))


def parse(raw: bytes):
    return message_from_bytes(raw, policy=default)


@pytest.fixture(scope="module")
def message():
    config = settings(email=EMAIL)
    return parse(render_to_memory(day_briefing(config), config, ["eml"])["eml"])


def test_multipart_alternative_with_plain_text_first(message):
    assert message.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in message.iter_parts()] == ["text/plain", "text/html"]


def test_both_parts_carry_headline_figure_and_quote(message):
    for part in message.iter_parts():
        content = part.get_content()
        assert "Velmora ferry runs aground in storm, 212 passengers taken off" in content
        assert "€1.2 billion" in content
        assert "Everyone is safe, and that is the only thing that matters tonight" in content


def test_headers(message):
    assert message["Subject"] == "Morning Briefing — Tuesday, 10 March 2026"
    assert message["From"] == "Newsroom Briefing <briefing@newsroom.example>"
    assert message["To"] == "editor@newsroom.example, desk@newsroom.example"
    assert message["Date"] == "Wed, 11 Mar 2026 06:30:00 +0100"
    assert message["Message-ID"].startswith("<briefing.2026-03-10.34.")
    assert message["Message-ID"].endswith("@newsroom.example>")
    assert message["List-Unsubscribe"] is None


def test_one_click_unsubscribe_for_an_https_address():
    config = settings(email=EmailSection(unsubscribe="https://newsroom.example/unsubscribe?u=1"))
    message = parse(render_to_memory(day_briefing(config), config, ["eml"])["eml"])
    assert message["List-Unsubscribe"] == "<https://newsroom.example/unsubscribe?u=1>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_mail_address_unsubscribes_by_mail_without_one_click():
    config = settings(email=EmailSection(unsubscribe="leave@newsroom.example"))
    message = parse(render_to_memory(day_briefing(config), config, ["eml"])["eml"])
    assert message["List-Unsubscribe"] == "<mailto:leave@newsroom.example>"
    assert message["List-Unsubscribe-Post"] is None


def test_the_pdf_rides_along_when_asked():
    config = settings(email=EmailSection(attach_pdf=True))
    message = parse(render_to_memory(day_briefing(config), config, ["eml"])["eml"])
    assert message.get_content_type() == "multipart/mixed"
    alternative, attachment = list(message.iter_parts())
    assert alternative.get_content_type() == "multipart/alternative"
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == "2026-03-10-briefing.pdf"
    assert attachment.get_content().startswith(b"%PDF-")


def test_no_recipients_is_undisclosed(message):
    message = build_message(day_briefing(), settings(), plain_text="text", html_text="<p>html</p>")
    assert message["To"] == "undisclosed-recipients:;"


def test_a_bad_sender_is_a_clear_error():
    with pytest.raises(ValidationError) as caught:  # when the configuration is loaded (tests/test_config_values.py)
        EmailSection(sender="not an address <<")
    assert "expected one e-mail address such as desk@example.com" in str(caught.value)


def test_a_bad_recipient_is_a_clear_error():
    with pytest.raises(ValidationError) as caught:  # when the configuration is loaded
        EmailSection(recipients=("editor@newsroom.example", "desk"))
    assert "got 'desk'" in str(caught.value)
