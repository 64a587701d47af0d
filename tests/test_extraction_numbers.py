"""The grammar of written numbers: digits, separators, words, scales."""

from __future__ import annotations

import pytest

from briefing.extraction.numbers import find_numbers, words_value


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("twelve", 12),
        ("Seventy-one", 71),
        ("twenty two", 22),
        ("a dozen", 12),
        ("two dozen", 24),
        ("three hundred", 300),
        ("two hundred and fifty", 250),
        ("a hundred thousand", 100_000),
        ("one million", 1_000_000),
        ("half a million", 500_000),
        ("two and a half", 2.5),
        ("one and a half million", 1_500_000),
        ("a quarter of a million", 250_000),
    ],
)
def test_number_words_have_their_value(words, value):
    assert words_value(words) == value


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("1,000 flats", [1000]),
        ("2.5 metres", [2.5]),
        ("1\u00a0200 homes and 3\u202f400 cars", [1200, 3400]),
        ("1.2 million people", [1_200_000]),
        ("sold 12.7 million tickets", [12_700_000]),
        ("about half a million customers", [500_000]),
        ("almost two and a half hours", [2.5]),
        ("Seventy-one percent", [71]),
        ("in 2019,2020 and 2021", [2019, 2020, 2021]),
    ],
)
def test_find_numbers_reads_digits_words_and_scales(text, values):
    assert [n.value for n in find_numbers(text)] == values


def test_a_bare_hundred_or_thousand_is_no_number():
    assert find_numbers("several hundred vehicles and thousands of troops") == []


def test_ordinary_words_that_contain_number_words_are_not_numbers():
    assert find_numbers("often, tension, someone, tens of people, attention") == []


def test_a_number_keeps_its_span():
    number = find_numbers("about 1,900 MW")[0]
    assert (number.start, number.end, number.digits) == (6, 11, "1,900")


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("12345,678 cars", [(0, 5, "12345"), (6, 9, "678")]),  # no thousands group after five digits
        ("1,2345", [(0, 5, "1,234"), (5, 6, "5")]),
        ("rose 2.5. Then 3", [(5, 8, "2.5"), (15, 16, "3")]),  # the full stop ends the sentence
        ("1,000.5.3", [(0, 7, "1,000.5"), (8, 9, "3")]),
        ("450, 30.", [(0, 3, "450"), (5, 7, "30")]),
        ("£3.1bn and 2 million", [(1, 4, "3.1"), (11, 20, "2")]),  # a scale word is part of the number
    ],
)
def test_numbers_in_digits_end_where_their_grammar_ends(text, spans):
    assert [(n.start, n.end, n.digits) for n in find_numbers(text)] == spans
