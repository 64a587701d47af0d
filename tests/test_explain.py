"""`briefing explain --date D`: each story's news-value score and the signals behind it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import cli

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "articles"


@pytest.fixture(scope="module")
def config(tmp_path_factory) -> str:
    tmp = tmp_path_factory.mktemp("explain")
    path = tmp / "config.yaml"
    path.write_text(f"store: {{path: {tmp / 's.sqlite3'}}}\narticles: {{folder: {tmp / 'none'}}}\n"
                    "ranking: {weights: {recency: 0.5}}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", "--config", str(path), str(SAMPLES)])
    assert result.exit_code == 0, result.output
    return str(path)


def test_explain_lists_every_story_ranked_with_its_score_and_reasons(config):
    result = CliRunner().invoke(cli, ["explain", "--config", config, "--date", "2026-02-03"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("Tuesday, 3 February 2026: 6 articles in 5 stories, ranked by news value")
    ranked = [line for line in lines if line[:5].strip().rstrip(".").isdigit()]
    assert [line.split(".")[0].strip() for line in ranked] == ["1", "2", "3", "4", "5"]
    scores = [float(line.split()[1]) for line in ranked]
    assert scores == sorted(scores, reverse=True)
    storm = next(n for n, line in enumerate(lines) if "Storm Runa leaves 160,000 Norwegian homes" in line)
    reasons = lines[storm + 1:storm + 6]
    assert any(r.strip().startswith("people_affected +") and "160,000 homes" in r for r in reasons)
    assert any(r.strip().startswith("public_safety +") for r in reasons)


def test_explain_uses_the_configured_weights(config):
    result = CliRunner().invoke(cli, ["explain", "--config", config, "--date", "2026-02-03"])
    recency = [line for line in result.output.splitlines() if line.strip().startswith("recency +")]
    assert recency and all(float(line.split("+")[1]) <= 0.5 for line in recency)


def test_explain_a_day_without_articles_says_so(config):
    result = CliRunner().invoke(cli, ["explain", "--config", config, "--date", "2026-03-01"])
    assert result.exit_code == 0
    assert result.output.splitlines()[0].startswith("Sunday, 1 March 2026: 0 articles in 0 stories")


def test_explain_needs_a_date(config):
    result = CliRunner().invoke(cli, ["explain", "--config", config])
    assert result.exit_code == 2
    assert "--date" in result.output
