"""Sending a briefing by SMTP: the ``briefing.eml`` the generation wrote, one message per recipient.

Delivery reads the written message back rather than rendering it again, so it
depends on nothing but the file. Each recipient gets their own copy (``To``
names only them), so a server refusing one address does not stop the others.

Failures are sorted by what retrying can do about them: a 4xx reply, a
dropped connection or a refused connection is *transient* and retried with
exponential backoff; a 5xx reply is *permanent*. A failure while connecting
or logging in concerns the server, not one recipient: once its retries are
used up, every recipient not yet served fails with the same reason instead of
each waiting through the backoff again.
"""

from __future__ import annotations

import copy
import logging
import os
import smtplib
import ssl
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import formatdate, make_msgid, parseaddr
from pathlib import Path

from briefing.config import EmailSection, SmtpSection
from briefing.errors import DeliveryError

log = logging.getLogger(__name__)

SENT, FAILED = "sent", "failed"
MESSAGE_FILE = "briefing.eml"
PDF_FILE = "briefing.pdf"


@dataclass(frozen=True)
class DeliveryOutcome:
    """What happened to one recipient's copy."""

    recipient: str
    status: str  # sent or failed
    error: str = ""  # the server's reply or the connection problem, for a failure
    attempts: int = 0


def load_message(out_dir: Path, *, attach_pdf: bool = False) -> EmailMessage:
    """The briefing's e-mail as written to ``out_dir``, with the PDF attached when asked and absent."""
    path = Path(out_dir) / MESSAGE_FILE
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DeliveryError(f"{path}: no e-mail to send; generate the briefing with the eml format") from None
    except OSError as exc:
        raise DeliveryError(f"{path}: cannot read the e-mail: {exc.strerror}") from None
    message = BytesParser(policy=policy.default).parsebytes(data)
    if attach_pdf and not any(part.get_content_type() == "application/pdf" for part in message.walk()):
        _attach_pdf(message, Path(out_dir))
    return message


def _attach_pdf(message: EmailMessage, out_dir: Path) -> None:
    pdf = out_dir / PDF_FILE
    try:
        data = pdf.read_bytes()
    except OSError:
        raise DeliveryError(
            f"{pdf}: email.attach_pdf is on but there is no PDF; generate the briefing with the pdf format"
        ) from None
    message.add_attachment(data, maintype="application", subtype="pdf", filename=f"briefing-{out_dir.name}.pdf")


def addressed_to(message: EmailMessage, recipient: str, sender: str) -> EmailMessage:
    """A copy of ``message`` for one recipient, with the headers a server expects."""
    single = copy.deepcopy(message)
    del single["To"]
    single["To"] = recipient
    if single["From"] is None:
        single["From"] = sender
    if single["Date"] is None:
        single["Date"] = formatdate(localtime=True)
    if single["Message-ID"] is None:
        domain = parseaddr(sender)[1].rpartition("@")[2] or None
        single["Message-ID"] = make_msgid(domain=domain)
    return single


@dataclass(frozen=True)
class _Failure:
    reason: str
    transient: bool


def _failure(exc: Exception) -> _Failure:
    """What an SMTP or network error means for retrying."""
    if isinstance(exc, smtplib.SMTPResponseException):
        text = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else str(exc.smtp_error)
        return _Failure(f"{exc.smtp_code} {text}".strip(), exc.smtp_code < 0 or 400 <= exc.smtp_code < 500)
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return _Failure(f"the server closed the connection: {exc}", True)
    if isinstance(exc, ssl.SSLError):
        return _Failure(f"TLS failed: {exc.reason or exc}", False)
    if isinstance(exc, OSError):
        return _Failure(f"cannot connect: {exc.strerror or exc}", True)
    return _Failure(str(exc), False)


class _ServerFailed(Exception):
    """Connecting or logging in failed for good: no recipient can be served."""

    def __init__(self, reason: str, attempts: int) -> None:
        super().__init__(reason)
        self.reason, self.attempts = reason, attempts


def _open_plain(smtp: SmtpSection, context: ssl.SSLContext) -> smtplib.SMTP:
    return smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout)


def _open_starttls(smtp: SmtpSection, context: ssl.SSLContext) -> smtplib.SMTP:
    client = smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout)
    try:
        client.starttls(context=context)
    except (smtplib.SMTPException, OSError):
        client.close()
        raise
    return client


def _open_tls(smtp: SmtpSection, context: ssl.SSLContext) -> smtplib.SMTP:
    return smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=smtp.timeout, context=context)


#: email.smtp.security -> how the connection is opened
CONNECTORS: dict[str, Callable[[SmtpSection, ssl.SSLContext], smtplib.SMTP]] = {
    "none": _open_plain,
    "starttls": _open_starttls,
    "tls": _open_tls,
}


def credentials(smtp: SmtpSection, environ: Mapping[str, str]) -> tuple[str, str] | None:
    """The login from the environment variables the configuration names, or None without one."""
    if not smtp.username_env and not smtp.password_env:
        return None
    values = []
    for key, name in (("username_env", smtp.username_env), ("password_env", smtp.password_env)):
        if not name:
            raise DeliveryError(f"email.smtp.{key} is not set: give both username_env and password_env, or neither")
        if not environ.get(name):
            raise DeliveryError(f"email.smtp.{key}: the environment variable {name} is not set (set it, or make "
                                "username_env and password_env null for a server that takes mail without a login)")
        values.append(environ[name])
    return values[0], values[1]


class SmtpSender:
    """Sends one message to many recipients over one connection, reopened when it drops."""

    def __init__(
        self,
        email: EmailSection,
        *,
        environ: Mapping[str, str] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        ssl_context: ssl.SSLContext | None = None,
        backoff: float = 2.0,
    ) -> None:
        self.email, self.smtp = email, email.smtp
        self.login = credentials(self.smtp, os.environ if environ is None else environ)
        self.sleep, self.backoff = sleep, backoff
        self.context = ssl_context or ssl.create_default_context()
        self.envelope_sender = parseaddr(email.sender)[1] or email.sender
        self._client: smtplib.SMTP | None = None

    @property
    def attempts(self) -> int:
        return self.smtp.retries + 1

    def send(
        self,
        message: EmailMessage,
        recipients: Iterable[str],
        on_outcome: Callable[[DeliveryOutcome], None] = lambda outcome: None,
        claim: Callable[[str], bool] = lambda recipient: True,
    ) -> list[DeliveryOutcome]:
        """Send ``message`` to each recipient; every recipient gets an outcome, none raises.

        ``claim(recipient)`` is asked just before each copy: False (another
        process is sending it, or has) leaves that recipient out.
        """
        recipients = list(recipients)
        outcomes: list[DeliveryOutcome] = []
        try:
            for index, recipient in enumerate(recipients):
                if not claim(recipient):
                    log.info("not sending to %s: another run is sending it or has sent it", recipient)
                    continue
                try:
                    outcome = self._send_one(message, recipient)
                except _ServerFailed as exc:
                    failed = [DeliveryOutcome(r, FAILED, exc.reason, exc.attempts if r == recipient else 0)
                              for r in recipients[index:]]
                    for outcome in failed:
                        on_outcome(outcome)
                    return outcomes + failed
                on_outcome(outcome)
                outcomes.append(outcome)
        finally:
            self._disconnect()
        return outcomes

    def _send_one(self, message: EmailMessage, recipient: str) -> DeliveryOutcome:
        single = addressed_to(message, recipient, self.email.sender)
        for attempt in range(1, self.attempts + 1):
            try:
                client = self._connected()
            except (smtplib.SMTPException, OSError) as exc:
                refused = _failure(exc)
                if not refused.transient or attempt == self.attempts:
                    raise _ServerFailed(refused.reason, attempt) from None
                self._wait(attempt, f"{self.smtp.host}:{self.smtp.port}: {refused.reason}")
                continue
            failure = self._try_send(client, single, recipient)
            if failure is None:
                log.info("sent the briefing to %s", recipient)
                return DeliveryOutcome(recipient, SENT, attempts=attempt)
            if not failure.transient or attempt == self.attempts:
                log.warning("could not send the briefing to %s: %s", recipient, failure.reason)
                return DeliveryOutcome(recipient, FAILED, failure.reason, attempt)
            self._disconnect()  # a new connection for the retry: a 421 has closed this one
            self._wait(attempt, f"{recipient}: {failure.reason}")
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _try_send(self, client: smtplib.SMTP, message: EmailMessage, recipient: str) -> _Failure | None:
        try:
            client.send_message(message, from_addr=self.envelope_sender, to_addrs=[recipient])
        except smtplib.SMTPRecipientsRefused as exc:
            code, text = exc.recipients.get(recipient, (550, b"refused"))
            return _failure(smtplib.SMTPResponseException(code, text))
        except (smtplib.SMTPServerDisconnected, OSError) as exc:
            self._disconnect()
            return _failure(exc)
        except smtplib.SMTPException as exc:
            return _failure(exc)
        return None

    def _wait(self, attempt: int, reason: str) -> None:
        delay = self.backoff * 2 ** (attempt - 1)
        log.warning("%s; trying again in %g s (attempt %d of %d)", reason, delay, attempt + 1, self.attempts)
        self.sleep(delay)

    def _connected(self) -> smtplib.SMTP:
        if self._client is None:
            client = CONNECTORS[self.smtp.security](self.smtp, self.context)
            try:
                if self.login:
                    client.login(*self.login)
            except (smtplib.SMTPException, OSError):
                client.close()
                raise
            self._client = client
        return self._client

    def _disconnect(self) -> None:
        client, self._client = self._client, None
        if client is None:
            return
        try:
            client.quit()
        except (smtplib.SMTPException, OSError):
            client.close()
