"""When a daily run is due, what it covers, and what to make up after downtime.

A run is due at ``schedule.time`` on each of ``schedule.days`` in the
configured zone. The briefing it makes is for the day before the run
(``schedule.covers: previous_day``, the default: a morning briefing of
yesterday's articles) or for the day of the run (``same_day``).

Catch-up. When the process was down at a run's time, the next start makes
that run up if it is at most ``schedule.catch_up_hours`` late; an older missed
run is logged and recorded as skipped. What was missed is read from the run
history: the runs due after the last briefing the scheduler made, leaving out
briefings made by hand since. Nothing is made twice: every run goes through
the claims of ``briefing.schedule.claims``.

Daylight saving time. The run time is a wall-clock time. On the night the
clocks go forward a time inside the skipped hour (02:30 in Europe/Warsaw on
29 March 2026) runs one hour later by the clock (03:30, the same instant
02:30 would have been); on the night they go back, a time inside the repeated
hour runs at its first occurrence only. Either way: one run per date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger

from briefing.config import DAY_NAMES, Settings

#: how far back a start looks for missed runs (older ones are neither made nor logged)
LOOKBACK = timedelta(days=8)


def _utc(moment: datetime) -> datetime:
    # Two datetimes of the same zone compare by wall clock, ignoring ``fold``:
    # 02:30 CEST and 02:30 CET would be "equal". Compare instants in UTC.
    return moment.astimezone(UTC)


class DailyTrigger(CronTrigger):
    """A ``CronTrigger`` for one wall-clock time on some weekdays: exactly one fire per such date.

    APScheduler 3.11's ``CronTrigger`` counts days in elapsed time, which goes
    wrong around the clock changes: a time inside the hour repeated in autumn
    fires twice and then that second time comes back forever, spinning the
    scheduler (agronholm/apscheduler#1021); and after the spring night a run
    between midnight and 01:00 is skipped for a day. So this subclass keeps
    the cron fields (for display) but walks local calendar dates itself: the
    fire time of a date is its wall-clock time resolved with ``fold=0`` — a
    time in the skipped hour falls one hour later by the clock (the instant it
    would have been), a time in the repeated hour takes its first occurrence.
    """

    def __init__(self, at: time, days: tuple[str, ...], zone: ZoneInfo) -> None:
        super().__init__(day_of_week=",".join(days) or None, hour=at.hour, minute=at.minute, second=at.second,
                         timezone=zone)
        self.at, self.days, self.zone = at, tuple(days), zone
        self.weekdays = {DAY_NAMES.index(day) for day in days}

    def fire_time(self, day: date) -> datetime:
        """The instant of ``day``'s run, as the zone's clock shows it then (03:30, not a non-existent 02:30)."""
        return _utc(datetime.combine(day, self.at, tzinfo=self.zone)).astimezone(self.zone)

    def get_next_fire_time(self, previous_fire_time, now):
        # Like CronTrigger: after a previous fire, the next one may lie before ``now`` (a misfire).
        start = _utc(now)
        after_day = None
        if previous_fire_time is not None:
            start = min(start, _utc(previous_fire_time) + timedelta(microseconds=1))
            after_day = previous_fire_time.astimezone(self.zone).date()
        first = start.astimezone(self.zone).date()
        for day in (first + timedelta(days=n) for n in range(9)):
            if (after_day and day <= after_day) or day.weekday() not in self.weekdays:
                continue
            if _utc(self.fire_time(day)) >= start:
                return self.fire_time(day)
        return None

    def __getstate__(self):
        # Kept in the store's job table (``briefing.store.jobs``): the time, days and zone say it all.
        return {"version": 1, "at": self.at.isoformat(), "days": list(self.days), "zone": self.zone.key}

    def __setstate__(self, state):
        self.__init__(time.fromisoformat(state["at"]), tuple(state["days"]), ZoneInfo(state["zone"]))


@dataclass(frozen=True)
class DueRun:
    """A run the schedule called for: when, and the day its briefing covers."""

    fire_time: datetime  # aware, in the configured zone
    briefing_day: date

    def late_by(self, now: datetime) -> timedelta:
        return _utc(now) - _utc(self.fire_time)


class DailySchedule:
    """When runs are due, in the configured zone, and which day each one's briefing is for."""

    def __init__(self, at: time, days: tuple[str, ...], zone: ZoneInfo, catch_up: timedelta, covers: str):
        self.at, self.days, self.zone, self.catch_up, self.covers = at, days, zone, catch_up, covers

    @classmethod
    def from_settings(cls, settings: Settings, at: time | None = None) -> DailySchedule:
        schedule = settings.schedule
        return cls(at or schedule.clock, schedule.days, settings.zone,
                   timedelta(hours=schedule.catch_up_hours), schedule.covers)

    def trigger(self) -> DailyTrigger:
        return DailyTrigger(self.at, self.days, self.zone)

    def due(self, fire_time: datetime) -> DueRun:
        run_day = fire_time.astimezone(self.zone).date()
        offset = timedelta(days=1) if self.covers == "previous_day" else timedelta(0)
        return DueRun(fire_time, run_day - offset)

    def runs_between(self, after: datetime, until: datetime) -> list[DueRun]:
        """The runs due in ``(after, until]``, oldest first."""
        trigger, found = self.trigger(), []
        fire = trigger.get_next_fire_time(None, _utc(after) + timedelta(microseconds=1))
        while fire is not None and _utc(fire) <= _utc(until):
            found.append(self.due(fire))
            fire = trigger.get_next_fire_time(fire, fire)
        return found

    def next_run(self, now: datetime) -> DueRun | None:
        fire = self.trigger().get_next_fire_time(None, _utc(now))
        return self.due(fire) if fire else None


@dataclass
class CatchUpPlan:
    """Missed runs to make now, and missed runs too late to make."""

    run: list[DueRun] = field(default_factory=list)
    skip: list[DueRun] = field(default_factory=list)


def plan_catch_up(
    schedule: DailySchedule, now: datetime, *, last_made: date | None, settled: set[date]
) -> CatchUpPlan:
    """What to do about the runs due up to ``now`` whose briefing is not made.

    ``last_made`` is the day of the latest briefing the scheduler made; runs
    for that day or before are history. Without one (a first start) only the
    latest due run counts. ``settled`` are days made by any run or already
    recorded as skipped. A run at most ``catch_up`` late is made; older ones
    are skipped.
    """
    due = schedule.runs_between(now - LOOKBACK, now)
    if last_made is None:
        due = due[-1:]
    plan = CatchUpPlan()
    for run in due:
        if (last_made and run.briefing_day <= last_made) or run.briefing_day in settled:
            continue
        (plan.run if run.late_by(now) <= schedule.catch_up else plan.skip).append(run)
    return plan
