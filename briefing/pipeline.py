"""One generation of a briefing: ingest, select, extract, compose, render, deliver.

``generate`` makes the briefing for one period (a day, or a range as one
digest). ``generate_days`` makes one briefing per day of a range on all cores;
one bad day is reported and does not stop the others.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from briefing.composition import compose
from briefing.config import Settings
from briefing.editions import select_articles
from briefing.enrich import with_current_extractions
from briefing.errors import BriefingError
from briefing.ingest import IngestReport, ingest_paths
from briefing.models import StoredArticle
from briefing.rendering import render_formats, write_archive_index
from briefing.selection import Period
from briefing.store import Store

log = logging.getLogger(__name__)


@dataclass
class GenerationResult:
    """What one generation produced."""

    period: Period
    out_dir: Path
    files: dict[str, Path] = field(default_factory=dict)
    article_count: int = 0
    ingest: IngestReport | None = None


def open_store(settings: Settings) -> Store:
    return Store(settings.store_url)


def ingest_article_folder(settings: Settings, store: Store) -> IngestReport | None:
    """Take in new or changed files from the configured article folder, if it exists."""
    folder = settings.articles_folder
    if not folder.is_dir():
        log.info("article folder %s does not exist; nothing to take in", folder)
        return None
    report = ingest_paths(store, [folder], max_bytes=settings.articles.max_file_bytes, only_changed=True)
    log.info("article folder %s: %s", folder, report.summary)
    return report


def issue_number(settings: Settings, day: date) -> int:
    """Issues count days from ``briefing.first_issue_date`` (default: 1 January of that year)."""
    first = settings.briefing.first_issue_date
    start = date.fromisoformat(first) if first else date(day.year, 1, 1)
    return max(1, (day - start).days + 1)


def briefing_notes(ingest: IngestReport | None, articles: list[StoredArticle]) -> list[str]:
    """What an editor should know: rejected files, articles whose time was assumed."""
    notes = []
    if ingest and ingest.rejected:
        listed = "; ".join(f"{Path(origin).name}: {reason}" for origin, reason in ingest.rejected[:10])
        notes.append(f"{len(ingest.rejected)} file(s) could not be read and were set aside: {listed}")
    undated = [a.article.title for a in articles if a.article.published_assumed]
    if undated:
        notes.append(f"{len(undated)} article(s) gave no publication time; the time they were stored is used.")
    return notes


def earlier_articles(store: Store, settings: Settings, start: datetime) -> list[StoredArticle]:
    """The articles of the ``ranking.follow_up_days`` days before ``start``, to tell a running story."""
    days = settings.ranking.follow_up_days
    return select_articles(store, settings, start - timedelta(days=days), start) if days else []


def generate(
    settings: Settings,
    period: Period,
    *,
    formats: Sequence[str] | None = None,
    take_in: bool = True,
    now: datetime | None = None,
) -> GenerationResult:
    """Generate the briefing for ``period`` into ``output/<period slug>/`` (an edition's: ``output/EDITION/...``).

    ``settings`` are one edition's (``Settings.for_edition``): its articles, templates and formats.
    """
    formats = tuple(formats or settings.output.formats)
    with open_store(settings) as store:
        ingest = ingest_article_folder(settings, store) if take_in else None
        start, end = period.window(settings.zone)
        articles = with_current_extractions(store, select_articles(store, settings, start, end))
        earlier = earlier_articles(store, settings, start)
    briefing = compose(
        settings,
        period,
        articles,
        issue_number=issue_number(settings, period.first),
        generated_at=(now or datetime.now(UTC)).astimezone(settings.zone),
        notes=briefing_notes(ingest, articles),
        earlier=earlier,
    )
    out_dir = settings.output_folder / period.slug
    files = render_formats(briefing, settings, formats, out_dir)
    write_archive_index(settings.output_root)
    log.info("briefing for %s: %d articles, wrote %s", period.slug, len(articles), ", ".join(map(str, files.values())))
    return GenerationResult(period, out_dir, files, len(articles), ingest)


@dataclass
class DayOutcome:
    """One day of a range: its result, or the error that stopped it."""

    day: date
    result: GenerationResult | None = None
    error: str = ""


def _generate_day(settings: Settings, day: date, formats: tuple[str, ...]) -> DayOutcome:
    try:
        return DayOutcome(day, generate(settings, Period.day(day), formats=formats, take_in=False))
    except BriefingError as exc:
        return DayOutcome(day, error=str(exc))


def generate_days(
    settings: Settings, period: Period, *, formats: Sequence[str] | None = None, jobs: int | None = None
) -> list[DayOutcome]:
    """One briefing per day of ``period``, rendered in parallel processes.

    The article folder is taken in once, before the days start, so the
    workers only read the store (WAL lets them read side by side).
    """
    formats = tuple(formats or settings.output.formats)
    with open_store(settings) as store:
        ingest_article_folder(settings, store)
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(period.days)))
    if jobs == 1:
        return [_generate_day(settings, day, formats) for day in period.days]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(_generate_day, settings, day, formats) for day in period.days]
        outcomes = [future.result() for future in futures]
    write_archive_index(settings.output_root)  # once more, now that every worker has finished
    return outcomes
