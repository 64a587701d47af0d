"""Who holds a claim, and when a holder is gone: the policy over the claims of ``briefing.store.runs``.

A process that dies mid-run leaves its claim ``running``. While it works, a
heartbeat thread refreshes the claim; a claim whose heartbeat is older than
``STALE_AFTER``, or whose holder is a dead process on this host, is stale and
the next run takes it over. On PostgreSQL a run also holds the claim's
session lock (``briefing.store.liveness``) while it works, which the server
frees the moment its process or machine dies.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import threading
from datetime import datetime, timedelta

from briefing.store import Store
from briefing.store.runs import RunLog

log = logging.getLogger(__name__)

STALE_AFTER = timedelta(minutes=10)


def current_owner() -> str:
    """This process (and this call: two threads are two owners) as ``host:pid:token``."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, someone else's
        return True
    return True


def claim_is_stale(owner: str, heartbeat: datetime, *, now: datetime, stale_after: timedelta) -> bool:
    """A holder is gone when its heartbeat is too old, or it is a process of this host that has exited."""
    if now - heartbeat > stale_after:
        return True
    host, _, rest = owner.partition(":")
    pid_text = rest.partition(":")[0]
    if host != socket.gethostname() or not pid_text.isdigit() or int(pid_text) == os.getpid():
        return False
    return not _process_alive(int(pid_text))


class Heartbeat:
    """Refreshes a running claim from its own thread (and its own connection) until stopped."""

    def __init__(self, store_url: str, *, owner: str, period: str, edition: str, clock, every: float):
        self._args = dict(edition=edition, period=period, owner=owner)
        self._store, self._clock, self._every = store_url, clock, every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, name=f"heartbeat-{period}", daemon=True)

    def __enter__(self) -> Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._stop.set()
        self._thread.join()

    def _beat(self) -> None:
        with Store(self._store) as store:
            runs = RunLog(store)
            while not self._stop.wait(self._every):
                if not runs.heartbeat(now=self._clock(), **self._args):
                    log.warning("the claim on %s was taken over by another run", self._args["period"])
                    return
