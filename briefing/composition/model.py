"""The briefing model: the one documented context every template reads.

``compose`` builds a ``Briefing``; templates see it as ``briefing`` and read
nothing else. Every field carries its description in ``metadata["doc"]``, so
``describe_context()`` can list the whole tree for template editors (and a
test can refuse an undocumented field).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from datetime import date, datetime


def doc(text: str, **kwargs):
    """A dataclass field with its description for template editors."""
    return field(metadata={"doc": text}, **kwargs)


@dataclass(frozen=True)
class StoryRef:
    """A pointer from a figure or quote back to the story it comes from."""

    headline: str = doc("The story's headline, as the article gives it.")
    anchor: str = doc("The story's id inside the briefing (`story-3`), for in-page links.")
    url: str = doc("The article's web address, or empty when the source gave none.")


@dataclass(frozen=True)
class FigureRow:
    """One key figure, worded for a reader, with where it comes from."""

    said: str = doc('The figure as a reader says it, unit included: "more than 450 drones", "-20 °C".')
    amount: str = doc('The number with its hedge and symbol, without a counted unit: "more than 450", "75%".')
    what: str = doc('What the figure counts or measures, in a few words: "drones fired at Ukraine".')
    unit: str = doc('The unit as the extractor gives it: "drones", "°C", "percent", "USD".')
    value: float = doc("The number itself, scale and sign applied (1200000000.0, -20.0).")
    qualifier: str = doc('The normalised hedge: "", "more than", "less than", "about", "at least", "up to", "nearly".')
    text: str = doc("The figure's words exactly as they stand in the article.")
    context: str = doc("The sentence of the article the figure stands in.")
    salience: float = doc("The extractor's salience score; higher means more worth showing.")
    story: StoryRef = doc("The story the figure comes from.")
    key: bool = doc(
        'False for the earlier level a change is measured from ("up from 66%"): shown with its story only.',
        default=True,
    )


@dataclass(frozen=True)
class QuoteRow:
    """One direct quote and who said it."""

    text: str = doc("The quoted words, without quotation marks.")
    speaker: str = doc('Who said it, as the article names them ("Mark Rutte"); empty when unknown.')
    role: str = doc('The speaker\'s role where the article gives it ("NATO Secretary General").')
    attribution: str = doc('Speaker and role together: "Mark Rutte, NATO Secretary General".')
    partial: bool = doc("True when the quote is a fragment of the reporter's own sentence.")
    salience: float = doc("The extractor's salience score; higher means more worth showing.")
    story: StoryRef = doc("The story the quote comes from.")


@dataclass(frozen=True)
class Reporter:
    """Another source that reported the same story."""

    source: str = doc('The source\'s name ("Central Poland Today").')
    headline: str = doc("That source's own headline.")
    url: str = doc("That article's web address, or empty.")


@dataclass(frozen=True)
class Story:
    """One story: an article, or several near-identical ones shown once."""

    anchor: str = doc("The story's id inside the briefing (`story-3`), unique and stable for a run.")
    rank: int = doc("The story's place in the ranking, 1 for the most important.")
    score: float = doc("The news-value score the ranking sorts by (docs/ranking.md).")
    why: tuple[str, ...] = doc(
        'The signals behind the score, strongest first: "deaths_injuries +6.00 (died)" (docs/ranking.md).'
    )
    headline: str = doc("The headline.")
    lead: str = doc("One or two sentences from the article's lead (or its first paragraph).")
    url: str = doc("The article's web address, or empty.")
    section: str = doc('The section the article was filed in ("Transport"), or "Other".')
    source: str = doc('The publisher the article came from, or else the agencies it names ("PAP / IAR").')
    sources: tuple[str, ...] = doc('Every source named for the story: publisher and agencies ("PAP", "IAR").')
    also_reported_by: tuple[Reporter, ...] = doc("Other sources that reported the same story.")
    published: datetime = doc("When the article was published, in the configured zone.")
    day: date = doc("The calendar day of publication in the configured zone.")
    time: str = doc('The local time of publication, "15:00".')
    time_assumed: bool = doc("True when the source gave no time and the time of ingest stands in.")
    figures: tuple[FigureRow, ...] = doc(
        "The story's own key figures, most salient first, each fact once (empty for a story the briefing does not show).")
    quotes: tuple[QuoteRow, ...] = doc(
        "The story's own quotes, whole quotes and the most salient first (empty for a story the briefing does not show).")
    article_ids: tuple[int, ...] = doc("The store ids of the articles the story is made of.")


@dataclass(frozen=True)
class SectionGroup:
    """Stories under one section heading, as in "Also today"."""

    name: str = doc('The section\'s heading ("Transport"), as `sections:` in config.yaml names and orders it.')
    anchor: str = doc("An id for the section inside the briefing (`section-transport`).")
    stories: tuple[Story, ...] = doc("The section's stories in time order, earliest first.")
    more: int = doc("How many more of the section's stories are left out to keep the briefing short.", default=0)
    more_line: str = doc('The line that says so: "and 12 more in Transport"; empty when none are left out.',
                         default="")


@dataclass(frozen=True)
class DayGroup:
    """One day's stories; a digest has one per day, a daily briefing exactly one."""

    day: date = doc("The calendar day.")
    label: str = doc('The day in words: "Tuesday, 3 February 2026".')
    anchor: str = doc("An id for the day inside the briefing (`day-2026-02-03`).")
    top_stories: tuple[Story, ...] = doc("The day's top stories, best-ranked first.")
    also_today: tuple[SectionGroup, ...] = doc("The day's other stories, grouped by section.")


@dataclass(frozen=True)
class SourceCount:
    """One source and how many of the briefing's articles came from it."""

    name: str = doc("The source's name.")
    articles: int = doc("How many articles of the briefing came from it.")


@dataclass(frozen=True)
class SectionLink:
    """An entry of the table of contents: a section the briefing shows."""

    anchor: str = doc("The section's id inside the briefing (`top-stories`).")
    title: str = doc('The section\'s heading ("Top stories").')


@dataclass(frozen=True)
class Masthead:
    """The head of the briefing: name, date, issue and counts."""

    name: str = doc('The briefing\'s name from the settings ("Morning Briefing").')
    edition_date: str = doc('The date in words in the configured zone, "Tuesday, 3 February 2026", or the range "1–7 February 2026".')
    first_day: date = doc("The first day covered.")
    last_day: date = doc("The last day covered (the same as first_day for a daily briefing).")
    is_digest: bool = doc("True when the briefing covers several days.")
    zone: str = doc('The configured time zone every time is shown in ("Europe/Warsaw").')
    zone_in_words: str = doc('The zone as a reader knows it: its city and the abbreviation in force on the '
                             'first day ("Warsaw (CET)", "New York (EDT)", "UTC").')
    issue_number: int | None = doc("The issue number; none before briefing.first_issue_date.")
    article_count: int = doc("How many articles the briefing is made of.")
    source_count: int = doc("How many distinct sources they came from.")
    counts_line: str = doc('The counts in words: "12 articles from 4 sources".')
    language: str = doc('The briefing\'s language as a BCP 47 tag ("en"), for lang attributes.')


@dataclass(frozen=True)
class Briefing:
    """Everything a template may show. Templates read this and nothing else."""

    title: str = doc('The whole title: "Morning Briefing — Tuesday, 3 February 2026".')
    subject: str = doc("The e-mail subject line, from settings email.subject.")
    preheader: str = doc("The line an inbox shows after the subject: the top story's headline.")
    masthead: Masthead = doc("The masthead.")
    is_empty: bool = doc("True when no article was stored for the period.")
    empty_message: str = doc('The honest line for an empty period: "No articles were stored for Tuesday, 3 February 2026."')
    at_a_glance: tuple[str, ...] = doc("Three to five lines, one per top story: its headline.")
    day_in_numbers: tuple[FigureRow, ...] = doc("The key figures of the period, ranked, each fact once.")
    quotes_of_the_day: tuple[QuoteRow, ...] = doc(
        "Whole quotes that stand alone, one per person, the top stories' voices first."
    )
    top_stories: tuple[Story, ...] = doc("The top stories of the whole period, best-ranked first.")
    also_today: tuple[SectionGroup, ...] = doc("Every other story of the period, grouped by section.")
    days: tuple[DayGroup, ...] = doc("The stories day by day (one group for a daily briefing); digests read this.")
    contents: tuple[SectionLink, ...] = doc("The sections this briefing shows, in order, for a table of contents.")
    headings: dict[str, str] = doc(
        'Every section\'s heading by its anchor, for a daily briefing or a digest: headings["top-stories"].'
    )
    sources: tuple[SourceCount, ...] = doc(
        'Every agency or publisher once ("PAP / IAR" counts for both), most articles first.'
    )
    notes: tuple[str, ...] = doc("Lines an editor should know (rejected files, articles with no date).")
    generated_at: datetime = doc("When the briefing was made, in the configured zone.")
    generated_at_text: str = doc('When the briefing was made, in words: "3 February 2026, 06:30 CET".')
    all_stories: tuple[SectionGroup, ...] = doc(
        "Every story of the period by section, none left out: what the appendix (generate --appendix) lists.",
        default=())


def describe_context(root: type = Briefing, prefix: str = "briefing") -> list[tuple[str, str, str]]:
    """Every field a template can read, as ``(path, type, description)`` rows, depth first.

    Sequences show as ``path[]`` and are followed by their items' fields.
    """
    rows: list[tuple[str, str, str]] = []
    hints = typing.get_type_hints(root)
    for item in dataclasses.fields(root):
        path = f"{prefix}.{item.name}"
        kind = hints[item.name]
        rows.append((path, _type_name(kind), item.metadata.get("doc", "")))
        inner = _item_type(kind)
        if isinstance(inner, type) and dataclasses.is_dataclass(inner):
            child = f"{path}[]" if inner is not kind else path
            rows.extend(describe_context(inner, child))
    return rows


def _item_type(kind):
    """The dataclass a field holds, directly or as the items of a tuple."""
    if typing.get_origin(kind) is tuple:
        return typing.get_args(kind)[0]
    return kind


def _type_name(kind) -> str:
    if typing.get_origin(kind) is tuple:
        return f"list of {_type_name(typing.get_args(kind)[0])}"
    if typing.get_origin(kind) is dict:
        return "mapping of " + " to ".join(_type_name(arg) for arg in typing.get_args(kind))
    if isinstance(kind, types.UnionType):
        return " or ".join(_type_name(arg) for arg in typing.get_args(kind))
    return getattr(kind, "__name__", str(kind))
