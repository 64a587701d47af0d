"""The compiled extractor (mypyc, built by `pip install`) and its pure-Python sources agree,
and a compiled build older than its sources is never the one that runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

import briefing.extraction as extraction
from tests.conftest import REPO, SHARED


def _extract_json(*, pure: bool) -> dict:
    paths = [str(REPO / "samples" / "articles")]
    paths += [str(p) for p in (SHARED / "corpus" / "articles", SHARED / "seeds") if p.is_dir()]
    env = {**os.environ, "BRIEFING_PURE_PYTHON": "1" if pure else "0"}
    run = subprocess.run([sys.executable, "-m", "briefing", "extract", "--json", *paths],
                         cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(run.stdout)


def _build_in_subprocess(env_value: str) -> str:
    code = "import briefing.extraction as e, briefing.extraction.units as u; print(e.EXTRACTOR_BUILD + '|' + u.__file__)"
    run = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60,
                         env={**os.environ, "BRIEFING_PURE_PYTHON": env_value})
    assert run.returncode == 0, run.stderr
    return run.stdout.strip()


def test_compiled_and_pure_python_extract_the_same():
    if os.environ.get("BRIEFING_PURE_PYTHON", "") not in ("", "0"):
        pytest.skip("BRIEFING_PURE_PYTHON is set: this run checks the sources alone")
    if extraction.EXTRACTOR_BUILD != "compiled":
        pytest.skip("the extractor is not compiled here (no C compiler at install?): nothing to compare")
    compiled, pure = _extract_json(pure=False), _extract_json(pure=True)
    assert len(compiled["articles"]) >= 12
    assert sum(len(a["figures"]) for a in compiled["articles"]) > 50
    assert compiled == pure


def test_pure_python_runs_the_sources_when_asked():
    build, units_file = _build_in_subprocess("1").split("|")
    assert (build, units_file) == ("pure Python", str(REPO / "briefing" / "extraction" / "units.py"))


def test_a_build_older_than_its_source_is_stale(tmp_path, monkeypatch):
    suffix = extraction.EXTENSION_SUFFIXES[0]
    for name, source_age, build_age in (("fresh", 100, 50), ("edited", 10, 50), ("same_install", 50, 51)):
        (tmp_path / f"{name}.py").write_text("")
        (tmp_path / f"{name}{suffix}").write_bytes(b"")
        now = 1_800_000_000
        os.utime(tmp_path / f"{name}.py", (now - source_age, now - source_age))
        os.utime(tmp_path / f"{name}{suffix}", (now - build_age, now - build_age))
    (tmp_path / "never_compiled.py").write_text("")
    monkeypatch.setattr(extraction, "_HERE", tmp_path)
    assert extraction._stale_builds() == ["edited.py"]
