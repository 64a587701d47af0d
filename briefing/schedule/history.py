"""What a run is and how it ended: the words the run history, the CLI and the scheduler share.

Imports nothing heavy (no store, no SMTP), so the CLI can read it at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.selection import Period

if TYPE_CHECKING:  # only for the annotation: the CLI imports this module, and must start quickly
    from briefing.delivery.smtp import DeliveryOutcome

#: what started a run
MANUAL, SCHEDULED, CATCH_UP, DELIVER = "manual", "scheduled", "catch-up", "deliver"
#: how a run ended (``already-done``: the claim found the briefing made; ``briefing.store.runs`` says so too)
OK, SKIPPED, FAILED, ALREADY_DONE = "ok", "skipped", "failed", "already-done"

__all__ = ["ALREADY_DONE", "CATCH_UP", "DELIVER", "FAILED", "MANUAL", "OK", "SCHEDULED", "SKIPPED", "Clock",
           "RunReport", "utc_now"]

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class RunReport:
    """How one run ended, for the CLI and the scheduler to tell."""

    run_id: int
    period: Period
    trigger: str
    outcome: str  # ok, failed, skipped (another run holds it), already-done
    error: str = ""
    out_dir: Path | None = None
    files: dict[str, str] = field(default_factory=dict)
    deliveries: list[DeliveryOutcome] = field(default_factory=list)
    other_run: int = 0  # the run that holds or made this briefing, when standing down
    other_owner: str = ""
    since: datetime | None = None
    article_count: int = 0
    edition: str = ""
    #: why the briefing was made again though it was made before ("" when it was not)
    remade_because: str = ""
    #: why nothing was e-mailed though e-mail is on ("" when mail went out or e-mail is off)
    not_mailed_because: str = ""
