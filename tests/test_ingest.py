"""Taking files into the store: once per article, bad files set aside, safe under a crash."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from briefing.ingest import ingest_paths
from briefing.store import Store


def write_article(folder: Path, n: int, **fields) -> Path:
    data = {
        "title": f"Harbour report number {n}",
        "published": "2026-02-03T09:15:00+01:00",
        "lead": f"The harbour handled {n} ships on Tuesday.",
        "body": ["Cranes worked through the night.", "\"It was a long shift,\" said Olga Marek."],
        "section": "Business",
        "source": "Coast Wire",
    }
    data.update(fields)
    path = folder / f"article-{n:05d}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_folder_is_taken_in_and_a_second_time_stores_nothing_new(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(5):
        write_article(folder, n)
    with Store(tmp_path / "s.sqlite3") as store:
        first = ingest_paths(store, [folder])
        second = ingest_paths(store, [folder])
        assert (first.new, first.unchanged) == (5, 0)
        assert (second.new, second.unchanged) == (0, 5)
        assert store.count_articles() == 5


def test_only_changed_files_are_read_again(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    paths = [write_article(folder, n) for n in range(3)]
    with Store(tmp_path / "s.sqlite3") as store:
        ingest_paths(store, [folder], only_changed=True)
        write_article(folder, 1, lead="The harbour handled more ships than ever on Tuesday.")
        os.utime(paths[1], ns=(time.time_ns(), time.time_ns() + 10**9))
        report = ingest_paths(store, [folder], only_changed=True)
    assert (report.files_read, report.files_skipped, report.updated) == (1, 2, 1)


def test_a_bad_file_is_rejected_with_its_reason_and_the_rest_go_in(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write_article(folder, 1)
    (folder / "broken.json").write_text('{"title": "Half a', encoding="utf-8")
    write_article(folder, 2)
    with Store(tmp_path / "s.sqlite3") as store:
        report = ingest_paths(store, [folder])
        assert report.new == 2
        assert [Path(origin).name for origin, _ in report.rejected] == ["broken.json"]
        assert [Path(origin).name for origin, _, _ in store.rejections()] == ["broken.json"]


def test_the_cli_says_what_it_stored(tmp_path, make_config):
    folder = tmp_path / "in"
    folder.mkdir()
    write_article(folder, 1)
    write_article(folder, 2)
    config = make_config()
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "ingest", "--config", str(config), str(folder)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "2 files read: 2 new, 0 updated, 0 already stored, 0 rejected"


INGEST_SCRIPT = """
import sys
from briefing.ingest import ingest_paths
from briefing.store import Store
import briefing.ingest
briefing.ingest.BATCH_ARTICLES = 50
with Store(sys.argv[1]) as store:
    ingest_paths(store, [sys.argv[2]])
"""


def test_a_killed_ingest_leaves_every_article_whole_or_absent(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    total = 3000
    for n in range(total):
        write_article(folder, n)
    db_path = tmp_path / "s.sqlite3"
    Store(db_path).close()
    process = subprocess.Popen([sys.executable, "-c", INGEST_SCRIPT, str(db_path), str(folder)])
    deadline = time.monotonic() + 60
    stored = 0
    while time.monotonic() < deadline and stored == 0:
        time.sleep(0.01)
        with sqlite3.connect(db_path, timeout=10) as db:
            stored = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert 0 < stored < total, "the ingest should be killed part way"

    db = sqlite3.connect(db_path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    articles = {row[0] for row in db.execute("SELECT origin FROM articles")}
    files = {Path(row[0]).resolve() for row in db.execute("SELECT path FROM files")}
    assert {Path(o).resolve() for o in articles} == files  # each batch: its articles and files together
    assert db.execute("SELECT count(*) FROM articles WHERE body_json = '[]' OR lead = ''").fetchone()[0] == 0
    db.close()

    with Store(db_path) as store:
        report = ingest_paths(store, [folder], only_changed=True)
        assert store.count_articles() == total
    assert report.files_skipped == len(files)


def test_two_processes_ingesting_at_once_store_each_article_once(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(400):
        write_article(folder, n)
    db_path = tmp_path / "s.sqlite3"
    Store(db_path).close()
    processes = [
        subprocess.Popen([sys.executable, "-c", INGEST_SCRIPT, str(db_path), str(folder)], stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    for process in processes:
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == 0, stderr.decode()
    with Store(db_path) as store:
        assert store.count_articles() == 400
