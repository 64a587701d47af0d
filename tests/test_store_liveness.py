"""The holder's session lock: on PostgreSQL one process at a time holds it, and a killed holder frees it."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

from briefing.store import Store
from briefing.store.liveness import hold

HOLDER = """
import sys, time
from briefing.store import Store
from briefing.store.liveness import hold
with Store(sys.argv[1]) as store, hold(store, "defence/2026-02-03") as held:
    print("held" if held else "not held", flush=True)
    time.sleep(60)
"""


def test_one_holder_at_a_time_and_a_killed_holder_lets_go(store_url):
    with Store(store_url) as store:
        on_postgresql = store.dialect == "postgresql"
        with hold(store, "defence/2026-02-03") as mine:
            assert mine is on_postgresql  # SQLite holds nothing: the heartbeat decides there
            with Store(store_url) as other, hold(other, "defence/2026-02-03") as theirs:
                assert theirs is False
            with Store(store_url) as other, hold(other, "business/2026-02-03") as theirs:
                assert theirs is on_postgresql
        if not on_postgresql:
            return
        process = subprocess.Popen([sys.executable, "-c", HOLDER, store_url], stdout=subprocess.PIPE, text=True)
        try:
            assert process.stdout.readline() == "held\n"
            with hold(store, "defence/2026-02-03") as mine:
                assert mine is False
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=10)
            deadline = time.monotonic() + 10
            while True:
                with hold(store, "defence/2026-02-03") as mine:
                    if mine or time.monotonic() > deadline:
                        break
                time.sleep(0.05)
            assert mine is True
        finally:
            process.kill()
            process.wait()
