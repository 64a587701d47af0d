"""The one way a briefing is made: ``generate(settings, period, ...)``.

The CLI, the scheduler, the preview's notes and the benchmarks all come
here. For each edition asked for, ``generate`` makes the briefing of a day,
one briefing for each day of a range, or one digest of a range, and every one
of them goes through ``run_briefing``:

- the run is recorded in the run history (``briefing runs``);
- the claim on ``(edition, period)`` is taken, so two processes (a manual
  ``generate`` and the scheduler, or two schedulers) make it once; a made
  briefing is not made again unless ``force``, or unless its articles have
  changed since it was made (said so in the report; ``keep`` keeps it);
- the briefing is written whole into its folder (``briefing.output``);
- with ``email.enabled`` it is e-mailed to the recipients who have not had it
  (``briefing.delivery.mailing``), except an empty briefing (unless
  ``email.send_empty``) and an update (unless ``email.send_updates``).

A range's days run in worker processes that die with their parent; one day
failing is recorded and reported and the other days go on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.config import Settings
from briefing.delivery import formats_for_delivery, send_briefing
from briefing.delivery.mailing import Send, mail_briefing
from briefing.errors import BriefingError, OutputError
from briefing.ingest import IngestReport, ingest_paths
from briefing.models import Extraction, StoredArticle
from briefing.output import fingerprint, what_changed, write_whole
from briefing.readers.vetting import DateWindow
from briefing.schedule.claims import STALE_AFTER, Heartbeat, claim_is_stale, current_owner
from briefing.schedule.history import FAILED, MANUAL, OK, SKIPPED, Clock, RunReport, utc_now
from briefing.selection import Period
from briefing.store import Store, liveness
from briefing.store.runs import ALREADY_DONE, CLAIMED, ClaimAttempt, RunLog
from briefing.store_guard import open_store
from briefing.workers import cores, worker_pool

if TYPE_CHECKING:
    from briefing.composition import Briefing
    from briefing.extract_ahead import ExtractionAhead
    from briefing.rendering.watchdog import Isolated

log = logging.getLogger(__name__)


@dataclass
class GenerationResult:
    """What making one briefing produced."""

    period: Period
    out_dir: Path
    files: dict[str, Path] = field(default_factory=dict)
    article_count: int = 0
    ingest: IngestReport | None = None


Make = Callable[..., GenerationResult]  # (settings, period, formats=...) -> GenerationResult


def ingest_article_folder(settings: Settings, store: Store, *,
                          extracting: ExtractionAhead | None = None) -> IngestReport | None:
    """Take in new or changed files from the configured article folder, if it exists; ``extracting`` is
    given each file's articles as they are read."""
    folder = settings.articles_folder
    if not folder.is_dir():
        log.info("article folder %s does not exist; nothing to take in", folder)
        return None
    report = ingest_paths(store, [folder], max_bytes=settings.articles.max_file_bytes, only_changed=True,
                          dates=DateWindow(settings.articles.earliest_year, settings.articles.years_ahead),
                          on_read=extracting.take if extracting is not None else None)
    log.info("article folder %s: %s", folder, report.summary)
    return report


def issue_number(settings: Settings, day: date) -> int | None:
    """Issues count days from ``briefing.first_issue_date`` (default: 1 January of that year).

    A briefing for a day before the first issue has no number.
    """
    first = settings.briefing.first_issue_date
    start = date.fromisoformat(first) if first else date(day.year, 1, 1)
    return (day - start).days + 1 if day >= start else None


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


def period_articles(settings: Settings, store: Store, period: Period, *, extractions: bool = True) -> list[StoredArticle]:
    """The edition's articles of ``period``, oldest first (with their stored extractions unless not ``extractions``)."""
    from briefing.editions import select_articles

    start, end = period.window(settings.zone)
    return select_articles(store, settings, start, end, extractions=extractions)


def earlier_articles(settings: Settings, store: Store, period: Period) -> list[StoredArticle]:
    """The articles of the ``ranking.follow_up_days`` days before ``period``, to tell a running story."""
    from briefing.editions import select_articles

    days = settings.ranking.follow_up_days
    start, _ = period.window(settings.zone)
    if not days or start - datetime.min.replace(tzinfo=start.tzinfo) <= timedelta(days=days):
        return []  # nothing before the calendar's first days
    # Only their text is compared: their extractions, as large as the text, are not read.
    return select_articles(store, settings, start - timedelta(days=days), start, extractions=False)


def compose_briefing(
    settings: Settings, period: Period, *, ingest: IngestReport | None = None, now: datetime | None = None,
    unsaved: dict[int, Extraction] | None = None, extracting: ExtractionAhead | None = None,
) -> tuple[Briefing, list[StoredArticle]]:
    """The briefing model of ``period`` from the store (nothing taken in, nothing written but the
    extractions it computed), and its articles.

    Used by ``make_briefing`` and by ``briefing explain``, so both see the same ranking. Given ``unsaved``,
    the extractions computed are put there for the caller to store (``save_extractions``) instead.
    ``extracting``: the extraction started while the articles were taken in.
    """
    from briefing.composition import compose
    from briefing.composition.compose import in_briefing_order
    from briefing.composition.newsvalue import TextSignals, text_signals
    from briefing.composition.stories import group_indices
    from briefing.enrich import with_current_extractions

    with open_store(settings, create=False) as store:  # reads only: never makes a store
        selected = in_briefing_order(period_articles(settings, store, period))
        # The stories, and the news-value signals of their text, found while the extractions are computed.
        grouped: list[list[int]] = []
        read: list[TextSignals] = []

        def find_stories() -> None:
            grouped.extend(group_indices(selected, settings.zone))
            read.extend(text_signals(selected[group[0]].article) for group in grouped)

        articles = with_current_extractions(store, selected, meanwhile=find_stories, unsaved=unsaved,
                                            ahead=extracting)
        earlier = earlier_articles(settings, store, period)
    briefing = compose(
        settings, period, articles,
        issue_number=issue_number(settings, period.first),
        generated_at=(now or datetime.now(UTC)).astimezone(settings.zone),
        notes=briefing_notes(ingest, articles),
        earlier=earlier,
        grouped=grouped,
        text_signals=read,
    )
    return briefing, articles


def save_extractions(settings: Settings, extractions: dict[int, Extraction]) -> None:
    """Store the extractions ``compose_briefing`` computed and left ``unsaved``."""
    if extractions:
        with open_store(settings, create=False) as store:
            store.save_extractions(extractions.items())


def make_briefing(
    settings: Settings,
    period: Period,
    *,
    formats: Sequence[str] | None = None,
    ingest: IngestReport | None = None,
    now: datetime | None = None,
    ahead: dict[str, Isolated] | None = None,
    extracting: ExtractionAhead | None = None,
) -> GenerationResult:
    """Render the briefing for ``period`` into ``output/<period slug>/`` (an edition's: ``output/EDITION/...``).

    No claim, no run record, no e-mail: that is ``run_briefing``. ``settings`` are one
    edition's (``Settings.for_edition``): its articles, templates and formats. ``ahead``: the renderings
    started already (``rendering.start_ahead``); without any they are started here. ``extracting``: the
    extraction started while the articles were taken in (``extract_ahead``).
    """
    from briefing.rendering import (  # imported here: it loads the renderers
        RENDERINGS,
        render_to_memory,
        start_ahead,
    )

    formats = tuple(formats or settings.output.formats)
    started = {} if ahead else start_ahead(formats)  # the PDF's process loads WeasyPrint meanwhile
    try:
        unsaved: dict[int, Extraction] = {}
        briefing, articles = compose_briefing(settings, period, ingest=ingest, now=now, unsaved=unsaved,
                                              extracting=extracting)
        # The PDF is what the briefing waits for longest: the extractions are stored while it renders.
        rendered = render_to_memory(briefing, settings, formats, ahead=ahead or started,
                                    meanwhile=lambda: save_extractions(settings, unsaved))
    finally:
        for process in started.values():  # those given by the caller, the caller stops
            process.stop()
    out_dir = settings.output_folder / period.slug
    written = write_whole(out_dir, {RENDERINGS[name].filename: content for name, content in rendered.items()},
                          fingerprint(articles))
    files = {name: written[RENDERINGS[name].filename] for name in rendered}
    _rewrite_archive_index(settings)
    log.info("briefing for %s: %d articles, wrote %s", period.slug, len(articles), ", ".join(map(str, files.values())))
    return GenerationResult(period, out_dir, files, len(articles), ingest)


def run_briefing(
    settings: Settings,
    period: Period,
    *,
    trigger: str = MANUAL,
    force: bool = False,
    keep: bool = False,
    formats: Sequence[str] | None = None,
    take_in: bool = True,
    clock: Clock = utc_now,
    make: Make = make_briefing,
    send: Send = send_briefing,
    stale_after: timedelta = STALE_AFTER,
) -> RunReport:
    """Make (and mail) the briefing for ``period`` unless it is made or being made; record the run.

    The briefing is that of ``settings.edition_name``. A failed generation is
    recorded, its claim released, and its error raised.
    """
    owner, slug, edition = current_owner(), period.slug, settings.edition_name
    new = not (settings.output_folder / slug).exists()  # never made: it will be, unless another process is on it
    with (open_store(settings) as store, liveness.hold(store, f"{edition}:{slug}") as holding,
          _renderers_ahead(formats_for_delivery(settings, formats), new=new) as ahead,
          _extraction_ahead(settings, period, new=new and take_in) as extracting):
        # On PostgreSQL the claim's session lock tells at once whether a holder lives:
        # holding it, a running claim's holder is gone; not holding it, someone live works on it.
        ingest = ingest_article_folder(settings, store, extracting=extracting) if take_in else None
        runs = RunLog(store)
        run_id = runs.start_run(edition=edition, period=slug, trigger=trigger, owner=owner, now=clock())
        report = RunReport(run_id, period, trigger, outcome="running", edition=edition)

        def claim(forced: bool) -> ClaimAttempt:
            now = clock()
            return runs.claim(
                edition=edition, period=slug, owner=owner, run_id=run_id, now=now, force=forced,
                is_stale=lambda holder, beat: holding or claim_is_stale(holder, beat, now=now, stale_after=stale_after),
                contended=liveness.SESSION_LOCKS[store.dialect] is not None and not holding,
            )

        attempt = claim(force)
        if attempt.status == ALREADY_DONE and not keep:
            current = period_articles(settings, store, period, extractions=False)  # their ids and contents only
            report.remade_because = what_changed(settings.output_folder / slug, current)
            if report.remade_because:
                log.info("making the briefing for %s again: %s", slug, report.remade_because)
                attempt = claim(True)
        if attempt.status != CLAIMED:
            return _stand_down(runs, report, attempt, clock)
        if attempt.took_over_from:
            log.warning("taking over the briefing for %s from %s, which stopped without finishing",
                        slug, attempt.took_over_from)
        held = dict(edition=edition, period=slug, owner=owner)
        with Heartbeat(settings.store_url, **held, clock=clock, every=stale_after.total_seconds() / 5):
            try:
                result = make(settings, period, formats=formats_for_delivery(settings, formats), ingest=ingest,
                              ahead=ahead, extracting=extracting)
            except BaseException as exc:
                runs.release_claim(**held, was_done=attempt.was_done)
                runs.finish_run(run_id, outcome=FAILED, error=str(exc) or type(exc).__name__, now=clock())
                raise
            report.out_dir, report.article_count = result.out_dir, result.article_count
            report.files = {fmt: str(path) for fmt, path in result.files.items()}
            error = _mail(settings, runs, report, send, clock, again=force or bool(report.remade_because))
        runs.settle_claim(**held, now=clock())
        report.outcome, report.error = (FAILED, error) if error else (OK, "")
        runs.finish_run(run_id, outcome=report.outcome, error=error, files=report.files, now=clock())
    return report


@contextmanager
def _renderers_ahead(formats: Sequence[str], *, new: bool) -> Iterator[dict[str, Isolated]]:
    """The PDF's process, started before the articles are taken in when this briefing was never made
    (``new``: it will be, unless another process holds its claim): it loads WeasyPrint on the core the
    take-in leaves idle. A briefing made before may need no remaking: its renderers start when it does.
    Whatever was not given its work is stopped on the way out."""
    if not new:
        yield {}
        return
    from briefing.rendering import start_ahead

    ahead = start_ahead(formats)
    try:
        yield ahead
    finally:
        for process in ahead.values():
            process.stop()


@contextmanager
def _extraction_ahead(settings: Settings, period: Period, *, new: bool) -> Iterator[ExtractionAhead | None]:
    """For a briefing never made (``new``), its articles' extraction started as they are taken in, on the
    cores the take-in leaves idle (``extract_ahead``); its workers stop on the way out."""
    if not new:
        yield None
        return
    from briefing.extract_ahead import ExtractionAhead

    with ExtractionAhead(*period.window(settings.zone)) as extracting:
        yield extracting


def _mail(settings: Settings, runs: RunLog, report: RunReport, send: Send, clock: Clock, *, again: bool) -> str:
    """E-mail a briefing just made, to those who have not had it (everyone, when made ``again``)."""
    if not settings.email.enabled:
        return ""
    if report.article_count == 0 and not settings.email.send_empty:
        report.not_mailed_because = "no articles: not e-mailed (email.send_empty is off)"
        return ""
    if report.remade_because and not settings.email.send_updates:
        report.not_mailed_because = "an update: not e-mailed (email.send_updates is off)"
        return ""
    slug = report.period.slug
    have = set() if again else runs.delivered_to(settings.edition_name, slug)
    recipients = [r for r in settings.email.recipients if r.strip().lower() not in have]
    resend_after = runs.last_delivery_id() if again else None
    return mail_briefing(settings, runs, report, recipients, send=send, clock=clock, resend_after=resend_after)


def _stand_down(runs: RunLog, report: RunReport, attempt: ClaimAttempt, clock: Clock) -> RunReport:
    report.other_run, report.other_owner, report.since = attempt.run_id, attempt.owner, attempt.since
    if attempt.status == ALREADY_DONE:
        report.outcome, report.error = ALREADY_DONE, f"already made by run #{attempt.run_id}"
    elif attempt.run_id:
        started = attempt.since.isoformat(timespec="seconds") if attempt.since else "?"
        report.outcome = SKIPPED
        report.error = f"run #{attempt.run_id} ({attempt.owner}) is making it, since {started}"
    else:
        report.outcome, report.error = SKIPPED, "another process is making it"
    runs.finish_run(report.run_id, outcome=report.outcome, error=report.error, now=clock())
    return report


# -- a range: one briefing per day, in worker processes ------------------------------------------

def _run_day(settings: Settings, day: date, options: dict) -> RunReport:
    """One day of a range; a day that fails gives a failed report instead of stopping the range."""
    period = Period.day(day)
    try:
        return run_briefing(settings, period, take_in=False, **options)
    except (BriefingError, OSError) as exc:
        message = str(exc)
        if isinstance(exc, OSError):
            message = f"{exc.filename}: {exc.strerror}" if exc.filename else exc.strerror or message
        return RunReport(0, period, options.get("trigger", MANUAL), FAILED, error=message,
                         edition=settings.edition_name)


def run_days(settings: Settings, period: Period, *, jobs: int | None = None, **options) -> list[RunReport]:
    """One briefing per day of ``period``, each through ``run_briefing``, on up to ``jobs`` processes.

    The article folder is taken in once, before the days start.
    """
    with open_store(settings) as store:
        ingest_article_folder(settings, store)
    jobs = max(1, min(jobs or cores(), len(period.days)))
    if jobs == 1:
        return [_run_day(settings, day, options) for day in period.days]
    with worker_pool(jobs) as pool:
        futures = [pool.submit(_run_day, settings, day, options) for day in period.days]
        reports = [future.result() for future in futures]
    _rewrite_archive_index(settings)  # once more: a worker's index may predate another worker's last day
    return reports


def _rewrite_archive_index(settings: Settings) -> None:
    from briefing.rendering import write_archive_index

    try:
        write_archive_index(settings.output_root)
    except OSError as exc:
        raise OutputError(f"{settings.output_root}: cannot write the archive index: {exc.strerror or exc}") from None


def generate(
    settings: Settings,
    period: Period,
    *,
    editions: Sequence[str] | None = None,
    digest: bool = False,
    jobs: int | None = None,
    **options,
) -> list[RunReport]:
    """Make the briefings of ``period`` for ``editions`` (default: every configured edition).

    A day, or a range as a ``digest``, is one run; a range otherwise is one run per
    day. ``options`` go to ``run_briefing``: ``force``, ``keep``, ``formats``,
    ``trigger``, ``clock``. A single run's failure raises; a range's failed
    days come back as failed reports.
    """
    reports = []
    for name in editions or settings.edition_names:
        edition = settings.for_edition(name)
        if period.is_single_day or digest:
            reports.append(run_briefing(edition, period, **options))
        else:
            reports += run_days(edition, period, jobs=jobs, **options)
    return reports
