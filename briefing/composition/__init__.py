"""Composition: the period's stored articles become the ``Briefing`` every template reads.

    from briefing.composition import compose, Briefing, describe_context

``Briefing`` and its parts are documented dataclasses (``model.py``);
``describe_context()`` lists every field a template can use with its
description. The ranking of stories, figures and quotes is in ``ranking.py``,
the wording of dates and figures in ``wording.py``, and what each figure is about
(the numbers table's "What") in ``what.py``.
"""

from briefing.composition.compose import compose
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
    describe_context,
)

__all__ = [
    "Briefing",
    "DayGroup",
    "FigureRow",
    "Masthead",
    "QuoteRow",
    "Reporter",
    "SectionGroup",
    "SectionLink",
    "SourceCount",
    "Story",
    "StoryRef",
    "compose",
    "describe_context",
]
