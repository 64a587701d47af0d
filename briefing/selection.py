"""Which articles belong to a briefing: calendar days in the configured zone.

A day is the span from local midnight to the next local midnight, so a
daylight-saving day is 23 or 25 hours long and no article falls between two
days or into both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

#: the first and last instants a window can name: the days at the ends of the calendar reach past them
EARLIEST = datetime.min.replace(tzinfo=UTC)
LATEST = datetime.max.replace(tzinfo=UTC)


def day_window(day: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """The UTC instants ``[start, end)`` of calendar day ``day`` in ``zone``."""
    return _midnight(day, zone), _midnight(day, zone, days_after=1)


def _midnight(day: date, zone: ZoneInfo, days_after: int = 0) -> datetime:
    """Local midnight ``days_after`` days after ``day``, in UTC; 0001-01-01 and 9999-12-31 clamp to the ends."""
    try:
        return datetime.combine(day + timedelta(days=days_after), time(0), tzinfo=zone).astimezone(UTC)
    except OverflowError:
        return EARLIEST if day.year < 5000 else LATEST


def local_day(moment: datetime, zone: ZoneInfo) -> date:
    """The calendar day ``moment`` falls on in ``zone`` (at the calendar's ends, where that is no day, its own)."""
    try:
        return moment.astimezone(zone).date()
    except OverflowError:
        return moment.date()


@dataclass(frozen=True)
class Period:
    """The days a briefing covers: one day, or an inclusive range for a digest."""

    first: date
    last: date

    @classmethod
    def day(cls, day: date) -> Period:
        return cls(day, day)

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError(f"the range ends ({self.last}) before it starts ({self.first})")

    @property
    def is_single_day(self) -> bool:
        return self.first == self.last

    @property
    def days(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1)]

    def window(self, zone: ZoneInfo) -> tuple[datetime, datetime]:
        return day_window(self.first, zone)[0], day_window(self.last, zone)[1]

    @property
    def slug(self) -> str:
        """The output folder name: ``2026-02-03`` or ``2026-02-01_2026-02-07``."""
        return self.first.isoformat() if self.is_single_day else f"{self.first}_{self.last}"
