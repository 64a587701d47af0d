"""A day's new articles are extracted while the folder is still being taken in: the same results, once each,
and only the articles of the day being made."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta

from briefing import enrich
from briefing.extract_ahead import ExtractionAhead
from briefing.extraction import EXTRACTOR_VERSION, extract
from briefing.selection import Period
from briefing.store import Store
from tests.fixtures.inprocess import run
from tests.fixtures.newsday import ZONE, generated_day

DAY = date(2026, 3, 10)
WINDOW = Period.day(DAY).window(ZONE)


def test_articles_taken_as_they_are_read_extract_as_one_by_one():
    articles = generated_day(enrich.PARALLEL_FROM + 23, day=DAY, seed=11).articles
    with ExtractionAhead(*WINDOW, workers=2) as ahead:
        for article in articles:  # one file, one article, as a folder of JSON files reads
            ahead.take([article])
        assert ahead.started
        got = ahead.extract(articles)
    assert got == [extract(article) for article in articles]


def test_articles_never_taken_are_extracted_when_asked_for():
    articles = generated_day(enrich.PARALLEL_FROM + 10, day=DAY, seed=12).articles
    with ExtractionAhead(*WINDOW, workers=2) as ahead:
        ahead.take(articles[:enrich.PARALLEL_FROM])
        assert ahead.extract(articles) == [extract(article) for article in articles]


def test_a_few_articles_start_no_workers():
    articles = generated_day(enrich.PARALLEL_FROM - 1, day=DAY, seed=13).articles
    with ExtractionAhead(*WINDOW, workers=2) as ahead:
        ahead.take(articles)
        assert not ahead.started
        assert ahead.extract(articles) is None  # the caller extracts them in its own process


def test_articles_of_other_days_are_left_to_their_day():
    backfill = [replace(a, published=a.published - timedelta(days=3))
                for a in generated_day(enrich.PARALLEL_FROM * 2, day=DAY, seed=14).articles]
    with ExtractionAhead(*WINDOW, workers=2) as ahead:
        ahead.take(backfill)
        assert not ahead.started


def test_the_same_text_in_two_files_is_extracted_once():
    articles = generated_day(enrich.PARALLEL_FROM + 1, day=DAY, seed=15).articles
    copies = [replace(a, url=f"https://copy.example/{a.id}") for a in articles]
    with ExtractionAhead(*WINDOW, workers=2) as ahead:
        ahead.take(articles + copies)
        assert ahead.extract(copies) == [extract(article) for article in articles]


def test_a_generated_day_stores_the_extractions_made_ahead(make_config, tmp_path, monkeypatch):
    """`generate` over a folder of a day's new articles: extracted ahead, and every article stored with this
    extractor's results (stored while the briefing renders)."""
    made_ahead: list[bool] = []
    extract_ahead = ExtractionAhead.extract

    def spied(self, articles, **options):
        extracted = extract_ahead(self, articles, **options)
        made_ahead.append(extracted is not None)
        return extracted

    monkeypatch.setattr(ExtractionAhead, "extract", spied)
    config = str(make_config(output={"formats": ["md"]}))
    folder = tmp_path / "articles"
    day = generated_day(enrich.PARALLEL_FROM + 20, day=DAY, seed=16)
    for article in day.articles:
        (folder / f"{article.id:05d}.json").write_text(json.dumps({
            "title": article.title, "published": article.published.isoformat(), "source": article.source,
            "url": article.url, "lead": article.lead, "body": list(article.body)}), encoding="utf-8")
    code, out, err = run("generate", "--date", DAY.isoformat(), "--config", config)
    assert (code, err) == (0, "")
    assert made_ahead == [True]
    with Store(tmp_path / "store.sqlite3") as store:
        stored = store.articles_between(*WINDOW)
    assert len(stored) == len(day.articles)
    assert all(s.extraction is not None and s.extraction.version == EXTRACTOR_VERSION for s in stored)
    assert [s.extraction for s in stored] == [extract(s.article) for s in stored]
