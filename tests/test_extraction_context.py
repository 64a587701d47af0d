"""What is written right before a number: qualifiers and ratios, read from the few words before."""

from __future__ import annotations

import pytest

from briefing.extraction.context import NOT_A_FIGURE, Before, read_before


def _before_last_number(text: str) -> Before:
    return read_before(text, text.rindex(" ") + 1, True, False)


@pytest.mark.parametrize(
    ("text", "qualifier", "written", "word_before", "start"),
    [
        ("launched more than 450", "more than", "more than", "launched", 9),
        ("no fewer than 12", "at least", "no fewer than", "", 0),
        ("at least 5", "at least", "at least", "", 0),
        ("rose up to 30", "up to", "up to", "rose", 5),
        ("shot over 41", "more than", "over", "shot", 5),
        ("aged about 5", "about", "about", "aged", 5),
    ],
)
def test_a_qualifier_is_read_with_the_word_before_it(text, qualifier, written, word_before, start):
    assert _before_last_number(text) == Before("", "", qualifier, written, word_before, start)


def test_the_first_word_of_the_window_may_be_cut_so_it_is_never_the_word_before_a_qualifier():
    text = "x" * 60 + " about 5"  # 60 characters are read: the x's are cut, so no word is read before `about`
    assert _before_last_number(text) == Before("", "", "about", "about", "", 61)


def test_a_qualifier_that_opens_the_window_is_dropped_with_it():
    text = " " * 60 + "about 5"  # `about` is the window's first word, which might be the end of a longer one
    assert _before_last_number(text) == Before(start=66)


@pytest.mark.parametrize("text", ["one in 5", "3 out of 10"])
def test_the_base_of_a_ratio_is_no_figure(text):
    assert _before_last_number(text) is NOT_A_FIGURE


def test_in_after_a_word_that_is_no_count_is_no_ratio():
    assert _before_last_number("in 2019 and in 5") == Before(start=15)
