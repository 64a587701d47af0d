"""Worker processes for work split over the machine's cores, which die with the process that started them.

Used for a range's days (``generation.run_days``) and for extracting a day's
new articles (``enrich``). A worker left behind by a parent that was killed
would go on using a core (and the store) for nobody.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
from concurrent.futures import ProcessPoolExecutor

PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """In a worker: be killed when the process that started it dies (Linux ``prctl``), not linger."""
    with contextlib.suppress(OSError, AttributeError):  # not Linux: nothing to set
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes that die with this one; use it as a context manager."""
    return ProcessPoolExecutor(max_workers=workers, initializer=die_with_parent, initargs=(os.getpid(),))


def cores() -> int:
    """How many processes the machine runs at once."""
    return os.cpu_count() or 1
