"""The zone of a time an article gives without one (``2026-02-03T15:00``, ``03.02.2026 15:00``).

It is the configured ``timezone``: the command line sets it once the
configuration is loaded (``set_local_zone``), for every thread of the
process. Until then it is Warsaw, the corpus's newsroom. A module of its own,
so that setting it does not import the readers.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

#: the zone before any configuration is loaded
DEFAULT_ZONE = ZoneInfo("Europe/Warsaw")
_zone = [DEFAULT_ZONE]


def set_local_zone(zone: ZoneInfo) -> ZoneInfo:
    """Read times that state no zone as local time in ``zone`` from now on; the zone it replaces."""
    before, _zone[0] = _zone[0], zone
    return before


def local_zone() -> ZoneInfo:
    return _zone[0]
