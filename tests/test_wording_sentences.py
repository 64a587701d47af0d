"""A story's lead in the briefing is cut into sentences by the one splitter the extraction uses.

`Poet J. R. Tolland ...` once showed as the lead `Poet J. R.`: the briefing's own
splitter ended a sentence at every initial. Now the lead a reader sees and the
sentence a figure is quoted in come from ``briefing.extraction.text``.
"""

from __future__ import annotations

from dataclasses import replace

from briefing.composition.wording import first_sentences
from briefing.extraction import extract
from briefing.rendering import render_to_memory
from tests.fixtures.extraction import article
from tests.fixtures.render.fictional_day import day_briefing, fictional_day, settings

LEAD = ("Poet J. R. Tolland opened the Velmora book fair on Tuesday… 212 writers came, more than ever. "
        "Tickets sold out by noon.")


def test_the_lead_a_reader_sees_keeps_initials_and_ends_at_an_ellipsis():
    articles = [replace(stored, article=replace(stored.article, lead=LEAD)) if stored.article.id == 1 else stored
                for stored in fictional_day()]
    text = render_to_memory(day_briefing(articles=articles), settings(), ["txt"])["txt"]
    assert ("   Poet J. R. Tolland opened the Velmora book fair on Tuesday… 212\n"
            "   writers came, more than ever.\n") in text
    assert "Tickets sold out" not in text


def test_the_lead_and_a_figures_sentence_are_the_same_sentences():
    figure = next(f for f in extract(article("A book fair", LEAD)).figures if f.value == 212)
    assert first_sentences(LEAD, count=2) == f"Poet J. R. Tolland opened the Velmora book fair on Tuesday… {figure.sentence}"
    assert first_sentences("Prices rose by Feb. 3. 40 shops closed.", count=1) == "Prices rose by Feb. 3."
