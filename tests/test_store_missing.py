"""A missing SQLite store is never made anew by accident: refused while the output folder holds briefings.

A store file deleted (or store.path mistyped after a move) would otherwise be
made again, empty: no claims, no run history, and past days made and e-mailed
again. Commands that would create it refuse, naming the file and why; commands
that only read refuse whenever it is missing; `briefing store init` is the
deliberate way; a first run on a new machine (no store, no briefings) just works.
"""

from __future__ import annotations

import pytest

from briefing.output import briefings_made
from tests.conftest import REPO, briefing_cli
from tests.fixtures.inprocess import run

SAMPLES = [REPO / "samples" / "articles" / name for name in
           ("2026-02-03-bialowieza-bison-census.txt", "2026-02-03-storm-runa-norway-power-cuts.md")]


@pytest.fixture
def config(make_config, tmp_path):
    """A project whose article folder holds two sample articles of 3 February; the briefing in Markdown only."""
    path = make_config(output={"formats": ["md"]})
    for sample in SAMPLES:
        (tmp_path / "articles" / sample.name).write_bytes(sample.read_bytes())
    return str(path)


@pytest.fixture
def store(tmp_path):
    return tmp_path / "store.sqlite3"


def refusal(tmp_path, count: str) -> str:
    return (f"briefing: error: {tmp_path / 'store.sqlite3'}: the store does not exist, but the output folder "
            f"{tmp_path / 'output'} holds {count} made with a store (a new one would make and e-mail those days "
            "again); restore it from a backup or correct store.path, or run 'briefing store init' to start a new, "
            "empty store\n")


def store_files(tmp_path) -> list[str]:
    return sorted(path.name for path in tmp_path.glob("store.sqlite3*"))


@pytest.fixture
def store_lost(config, store, tmp_path):
    """A briefing made, then the store file deleted (with its WAL and shared-memory files)."""
    assert run("generate", "--date", "2026-02-03", "--config", config)[0] == 0
    for path in tmp_path.glob("store.sqlite3*"):
        path.unlink()
    return config


def test_a_first_run_with_no_store_and_no_briefings_makes_the_store(config, store, tmp_path):
    code, out, err = run("generate", "--date", "2026-02-03", "--config", config)
    assert (code, out, err) == (0, f"2026-02-03: 2 articles -> {tmp_path / 'output' / '2026-02-03'}\n", "")
    assert store.is_file()


@pytest.mark.parametrize("command", [
    ("generate", "--date", "2026-02-03"),
    ("generate", "--from", "2026-02-01", "--to", "2026-02-03"),
    ("ingest", str(SAMPLES[0])),
    ("store", "migrate"),
])
def test_a_command_that_would_make_the_store_refuses_and_makes_none(store_lost, tmp_path, command):
    code, out, err = run(*command, "--config", store_lost)
    assert (code, out, err) == (1, "", refusal(tmp_path, "1 briefing"))
    assert store_files(tmp_path) == []


@pytest.mark.parametrize("command", [
    ("articles", "list", "--date", "2026-02-03"),
    ("articles", "show", "1"),
    ("articles", "delete", "1"),
    ("search", "bison"),
    ("runs",),
    ("explain", "--date", "2026-02-03"),
    ("store", "check"),
    ("store", "copy", "--to", "elsewhere.sqlite3"),
])
def test_a_command_that_reads_says_the_store_is_missing_and_makes_none(store_lost, tmp_path, command):
    code, out, err = run(*command, "--config", store_lost)
    assert (code, out, err) == (1, "", refusal(tmp_path, "1 briefing"))
    assert store_files(tmp_path) == []


def test_deliver_refuses_rather_than_mail_everyone_again(make_config, config, store_lost, tmp_path):
    mailing = str(make_config(output={"formats": ["md"]}, email={"enabled": True, "recipients": ["desk@example.org"]}))
    code, out, err = run("deliver", "--date", "2026-02-03", "--config", mailing)
    assert (code, out, err) == (1, "", refusal(tmp_path, "1 briefing"))
    assert store_files(tmp_path) == []


def test_the_scheduler_refuses_before_it_starts(store_lost, tmp_path):
    done = briefing_cli("schedule", "--config", store_lost)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr.endswith(refusal(tmp_path, "1 briefing"))
    assert store_files(tmp_path) == []


def test_a_mistyped_store_path_is_refused_too_and_counts_every_briefing(make_config, config, tmp_path):
    for day in ("2026-02-02", "2026-02-03"):
        assert run("generate", "--date", day, "--config", config)[0] == 0
    assert run("generate", "--from", "2026-02-01", "--to", "2026-02-03", "--digest", "--config", config)[0] == 0
    moved = str(make_config(output={"formats": ["md"]}, store={"path": str(tmp_path / "data" / "store.sqlite3")}))
    code, out, err = run("generate", "--date", "2026-02-04", "--config", moved)
    assert (code, out) == (1, "")
    assert err == refusal(tmp_path, "3 briefings").replace(str(tmp_path / "store.sqlite3"),
                                                           str(tmp_path / "data" / "store.sqlite3"))
    assert not (tmp_path / "data").exists()


def test_a_read_only_command_on_a_new_machine_says_there_is_no_store(config, tmp_path):
    code, out, err = run("articles", "list", "--date", "2026-02-03", "--config", config)
    assert (code, out) == (1, "")
    assert err == (f"briefing: error: {tmp_path / 'store.sqlite3'}: the store does not exist; check store.path, "
                   "or take articles in with 'briefing ingest' to create it\n")
    assert store_files(tmp_path) == []


def test_store_init_is_the_deliberate_way_and_then_commands_work(store_lost, store, tmp_path):
    code, out, err = run("store", "init", "--config", store_lost)
    assert (code, out) == (0, f"{store}: a new, empty store\n")
    assert err == (f"note: the output folder {tmp_path / 'output'} holds 1 briefing made without this store: "
                   "generating one of those days again makes it anew (and e-mails it, with email.enabled)\n")
    assert store.is_file()
    code, out, _ = run("generate", "--date", "2026-02-03", "--config", store_lost)
    assert (code, out) == (0, f"2026-02-03: 2 articles -> {tmp_path / 'output' / '2026-02-03'}\n")


def test_store_init_leaves_an_existing_store_as_it_is(config, store):
    assert run("generate", "--date", "2026-02-03", "--config", config)[0] == 0
    before = store.read_bytes()
    code, out, err = run("store", "init", "--config", config)
    assert (code, out, err) == (0, f"{store}: the store exists already (2 articles); nothing done\n", "")
    assert store.read_bytes() == before


def test_store_init_on_a_new_machine_makes_the_store_without_a_note(config, store):
    assert run("store", "init", "--config", config) == (0, f"{store}: a new, empty store\n", "")
    assert store.is_file()


def test_only_folders_holding_a_briefing_count(tmp_path):
    output = tmp_path / "output"
    for folder in ("2026-02-03", "2026-02-01_2026-02-07", "defence/2026-02-03", "2026-02-04", "notes", ".2026-02-05.x.new"):
        (output / folder).mkdir(parents=True)
    (output / "2026-02-03" / "briefing.md").write_text("# a briefing")
    (output / "2026-02-01_2026-02-07" / ".made-from.json").write_text('{"articles": {}}')
    (output / "defence" / "2026-02-03" / "briefing.pdf").write_bytes(b"%PDF")
    (output / "notes" / "briefing.md").write_text("not a day's folder")
    (output / ".2026-02-05.x.new" / "briefing.md").write_text("a staging folder, never finished")
    (output / "index.html").write_text("<ul></ul>")
    assert briefings_made(output) == 3
    assert briefings_made(tmp_path / "nowhere") == 0


# -- a database that holds no briefing store: a PostgreSQL schema, or an empty SQLite file --------

@pytest.fixture
def empty_database(store_url, tmp_path):
    """A store URL whose database holds no briefing store yet (an empty file for SQLite)."""
    if store_url.startswith("sqlite:///"):
        (tmp_path / "engine-store.sqlite3").touch()
    return store_url


def no_store_in(url: str) -> str:
    from briefing.store.engine import describe, url_for

    return f"briefing: error: {describe(url_for(url))}: the database holds no briefing store"


def test_a_database_with_no_store_gets_none_while_briefings_were_made(make_config, config, empty_database, tmp_path):
    assert run("generate", "--date", "2026-02-03", "--config", config)[0] == 0  # made with the SQLite store
    elsewhere = str(make_config(output={"formats": ["md"]}, store={"url": empty_database}))
    code, out, err = run("generate", "--date", "2026-02-03", "--config", elsewhere)
    assert (code, out) == (1, "")
    assert err == (f"{no_store_in(empty_database)}, but the output folder {tmp_path / 'output'} holds 1 briefing "
                   "made with a store (a new one would make and e-mail those days again); check store.url, or run "
                   "'briefing store init' to start a new, empty store\n")
    code, out, err = run("store", "init", "--config", elsewhere)
    assert code == 0 and out.endswith(": a new, empty store\n")
    assert run("generate", "--date", "2026-02-03", "--config", elsewhere)[0] == 0


def test_a_read_only_command_makes_no_store_in_an_empty_database(make_config, empty_database):
    reading = str(make_config(output={"formats": ["md"]}, store={"url": empty_database}))
    code, out, err = run("articles", "list", "--date", "2026-02-03", "--config", reading)
    assert (code, out) == (1, "")
    assert err == (f"{no_store_in(empty_database)}; check store.url, or take articles in with 'briefing ingest' "
                   "to create it\n")
    code, out, _ = run("ingest", str(SAMPLES[0]), "--config", reading)  # a command that may create: a first run
    assert code == 0
    assert run("articles", "list", "--date", "2026-02-03", "--config", reading)[0] == 0
