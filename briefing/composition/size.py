"""A briefing has a size whatever the day: how many stories it shows, and what it leaves out.

A reader gives a morning briefing a few minutes, whether the newsroom stored 50
articles or 2,000. So:

- top stories: ``briefing.top_stories`` for a day; for a digest twice as many
  over the whole range, at most ``DIGEST_TOP_PER_DAY`` from one day (a 30-day
  digest is not 30 days of everything);
- "Also today": at most ``briefing.also_today_per_section`` stories per
  section, the best-ranked, then a line "and N more in <section>";
- the numbers table and quotes of the day: ``briefing.numbers_rows`` and
  ``briefing.quotes_of_the_day`` (a digest half as many again);
- sources: the ``SOURCES_SHOWN`` with most articles, then one line for the rest;
- the e-mail: ``keep_best`` leaves out the lowest-ranked stories when the HTML
  is over its budget (``rendering/budget.py`` decides how many).

Every story stays in ``Briefing.all_stories``, which the appendix lists
(``briefing generate --appendix``).
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter
from collections.abc import Iterable, Sequence

from briefing.composition.model import Briefing, DayGroup, SectionGroup, SourceCount, Story
from briefing.config import Settings

DIGEST_TOP_PER_DAY = 3
DIGEST_TOP_FACTOR = 2
#: a digest's numbers table and quotes: half as many again as a day's
DIGEST_FACTOR = 1.5
SOURCES_SHOWN = 20


def top_story_limit(settings: Settings, is_digest: bool) -> int:
    return settings.briefing.top_stories * (DIGEST_TOP_FACTOR if is_digest else 1)


def numbers_limit(settings: Settings, is_digest: bool) -> int:
    return _scaled(settings.briefing.numbers_rows, is_digest)


def quotes_limit(settings: Settings, is_digest: bool) -> int:
    return _scaled(settings.briefing.quotes_of_the_day, is_digest)


def _scaled(value: int, is_digest: bool) -> int:
    return math.ceil(value * DIGEST_FACTOR) if is_digest else value


def pick_top_stories(stories: Sequence[Story], limit: int, per_day: int | None = None) -> tuple[Story, ...]:
    """The best-ranked ``limit`` stories (``stories`` come best first), at most ``per_day`` of one day."""
    chosen: list[Story] = []
    taken: Counter = Counter()
    for story in stories:
        if len(chosen) == limit:
            break
        if per_day is None or taken[story.day] < per_day:
            taken[story.day] += 1
            chosen.append(story)
    return tuple(chosen)


def cap_sections(groups: Iterable[SectionGroup], per_section: int) -> tuple[SectionGroup, ...]:
    """Each section's ``per_section`` best-ranked stories, in the section's own order, and how many more."""
    return tuple(keep_in_section(group, per_section) for group in groups)


def keep_in_section(group: SectionGroup, count: int, wanted: set[str] | None = None) -> SectionGroup:
    """``group`` with its ``count`` best-ranked stories (of ``wanted`` anchors, when given); the rest counted."""
    allowed = [s for s in group.stories if wanted is None or s.anchor in wanted]
    best = {s.anchor for s in sorted(allowed, key=lambda s: s.rank)[:count]}
    kept = tuple(s for s in group.stories if s.anchor in best)
    more = group.more + len(group.stories) - len(kept)
    return dataclasses.replace(group, stories=kept, more=more, more_line=more_line(more, group.name))


def more_line(more: int, section: str) -> str:
    return f"and {more} more in {section}" if more else ""


def capped_sources(counts: Sequence[SourceCount], shown: int = SOURCES_SHOWN) -> tuple[SourceCount, ...]:
    """The sources with most articles, then one entry for the rest ("14 other sources")."""
    if len(counts) <= shown:
        return tuple(counts)
    rest = counts[shown - 1:]
    return (*counts[: shown - 1], SourceCount(f"{len(rest)} other sources", sum(c.articles for c in rest)))


def shown_stories(top: Sequence[Story], also: Sequence[SectionGroup]) -> list[Story]:
    """The stories a briefing shows (top stories and "Also today"), best-ranked first."""
    return sorted((*top, *(s for group in also for s in group.stories)), key=lambda s: s.rank)


def shown_story_count(briefing: Briefing) -> int:
    """How many stories the briefing shows in full or as a line: its top stories and its "Also today"."""
    return len(briefing.top_stories) + sum(len(group.stories) for group in briefing.also_today)


def keep_best(briefing: Briefing, count: int, note: str) -> Briefing:
    """``briefing`` showing only its ``count`` best-ranked stories, with ``note`` added to its notes.

    Stories left out of "Also today" are counted in their section's "and N
    more" line; the numbers table and quotes (a few lines each) stay.
    """
    wanted = {s.anchor for s in shown_stories(briefing.top_stories, briefing.also_today)[:count]}
    top = tuple(s for s in briefing.top_stories if s.anchor in wanted)
    also = tuple(group for group in (keep_in_section(g, len(g.stories), wanted) for g in briefing.also_today)
                 if group.stories or group.more)
    days = tuple(_day_kept(day, wanted) for day in briefing.days)
    return dataclasses.replace(briefing, top_stories=top, also_today=also, days=days,
                               notes=(*briefing.notes, note))


def _day_kept(day: DayGroup, wanted: set[str]) -> DayGroup:
    return dataclasses.replace(
        day,
        top_stories=tuple(s for s in day.top_stories if s.anchor in wanted),
        also_today=tuple(keep_in_section(g, len(g.stories), wanted) for g in day.also_today),
    )
