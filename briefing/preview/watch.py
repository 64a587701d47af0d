"""Noticing a saved template, stylesheet or configuration: a counter over file times.

The preview page asks ``/version`` twice a second and reloads when the
number changes. Polling modification times is plain and portable: a save, a
new file and a deleted file all change the fingerprint, whatever the editor
does (write in place, or write a copy and rename it over the original).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path

Fingerprint = frozenset[tuple[str, int, int]]


def fingerprint(paths: Iterable[Path]) -> Fingerprint:
    """Every file under ``paths`` (folders are walked) with its modification time and size."""
    stamps = set()
    for path in paths:
        files = path.rglob("*") if path.is_dir() else [path]
        for file in files:
            try:
                stat = file.stat()
            except OSError:  # gone between the listing and the look: it counts as absent
                continue
            if not file.is_dir():
                stamps.add((str(file), stat.st_mtime_ns, stat.st_size))
    return frozenset(stamps)


class FileWatch:
    """A counter that goes up whenever a watched file is saved, added or removed.

    ``paths`` is called on every look, so the watched folders can follow the
    configuration (a new ``templates.user_folder`` is watched from then on).
    """

    def __init__(self, paths: Callable[[], Iterable[Path]]) -> None:
        self._paths = paths
        self._lock = threading.Lock()
        self._last: Fingerprint | None = None
        self._count = 0

    def version(self) -> int:
        """The current count: it changes exactly when some watched file did since the last look."""
        now = fingerprint(self._paths())
        with self._lock:
            if now != self._last:
                self._last = now
                self._count += 1
            return self._count
