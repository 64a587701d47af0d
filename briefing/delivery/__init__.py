"""Delivery: to the output folder, always, and by SMTP when ``email.enabled`` is on.

Delivery to the folder is the generation itself: ``output/<date>/`` holds the
files. E-mail delivery reads the ``briefing.eml`` written there and sends it
(see ``briefing.delivery.smtp``); ``briefing.delivery.mailing`` decides to whom,
takes a claim per recipient and records each outcome.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from briefing.config import Settings
from briefing.delivery.smtp import FAILED, SENT, DeliveryOutcome, SmtpSender, load_message

__all__ = ["FAILED", "SENT", "DeliveryOutcome", "SmtpSender", "formats_for_delivery", "load_message", "send_briefing"]


def formats_for_delivery(settings: Settings, formats: Sequence[str] | None) -> tuple[str, ...]:
    """The formats to generate: those asked for, plus what e-mail delivery reads when it is on."""
    chosen = list(formats or settings.output.formats)
    if settings.email.enabled:
        needed = ["eml", "pdf"] if settings.email.attach_pdf else ["eml"]
        chosen += [fmt for fmt in needed if fmt not in chosen]
    return tuple(chosen)


def send_briefing(
    settings: Settings,
    out_dir: Path,
    recipients: Iterable[str],
    on_outcome: Callable[[DeliveryOutcome], None] = lambda outcome: None,
    claim: Callable[[str], bool] = lambda recipient: True,
    **sender_options,
) -> list[DeliveryOutcome]:
    """Send the briefing written to ``out_dir`` to each recipient; ``sender_options`` go to ``SmtpSender``.

    ``claim(recipient)`` is asked before each copy (see ``SmtpSender.send``).
    """
    message = load_message(out_dir, attach_pdf=settings.email.attach_pdf)
    return SmtpSender(settings.email, **sender_options).send(message, recipients, on_outcome, claim)
