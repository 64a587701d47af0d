"""A day as people type it (``2026-02-03``), and why ``2026-02-30`` is not one.

``date.fromisoformat`` says "day is out of range for month"; a user who typed
the 30th of February is better told that February has 28 days that year. The
command line's date options and the preview's ``?date=`` read days here.
Imports nothing heavy: the command line reads it at start-up.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

_SHAPED_LIKE_A_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
#: month names in English whatever the locale (``calendar.month_name`` follows it)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def parse_day(text: str) -> date:
    """The day ``text`` names (ISO 8601: ``2026-02-03``).

    Raises ``ValueError`` with one line a user understands: the form expected,
    or, for a day of the right form that does not exist, why not.
    """
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    why = why_not_a_day(text)
    raise ValueError(f"{text} is not a date: {why}" if why else f"expected a date as YYYY-MM-DD, got {text!r}")


def why_not_a_day(text: str) -> str:
    """Why ``text``, of the form YYYY-MM-DD, names no day (``February has 28 days in 2026``);
    "" when it does, or is not of that form."""
    shaped = _SHAPED_LIKE_A_DAY.fullmatch(text)
    if not shaped:
        return ""
    year, month, day = map(int, shaped.groups())
    if year < 1:
        return "the years start at 0001"
    if not 1 <= month <= 12:
        return f"there is no month {month:02d}, the months are 01 to 12"
    if day < 1:
        return "the days of a month start at 01"
    days = calendar.monthrange(year, month)[1]
    if day <= days:
        return ""
    in_year = f" in {year}" if month == 2 else ""  # only February's length depends on the year
    return f"{_MONTHS[month - 1]} has {days} days{in_year}"
