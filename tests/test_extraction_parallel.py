"""A day of many new articles is extracted on every core: the same figures and quotes as one by one, all stored."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from briefing import enrich
from briefing.enrich import extract_all, with_current_extractions
from briefing.extraction import EXTRACTOR_VERSION, extract
from briefing.selection import Period
from briefing.store import Store
from tests.fixtures.newsday import ZONE, generated_day

DAY = date(2026, 3, 10)


def test_extracting_on_two_workers_gives_what_extracting_one_by_one_gives():
    articles = generated_day(enrich.PARALLEL_FROM + 17, day=DAY, seed=5).articles
    assert extract_all(articles, workers=2) == [extract(article) for article in articles]


def test_a_day_extracted_in_workers_is_stored_whole_and_read_back_the_same(tmp_path):
    day = generated_day(enrich.PARALLEL_FROM + 5, day=DAY, seed=6)
    start, end = Period.day(DAY).window(ZONE)
    with Store(tmp_path / "store.sqlite3") as store:
        store.add_articles([replace(a, id=None) for a in day.articles])
        fresh = with_current_extractions(store, store.articles_between(start, end))
        again = store.articles_between(start, end)
    assert len(again) == len(day.articles)
    assert [s.extraction for s in again] == [s.extraction for s in fresh]
    assert all(s.extraction is not None and s.extraction.version == EXTRACTOR_VERSION for s in again)
    assert [s.extraction for s in fresh] == [extract(s.article) for s in fresh]


def test_a_few_articles_are_extracted_in_this_process(monkeypatch):
    def no_pool(workers):
        raise AssertionError("a pool was started for a few articles")

    monkeypatch.setattr(enrich, "worker_pool", no_pool)
    articles = generated_day(enrich.PARALLEL_FROM - 1, day=DAY, seed=7).articles
    assert extract_all(articles, workers=2) == [extract(article) for article in articles]


def test_work_given_for_meanwhile_runs_once_while_the_workers_extract():
    articles = generated_day(enrich.PARALLEL_FROM + 9, day=DAY, seed=7).articles
    calls: list[int] = []
    assert extract_all(articles, workers=2, meanwhile=lambda: calls.append(1)) == [extract(a) for a in articles]
    assert calls == [1]


def test_work_given_for_meanwhile_runs_once_with_nothing_to_extract_too(tmp_path):
    day = generated_day(3, day=DAY, seed=8)
    start, end = Period.day(DAY).window(ZONE)
    calls: list[int] = []
    with Store(tmp_path / "store.sqlite3") as store:
        store.add_articles([replace(a, id=None) for a in day.articles])
        with_current_extractions(store, store.articles_between(start, end))  # all extracted now
        with_current_extractions(store, store.articles_between(start, end), meanwhile=lambda: calls.append(1))
    assert calls == [1]
