"""The one vocabulary: every currency and unit the extractor reads is worded right by the briefing.

Each case goes the whole way a reader sees it: a sentence written for this test, the figure the
extractor takes from it, and the words composition prints for that figure.
"""

from __future__ import annotations

import pytest

from briefing.composition.wording import day_in_words, figure_said, first_sentences
from briefing.extraction import extract
from briefing.extraction.units import _CURRENCY_AFTER
from briefing.language.vocabulary import (
    CURRENCIES,
    CURRENCY_SIGNS,
    CURRENCY_SYMBOLS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    TITLE_ABBREVIATIONS,
    UNIT_SYMBOLS,
)
from briefing.models import Figure
from tests.fixtures.extraction import article, figures_of


def _said(sentence: str) -> list[str]:
    return [figure_said(f) for f in extract(article("A fictional report", sentence)).figures]


def _money(code: str) -> str:
    sign = CURRENCY_SIGNS.get(code, "")
    return f"{sign}1.2 billion" if sign else f"1.2 billion {code}"


@pytest.mark.parametrize("code", sorted(c.code for c in CURRENCIES))
def test_every_currency_code_is_read_and_worded(code):
    assert _said(f"The fund holds {code} 1.2 billion in bonds.") == [_money(code)]


@pytest.mark.parametrize("symbol", sorted(CURRENCY_SYMBOLS))
def test_every_currency_sign_is_read_and_worded(symbol):
    code = CURRENCY_SYMBOLS[symbol]
    assert _said(f"The fund holds {symbol}1.2bn in bonds.") == [_money(code)]


@pytest.mark.parametrize("word", sorted(_CURRENCY_AFTER + ["pounds", "pounds sterling"]))
def test_every_currency_word_is_read_and_worded(word):
    code = next(c.code for c in CURRENCIES if word in c.words)
    assert _said(f"The fund holds 1.2 billion {word} in bonds.") == [_money(code)]


def test_the_briefing_writes_the_usual_signs():
    assert figure_said(Figure(1.2e9, "USD", "", "")) == "$1.2 billion"
    assert figure_said(Figure(-3e6, "EUR", "about", "")) == "about -€3 million"
    assert figure_said(Figure(310e6, "PLN", "", "")) == "310 million PLN"


@pytest.mark.parametrize("symbol", sorted(UNIT_SYMBOLS))
def test_every_unit_symbol_is_read_and_worded(symbol):
    unit = UNIT_SYMBOLS[symbol]
    assert figures_of(f"The reading was 12 {symbol} at noon.") == [(12, unit, "")]
    assert _said(f"The reading was 12 {symbol} at noon.") == [f"12 {unit}"]


@pytest.mark.parametrize(
    ("sentence", "said"),
    [
        ("It fell to minus 20°C overnight.", "-20 °C"),
        ("It reached 95 degrees Fahrenheit.", "95 °F"),
        ("Prices rose 6 percent.", "6%"),
        ("Prices rose 6 per cent.", "6%"),
        ("Prices rose 6%.", "6%"),
        ("Support fell 2 percentage points.", "2 percentage points"),
        ("A magnitude 6.8 quake hit.", "magnitude 6.8"),
        ("The yen traded at 97.40 yen per dollar.", "97.4 yen per dollar"),
        ("Shares closed at 212p.", "212 pence"),
    ],
)
def test_percentages_temperatures_magnitudes_and_rates_are_worded_as_a_reader_says_them(sentence, said):
    assert _said(sentence) == [said]


@pytest.mark.parametrize("month", MONTHS + MONTH_ABBREVIATIONS)
def test_no_spelling_of_a_month_leaves_its_day_as_a_figure(month):
    assert figures_of(f"The ferry returns on 3 {month} and again on {month} 17.") == []


def test_the_briefing_names_days_with_the_same_months():
    from datetime import date

    assert [day_in_words(date(2026, m, 3)).split()[2] for m in range(1, 13)] == list(MONTHS)


@pytest.mark.parametrize("title", TITLE_ABBREVIATIONS)
def test_a_title_abbreviation_ends_no_sentence(title):
    assert first_sentences(f"It was {title}. Hale who spoke. Then it rained.", count=1) == (
        f"It was {title}. Hale who spoke.")
