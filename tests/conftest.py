"""Shared test fixtures: where ../shared is, and a temporary project configuration."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seeds" / "000_27d7ee679e7a8f07.txt"
CORPUS = SHARED / "corpus"


def briefing_cli(*args: str) -> subprocess.CompletedProcess:
    """Run the `briefing` command as a user would, in a process of its own; never raises on failure."""
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True, text=True, check=False,
                          timeout=120)


def need_shared() -> None:
    """Skip, with a message, where ../shared (the seed and the annotated corpus) is absent."""
    if not SEED.is_file():
        pytest.skip(f"../shared is absent here ({SHARED}); the seed and corpus tests need it")


@pytest.fixture
def seed_path() -> Path:
    need_shared()
    return SEED


@pytest.fixture
def make_config(tmp_path):
    """Write a config.yaml in tmp_path, with the given sections merged over test defaults."""

    def make(**sections) -> Path:
        articles = tmp_path / "articles"
        articles.mkdir(exist_ok=True)
        config = {
            "timezone": "Europe/Warsaw",
            "store": {"path": str(tmp_path / "store.sqlite3")},
            "articles": {"folder": str(articles)},
            "templates": {"folder": str(REPO / "briefing" / "templates")},
            "output": {"folder": str(tmp_path / "output"), "formats": ["md", "html", "pdf", "eml"]},
        }
        for key, value in sections.items():
            if isinstance(value, dict) and isinstance(config.get(key), dict):
                config[key] = {**config[key], **value}
            else:
                config[key] = value
        path = tmp_path / "config.yaml"
        path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
        return path

    return make


def _store_engines() -> list:
    from tests.fixtures.store.postgres import server_url

    engines = [pytest.param("sqlite", id="sqlite")]
    if server_url():
        engines.append(pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgresql))
    return engines


@pytest.fixture(params=_store_engines())
def store_url(request, tmp_path):
    """The URL of an empty store: a SQLite file, and (when BRIEFING_TEST_DATABASE_URL is set) a
    PostgreSQL schema of its own. Tests taking it run once per engine; ``-m postgresql`` picks
    the PostgreSQL runs."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'engine-store.sqlite3'}"
        return
    from tests.fixtures.store.postgres import fresh_schema, server_url

    with fresh_schema(server_url()) as url:
        yield url


def _children(pid: int) -> dict[int, str]:
    """The live (not zombie) child processes of ``pid``, by pid, with their command lines."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            fields = stat[stat.rindex(")") + 2:].split()  # after "pid (name) ": state, ppid, ...
            if int(fields[1]) == pid and fields[0] != "Z":
                found[int(entry.name)] = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except (OSError, ValueError, IndexError):
            continue  # it ended while we looked
    return found


@pytest.fixture(scope="session", autouse=True)
def orphans_come_home():
    """Make this test process the subreaper of everything it starts (Linux ``prctl``): a grandchild
    whose parent died (a range's worker, a scheduler's child) becomes our child, so
    ``no_process_left_behind`` sees it too."""
    import contextlib
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(36, 1)  # PR_SET_CHILD_SUBREAPER
    yield


@pytest.fixture(autouse=True)
def no_process_left_behind(orphans_come_home):
    """Fail a test that leaves a child process running (a scheduler, a worker, a server): kill it and name it."""
    import os
    import signal
    import time

    if not Path("/proc/self/stat").exists():
        yield
        return
    before = set(_children(os.getpid()))
    yield
    deadline = time.monotonic() + 3
    while (left := {pid: cmd for pid, cmd in _children(os.getpid()).items() if pid not in before}) and \
            time.monotonic() < deadline:
        time.sleep(0.1)
    for pid in left:
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
    assert not left, f"the test left child process(es) running: {left}"
