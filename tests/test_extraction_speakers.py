"""Who said it: speech verbs on either side, names, titles, pronouns, descriptions, groups."""

from __future__ import annotations

import pytest

from briefing.extraction import extract
from tests.fixtures.extraction import article, quotes_of


def speakers(*paragraphs: str, title: str = "A fictional report", lead: str = "") -> list[str]:
    return [q[1] for q in quotes_of(*paragraphs, title=title, lead=lead)]


@pytest.mark.parametrize(
    "paragraph",
    [
        '"The system held," said Tomasz Lech.',
        '"The system held," Tomasz Lech said.',
        '"The system held," Tomasz Lech told reporters.',
        '"The system held," Tomasz Lech added in a statement.',
        '"The system held," wrote Tomasz Lech on social media.',
        'Tomasz Lech said: "The system held."',
        'Tomasz Lech: "The system held."',
        'The network was "tested but never broken", according to Tomasz Lech.',
    ],
)
def test_a_speech_verb_on_either_side(paragraph):
    assert speakers(paragraph) == ["Tomasz Lech"]


@pytest.mark.parametrize(
    ("paragraph", "speaker", "role"),
    [
        ('"We are ready," said Dr Alicja Wrona, the company’s chief engineer.', "Alicja Wrona",
         "company’s chief engineer"),
        ('"We are ready," said Prof. Wiesława Chmiel, the centre’s director.', "Wiesława Chmiel", "centre’s director"),
        ('"We are ready," said Mazovia Air spokeswoman Iga Sadowska.', "Iga Sadowska", "Mazovia Air spokeswoman"),
        ('"We are ready," said Brigadier Tomasz Kuś, a fire service spokesman.', "Tomasz Kuś",
         "fire service spokesman"),
        ('"We are ready," captain Henrik Lund told Swedish radio.', "Henrik Lund", "captain"),
        ('"We are ready," Judge Paweł Jarosz said.', "Paweł Jarosz", "Judge"),
        ('NATO Secretary General Mark Rutte said the alliance was "ready".', "Mark Rutte", "NATO Secretary General"),
    ],
)
def test_titles_are_removed_from_the_name_and_the_role_is_kept(paragraph, speaker, role):
    quote = extract(article("A fictional report", paragraph)).quotes[0]
    assert (quote.speaker, quote.role) == (speaker, role)


def test_the_fullest_name_in_the_article_stands_for_a_surname():
    assert speakers(
        "Speaking in Kyiv, Rutte stressed it is crucial \"that any peace lasts\".",
        '"We know the price," Rutte noted.',
        lead="NATO Secretary General Mark Rutte visited Kyiv on Tuesday.",
    ) == ["Mark Rutte", "Mark Rutte"]


def test_a_surname_named_only_later_in_the_article_is_still_found():
    assert speakers('"We fixed the rail gate," Wolny told reporters.',
                    "Krystian Wolny, chief executive of the terminal, has run it since 2019.") == ["Krystian Wolny"]


def test_he_and_she_refer_to_the_latest_person_of_that_gender():
    assert speakers(
        "Dr Joanna Malec, the region's consultant, spoke after Tomasz Lech.",
        '"We are seeing fewer free beds," she told public radio.',
        '"The grid is stable," he said.',
    ) == ["Joanna Malec", "Tomasz Lech"]


def test_a_pronoun_inside_the_quote_is_not_its_speaker():
    assert speakers("Irina Koval lost the final to Nikola Bartosik.",
                    "“I was the favourite, and she made me feel like the underdog,” Koval said.") == ["Irina Koval"]


@pytest.mark.parametrize(
    ("introduction", "reference", "speaker"),
    [
        ("NATO Secretary General Mark Rutte visited Kyiv.", "the NATO chief told lawmakers", "Mark Rutte"),
        ("Judge Barbara Cichoń read the verdict.", "the judge said", "Barbara Cichoń"),
        ("General Roman Ostaszewski commands the exercise.", "the general told reporters", "Roman Ostaszewski"),
        ("Deputy Mayor Renata Kasprzak opened the line.", "the deputy mayor said", "Renata Kasprzak"),
        ("Prof. Wiesława Chmiel, the centre's director, showed the machines.", "the director told reporters",
         "Wiesława Chmiel"),
    ],
)
def test_a_description_refers_back_to_the_person_it_describes(introduction, reference, speaker):
    assert speakers(introduction, "Donald Trump was mentioned too.", f'"We are ready," {reference}.') == [speaker]


def test_a_description_in_the_headline_finds_the_person_named_later():
    assert speakers("Krystian Wolny, chief executive of Baltic Gate Terminal, spoke on Wednesday.",
                    title="Gdynia terminal chief says traffic 'back on track'") == ["Krystian Wolny"]


def test_a_paragraph_that_only_goes_on_quoting_takes_the_previous_speaker():
    assert speakers('"The system held," said Tomasz Lech.', '"Nobody should panic."') == [
        "Tomasz Lech", "Tomasz Lech"]


def test_a_paragraph_ending_in_a_colon_introduces_the_next_quote():
    assert speakers("Deputy Mayor Marta Kos told councillors:", '"Today we vote."') == ["Marta Kos"]


@pytest.mark.parametrize(
    ("paragraphs", "group"),
    [
        (('"This is the biggest investment," officials in Gdansk said.',), "officials in Gdansk"),
        (("Officials in Rzeszów said roads were closed.", "„We are reaching villages on foot,” the officials said."),
         "officials in Rzeszów"),
        (('"We are tracing contacts," the regional sanitary inspectorate said.',),
         "the regional sanitary inspectorate"),
        (('"We are examining the track," railway accident investigators said.',), "railway accident investigators"),
        (('"Roads are closed," Police said.', "The police closed the roads."), "police"),
    ],
)
def test_an_unnamed_group_is_written_as_in_the_article_without_a_leading_capital(paragraphs, group):
    assert speakers(*paragraphs) == [group]


def test_a_quoted_company_is_its_name():
    assert speakers("The developer, Pomeranian Wind, planned 12 turbines.",
                    'Pomeranian Wind said it would "analyse the result carefully".',
                    '"We will appeal," the developer said.') == ["Pomeranian Wind", "Pomeranian Wind"]


def test_the_subject_of_the_speech_verb_wins_over_a_nearer_name():
    assert speakers('Mark Rutte acknowledged that Donald Trump and his team "are determined to stop it".',
                    'Barbara Cichoń said the evidence against Grzegorz Pawlak was "overwhelming".') == [
        "Mark Rutte", "Barbara Cichoń"]


def test_a_participle_takes_the_subject_of_its_sentence():
    assert speakers("In a post, President Volodymyr Zelensky thanked the NATO chief, saying it came on a day "
                    "when \"Russia carried out a record strike\".") == ["Volodymyr Zelensky"]


def test_a_place_named_like_a_person_is_not_a_speaker():
    assert speakers("Voters in Wydmy Morskie, a resort town, elect a mayor on Sunday.",
                    "Weronika Sass leads the poll.",
                    "“The town needs a mayor who lives here,” she told local radio.") == ["Weronika Sass"]


def test_a_headline_opening_with_a_name_and_a_colon_is_what_that_person_said():
    assert speakers("Prime Minister Donald Tusk spoke in Warsaw.",
                    title="Tusk: Poland needs 'robust guarantees'") == ["Donald Tusk"]


def test_a_headline_in_title_case_keeps_its_quote():
    assert speakers("Prime Minister Donald Tusk spoke in Warsaw.",
                    title="Tusk Says Poland Will Not Be 'Blackmailed Again'") == ["Donald Tusk"]


def test_adding_continues_the_speaker_of_its_sentence():
    assert speakers('"We stay," said Anna Nowak. She thanked the crews, adding: "And we fight."') == [
        "Anna Nowak", "Anna Nowak"]


def quotes_with_roles(*paragraphs: str) -> list[tuple[str, str]]:
    return [(q.speaker, q.role) for q in extract(article("A fictional report", *paragraphs)).quotes]


def test_a_relative_clause_after_an_apposition_does_not_make_the_organisation_the_speaker():
    assert quotes_with_roles(
        "Marta Okoń, an analyst at Vistula Freight Partners, which owns the depot, said the new cranes were "
        "“slow but steady, which is all a harbour asks for”.") == [
        ("Marta Okoń", "analyst at Vistula Freight Partners")]


def test_a_description_before_the_name_is_its_role_and_refers_back_to_the_person_later():
    assert quotes_with_roles(
        'A spokesman for the transport ministry, Tomasz Gil, said the line would reopen "before spring".',
        "Engineers were still on the bridge on Friday.",
        '"Nobody will be left stranded," the spokesman added.') == [
        ("Tomasz Gil", "spokesman for the transport ministry"), ("Tomasz Gil", "spokesman for the transport ministry")]


@pytest.mark.parametrize(
    ("paragraph", "speaker", "role"),
    [
        ('Olga Wrzos, the airport’s director, said the runway was "clear again".', "Olga Wrzos",
         "airport’s director"),
        ('"The runway is clear again," said Olga Wrzos, the airport’s director.', "Olga Wrzos", "airport’s director"),
        ('"The runway is clear again," said the governor, Adam Rój.', "Adam Rój", "governor"),
        ('"The runway is clear again," said the airport’s director, Olga Wrzos.', "Olga Wrzos",
         "airport’s director"),
    ],
)
def test_an_apposition_on_either_side_of_the_name_gives_the_role(paragraph, speaker, role):
    assert quotes_with_roles(paragraph) == [(speaker, role)]


def test_an_age_between_commas_leaves_the_name_the_speaker():
    paragraphs = ("Governor Adam Rój opened the session.", 'Rój, 61, said the budget was "tight but honest".')
    assert speakers(*paragraphs) == ["Adam Rój"]
    assert extract(article("A fictional report", *paragraphs)).figures == ()


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        (('"We thanked Ewa Sroka for the repairs," the mayor said.',), "the mayor"),
        (("Mayor Irena Bąk opened the bridge.", '"We thanked Ewa Sroka for the repairs," the mayor said.'),
         "Irena Bąk"),
        (('The mayor thanked Ewa Sroka for the repairs, saying the crews had done "a remarkable job".',),
         "the mayor"),
        (('The mayor praised Ewa Sroka, saying: "It was a remarkable job."',), "the mayor"),
        (("Mayor Irena Bąk opened the bridge.",
          'She thanked Ewa Sroka for the repairs, adding that the crews had done "a remarkable job".'),
         "Irena Bąk"),
    ],
)
def test_a_person_named_only_as_the_object_is_not_the_speaker(paragraphs, speaker):
    assert speakers(*paragraphs) == [speaker]


def test_a_comma_inside_a_number_does_not_end_a_subject():
    assert speakers('Kurant Pay, which serves 21,000 shops, said the outage was "over by noon".') == ["Kurant Pay"]


def test_a_participle_after_a_subject_that_says_nothing_takes_the_name_in_its_sentence():
    assert speakers('The ferry left the port on time, with its captain, Henrik Lund, saying the sea was '
                    '"calm enough".') == ["Henrik Lund"]
