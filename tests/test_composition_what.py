"""The "What" of the numbers table: what each figure counts or is about, in words of its sentence.

Every sentence is fictional and written for this test.
"""

from __future__ import annotations

import pytest

from briefing.composition.what import figure_what
from briefing.composition.wording import figure_said
from briefing.extraction import extract
from tests.fixtures.extraction import article


def what(sentence: str, said: str) -> str:
    figures = {figure_said(f): f for f in extract(article("A fictional report", sentence)).figures}
    assert said in figures, f"{said!r} not among {list(figures)}"
    return figure_what(figures[said])


@pytest.mark.parametrize(
    ("sentence", "said", "expected"),
    [
        ("The storm left 3,200 homes without heating in Varnby.", "3,200 homes", "homes left without heating"),
        ("Crews cleared 40 trees blocking the coast road.", "40 trees", "trees cleared"),
        ("The army counted 90 drones fired at the port overnight.", "90 drones", "drones fired at the port"),
        ("Up to 35 centimetres of wet snow has fallen on the pass.", "up to 35 centimetres",
         "centimetres of wet snow"),
        ("Between 30 and 50 millimetres of rain were expected.", "30 millimetres", "millimetres of rain"),
        ("The striker missed 12 days of training in March.", "12 days", "days of training"),
        ("Divers estimate that 200 seals lived there last winter.", "200 seals", "seals lived"),
    ],
)
def test_a_counted_unit_reads_on_into_one_describing_phrase_and_no_further(sentence, said, expected):
    assert what(sentence, said) == expected


@pytest.mark.parametrize(
    ("sentence", "said", "expected"),
    [
        ("The ferry line reported a net loss of €8m for the year.", "€8 million", "net loss"),
        ("The front brought gusts of up to 150 km/h to the islands.", "up to 150 km/h", "gusts"),
        ("The town won a regional development grant of €4m.", "€4 million", "regional development grant"),
        ("Orlen Kite raises €12m to open a second plant", "€12 million", "to open a second plant"),
        ("The council approved a €300m plan for a new ring road.", "€300 million", "plan for a new ring road"),
    ],
)
def test_an_amount_is_the_noun_it_is_of_or_what_it_is_for(sentence, said, expected):
    assert what(sentence, said) == expected


@pytest.mark.parametrize(
    ("sentence", "said", "expected"),
    [
        ("The bridge will cost about €90m, the city said.", "about €90 million", "cost of the bridge"),
        ("The album, which costs $19.99 online, had earned it about €2m by Friday.", "about €2 million",
         "earnings of the album"),
        ("The herd has grown to 412 animals, up 9% on last year.", "9%", "rise in the herd"),
        ("Officials said the price the port charges shippers for berths fell nearly 12% in the year.",
         "nearly 12%", "fall"),
    ],
)
def test_a_verb_of_money_or_change_becomes_its_noun(sentence, said, expected):
    assert what(sentence, said) == expected


@pytest.mark.parametrize(
    ("sentence", "said", "expected"),
    [
        ("Temperatures in Brenna and Kolvik fell to minus 21C overnight.", "-21 °C",
         "Temperatures in Brenna and Kolvik fell"),
        ("Overnight the temperature dropped to minus 8C.", "-8 °C", "temperature dropped"),
        ("Shares in Velmora shipyard jump 14 percent after the order.", "14%", "rise in shares in Velmora shipyard"),
        ("About 62% of the island's voters backed the plan.", "about 62%", "of the island's voters"),
    ],
)
def test_a_whole_clause_before_an_amount_is_kept_as_written(sentence, said, expected):
    assert what(sentence, said) == expected


def test_a_reporting_verb_is_no_part_of_what_an_amount_is_about():
    assert what("Nyström said the order book was about 40 percent larger than planned.", "about 40%") == \
        "order book"


def test_a_bare_measure_is_named_for_what_it_measures():
    assert what("At dawn it was minus 15C.", "-15 °C") == "temperature"


@pytest.mark.parametrize(
    ("sentence", "said", "expected"),
    [
        ("The number of wild elk living in the reserve has risen to a record 640.", "640 wild elk",
         "wild elk living"),
        ("The number of people sleeping rough in Leeds hit 1,150 this winter.", "1,150 people",
         "people sleeping rough"),
        ("The number of dog bites has soared to a record 9,400, figures show.", "9,400 dog bites", "dog bites"),
    ],
)
def test_what_the_number_of_counts_is_its_noun_phrase_not_the_verb_of_the_level(sentence, said, expected):
    assert what(sentence, said) == expected
