"""Each rendering in a process of its own, stopped from outside at its time limit.

The sandbox's own checks (``limits.py``, ``capped.py``) stop a template at its
line, but only when it reaches a check: one slow builtin step (``wordwrap``
of a long word, a regular expression) cannot be interrupted from inside.
So ``run_isolated`` forks: the child renders, with its address space capped
at ``MEMORY_CEILING`` bytes above what it started with, and sends back the
text (or the error) through a pipe; the parent waits at most the time limit
plus ``GRACE`` seconds, then kills it. The parent's threads go on meanwhile
(the preview answers ``/version`` while a runaway template is stopped), and
nothing is left running. Where ``fork`` is missing it renders in-process.

A child can also be started ahead (``Isolated.ahead``): it loads what its
rendering needs (WeasyPrint takes over a second to import) while the parent
is still composing the briefing, then waits for the work (``send``), which
reaches it pickled.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import resource
import selectors
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from briefing.errors import BriefingError, TemplateError
from briefing.workers import die_with_parent

#: how much more memory (address space) a rendering may take than its process held when it started
MEMORY_CEILING = 1024 * 1024 * 1024
#: seconds after the time limit before a rendering that did not stop itself is killed
GRACE = 1.0
#: the most a child may send back (the rendering is capped far below this)
MAX_REPLY = 256 * 1024 * 1024

T = TypeVar("T")


@dataclass(frozen=True)
class ChildUsage:
    """What the last isolated rendering of this process cost: for tests and benchmarks."""

    seconds: float = 0.0
    peak_rss_bytes: int = 0
    killed: bool = False
    pid: int = 0


#: the last isolated rendering's cost (the preview and tests read it; nothing depends on it)
last_usage = ChildUsage()


def run_isolated(work: Callable[[], T], *, time_limit: float, template: str, doing: str = "rendering") -> T:
    """``work()`` in a forked child: its result, or the ``BriefingError`` it raised, raised here.

    ``TemplateError`` naming ``template`` when it runs past ``time_limit`` +
    ``GRACE`` seconds, runs out of memory, or dies.
    """
    if not hasattr(os, "fork"):
        return work()
    return Isolated(work).result(time_limit=time_limit, template=template, doing=doing)


class Isolated:
    """``work()`` started in a forked child; its result is collected later (``result``), or it is
    stopped (``stop``), so a slow rendering can go on beside others."""

    def __init__(self, work: Callable[[], object] | None, prepare: Callable[[], object] | None = None) -> None:
        self.started = time.monotonic()
        self.parent = os.getpid()
        read_end, write_end = os.pipe()
        request_read, request_write = os.pipe() if work is None else (-1, -1)
        self.pid = os.fork()
        if self.pid == 0:  # the child: never returns
            os.close(read_end)
            if work is None:
                os.close(request_write)
            _child(work, write_end, self.parent, prepare=prepare, request=request_read)
        os.close(write_end)
        if work is None:
            os.close(request_read)
        self.read_end: int | None = read_end
        self.request: int | None = request_write if work is None else None
        self.sending: threading.Thread | None = None

    @classmethod
    def ahead(cls, prepare: Callable[[], object]) -> Isolated:
        """A child that runs ``prepare()`` now, then waits for the work ``send`` gives it."""
        return cls(None, prepare=prepare)

    def send(self, work: Callable[[], object]) -> None:
        """Give a child started ahead its work (picklable: a module-level function or a ``partial`` of one).

        Written from a thread, so the parent goes on while the child is still preparing; the
        time limit of ``result`` counts from now.
        """
        assert self.request is not None, "not started ahead, or sent its work already"
        request, self.request = self.request, None
        self.started = time.monotonic()
        work_data = pickle.dumps(work)
        # Sized, not ended by closing the pipe: a process forked meanwhile (a worker pool's) holds a copy
        # of this end, and the child would wait for an end of file that never comes.
        self.sending = threading.Thread(target=_write_all, args=(request, _sized(work_data)), daemon=True)
        self.sending.start()

    def result(self, *, time_limit: float, template: str, doing: str = "rendering"):
        """The work's result, waiting at most ``time_limit`` + ``GRACE`` seconds since it started."""
        global last_usage
        assert self.read_end is not None, "the result was collected already"
        reply = None
        assert self.request is None, "started ahead and never given its work"
        try:
            reply = _read_reply(self.read_end, deadline=self.started + time_limit + GRACE)
        finally:
            os.close(self.read_end)
            self.read_end = None
            peak = _reap(self.pid, kill=reply is None)
            self._sent()
            last_usage = ChildUsage(time.monotonic() - self.started, peak, reply is None, self.pid)
        if reply is None:
            raise TemplateError(f"{doing} took longer than {time_limit:g} s and was stopped (an endless loop?)",
                                template=template)
        return _outcome(reply, template)

    def stop(self) -> None:
        """Kill the child unless its result was collected; nothing is left running."""
        if self.request is not None:
            os.close(self.request)
            self.request = None
        if self.read_end is not None:
            os.close(self.read_end)
            self.read_end = None
            _reap(self.pid, kill=True)
            self._sent()

    def _sent(self) -> None:
        """Wait for the thread writing the work (the child is gone or has read it all)."""
        if self.sending is not None:
            self.sending.join()
            self.sending = None


def _write_all(fd: int, data: bytes) -> None:
    """Write ``data`` to the pipe ``fd`` and close it; a child that died first just does not read it."""
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    except OSError:
        pass  # the child is gone: ``result`` reports it
    finally:
        os.close(fd)


_SIZE_BYTES = 8


def _sized(data: bytes) -> bytes:
    return len(data).to_bytes(_SIZE_BYTES, "big") + data


def _read_sized(fd: int) -> bytes:
    """What ``_sized`` wrote to ``fd``; b"" when the pipe was closed with nothing written."""
    header = _read_exactly(fd, _SIZE_BYTES)
    data = _read_exactly(fd, int.from_bytes(header, "big")) if len(header) == _SIZE_BYTES else b""
    os.close(fd)
    return data


def _read_exactly(fd: int, size: int) -> bytes:
    chunks, left = [], size
    while left and (chunk := os.read(fd, min(left, 1 << 20))):
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _child(work: Callable[[], object] | None, write_end: int, parent: int, *,
           prepare: Callable[[], object] | None = None, request: int = -1) -> None:
    status = 0
    try:
        die_with_parent(parent)  # a rendering nobody waits for any more is not finished
        # The parent decides when a rendering stops: a SIGTERM to the whole group (systemd's stop, which
        # lets a run finish) or a Ctrl-C must not kill it half-way; the parent kills it when it gives up.
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        _limit_memory(MEMORY_CEILING)
        try:
            if prepare is not None:
                with contextlib.suppress(Exception):  # only a head start: the work meets any failure itself
                    prepare()
            if work is None:
                asked = _read_sized(request)
                if not asked:  # stopped before it was given anything
                    os._exit(0)
                work = pickle.loads(asked)  # noqa: S301 (our own parent wrote it)
            outcome: tuple = ("ok", work())
        except BriefingError as exc:
            outcome = ("error", type(exc), str(exc), dict(vars(exc)))
        except MemoryError:
            outcome = ("memory",)
        data = pickle.dumps(outcome)
        view = memoryview(data)
        while view:
            view = view[os.write(write_end, view):]
    except BaseException:  # noqa: BLE001 (the parent reports a child that sent nothing)
        status = 1
    finally:
        os._exit(status)


def _limit_memory(ceiling: int) -> None:
    """Cap the address space at what this process maps now plus ``ceiling``."""
    with open("/proc/self/statm") as statm:
        mapped = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = mapped + ceiling
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _read_reply(read_end: int, deadline: float) -> bytes | None:
    """Everything the child writes until it closes the pipe; None when the deadline passes first."""
    chunks: list[bytes] = []
    size = 0
    with selectors.DefaultSelector() as selector:
        selector.register(read_end, selectors.EVENT_READ)
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not selector.select(left):
                return None
            chunk = os.read(read_end, 1 << 20)
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > MAX_REPLY:
                return b""
            chunks.append(chunk)


def _reap(pid: int, *, kill: bool) -> int:
    """Wait for the child (killing it first if asked), so no zombie is left; its peak RSS in bytes.

    A child that closed the pipe is exiting (only its exit closes it), so the wait is short.
    """
    if kill:
        os.kill(pid, signal.SIGKILL)
    _pid, _status, usage = os.wait4(pid, 0)
    return usage.ru_maxrss * 1024


def _outcome(reply: bytes, template: str):
    if not reply:
        raise TemplateError(f"the rendering stopped without a result (it used more than "
                            f"{MEMORY_CEILING // 2**20:,} MB of memory, or crashed)", template=template)
    outcome = pickle.loads(reply)  # noqa: S301 (our own child wrote it)
    if outcome[0] == "ok":
        return outcome[1]
    if outcome[0] == "memory":
        raise TemplateError(f"the rendering needed more than {MEMORY_CEILING // 2**20:,} MB of memory and was stopped",
                            template=template)
    _kind, kind, message, state = outcome
    error = kind.__new__(kind)
    Exception.__init__(error, message)
    error.__dict__.update(state)
    raise error
