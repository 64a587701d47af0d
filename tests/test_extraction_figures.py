"""Key figures: what counts, its unit, qualifier and sign, and what does not count.

Every sentence here is written for this test; the rules come from
../shared/spec/extraction.md and the corpus README's "Annotation decisions".
"""

from __future__ import annotations

import pytest

from briefing.extraction import extract
from tests.fixtures.extraction import article, figures_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ferry carried 212 passengers.", [(212, "passengers", "")]),
        ("Rescuers reached 1,000 homes.", [(1000, "homes", "")]),
        ("The river rose by 2.5 metres.", [(2.5, "metres", "")]),
        ("Twelve schools were shut.", [(12, "schools", "")]),
        ("A dozen lorries were stuck.", [(12, "lorries", "")]),
        ("The app has one million users.", [(1_000_000, "users", "")]),
        ("Nearly half a million customers lost power.", [(500_000, "customers", "nearly")]),
        ("The final lasted two and a half hours.", [(2.5, "hours", "")]),
        ("Seventy-one percent of voters agreed.", [(71, "percent", "")]),
    ],
)
def test_counts_in_digits_and_words(text, expected):
    assert figures_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The centre cost PLN 310 million.", [(310_000_000, "PLN", "")]),
        ("The firm raised €3m from investors.", [(3_000_000, "EUR", "")]),
        ("Sales reached £2.3bn last year.", [(2_300_000_000, "GBP", "")]),
        ("The bond raised UAH 2.4bn.", [(2_400_000_000, "UAH", "")]),
        ("The fine was zł 120,000.", [(120_000, "PLN", "")]),
        ("Each household gets 500 zlotys.", [(500, "PLN", "")]),
        ("The prize was $36,000.", [(36_000, "USD", "")]),
        ("It paid 40 million euros.", [(40_000_000, "EUR", "")]),
        ("The app passed 700k users.", [(700_000, "users", "")]),
        ("Oil fell to $74.80 a barrel.", [(74.8, "USD", "")]),
    ],
)
def test_money_keeps_its_currency_as_an_iso_code_and_its_scale_in_the_value(text, expected):
    assert figures_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Support rose to 44 percent.", [(44, "percent", "")]),
        ("Turnout was 41.3%.", [(41.3, "percent", "")]),
        ("About 85 per cent of the cost is covered.", [(85, "percent", "about")]),
        ("Rents rose 4pc.", [(4, "percent", "")]),
        ("It fell to minus 17°C overnight.", [(-17, "°C", "")]),
        ("It was -15°C at dawn.", [(-15, "°C", "")]),
        ("The thaw brought plus 6°C.", [(6, "°C", "")]),
        ("Forecasters expect minus 19 degrees Celsius.", [(-19, "°C", "")]),
        ("The climbers spent a night at minus 18C.", [(-18, "°C", "")]),
        ("The index closed at 2,396.14 points (-1.8%).", [(2396.14, "points", ""), (-1.8, "percent", "")]),
        ("The shares fell 2.1 percent.", [(2.1, "percent", "")]),
    ],
)
def test_percentages_temperatures_and_written_signs(text, expected):
    assert figures_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The line is 7.4 km long.", [(7.4, "km", "")]),
        ("Demand hit 28,450 MW.", [(28_450, "MW", "")]),
        ("Gusts reached 110 km/h.", [(110, "km/h", "")]),
        ("Winds of up to 90 km per hour are forecast.", [(90, "km/h", "up to")]),
        ("It began a ten-day exercise.", [(10, "day", "")]),
        ("A 30-kilogram satellite reached orbit.", [(30, "kilogram", "")]),
        ("A three-year bond was sold.", [(3, "year", "")]),
    ],
)
def test_measures_and_compound_adjectives(text, expected):
    assert figures_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It fired more than 450 drones.", [(450, "drones", "more than")]),
        ("Over 40 aircraft took part.", [(40, "aircraft", "more than")]),
        ("Turnout was above 60 percent.", [(60, "percent", "more than")]),
        ("The crew took under 20 hours.", [(20, "hours", "less than")]),
        ("Debt will stay below 60 percent.", [(60, "percent", "less than")]),
        ("There are fewer than 40 free beds.", [(40, "free beds", "less than")]),
        ("Some 40,000 residents were cut off.", [(40_000, "residents", "about")]),
        ("Roughly 12,000 passengers waited.", [(12_000, "passengers", "about")]),
        ("Around minus 25°C is possible.", [(-25, "°C", "about")]),
        ("Almost 23,000 customers had no power.", [(23_000, "customers", "nearly")]),
        ("At least 140 soldiers were sent.", [(140, "soldiers", "at least")]),
        ("Up to 60 scientists work there.", [(60, "scientists", "up to")]),
        ("It costs at least PLN 40 million.", [(40_000_000, "PLN", "at least")]),
        ("Bonds worth about $57m were sold.", [(57_000_000, "USD", "about")]),
    ],
)
def test_qualifiers_written_before_the_number_are_normalised(text, expected):
    assert figures_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It will invest €120m over the next four years.", [(120_000_000, "EUR", ""), (4, "years", "")]),
        ("The film was shot over 41 days.", [(41, "days", "")]),
        ("The trial lasted over 41 days.", [(41, "days", "more than")]),
        ("It was 1.9°C above the average.", [(1.9, "°C", "")]),
        ("Demand was 15 percent below the record.", [(15, "percent", "")]),
        ("Turnout cleared the 30 percent threshold.", [(30, "percent", "")]),
    ],
)
def test_over_meaning_during_and_bounds_after_the_number_give_no_qualifier(text, expected):
    assert figures_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three large industrial consumers cut their load.", [(3, "industrial consumers", "")]),
        ("Heating failed in over 1,000 Kyiv apartment blocks.", [(1000, "apartment blocks", "more than")]),
        ("The city ordered 14 new low-floor trams.", [(14, "low-floor trams", "")]),
        ("It plans three more satellites.", [(3, "satellites", "")]),
        ("Visits were banned in four of the hospitals.", [(4, "hospitals", "")]),
        ("The crash left nine of its 31 wagons on their sides.", [(9, "wagons", ""), (31, "wagons", "")]),
        ("About 50 long-distance and regional trains were diverted.",
         [(50, "long-distance and regional trains", "about")]),
        ("The airline grounded three Boeing 737 jets.", [(3, "jets", "")]),
        ("Twelve police officers and 74 crew members helped.", [(12, "police officers", ""), (74, "crew members", "")]),
        ("Voters in 18 of 20 districts agreed.", [(18, "districts", ""), (20, "districts", "")]),
    ],
)
def test_the_unit_is_the_counted_head_noun(text, expected):
    assert figures_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Snow of 20-30 centimetres is forecast.", [(20, "centimetres", ""), (30, "centimetres", "")]),
        ("Checks take between 36 and 48 hours.", [(36, "hours", ""), (48, "hours", "")]),
        ("Support was between 5 and 7 percent lower.", [(5, "percent", ""), (7, "percent", "")]),
        ("Winds of 80-100 km/h are expected.", [(80, "km/h", ""), (100, "km/h", "")]),
        ("Damage is put at between 2 and 3 million euros.", [(2_000_000, "EUR", ""), (3_000_000, "EUR", "")]),
        ("It will jump from minus 18°C to plus 6°C.", [(-18, "°C", ""), (6, "°C", "")]),
    ],
)
def test_a_range_gives_two_figures_with_one_unit(text, expected):
    assert figures_of(text) == expected


def test_a_range_keeps_the_whole_range_as_its_text():
    found = extract(article("Repairs", "Repairs will take between 14 and 16 hours, the company said.")).figures
    assert [f.text for f in found] == ["between 14 and 16 hours", "between 14 and 16 hours"]


@pytest.mark.parametrize(
    "text",
    [
        "The talks were held on 3 February 2026 in Kyiv.",
        "The festival runs from 12 to 22 February.",
        "The survey ran between 26 and 29 January.",
        "Results are due on February 22.",
        "The peak came at 17:45, and the pipe burst at about 02:30.",
        "We were told at 5am and left after 10 pm.",
        "Polling stations are open from 7:00 to 21:00.",
        "I have been standing here since seven.",
        "It last set a record in January 2024 and again in 2025.",
        "Levels fell in the 1990s and the '80s.",
        "He ran the office from 2018 to 2023.",
        "She is ranked 143rd, he is world No. 58.",
        "It was the second derailment and a third-degree warning.",
        "The G7, the WIG20 index and the S19 road were mentioned.",
        "Under Article 5 an attack on one member is an attack on all.",
        "Cases of COVID-19 and the F-16 and Bursztyn-1 were discussed.",
        "Flights MZ 412 and MZ 418 were cancelled.",
        "The bus depot at 115 Kartuska Street will close.",
        "Call the newsroom on +48 22 555 01 23.",
        "It was the biggest investment since Euro 2012.",
        "Leopard 2 and K2 tanks crossed the river.",
        "Trains stop on railway line 3.",
        "Hundreds of staff, dozens of villages and tens of thousands of people were affected.",
        "Several hundred vehicles and a few centimetres of snow.",
        "It is one of the lowest rates, and no one was hurt one day.",
        "About a third of the mass, almost half of the budget and two thirds of pupils.",
        "Only about a fifth of Poles are vaccinated, two-thirds are not.",
        "Read more at https://example.org/2026/02/03/story-123.",
        "Visits last 30 minutes a day.",
    ],
)
def test_dates_times_ranks_labels_and_vague_amounts_are_not_figures(text):
    found = figures_of(text)
    assert found in ([], [(30, "minutes", "")]), found


def test_numbered_list_markers_are_not_figures_but_the_points_are():
    found = extract(article("Podium", "1. Kacper Wilk (Poland) – 289.4 points")).figures
    assert [(f.value, f.unit) for f in found] == [(289.4, "points")]


def test_one_in_five_is_a_ratio_not_a_count():
    assert figures_of("One in five homes in the lower town was flooded.") == []


def test_two_bus_routes_count_but_the_route_numbers_do_not():
    assert figures_of("It closed two bus routes, 140 and 512, that duplicated the metro.") == [(2, "bus routes", "")]


def test_a_figure_repeated_with_the_same_value_and_unit_counts_once_with_its_first_text():
    found = extract(article(
        "Lublin opens PLN 310m cancer centre",
        "A new oncology centre costing PLN 310 million opened on Thursday.",
        "The 12 schools closed, and later the 12 schools reopened.",
    )).figures
    assert [(f.value, f.unit, f.text) for f in found] == [
        (310_000_000, "PLN", "PLN 310m"), (12, "schools", "12 schools")]


def test_a_number_without_a_unit_takes_the_unit_of_the_same_value_elsewhere():
    found = extract(article("Kurant raises €3m as users pass 700k",
                            "The app passed 700,000 registered users in January.")).figures
    assert [(f.value, f.unit, f.text, f.segment) for f in found] == [
        (3_000_000, "EUR", "€3m", 0), (700_000, "registered users", "700k", 0)]


def test_a_compared_number_without_a_unit_counts_the_same_thing():
    assert figures_of("It expects 1.2 million passengers a year, up from about 400,000 now.") == [
        (1_200_000, "passengers", ""), (400_000, "passengers", "about")]


def test_no_break_and_thin_spaces_inside_numbers_and_between_words():
    assert figures_of("Some\u00a040\u202f000 residents and about 1\u00a0200\u00a0households.") == [
        (40_000, "residents", "about"), (1200, "households", "about")]


def test_capitalised_title_words_do_not_make_a_number_a_label():
    found = extract(article("Power Demand Hits Record 28,450 MW As Frost Grips Poland")).figures
    assert [(f.value, f.unit) for f in found] == [(28_450, "MW")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They were jailed for 10 and 12 years.", [(10, "years", ""), (12, "years", "")]),
        ("Pupils aged between 9 and 12 and three teachers were on board.", [(3, "teachers", "")]),
        ("The yard has built 14 such ships.", [(14, "ships", "")]),
        ("Warsaw had 21.3 million passengers, followed by Kraków with 11.1 million.",
         [(21_300_000, "passengers", ""), (11_100_000, "passengers", "")]),
        ("A group of 12-year-olds and a 45-year-old teacher.", []),
    ],
)
def test_coordinated_and_elliptical_numbers(text, expected):
    assert figures_of(text) == expected


def test_a_compound_unit_repeated_in_short_counts_once():
    found = extract(article("Bus crash injures 19 schoolchildren", "Nineteen children were hurt.")).figures
    assert [(f.value, f.unit) for f in found] == [(19, "schoolchildren")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("More than 2,300 lorries crossed the bridge in 2025, compared with 880 a year earlier.",
         [(2300, "lorries", "more than"), (880, "lorries", "")]),
        ("The depot repaired 64 trams last winter, against 41 the winter before.",
         [(64, "trams", ""), (41, "trams", "")]),
        ("The yard launched 9 hulls in 2025; in 2024 it managed 4.", [(9, "hulls", "")]),
    ],
)
def test_a_number_compared_with_a_figure_earlier_in_its_sentence_counts_the_same_thing(text, expected):
    assert figures_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A crowd of 18,500 filled the stadium.", [(18_500, "people", "")]),
        ("An audience of about 900 stayed to the end.", [(900, "people", "about")]),
        ("The island has a population of 2,400 and a workforce of 1,100.",
         [(2400, "people", ""), (1100, "people", "")]),
        ("The hall was built for a crowd of 4,000 fans.", [(4000, "fans", "")]),
    ],
)
def test_a_collective_noun_of_people_before_a_bare_number_counts_people(text, expected):
    assert figures_of(text) == expected


def test_a_collective_figure_keeps_its_noun_in_its_words():
    found = extract(article("Derby", "A crowd of more than 18,500 saw the derby.")).figures
    assert [f.text for f in found] == ["crowd of more than 18,500"]


@pytest.mark.parametrize(
    "text",
    [
        "Kowal, 47, said the pier would reopen in spring.",
        "Halina Kowal, 47, a former ferry pilot, said nothing had changed.",
        "One of the ferries was late again.",
    ],
)
def test_an_age_set_off_by_commas_and_one_alone_are_not_figures(text):
    assert figures_of(text) == []


def test_a_letter_outside_a_to_z_attached_to_a_number_is_no_figure_and_stops_nothing():
    # `40ł` once raised AttributeError and lost the whole article's extraction
    assert figures_of("The plank was 40ł long and the crew of 12 sailors left.") == [(12, "sailors", "")]
