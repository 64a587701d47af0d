"""Every file of the shared corpus (and the seed) reads into the articles its gold file lists.

Articles are paired with the gold by title as ../shared/tools/score_extraction.py
pairs them (case, accents and punctuation ignored), then compared on the
published time: the same instant, and the same offset as the source states it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import datetime
from pathlib import Path

import pytest

from briefing.readers import find_article_files, read_file

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOLD = SHARED / "corpus" / "gold"
GOLD_FILES = sorted(GOLD.glob("*.json")) if GOLD.is_dir() else []


def title_key(title: str) -> str:
    folded = "".join(c for c in unicodedata.normalize("NFKD", title) if not unicodedata.combining(c)).lower()
    return " ".join(re.findall(r"[0-9a-z]+", folded))


@pytest.mark.skipif(not GOLD_FILES, reason=f"the annotated corpus is not here: {GOLD}")
@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda path: path.stem)
def test_file_reads_into_the_gold_articles(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    articles = read_file(GOLD.parent / gold["file"])
    assert len(articles) == len(gold["articles"])
    by_title = {title_key(article.title): article for article in articles}
    for expected in gold["articles"]:
        article = by_title[title_key(expected["title"])]
        assert article.title == expected["title"]
        assert article.published == datetime.fromisoformat(expected["published"])
        assert article.published.isoformat() == expected["published"]
        assert article.published_assumed is False
        assert article.lead and article.body


@pytest.mark.skipif(not GOLD_FILES, reason=f"the annotated corpus is not here: {GOLD}")
def test_walking_the_corpus_folder_finds_every_article_file_but_its_readme():
    found = [path.name for path in find_article_files([SHARED / "corpus" / "articles"])]
    expected = sorted(Path(json.loads(path.read_text())["file"]).name for path in GOLD_FILES if path.stem != "seed")
    assert found == expected
    assert "README.md" not in found
