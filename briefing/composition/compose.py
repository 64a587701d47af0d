"""Build the ``Briefing`` from a period's stored articles.

Nothing here is invented: every line comes from an article (its headline, its
lead's own sentences, its extracted figures and quotes) or from the settings.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime
from urllib.parse import quote as percent_encode
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from briefing.composition import size, wording
from briefing.composition.model import (
    Briefing,
    DayGroup,
    FigureRow,
    Masthead,
    QuoteRow,
    Reporter,
    SectionGroup,
    SectionLink,
    SourceCount,
    Story,
    StoryRef,
)
from briefing.composition.ranking import (
    distinct_figures,
    distinct_quotes,
    fact_key,
    figure_rank_key,
    figures_of,
    quote_rank_key,
    quotes_of,
    source_name,
    story_score,
)
from briefing.composition.stories import group_stories
from briefing.composition.what import figure_what
from briefing.config import Settings
from briefing.errors import RenderError
from briefing.models import Figure, Quote, StoredArticle
from briefing.selection import Period

AT_A_GLANCE_LINES = 5
FIGURES_PER_STORY_IN_NUMBERS = 3
QUOTES_PER_PERSON = 2
#: a fragment makes "quotes of the day" only when it says something on its own
MIN_PARTIAL_QUOTE_WORDS = 6
OTHER_SECTION = "Other"


def compose(
    settings: Settings,
    period: Period,
    articles: Sequence[StoredArticle],
    *,
    issue_number: int | None,
    generated_at: datetime,
    notes: Sequence[str] = (),
) -> Briefing:
    """The briefing for ``period`` made of ``articles`` (an empty list gives an honest empty briefing)."""
    zone = settings.zone
    window = period.window(zone)
    ordered = sorted(articles, key=lambda s: (s.article.published, s.article.title))
    groups = group_stories(ordered, zone)
    scored = sorted(
        ((story_score(group, window), group) for group in groups),
        key=lambda pair: (-pair[0], -pair[1][0].article.published.timestamp(), pair[1][0].article.title),
    )
    # Figures and quotes are worded only for the stories the briefing shows: the rest are one line each.
    outline = [_story(group, rank, score, zone, details=False) for rank, (score, group) in enumerate(scored, 1)]
    top, days, also = _shown(settings, period, outline)
    chosen = {s.anchor for s in size.shown_stories(top, also)}
    stories = [_story(group, rank, score, zone) if outline[rank - 1].anchor in chosen else outline[rank - 1]
               for rank, (score, group) in enumerate(scored, 1)]
    top, days, also = _shown(settings, period, stories)
    digest = not period.is_single_day
    masthead = _masthead(settings, period, ordered, issue_number)
    shown = size.shown_stories(top, also)  # the numbers and quotes link to stories the briefing shows
    numbers = _day_in_numbers(shown, size.numbers_limit(settings, digest))
    quotes = _quotes_of_the_day(shown, size.quotes_limit(settings, digest))
    glance = tuple(s.headline for s in top[:AT_A_GLANCE_LINES])
    empty_message = _empty_message(period) if not ordered else ""
    title = f"{masthead.name} — {masthead.edition_date}"
    return Briefing(
        title=title,
        subject=_subject(settings, masthead),
        preheader=glance[0] if glance else empty_message,
        masthead=masthead,
        is_empty=not ordered,
        empty_message=empty_message,
        at_a_glance=glance,
        day_in_numbers=numbers,
        quotes_of_the_day=quotes,
        top_stories=top,
        also_today=also,
        days=days,
        contents=_contents(masthead.is_digest, glance, numbers, quotes, top, also),
        headings={anchor: digest if masthead.is_digest else daily for anchor, daily, digest in SECTION_TITLES},
        sources=size.capped_sources(_source_counts(ordered)),
        notes=tuple(notes),
        generated_at=generated_at.astimezone(zone),
        generated_at_text=wording.moment_in_words(generated_at, zone),
        all_stories=_by_section(stories),
    )


def _shown(settings: Settings, period: Period, stories: list[Story]):
    """The top stories, the days and "Also today", each within the briefing's caps (``size.py``)."""
    digest = not period.is_single_day
    top = size.pick_top_stories(stories, size.top_story_limit(settings, digest),
                                size.DIGEST_TOP_PER_DAY if digest else None)
    top_anchors = {s.anchor for s in top}
    per_section = settings.briefing.also_today_per_section
    days = _day_groups(period, stories, top_anchors, per_section)
    also = size.cap_sections(_by_section([s for s in stories if s.anchor not in top_anchors]), per_section)
    return top, days, also


def _story(group: list[StoredArticle], rank: int, score: float, zone: ZoneInfo, details: bool = True) -> Story:
    """The story of ``group``; without ``details`` its figures and quotes are left empty (a one-line story)."""
    main = group[0]
    article = main.article
    ref = StoryRef(headline=article.title, anchor=f"story-{rank}", url=web_url(article.url))
    figures = distinct_figures(f for stored in group for f in figures_of(stored)) if details else []
    quotes = distinct_quotes(q for stored in group for q in quotes_of(stored)) if details else []
    local = article.published.astimezone(zone)
    return Story(
        anchor=ref.anchor,
        rank=rank,
        score=score,
        headline=article.title,
        lead=wording.first_sentences(article.lead or (article.body[0] if article.body else "")),
        url=ref.url,
        section=article.section.strip() or OTHER_SECTION,
        source=source_name(main),
        sources=tuple(dict.fromkeys(name for name in (article.source, *article.sources) if name)),
        also_reported_by=_reporters(group),
        published=local,
        day=local.date(),
        time=local.strftime("%H:%M"),
        time_assumed=article.published_assumed,
        figures=tuple(_figure_row(f, ref) for f in figures),
        quotes=tuple(_quote_row(q, ref) for q in quotes),
        article_ids=tuple(stored.article.id for stored in group if stored.article.id is not None),
    )


def _reporters(group: list[StoredArticle]) -> tuple[Reporter, ...]:
    main_name = source_name(group[0])
    seen = {main_name}
    reporters = []
    for stored in group[1:]:
        name = source_name(stored)
        if name not in seen:
            seen.add(name)
            reporters.append(Reporter(source=name, headline=stored.article.title, url=web_url(stored.article.url)))
    for name in (n for stored in group for n in stored.also_reported_by):
        if name not in seen:
            seen.add(name)
            reporters.append(Reporter(source=name, headline="", url=""))
    return tuple(reporters)


def web_url(url: str) -> str:
    """An article's address if it is a web address (http or https), made safe to print; else empty.

    Anything else (``javascript:``, ``file:``, ``data:``) is dropped: the briefing only links to the web.
    """
    url = url.strip()
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        return ""
    return percent_encode(url, safe="/:?#[]@!$&'()*+,;=%~")


def _figure_row(figure: Figure, story: StoryRef) -> FigureRow:
    return FigureRow(
        said=wording.figure_said(figure),
        amount=wording.figure_amount(figure),
        what=figure_what(figure),
        unit=figure.unit,
        value=figure.value,
        qualifier=figure.qualifier,
        text=figure.text,
        context=figure.sentence,
        salience=figure.salience,
        story=story,
    )


def _quote_row(quote: Quote, story: StoryRef) -> QuoteRow:
    return QuoteRow(
        text=quote.text.strip(),
        speaker=quote.speaker,
        role=quote.role,
        attribution=wording.attribution(quote.speaker, quote.role),
        partial=quote.partial,
        salience=quote.salience,
        story=story,
    )


def _day_groups(period: Period, stories: list[Story], top: set[str], per_section: int) -> tuple[DayGroup, ...]:
    """One group per day of the period (and any day an article strays to), stories ranked within."""
    by_day: dict[date, list[Story]] = {day: [] for day in period.days}
    for story in stories:
        by_day.setdefault(story.day, []).append(story)
    return tuple(
        DayGroup(
            day=day,
            label=wording.day_in_words(day),
            anchor=f"day-{day.isoformat()}",
            top_stories=tuple(s for s in todays if s.anchor in top),
            also_today=size.cap_sections(_by_section([s for s in todays if s.anchor not in top]), per_section),
        )
        for day, todays in sorted(by_day.items())
    )


def _by_section(stories: list[Story]) -> tuple[SectionGroup, ...]:
    """Sections in alphabetical order ("Other" last), stories best-ranked first within each."""
    names = sorted({s.section for s in stories}, key=lambda n: (n == OTHER_SECTION, n.lower()))
    return tuple(
        SectionGroup(
            name=name,
            anchor=f"section-{_slug(name)}",
            stories=tuple(sorted((s for s in stories if s.section == name), key=lambda s: s.rank)),
        )
        for name in names
    )


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "section"


def _day_in_numbers(stories: list[Story], limit: int) -> tuple[FigureRow, ...]:
    """The period's figures ranked by salience, each fact once.

    A first pass takes at most three per story, so one figure-heavy story
    cannot fill the table; when that leaves rows free (a quiet day, a single
    article), a second pass fills them with the next best figures, in rank order.
    """
    rows = sorted(
        (row for story in stories for row in story.figures),
        key=lambda r: (*figure_rank_key(_as_figure(r)), int(r.story.anchor.split("-")[1])),
    )
    chosen: list[FigureRow] = []
    facts: set[tuple[float, str]] = set()
    per_story: Counter[str] = Counter()
    for capped in (True, False):
        for row in rows:
            key = fact_key(_as_figure(row))
            if len(chosen) == limit or key in facts:
                continue
            if capped and per_story[row.story.anchor] >= FIGURES_PER_STORY_IN_NUMBERS:
                continue
            facts.add(key)
            per_story[row.story.anchor] += 1
            chosen.append(row)
    order = {id(row): n for n, row in enumerate(rows)}
    return tuple(sorted(chosen, key=lambda row: order[id(row)]))


def _as_figure(row: FigureRow) -> Figure:
    return Figure(value=row.value, unit=row.unit, qualifier=row.qualifier, text=row.text, salience=row.salience)


def _quotes_of_the_day(stories: list[Story], limit: int) -> tuple[QuoteRow, ...]:
    """Whole quotes first, then the most salient; no unattributed ones; at most two per person."""
    candidates = [
        q for story in stories for q in story.quotes
        if q.speaker and (not q.partial or len(q.text.split()) >= MIN_PARTIAL_QUOTE_WORDS)
    ]
    candidates.sort(key=lambda q: quote_rank_key(_as_quote(q)))
    chosen: list[QuoteRow] = []
    per_person: Counter[str] = Counter()
    seen_text: set[str] = set()
    for quote in candidates:
        person = quote.speaker.casefold()
        text_key = " ".join(re.findall(r"\w+", quote.text.lower()))
        if per_person[person] >= QUOTES_PER_PERSON or text_key in seen_text:
            continue
        per_person[person] += 1
        seen_text.add(text_key)
        chosen.append(quote)
        if len(chosen) == limit:
            break
    return tuple(chosen)


def _as_quote(row: QuoteRow) -> Quote:
    return Quote(text=row.text, speaker=row.speaker, partial=row.partial, salience=row.salience)


def _masthead(settings: Settings, period: Period, articles: list[StoredArticle], issue: int | None) -> Masthead:
    sources = {source_name(stored) for stored in articles}
    return Masthead(
        name=settings.briefing.name,
        edition_date=wording.range_in_words(period.first, period.last),
        first_day=period.first,
        last_day=period.last,
        is_digest=not period.is_single_day,
        zone=settings.timezone,
        issue_number=issue,
        article_count=len(articles),
        source_count=len(sources),
        counts_line=wording.counts_line(len(articles), len(sources)),
        language=settings.briefing.language,
    )


def _source_counts(articles: list[StoredArticle]) -> tuple[SourceCount, ...]:
    counts = Counter(source_name(stored) for stored in articles)
    return tuple(SourceCount(name, n) for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _empty_message(period: Period) -> str:
    if period.is_single_day:
        return f"No articles were stored for {wording.day_in_words(period.first)}."
    return f"No articles were stored from {_short(period.first)} to {_short(period.last)}."


def _short(day: date) -> str:
    return f"{day.day} {wording.MONTHS[day.month - 1]} {day.year}"


def _subject(settings: Settings, masthead: Masthead) -> str:
    """``email.subject`` with ``{name}``, ``{date}`` and ``{issue}`` filled in."""
    template = settings.email.subject
    values = {"name": masthead.name, "date": masthead.edition_date, "issue": masthead.issue_number or ""}
    try:
        keys = [key for _, key, _, _ in string.Formatter().parse(template) if key is not None]
    except ValueError as exc:
        raise RenderError(f"email.subject: {exc}") from None
    for key in keys:
        if key not in values:
            raise RenderError(
                f"email.subject: unknown placeholder {{{key}}}; use {{name}}, {{date}} or {{issue}}"
            )
    return template.format(**values)


#: section anchors and headings, for a daily briefing and for a digest
SECTION_TITLES = (
    ("at-a-glance", "At a glance", "At a glance"),
    ("the-day-in-numbers", "The day in numbers", "In numbers"),
    ("quotes-of-the-day", "Quotes of the day", "Quotes of the period"),
    ("top-stories", "Top stories", "Top stories by day"),
    ("also-today", "Also today", "Also in this period"),
    ("sources-and-notes", "Sources and notes", "Sources and notes"),
)


def _contents(is_digest: bool, *parts) -> tuple[SectionLink, ...]:
    """The sections the briefing shows: those with something in them, and always the notes."""
    present = (*parts, True)
    return tuple(
        SectionLink(anchor, digest_title if is_digest else title)
        for (anchor, title, digest_title), items in zip(SECTION_TITLES, present, strict=True)
        if items
    )
