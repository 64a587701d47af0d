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
