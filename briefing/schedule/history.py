"""What a run is and how it ended: the words the run history, the CLI and the scheduler share."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from briefing.delivery.smtp import DeliveryOutcome
from briefing.selection import Period
from briefing.store.runs import ALREADY_DONE

#: what started a run
MANUAL, SCHEDULED, CATCH_UP, DELIVER = "manual", "scheduled", "catch-up", "deliver"
#: how a run ended
OK, SKIPPED, FAILED = "ok", "skipped", "failed"

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
