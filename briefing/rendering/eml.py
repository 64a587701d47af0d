"""The e-mail message: ``briefing.eml``, and ``build_message`` for SMTP delivery.

multipart/alternative with the plain text (``briefing.txt.j2``, written
for reading as text) first and the HTML last, as mail clients expect: they show the last
part they can. With ``email.attach_pdf`` the PDF rides along, and the
alternative is wrapped in multipart/mixed.
"""

from __future__ import annotations

import hashlib
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime

from briefing.composition import Briefing
from briefing.config import Settings
from briefing.errors import RenderError
from briefing.rendering.registry import RenderJob, register

UNDISCLOSED = "undisclosed-recipients:;"


@register("eml", "briefing.eml")
def render_eml(job: RenderJob) -> bytes:
    plain_text, html_text = job.text("txt"), job.text("html")  # made while the PDF is still being made aside
    pdf = job.data("pdf") if job.settings.email.attach_pdf else None
    message = build_message(job.briefing, job.settings, plain_text=plain_text, html_text=html_text, pdf_bytes=pdf)
    return message.as_bytes(policy=SMTP)


def build_message(
    briefing: Briefing,
    settings: Settings,
    *,
    plain_text: str,
    html_text: str,
    pdf_bytes: bytes | None = None,
) -> EmailMessage:
    """The briefing as an e-mail, ready to send or save; headers from ``settings.email``."""
    email = settings.email
    message = EmailMessage()
    _set_addresses(message, "From", email.sender, "email.sender")
    for recipient in email.recipients:
        _set_addresses(EmailMessage(), "To", recipient, "email.recipients")
    if email.recipients:
        message["To"] = ", ".join(email.recipients)
    else:
        message["To"] = UNDISCLOSED
    message["Subject"] = briefing.subject
    message["Date"] = format_datetime(briefing.generated_at)
    message["Message-ID"] = message_id(briefing, email.sender)
    message["Content-Language"] = briefing.masthead.language
    if email.unsubscribe:
        _add_unsubscribe(message, email.unsubscribe)
    message.set_content(plain_text, subtype="plain", cte="quoted-printable")
    message.add_alternative(html_text, subtype="html", cte="quoted-printable")
    if pdf_bytes is not None:
        filename = f"{briefing.masthead.first_day.isoformat()}-briefing.pdf"
        message.add_attachment(pdf_bytes, maintype="application", subtype="pdf", filename=filename)
    return message


def _set_addresses(message: EmailMessage, header: str, value: str, key: str) -> None:
    """Set an address header, refusing what does not parse as addresses."""
    try:
        message[header] = value
        parsed = message[header]
        problems = parsed.defects or not parsed.addresses or any(not a.domain for a in parsed.addresses)
    except (ValueError, IndexError, TypeError):
        problems = True
    if problems:
        raise RenderError(f"{key}: {value!r} is not a valid e-mail address")


def message_id(briefing: Briefing, sender: str) -> str:
    """Stable for one briefing run, so a retried delivery is recognisably the same message."""
    domain = sender.rpartition("@")[2] or "localhost"
    masthead = briefing.masthead
    seed = f"{masthead.first_day}|{masthead.last_day}|{masthead.issue_number}|{briefing.generated_at.isoformat()}"
    digest = hashlib.sha256(seed.encode()).hexdigest()[:16]
    return f"<briefing.{masthead.first_day}.{masthead.issue_number}.{digest}@{domain}>"


def _add_unsubscribe(message: EmailMessage, target: str) -> None:
    """List-Unsubscribe; one-click (RFC 8058) only for an https address, as the RFC requires."""
    if target.startswith(("https://", "http://", "mailto:")):
        link = target
    else:
        link = f"mailto:{Address(addr_spec=target).addr_spec}"
    message["List-Unsubscribe"] = f"<{link}>"
    if link.startswith("https://"):
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
