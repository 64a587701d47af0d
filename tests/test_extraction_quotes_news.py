"""Quotes as real news writes them: mixed quotation marks, terms in quotes, colons, verbs other
than `said`, paragraphs that go on quoting. Every sentence here is fictional, written for the test,
in the styles of wire copy, broadsheets and tabloids, British and American."""

from __future__ import annotations

import pytest

from briefing.extraction import extract
from tests.fixtures.extraction import article, quotes_of


def texts(*paragraphs: str) -> list[str]:
    return [q[0] for q in quotes_of(*paragraphs)]


# -- curly and straight marks in one article ------------------------------------------------

@pytest.mark.parametrize(
    "paragraph",
    [
        '“We will reopen the bridge by spring," Mayor Ilse Varga said. "Nobody should doubt it.”',
        '"We will reopen the bridge by spring,” Mayor Ilse Varga said. “Nobody should doubt it."',
        '“We will reopen the bridge by spring,” Mayor Ilse Varga said. "Nobody should doubt it."',
    ],
)
def test_mixed_marks_pair_as_two_quotes_never_with_the_attribution_inside(paragraph):
    found = quotes_of(paragraph)
    assert [q[0].rstrip(",.") for q in found] == ["We will reopen the bridge by spring", "Nobody should doubt it"]
    assert {q[1] for q in found} == {"Ilse Varga"}
    assert not any("said" in q[0] for q in found)


def test_a_split_quote_in_mixed_marks_is_one_quote():
    found = quotes_of('“The pumps are running," said Oskar Brandt, the plant manager, "and they will hold.”')
    assert [(q[0], q[1]) for q in found] == [("The pumps are running, and they will hold.", "Oskar Brandt")]


def test_a_quote_nested_in_marks_of_the_other_kind_belongs_to_the_outer_quote():
    found = quotes_of('“He called the audit \"a witch hunt\" and walked out,” said councillor Petra Lund.')
    assert [(q[0], q[1]) for q in found] == [('He called the audit "a witch hunt" and walked out', "Petra Lund")]


def test_a_stray_opening_mark_used_to_close_still_closes():
    found = quotes_of('The agency promised an “urgent review“ of the contract, its director Marek Olen said on Monday.')
    assert [q[0] for q in found] == ["urgent review"]


# -- a term in quotation marks is not a quote -----------------------------------------------

@pytest.mark.parametrize(
    "paragraph",
    [
        "Grocers are opening so-called “dark stores” across the suburbs.",
        "The council unveiled the “smart city” plan on Tuesday.",
        'The company called its tariff a "green" option in brochures last year.',
        'Residents of the "zero-emission" district will pay less for parking.',
        "Critics have long mocked the ‘garden bridge’ scheme as a folly.",
        'The mayor said the "smart city" plan would cost less than expected.',
        'Fans queued all night for the premiere of "Harbour Lights."',
        "He spoke to viewers of “Morning Desk.” on Sunday.",
    ],
)
def test_terms_labels_and_titles_in_quotes_are_not_quotes(paragraph):
    assert texts(paragraph) == []


@pytest.mark.parametrize(
    ("paragraph", "quote"),
    [
        ('Ms Ortiz called the ruling "shameful".', "shameful"),
        ('Her verdict on the plan: "Unworkable."', "Unworkable."),
        ('The minister warned of "grave consequences" if the strike went ahead.', "grave consequences"),
    ],
)
def test_a_short_quote_tied_to_a_source_by_a_speech_verb_or_a_colon_is_a_quote(paragraph, quote):
    assert texts(paragraph) == [quote]


# -- how quotes are introduced --------------------------------------------------------------

@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ('Anna Berg, Daily Courier: "The figures do not add up."', "Anna Berg"),
        ('The delay does not surprise Harbour Trust economist Lena Sorensen: "Ports never open on time."',
         "Lena Sorensen"),
        ('Lena Sorensen wrote in a memo: "Ports never open on time."', "Lena Sorensen"),
        ('"Ports never open on time," Lena Sorensen told the Daily Courier.', "Lena Sorensen"),
        ('"Ports never open on time," Lena Sorensen tweeted.', "Lena Sorensen"),
        ('"Ports never open on time," Lena Sorensen added.', "Lena Sorensen"),
        ('Lena Sorensen warned: "Ports never open on time."', "Lena Sorensen"),
        ('Lena Sorensen underscored that "ports never open on time" in her report.', "Lena Sorensen"),
        ('Lena Sorensen paid tribute to the crews, "who worked through every storm this winter".',
         "Lena Sorensen"),
        ('Said Lena Sorensen, who chairs the port board: "Ports never open on time."', "Lena Sorensen"),
        ('Lena Sorensen BLASTED the board: "Ports never open on time and they know it!"', "Lena Sorensen"),
        ('Added Lena Sorensen: "Ports never open on time."', "Lena Sorensen"),
        ('Lena Sorensen thanked the crews for "working through every storm this winter".', "Lena Sorensen"),
    ],
)
def test_colons_and_verbs_other_than_said_introduce_quotes(paragraph, speaker):
    found = quotes_of("Port board chair Lena Sorensen and economist Anna Berg spoke on Monday.", paragraph)
    assert [q[1] for q in found] == [speaker]


def test_paragraphs_that_only_go_on_quoting_keep_the_speaker():
    found = quotes_of(
        '"The levee held this time," said Captain Rafael Duarte of the river guard.',
        '"But the next flood will be higher, and we have no sandbags left."',
        "“We asked for new pumps in March. Nobody answered.”",
    )
    assert [q[1] for q in found] == ["Rafael Duarte"] * 3


def test_a_continuing_paragraph_after_a_colon_goes_to_the_speaker_who_opened_it():
    found = quotes_of(
        "In a letter to residents, housing director Mirela Kos wrote:",
        '"The repairs will take the whole summer. We apologise for the noise."',
    )
    assert [(q[1], q[2]) for q in found] == [("Mirela Kos", False)]


def test_a_paragraph_ending_with_an_inverted_verb_and_a_colon_hands_over_the_next_quote():
    found = quotes_of("Stated harbour master Viggo Strand:",
                      "“The channel is clear again, and the first ferry leaves at six.”")
    assert [q[1] for q in found] == ["Viggo Strand"]


# -- two apostrophes as a double mark (some newspapers' archives) ----------------------------

@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # broadsheet: an age between commas after the name
        (("Harold Dalby has farmed the valley since 1968.", "''We had no idea,'' Mr. Dalby, 81, said."),
         [("We had no idea", "Harold Dalby", False)]),
        # the quote after its attribution, then a second sentence of quote
        (("Ines Marlowe, a historian at the university, wrote, ''The city never recovered.'' She added, "
          "''Nobody rebuilt the docks.''",),
         [("The city never recovered.", "Ines Marlowe", False), ("Nobody rebuilt the docks.", "Ines Marlowe", False)]),
        # a single mark nested inside closes next to the pair
        (("''They keep telling us, 'Wait another year,''' said Councillor Rhys Evans.",),
         [("They keep telling us, 'Wait another year,'", "Rhys Evans", False)]),
    ],
)
def test_two_apostrophes_are_a_double_quotation_mark(paragraphs, expected):
    found = [(text.rstrip(","), speaker, partial) for text, speaker, partial in quotes_of(*paragraphs)]
    assert found == expected


def test_an_apostrophe_in_a_word_is_still_no_mark():
    found = quotes_of("''The players' union won't sign,'' said Maeve O'Hara, its chairwoman.")
    assert found == [("The players' union won't sign", "Maeve O'Hara", False)]


# -- a participle of speech opens a quote of its own -----------------------------------------

@pytest.mark.parametrize(
    "paragraph",
    [
        '"The fund is empty," she said, adding, "We will ask the council for more."',
        "\u201cThe fund is empty,\u201d Ms Okafor told the BBC, noting, \u201cWe will ask the council for more.\u201d",
    ],
)
def test_a_participle_after_the_attribution_starts_a_second_quote(paragraph):
    found = quotes_of("Councillor Ada Okafor chairs the finance committee.", paragraph)
    assert [q[0].rstrip(",") for q in found] == ["The fund is empty", "We will ask the council for more."]
    assert {q[1] for q in found} == {"Ada Okafor"}


def test_a_quote_split_by_its_attribution_is_still_one_quote():
    found = quotes_of('"We will act," she said, "and soon."')
    assert [q[0] for q in found] == ["We will act, and soon."]


def test_the_sentence_of_a_quote_in_two_apostrophes_is_quoted_as_written():
    found = extract(article("A fictional report", "''We had no idea,'' Mr. Dalby, 81, said.")).quotes
    assert [q.sentence for q in found] == ["''We had no idea,'' Mr. Dalby, 81, said."]


# -- a quote in single marks over several paragraphs, as British papers write them ----------------

def test_a_single_mark_left_open_goes_on_in_the_next_paragraph():
    assert quotes_of(
        "Pensioner Maud Ellery, 79, said: 'They have been in my front garden for 30 years.",
        "'Nobody ever complained until the new neighbours moved in.'",
        "A council spokesman said: 'We acted on a complaint.'",
    ) == [("They have been in my front garden for 30 years. Nobody ever complained until the new neighbours "
           "moved in.", "Maud Ellery", False),
          ("We acted on a complaint.", "a council spokesman", False)]


def test_an_apostrophe_inside_a_paragraph_opens_no_quote():
    assert quotes_of("The rock 'n' roll band's 'farewell' tour ends in the workers' club on Friday.") == []
