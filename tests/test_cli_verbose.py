"""`briefing -v` logs briefing's steps, not the libraries' own step-by-step."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_verbose_shows_briefings_steps_and_not_the_store_migrations_or_pdf_steps(make_config):
    config = make_config()
    articles = Path(config).parent / "articles"
    shutil.copy(REPO / "samples" / "articles" / sorted(p.name for p in (REPO / "samples" / "articles").iterdir())[0],
                articles)
    done = subprocess.run([sys.executable, "-m", "briefing", "-v", "generate", "--config", str(config),
                           "--date", "2026-02-03"], capture_output=True, text=True, timeout=120, check=True)
    assert "INFO briefing.generation: article folder" in done.stderr
    assert "alembic" not in done.stderr
    assert "weasyprint" not in done.stderr
