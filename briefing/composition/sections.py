"""Section headings for "Also today": named and ordered as configured, stories in time order.

An article's section is shown as ``sections.rename`` maps it (case does not
matter); an export's own label ("English Section", "Polish Section") says
where the text was exported from, not what it is about, so it is hidden unless
mapped; a feed's lower-case section ("business") is shown as a heading
("Business"), and matches a configured heading whatever its case.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.composition.model import SectionGroup, Story
from briefing.config import SectionsSection

#: a news-site export's label for its language edition, not a section of the news
EXPORT_LABEL = re.compile(r"(?i)^[\w-]+ (?:section|edition|service)$")


def section_heading(raw: str, sections: SectionsSection) -> str:
    """The heading an article filed under ``raw`` is shown under."""
    name = " ".join(raw.split())
    renamed = {key.casefold(): value for key, value in sections.rename.items()}
    if name.casefold() in renamed:
        name = (renamed[name.casefold()] or "").strip()
    elif EXPORT_LABEL.match(name):
        name = ""
    if not name:
        return sections.other
    for heading in sections.order:
        if heading.casefold() == name.casefold():
            return heading
    return name[0].upper() + name[1:] if name.islower() else name


def by_section(stories: Sequence[Story], sections: SectionsSection) -> tuple[SectionGroup, ...]:
    """Configured headings first in their order, then the rest alphabetically, ``other`` last; each in time order."""
    order = {heading.casefold(): n for n, heading in enumerate(sections.order)}
    names = sorted(
        {s.section for s in stories},
        key=lambda n: (n == sections.other, order.get(n.casefold(), len(order)), n.lower()),
    )
    return tuple(
        SectionGroup(
            name=name,
            anchor=f"section-{_slug(name)}",
            stories=tuple(sorted((s for s in stories if s.section == name), key=lambda s: (s.published, s.rank))),
        )
        for name in names
    )


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "section"
