"""`briefing articles list|show` and `briefing search`: looking into the store from the shell."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import briefing_cli

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "articles"


@pytest.fixture(scope="module")
def config(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("articles")
    path = tmp / "config.yaml"
    path.write_text(f"store: {{path: {tmp / 's.sqlite3'}}}\narticles: {{folder: {tmp / 'none'}}}\n", encoding="utf-8")
    result = briefing_cli("ingest", "--config", str(path), str(SAMPLES))
    assert result.returncode == 0, result.stderr
    return str(path)


def test_list_shows_the_days_articles_in_local_time(config):
    result = briefing_cli("articles", "list", "--config", config, "--date", "2026-02-03")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 6
    assert "2026-02-03 00:30  Storm Runa leaves 160,000 Norwegian homes without power" in lines[0]
    assert result.stderr == "6 articles\n"


def test_show_prints_the_article_with_its_figures_and_quotes(config):
    listed = briefing_cli("articles", "list", "--config", config, "--date", "2026-02-04").stdout.splitlines()
    article_id = next(line.split()[0] for line in listed if "Kędzior" in line)
    result = briefing_cli("articles", "show", "--config", config, article_id)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Kędzior sets track record in last race before Olympics\n")
    assert "figure: 0.41 seconds = 0.41 seconds" in result.stdout
    assert "quote: “I wanted one clean race before Milan, and this was it” — Zuzanna Kędzior" in result.stdout


def test_show_an_unknown_id_is_one_line_and_exit_1(config):
    result = briefing_cli("articles", "show", "--config", config, "99999")
    assert result.returncode == 1
    assert result.stderr.startswith("briefing: error: article 99999: no such article in ")
    assert result.stderr.count("\n") == 1


def test_search_finds_the_best_match_first(config):
    result = briefing_cli("search", "--config", config, "bison")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].endswith("Bison numbers in Białowieża Forest reach record 870, winter census shows")


def test_show_writes_a_large_figure_with_thousands_separators(make_config, tmp_path):
    from tests.fixtures.inprocess import run

    config = str(make_config(articles={"folder": str(tmp_path / "none")}))
    path = tmp_path / "storm.json"
    path.write_text('{"title": "Storm cuts power", "published": "2026-02-03T09:00:00Z", '
                    '"body": "The storm left 1,000,000 people without power on Tuesday."}', encoding="utf-8")
    assert run("ingest", "--config", config, str(path))[0] == 0
    code, out, err = run("articles", "show", "--config", config, "1")
    assert code == 0, err
    assert "figure: 1,000,000 people = 1,000,000 people\n" in out
    assert "1e+06" not in out
