"""Quotes: the marks, apostrophes, nesting, split and multi-paragraph quotes, what is no quote."""

from __future__ import annotations

import pytest

from tests.fixtures.extraction import quotes_of


@pytest.mark.parametrize(
    "paragraph",
    [
        '"We will rebuild every house," the mayor said.',
        "“We will rebuild every house,” the mayor said.",
        "„We will rebuild every house,” the mayor said.",
        "«We will rebuild every house», the mayor said.",
        "« We will rebuild every house », the mayor said.",
        "'We will rebuild every house,' the mayor said.",
        "‘We will rebuild every house,’ the mayor said.",
    ],
)
def test_every_kind_of_quotation_mark(paragraph):
    assert [q[0] for q in quotes_of(paragraph)] == ["We will rebuild every house"]


def test_apostrophes_are_not_quotation_marks():
    found = quotes_of("Russia’s attacks and America’s allies were on KSP's agenda, the wagons' axles too. "
                      "'It is Poland's turn,' said Adam Nowak.")
    assert found == [("It is Poland's turn", "Adam Nowak", False)]


def test_a_full_stop_inside_the_closing_mark_is_kept_and_a_comma_dropped():
    assert [q[0] for q in quotes_of('"Nobody should panic." Then: "We are ready," he added.')] == [
        "Nobody should panic.", "We are ready"]


def test_nested_quotes_belong_to_the_outer_quote():
    found = quotes_of("“When the ministry says ‘the money will follow’, we plan as if it will not,” "
                      "said Halina Bors.")
    assert found == [("When the ministry says ‘the money will follow’, we plan as if it will not",
                      "Halina Bors", False)]


def test_a_quote_split_by_its_attribution_is_one_quote_joined_by_a_space():
    found = quotes_of("“The first jump felt good,” Kacper Wilk said, “and I did not look at the board.”")
    assert found == [("The first jump felt good, and I did not look at the board.", "Kacper Wilk", False)]


def test_a_new_sentence_after_the_attribution_is_a_second_quote():
    found = quotes_of('"We will act," said Anna Lis. "Soon."')
    assert found == [("We will act", "Anna Lis", False), ("Soon.", "Anna Lis", False)]


def test_a_quote_over_several_paragraphs_is_one_quote():
    found = quotes_of(
        "Deputy Mayor Marta Kos told councillors before the vote:",
        '"For ten years residents have been promised a tram.',
        '"Today we are voting for money that is already in the budget.',
        '"If we lose this window, the next chance will not come soon."',
    )
    assert found == [(
        "For ten years residents have been promised a tram. Today we are voting for money that is already "
        "in the budget. If we lose this window, the next chance will not come soon.", "Marta Kos", False)]


def test_polish_marks_over_several_paragraphs_close_only_at_the_end():
    found = quotes_of("„The pipe was laid in 1978.", "„I apologise to every resident,” Leszek Duda said.")
    assert found == [("The pipe was laid in 1978. I apologise to every resident", "Leszek Duda", False)]


@pytest.mark.parametrize(
    "paragraph",
    [
        'The plan turns the "temporary" depot into a terminus.',
        "Much of the “green” spending goes on boilers.",
        "It is the largest case since the so-called “heating crisis” of 2022.",
        "Troops began the exercise, codenamed \"Amber Lynx\", on Tuesday.",
        "Her debut, “The Salt Road”, drew 600,000 viewers, the producers said.",
        "Polish drama 'Winter Bridges' picked for Berlin festival",
    ],
)
def test_scare_quotes_and_titles_of_works_are_not_quotes(paragraph):
    assert quotes_of(paragraph) == []


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Tadeusz Marek said the budget was built on “optimistic” forecasts.",
         [("optimistic", "Tadeusz Marek", True)]),
        ("Irina Koval said her opponent had played “without fear”.", [("without fear", "Irina Koval", True)]),
        ("Andrzej Lis called the estimate \"optimistic at best\" and left.",
         [("optimistic at best", "Andrzej Lis", True)]),
    ],
)
def test_one_or_two_words_a_named_person_said_are_partial_quotes(paragraph, expected):
    assert quotes_of(paragraph) == expected


@pytest.mark.parametrize(
    ("paragraph", "partial"),
    [
        ('Rutte stressed it is crucial "that any peace lasts".', True),
        ('He said the plan would require "difficult choices" in the spring.', True),
        ('"We know the price is high," he said.', False),
        ('The minister said: "We know the price is high."', False),
        ('The minister said, "We know the price is high."', False),
        ('Officials spoke. "We know the price is high."', False),
        ('She thanked him, saying it came on a day when "Russia carried out a record strike".', True),
    ],
)
def test_partial_marks_a_fragment_inside_the_reporters_sentence(paragraph, partial):
    assert [q[2] for q in quotes_of(paragraph)] == [partial]


def test_the_same_quote_in_the_headline_and_the_body_counts_once():
    found = quotes_of(
        "Krystian Wolny, chief executive of Baltic Gate Terminal, said traffic was \"back on track\".",
        title="Terminal chief says container traffic 'back on track'",
    )
    assert found == [("back on track", "Krystian Wolny", True)]


def test_a_quote_keeps_its_segment_offset_and_sentence():
    from briefing.extraction import extract
    from tests.fixtures.extraction import article

    quote = extract(article("Flood", "Water rose fast. “We lost everything,” said Ewa Nowak. Help came later.")).quotes[0]
    assert (quote.segment, quote.start, quote.sentence) == (
        1, 17, "“We lost everything,” said Ewa Nowak.")


def test_a_quote_opening_a_sentence_the_reporter_goes_on_with_is_partial():
    assert quotes_of('"Difficult choices" lie ahead, Anna Nowak said.') == [("Difficult choices", "Anna Nowak", True)]


def test_a_short_phrase_nobody_is_reported_to_have_said_is_left_out():
    assert quotes_of('Critics fear a "business as usual" approach.') == []
