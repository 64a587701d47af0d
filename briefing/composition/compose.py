"""Build the ``Briefing`` from a period's stored articles.

Nothing here is invented: every line comes from an article (its headline, its
lead's own sentences, its extracted figures and quotes) or from the settings.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime
from urllib.parse import quote as percent_encode
from urllib.parse import urlsplit

from briefing.composition import size, wording
from briefing.composition.facts import Fact, facts_of
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
from briefing.composition.newsvalue import TextSignals
from briefing.composition.quotes import quotes_of_the_day, role_in_style, with_full_stop
from briefing.composition.ranking import (
    Ranked,
    article_agencies,
    distinct_figures,
    distinct_quotes,
    fact_key,
    figure_rank_key,
    figures_of,
    quote_rank_key,
    quotes_of,
    rank_story,
    source_name,
)
from briefing.composition.sections import by_section, section_heading
from briefing.composition.stories import EarlierArticles, group_stories
from briefing.composition.what import figure_what, says_what_it_counts
from briefing.config import Settings
from briefing.models import Figure, Quote, StoredArticle
from briefing.selection import Period

log = logging.getLogger(__name__)

AT_A_GLANCE_LINES = 5
FIGURES_PER_STORY_IN_NUMBERS = 3


def compose(
    settings: Settings,
    period: Period,
    articles: Sequence[StoredArticle],
    *,
    issue_number: int | None,
    generated_at: datetime,
    notes: Sequence[str] = (),
    earlier: Sequence[StoredArticle] = (),
    grouped: Sequence[Sequence[int]] | None = None,
    text_signals: Sequence[TextSignals] | None = None,
) -> Briefing:
    """The briefing for ``period`` made of ``articles`` (an empty list gives an honest empty briefing).

    ``earlier`` are articles of the days before, read only to tell the follow-ups of a running story.
    ``grouped``: the stories already found (``stories.group_indices`` of ``in_briefing_order(articles)``);
    ``text_signals``: theirs, read already (``newsvalue.text_signals`` of each one's main article).
    """
    zone = settings.zone
    window = period.window(zone)
    ordered = in_briefing_order(articles)
    groups = ([[ordered[i] for i in group] for group in grouped] if grouped is not None
              else group_stories(ordered, zone))
    weights = settings.ranking.weights
    before = EarlierArticles(earlier)  # indexed once for every story
    texts: Sequence[TextSignals | None] = text_signals if text_signals is not None else [None] * len(groups)
    scored = sorted(
        ((rank_story(group, window, weights, before, text), group) for group, text in zip(groups, texts, strict=True)),
        key=lambda pair: (-pair[0].score, -pair[1][0].article.published.timestamp(), pair[1][0].article.title),
    )
    # Figures and quotes are worded only for the stories the briefing shows: the rest are one line each.
    outline = [_story(settings, group, rank, ranked, details=False)
               for rank, (ranked, group) in enumerate(scored, start=1)]
    top, days, also = _shown(settings, period, outline)
    chosen = {s.anchor for s in size.shown_stories(top, also)}
    stories = [_story(settings, group, rank, ranked) if outline[rank - 1].anchor in chosen else outline[rank - 1]
               for rank, (ranked, group) in enumerate(scored, start=1)]
    top, days, also = _shown(settings, period, stories)
    digest = not period.is_single_day
    if log.isEnabledFor(logging.INFO):  # `briefing -v generate` shows the ranking, as `briefing explain` does
        for story in stories:
            log.info("rank %d, score %.2f: %s (%s)", story.rank, story.score, story.headline, "; ".join(story.why))
    masthead = _masthead(settings, period, ordered, issue_number)
    shown = size.shown_stories(top, also)  # the numbers and quotes link to stories the briefing shows
    numbers = _day_in_numbers(shown, size.numbers_limit(settings, digest))
    quotes = quotes_of_the_day(shown, size.quotes_limit(settings, digest), lambda q: quote_rank_key(_as_quote(q)))
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
        all_stories=by_section(stories, settings.sections),
    )


def in_briefing_order(articles: Sequence[StoredArticle]) -> list[StoredArticle]:
    """The articles in the order stories are found in: by publication time, then title."""
    return sorted(articles, key=lambda s: (s.article.published, s.article.title))


def _shown(
    settings: Settings, period: Period, stories: list[Story]
) -> tuple[tuple[Story, ...], tuple[DayGroup, ...], tuple[SectionGroup, ...]]:
    """The top stories, the days and "Also today", each within the briefing's caps (``size.py``)."""
    digest = not period.is_single_day
    top = size.pick_top_stories(stories, size.top_story_limit(settings, digest),
                                size.DIGEST_TOP_PER_DAY if digest else None)
    top_anchors = {s.anchor for s in top}
    per_section = settings.briefing.also_today_per_section
    days = _day_groups(settings, period, stories, top_anchors)
    also = size.cap_sections(by_section([s for s in stories if s.anchor not in top_anchors], settings.sections),
                             per_section)
    return top, days, also


def _story(settings: Settings, group: list[StoredArticle], rank: int, ranked: Ranked, details: bool = True) -> Story:
    """The story of ``group``; without ``details`` its figures and quotes are left empty (a one-line story)."""
    zone = settings.zone
    main = group[0]
    article = main.article
    ref = StoryRef(headline=article.title, anchor=f"story-{rank}", url=web_url(article.url))
    every_figure = [f for stored in group for f in figures_of(stored)] if details else []
    figures = distinct_figures(every_figure)
    quotes = distinct_quotes(q for stored in group for q in quotes_of(stored)) if details else []
    local = article.published.astimezone(zone)
    return Story(
        anchor=ref.anchor,
        rank=rank,
        score=ranked.score,
        why=ranked.reasons(),
        headline=article.title,
        lead=wording.first_sentences(article.lead or (article.body[0] if article.body else "")),
        url=ref.url,
        section=section_heading(article.section, settings.sections),
        source=source_name(main),
        sources=tuple(dict.fromkeys(name for name in (article.source, *article.sources) if name)),
        also_reported_by=_reporters(group),
        published=local,
        day=local.date(),
        time=local.strftime("%H:%M"),
        time_assumed=article.published_assumed,
        figures=tuple(_figure_row(fact, ref) for fact in facts_of(figures, every_figure)),
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


def _figure_row(fact: Fact, story: StoryRef) -> FigureRow:
    figure = fact.figure
    return FigureRow(
        said=fact.said,
        amount=fact.amount,
        what=figure_what(figure),
        unit=figure.unit,
        value=figure.value,
        qualifier=figure.qualifier,
        text=figure.text,
        context=figure.sentence,
        salience=figure.salience,
        story=story,
        key=fact.key,
    )


def _quote_row(quote: Quote, story: StoryRef) -> QuoteRow:
    text = quote.text.strip() if quote.partial else with_full_stop(quote.text)
    role = role_in_style(quote.role)
    return QuoteRow(
        text=text.rstrip(",;:") if quote.partial else text,
        speaker=quote.speaker,
        role=role,
        attribution=wording.attribution(quote.speaker, role),
        partial=quote.partial,
        salience=quote.salience,
        story=story,
    )


def _day_groups(settings: Settings, period: Period, stories: list[Story], top: set[str]) -> tuple[DayGroup, ...]:
    """One group per day of the period (and any day an article strays to), stories ranked within."""
    per_section = settings.briefing.also_today_per_section
    by_day: dict[date, list[Story]] = {day: [] for day in period.days}
    for story in stories:
        by_day.setdefault(story.day, []).append(story)
    return tuple(
        DayGroup(
            day=day,
            label=wording.day_in_words(day),
            anchor=f"day-{day.isoformat()}",
            top_stories=tuple(s for s in todays if s.anchor in top),
            also_today=size.cap_sections(
                by_section([s for s in todays if s.anchor not in top], settings.sections), per_section),
        )
        for day, todays in sorted(by_day.items())
    )


def _day_in_numbers(stories: list[Story], limit: int) -> tuple[FigureRow, ...]:
    """The period's key figures, each fact once, the top stories' first.

    A first pass takes the best figure of each story in rank order, so the
    lead's numbers are never crowded out; the next fill the rows left with
    the most salient of the rest, at most two per story, then three (then
    more, on a quiet day). Rows are shown in story order, each story's best first.
    """
    ranked = sorted(stories, key=lambda s: s.rank)
    chosen: list[FigureRow] = []
    facts: set[tuple[float, str]] = set()
    per_story: Counter[str] = Counter()

    def take(row: FigureRow, cap: int | None) -> None:
        key = fact_key(_as_figure(row))
        if len(chosen) < limit and key not in facts and (cap is None or per_story[row.story.anchor] < cap):
            facts.add(key)
            per_story[row.story.anchor] += 1
            chosen.append(row)

    for story in ranked:
        for row in _key_rows(story)[:1]:
            take(row, 1)
    rest = sorted((row for story in ranked for row in _key_rows(story)),
                  key=lambda r: (*figure_rank_key(_as_figure(r)), int(r.story.anchor.split("-")[1])))
    for cap in (2, FIGURES_PER_STORY_IN_NUMBERS, None):  # spread the rows over the stories before going deep
        for row in rest:
            take(row, cap)
    order = {id(row): n for n, row in enumerate(row for story in ranked for row in _key_rows(story))}
    return tuple(sorted(chosen, key=lambda row: order[id(row)]))


def _key_rows(story: Story) -> list[FigureRow]:
    """The story's rows fit for the numbers table: a fact of its own that says what it counts."""
    return [row for row in story.figures if row.key and says_what_it_counts(row.what, row.unit)]


def _as_figure(row: FigureRow) -> Figure:
    return Figure(value=row.value, unit=row.unit, qualifier=row.qualifier, text=row.text, salience=row.salience)


def _as_quote(row: QuoteRow) -> Quote:
    return Quote(text=row.text, speaker=row.speaker, partial=row.partial, salience=row.salience)


def _masthead(settings: Settings, period: Period, articles: list[StoredArticle], issue: int | None) -> Masthead:
    sources = {name for stored in articles for name in article_agencies(stored)}
    return Masthead(
        name=settings.briefing.name,
        edition_date=wording.range_in_words(period.first, period.last),
        first_day=period.first,
        last_day=period.last,
        is_digest=not period.is_single_day,
        zone=settings.timezone,
        zone_in_words=wording.zone_in_words(settings.timezone, period.first),
        issue_number=issue,
        article_count=len(articles),
        source_count=len(sources),
        counts_line=wording.counts_line(len(articles), len(sources)),
        language=settings.briefing.language,
    )


def _source_counts(articles: list[StoredArticle]) -> tuple[SourceCount, ...]:
    """Each agency once, with the articles it carried ("PAP / IAR" counts for PAP and for IAR)."""
    counts = Counter(name for stored in articles for name in article_agencies(stored))
    return tuple(SourceCount(name, n) for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _empty_message(period: Period) -> str:
    if period.is_single_day:
        return f"No articles were stored for {wording.day_in_words(period.first)}."
    return f"No articles were stored from {_short(period.first)} to {_short(period.last)}."


def _short(day: date) -> str:
    return f"{day.day} {wording.MONTHS[day.month - 1]} {day.year}"


def _subject(settings: Settings, masthead: Masthead) -> str:
    """``email.subject`` with ``{name}``, ``{date}`` and ``{issue}`` filled in.

    Its placeholders are checked once, where the configuration is read (``config.EmailSection``).
    """
    values = {"name": masthead.name, "date": masthead.edition_date, "issue": masthead.issue_number or ""}
    return settings.email.subject.format_map(values)


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
