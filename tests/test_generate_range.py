"""Date ranges: one briefing per day on all cores, or one digest; one bad day does not stop the others."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import briefing_cli

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples" / "articles"


def sample_config(tmp_path: Path, make_config, **sections) -> Path:
    shutil.copytree(SAMPLES, tmp_path / "articles", dirs_exist_ok=True)
    return make_config(**sections)


def test_a_range_makes_one_briefing_per_day(tmp_path, make_config):
    config = sample_config(tmp_path, make_config, output={"formats": ["md", "html"]})
    result = briefing_cli("generate", "--config", str(config), "--from", "2026-02-02", "--to", "2026-02-04", "--jobs", "2")
    assert result.returncode == 0, result.stderr
    output = tmp_path / "output"
    assert result.stdout.splitlines() == [
        f"2026-02-02: 3 articles -> {output / '2026-02-02'}",
        f"2026-02-03: 6 articles -> {output / '2026-02-03'}",
        f"2026-02-04: 3 articles -> {output / '2026-02-04'}",
    ]
    for day, weekday in (("2026-02-02", "Monday"), ("2026-02-03", "Tuesday"), ("2026-02-04", "Wednesday")):
        assert f"— {weekday}, " in (output / day / "briefing.md").read_text(encoding="utf-8")
    index = (output / "index.md").read_text(encoding="utf-8")
    assert index.index("2026-02-04") < index.index("2026-02-03") < index.index("2026-02-02"), "newest first"


def test_a_digest_makes_one_briefing_for_the_range(tmp_path, make_config):
    config = sample_config(tmp_path, make_config, output={"formats": ["md"]})
    result = briefing_cli("generate", "--config", str(config), "--from", "2026-02-02", "--to", "2026-02-04", "--digest")
    assert result.returncode == 0, result.stderr
    digest = tmp_path / "output" / "2026-02-02_2026-02-04" / "briefing.md"
    text = digest.read_text(encoding="utf-8")
    assert "12 articles" in text
    for day in ("Monday, 2 February 2026", "Tuesday, 3 February 2026", "Wednesday, 4 February 2026"):
        assert day in text, f"stories are grouped by day: {day} missing"
    assert not (tmp_path / "output" / "2026-02-03").exists()


def test_one_bad_day_does_not_stop_the_others(tmp_path, make_config):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "briefing.md.j2").write_text(
        "{% if briefing.masthead.first_day.day == 3 %}{{ briefing.no_such_field }}{% endif %}ok\n", encoding="utf-8"
    )
    config = sample_config(
        tmp_path, make_config, output={"formats": ["md"]}, templates={"user_folder": str(mine)}
    )
    result = briefing_cli("generate", "--config", str(config), "--from", "2026-02-02", "--to", "2026-02-04")
    assert result.returncode == 1
    assert sorted(p.name for p in (tmp_path / "output").iterdir() if p.is_dir()) == ["2026-02-02", "2026-02-04"]
    assert result.stderr.startswith(f"briefing: error: 2026-02-03: {mine / 'briefing.md.j2'}:1: ")
    assert "'briefing.no_such_field' is undefined" in result.stderr


def test_a_range_that_ends_before_it_starts_is_a_usage_error(tmp_path, make_config):
    result = briefing_cli("generate", "--config", str(make_config()), "--from", "2026-02-04", "--to", "2026-02-02")
    assert result.returncode == 2
    assert "the range ends (2026-02-02) before it starts (2026-02-04)" in result.stderr
