"""Speakers as real news names them: honorifics, pronouns and their antecedents, namesakes, and
never a fragment of the sentence. Every sentence is fictional, written for the test."""

from __future__ import annotations

import pytest

from briefing.extraction import extract
from briefing.extraction.subjects import speaker_shape_problem
from tests.fixtures.extraction import article, quotes_of


def speakers(*paragraphs: str, title: str = "A fictional report") -> list[str]:
    return [q[1] for q in quotes_of(*paragraphs, title=title)]


# -- an honorific and a surname is the person named in full earlier --------------------------

@pytest.mark.parametrize(
    ("introduced", "later", "speaker"),
    [
        ("Karolina Novak, who runs the bakery, opened at dawn.", '"We never closed," Mrs. Novak said.',
         "Karolina Novak"),
        ("Bartholomew Hale chairs the harbour board.", '"The board will vote," said Mr Hale.', "Bartholomew Hale"),
        ("Inez Ortiz has led the union since 2019.", 'Ms. Ortiz told reporters: "We will strike."', "Inez Ortiz"),
        ("Dr Freja Lind treated the crew.", '"They were lucky," Dr. Lind said.', "Freja Lind"),
    ],
)
def test_an_honorific_and_a_surname_is_the_person_named_in_full(introduced, later, speaker):
    assert speakers(introduced, later) == [speaker]


def test_a_titled_surname_never_given_in_full_is_that_person():
    assert speakers('"We will not back down," President Okafor said on Monday.') == ["Okafor"]


def test_mrs_picks_the_woman_of_two_people_with_one_surname():
    found = speakers("Teodor Brandt and Greta Brandt run the ferry together.",
                     '"The season was hard," Mrs. Brandt said.')
    assert found == ["Greta Brandt"]


# -- pronouns: gender and recency -------------------------------------------------------------

def test_he_after_a_man_is_quoted_is_that_man_not_the_woman_quoted_before():
    found = speakers(
        '"The water is rising fast," said Ewelina Marsh, the county hydrologist.',
        '"We moved the cattle at midnight," said Tomas Reyes, a farmer near the river.',
        '"Nobody came to help," he said.',
    )
    assert found == ["Ewelina Marsh", "Tomas Reyes", "Tomas Reyes"]


def test_she_reaches_past_a_man_mentioned_later():
    found = speakers(
        "Councillor Agnieszka Wrona met the developer, Piotr Zalewski, on Friday.",
        '"The plans must change," she said afterwards.',
    )
    assert found == ["Agnieszka Wrona"]


def test_a_pronoun_skips_a_place_or_an_event_written_in_capitals():
    found = speakers(
        "Senator Rolf Dahlberg spoke at a rally in South Carolina after the Harvest Festival.",
        '"We will win this state," he said.',
    )
    assert found == ["Rolf Dahlberg"]


def test_a_pronoun_after_a_linking_word_is_still_the_pronoun():
    found = speakers('Leon Ferris left the hall early, and he said later that "the vote was rigged from the start".')
    assert found == ["Leon Ferris"]


# -- two people with one surname: the nearest full mention decides ---------------------------

def test_two_people_with_one_surname_the_nearest_full_mention_decides():
    found = speakers(
        "Joe Kelly, the coach, said the team was tired.",
        '"We need a week off," Kelly said.',
        "His brother Don Kelly, who owns the club, disagreed.",
        '"Nobody rests in March," Kelly said.',
    )
    assert found == ["Joe Kelly", "Don Kelly"]


# -- a speaker is a name, a role noun phrase, or nothing --------------------------------------

@pytest.mark.parametrize(
    "paragraph",
    [
        'The bill was opposed by Republican lawmakers he met, and "it will not pass", the memo said.',
        'In a series of Twitter posts on Sunday "the plan is dead" was repeated.',
        'But other leading Democrats said the plan was "a gift to the banks".',
        'MOSCOW - Russia\'s main opposition group said the vote was "a farce".',
        'Prices rose, and the journalist had not been told that "the figures were wrong".',
    ],
)
def test_a_speaker_is_never_a_fragment_of_the_sentence(paragraph):
    for _, speaker, _ in quotes_of(paragraph):
        assert speaker_shape_problem(speaker) == "", speaker


def test_other_leading_democrats_keep_their_noun_phrase():
    assert speakers('But other leading Democrats said the plan was "a gift to the banks".') == [
        "other leading Democrats"]


def test_a_title_case_headline_is_not_a_name():
    found = speakers('"This bridge will not wait," said the mayor.',
                     title="Mayor Wins Vote On Bridge While Critics Fume: 'A Disgrace'")
    assert not any(word in speaker for speaker in found for word in ("While", "On", "Wins"))


@pytest.mark.parametrize(
    ("speaker", "problem"),
    [
        ("by Republican lawmakers he", "function word 'by'"),
        ("in a series of Twitter", "function word 'in'"),
        ("but other leading Democrats", "function word 'but'"),
        ("mOSCOW - Russia's main", "broken word 'mOSCOW'"),
        ("the senator said", "verb 'said'"),
        ("the journalist had not been", "verb 'had'"),
        ("that its shares doubled", "function word 'that'"),
        ("the firm's site --", "dash"),
        ("one", "pronoun 'one'"),
        ("maybe the window into his soul", "adverb 'maybe'"),
        ("perhaps the party", "adverb 'perhaps'"),
        ("avoiding the questions", "verb 'avoiding' and its object"),
    ],
)
def test_the_shape_check_names_the_problem(speaker, problem):
    assert problem in speaker_shape_problem(speaker)


@pytest.mark.parametrize("speaker", ["Mark Rutte", "the ministry", "a spokeswoman", "officials in Kyiv",
                                     "its chief executive", "some analysts", "leading Democrats",
                                     "striking workers", ""])
def test_names_and_role_noun_phrases_pass_the_shape_check(speaker):
    assert speaker_shape_problem(speaker) == ""


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ('"The senator regrets nothing," said Dahlberg spokesman Ivo Marek.', "Ivo Marek"),
        ('Okafor campaign manager Selma Reid said the figures were "simply wrong".', "Selma Reid"),
        ('"We will not comment," said Harbour House press secretary Nils Aberg.', "Nils Aberg"),
    ],
)
def test_the_person_a_role_leads_to_is_the_speaker_not_the_one_it_belongs_to(paragraph, speaker):
    found = speakers("Senator Rolf Dahlberg and Governor Ada Okafor met on Monday.", paragraph)
    assert found == [speaker]


def test_initials_are_part_of_the_name():
    found = speakers('"The network adapts within hours," said J.M. Holloway, a fellow at the institute.')
    assert len(found) == 1 and found[0].endswith("Holloway")


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ('"Voters have stopped listening," said Milo King, a veteran Harbour County Democrat.', "Milo King"),
        ('"Voters have stopped listening," said Ada Marshal, the party\'s youth organiser.', "Ada Marshal"),
        ('"Voters have stopped listening," said Tom Ferris, chairman of the Harbour County party district.',
         "Tom Ferris"),
    ],
)
def test_a_surname_that_is_also_a_title_word_and_a_role_naming_a_district_keep_the_person(paragraph, speaker):
    assert speakers(paragraph) == [speaker]


def test_a_group_speaker_does_not_end_with_a_function_word():
    found = speakers('The authors of the "Harbour Renewal Plan" wrote that "the port must change or close".')
    assert found and all(not s.endswith((" the", " of")) for s in found)
    assert "ends with the function word 'the'" in speaker_shape_problem("the authors of the")


def test_a_heading_in_capitals_is_no_name():
    found = speakers("EXPECTED TURNOUT", '"Turnout will be low," he said.')
    assert found == [""]


def test_a_quote_signed_with_a_dash_and_a_name_is_that_persons():
    found = speakers("Commuters told us what the strike means to them.",
                     "“The ferry is never on time, and now it does not run at all.” ― Pamela Okoye",
                     "“I walk to work now. It takes an hour.” — Jonas Lindqvist, a nurse.")
    assert found == ["Pamela Okoye", "Jonas Lindqvist"]


@pytest.mark.parametrize(
    "paragraph",
    [
        # a vox-pop list run into one paragraph: each signature stands before the next quote
        "\u201cThe ferry is never on time.\u201d \u2015 Pamela Okoye \u201cI walk to work now.\u201d\u2015 Jonas "
        "Lindqvist \u201cBring back the night bus.\u201d \u2014 Aoife Brennan, a student.",
        # one signed quote a line, the lines of one paragraph
        '"The ferry is never on time." - Pamela Okoye\n"I walk to work now." -- Jonas Lindqvist \n'
        '"Bring back the night bus." \u2013 Aoife Brennan',
    ],
)
def test_a_list_of_signed_quotes_gives_each_its_own_signer(paragraph):
    found = speakers("Readers told us what the strike means to them.", paragraph)
    assert found == ["Pamela Okoye", "Jonas Lindqvist", "Aoife Brennan"]



@pytest.mark.parametrize(
    "paragraph",
    [
        '"Subpoenas are not optional," panel Chairman Rep. Tom Hadley (R-Utah) said on Monday.',
        '"Subpoenas are not optional," Rep. Tom Hadley (R-Ohio), a panel member, said.',
    ],
)
def test_a_party_and_state_in_parentheses_stay_out_of_the_way(paragraph):
    assert speakers(paragraph) == ["Tom Hadley"]


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ('The mayor left, and famously said the plan was "dead on arrival".', ""),
        ('"We will be back," police said.', "police"),
        ('"We will be back," protesters said.', "protesters"),
    ],
)
def test_one_lower_case_word_is_a_speaker_only_when_it_names_someone(paragraph, speaker):
    found = speakers(paragraph)
    assert found[-1] == speaker or (speaker == "" and found[-1] in ("", "the mayor"))


# -- an age, a description, a home town and its state between the name and the verb ------------

@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        # wire: age, description, town and state abbreviation
        ('"We were never told," Odile Marchetti, 67, a retired nurse in Tulsa, Okla., said.', "Odile Marchetti"),
        # broadsheet: `now` and a second clause inside the apposition, a state written out
        ('"We were never told," Mr. Dalby, now 81 and retired in Bangor, Maine, said by telephone.', "Dalby"),
        # wire: age, home town, state, then a relative clause
        ('"I voted for him twice," Tobias Renner, 52, of Dayton, Ohio, who was among those polled, said.',
         "Tobias Renner"),
        # British: title, age, description
        ("\u201cThe ward is full,\u201d Dr Halina Brosz, 45, a consultant at the hospital, said.", "Halina Brosz"),
        # tabloid: a person noun before the name, age, home town
        ("\u2018We had no warning,\u2019 Pensioner Kerry Blythe, 71, from Leeds, said.", "Kerry Blythe"),
        # the reporter's sentence first, the quote after it
        ('Ivo Castell, 38, of Galway, a ferry mechanic, said: "The engine was fine."', "Ivo Castell"),
    ],
)
def test_the_name_before_a_chain_of_appositions_is_the_speaker(paragraph, speaker):
    assert speakers(paragraph) == [speaker]


def test_the_description_nearest_the_name_is_the_role():
    found = extract(article("A fictional report", '"The ward is full," Dr Halina Brosz, 45, a consultant at the '
                                                   'hospital, said.')).quotes
    assert [(q.speaker, q.role) for q in found] == [("Halina Brosz", "consultant at the hospital")]


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        # a group before the chain stays the group
        ('"We will appeal," Officials in Gdansk, the regional capital, said.', "officials in Gdansk"),
        # a participle is no apposition: the two-piece rule still reads the name
        ('"We will win Ohio," Mara Quint, speaking in Toledo, said.', "Mara Quint"),
    ],
)
def test_a_chain_of_appositions_changes_no_other_subject(paragraph, speaker):
    assert speakers(paragraph) == [speaker]


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        # wire: `who` right after the comma, a place named in the clause
        (("Harbor Point voted for the levy.", '"We paid for it," said Ilona Varga, who owns a Harbor Point bakery.'),
         "Ilona Varga"),
        # broadsheet: `whose`, an organisation named in the clause
        (("The Port Authority refused to comment.",
          "\u201cThe docks are empty,\u201d said Councillor Gareth Lloyd, whose ward includes the Port Authority "
          "yards."), "Gareth Lloyd"),
        # American: `who was ... at the State Department`
        (("The State Department declined to comment.",
          '"He does not grasp it," said Dana Whitcombe, who was an envoy at the State Department until 2012.'),
         "Dana Whitcombe"),
    ],
)
def test_a_relative_clause_after_the_name_after_the_verb_names_no_speaker(paragraphs, speaker):
    assert speakers(*paragraphs)[-1] == speaker


# -- an apposition whose closing comma is missing ----------------------------------------------

@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        # wire: a description with `for`, the quote after the attribution
        ('Sam Ortiz, the press officer for the Iowa Democratic Party said in a statement. "There is nothing to '
         'recount."', "Sam Ortiz"),
        # American: two roles and `of` an organisation, the verb `stated`
        ('Anthony Reyes, president and CEO of Harbor Restaurant Association stated, "It is a math problem."',
         "Anthony Reyes"),
        # a relative clause naming an organisation
        ('"This ad raises questions," Katie Marsh, who is chairman of Our Values Pac said in a statement.',
         "Katie Marsh"),
        # a description with its own relative clause, a verb other than `said`
        ('"Clinton needs a plan," Nate Solver, the polling guru who founded a forecasting site tweeted.',
         "Nate Solver"),
        # British: a possessive description
        ("\u2018The pitch is ruined,\u2019 Gavin Hollis, the club's groundsman for 30 years told the Echo.",
         "Gavin Hollis"),
    ],
)
def test_the_name_before_an_apposition_missing_its_closing_comma_is_the_speaker(paragraph, speaker):
    assert speakers(paragraph) == [speaker]


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        # the attribution set inside the reporter's sentence, a comma after its verb
        ('Ortiz, the spokeswoman for the regional police force said, was "very calm" when arrested.',
         "the spokeswoman for the regional police force"),
        # a short description is a subject of its own
        ('Ortiz, the police said, was "very calm" when arrested.', "the police"),
        # the name before the comma is no subject: it follows a preposition
        ('In a letter to the board, the head of the county elections office said "no ballots are missing."',
         "the head of the county elections office"),
    ],
)
def test_a_description_that_is_the_subject_stays_the_speaker(paragraph, speaker):
    assert speakers(paragraph) == [speaker]


# -- an aside set off by dashes between the subject and the verb ------------------------------

@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        # broadsheet: a long apposition, then an aside holding a relative clause and names
        ('Jon Dickson, the chief executive of Orrin Media -- the studio that makes the Harbor Hour, which also '
         'streams on Vista and Orrin\'s own site -- told me, "We sell programmes, not opinions."', "Jon Dickson"),
        # wire: em dashes, a place named in the aside
        ("\u201cI am ready,\u201d Gwen Tallis \u2014 a teacher from Mount Pleasant \u2014 says.", "Gwen Tallis"),
        # the aside names the person the description before it stands for
        ('A former Republican nominee -- Carl Harrow, who lost the 2008 election -- said "it is over."',
         "Carl Harrow"),
        # British: en dashes, a role in the aside
        ("Mrs Pryce \u2013 the head teacher at St Anne's since 2009 \u2013 told parents: \u2018We will reopen.\u2019",
         "Pryce"),
    ],
)
def test_an_aside_between_dashes_before_the_verb_adds_to_the_subject(paragraph, speaker):
    assert speakers(paragraph) == [speaker]


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        # American: a university's expert
        (("Harbor State backed the plan.", '"Time is short," Harbor State University\'s Dianne Walsh said.'),
         "Dianne Walsh"),
        # British: a think tank's economist, curly apostrophe, the subject after the verb
        (("Fairfield Action Forum publishes a monthly survey.",
          "\u2018Wages lag prices,\u2019 said Fairfield Action Forum\u2019s Douglas Brandt."), "Douglas Brandt"),
    ],
)
def test_the_person_after_a_possessive_is_the_speaker_not_the_possessor(paragraphs, speaker):
    assert speakers(*paragraphs)[-1] == speaker


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        # broadsheet: `As X, a description, recently put it,`
        ('As Steven Rosen, a tax lawyer at the Harbor Policy Center, recently put it, "Did he lower his taxes '
         'legally?"', "Steven Rosen"),
        # a colon after `put it`
        ("Or, as Tom Ridley, a former home secretary, put it: \u201cThe barbarians are inside.\u201d", "Tom Ridley"),
        # tabloid: an adverb between
        ("Nurse Gail Hobbs put it bluntly: \u2018We are exhausted.\u2019", "Gail Hobbs"),
    ],
)
def test_put_it_before_a_comma_or_colon_reports_speech(paragraph, speaker):
    assert speakers(paragraph) == [speaker]


def test_put_it_elsewhere_reports_nothing():
    assert speakers('He put it on the table and walked out. "We are done," the mayor said.') == ["the mayor"]


def test_according_to_opening_the_next_sentence_attributes_nothing_before_it():
    found = speakers('Mayor Ida Brandt said the town did not "use it that much." According to F.A.A. records, '
                     "the jet flew 300 hours.")
    assert found == ["Ida Brandt"]


def test_according_to_after_the_quote_in_its_sentence_still_attributes_it():
    assert speakers('"The case is not over," according to the lawyer.') == ["the lawyer"]


@pytest.mark.parametrize("opening", ["Would I do it again?", "Because I was there, I know.", "Could I have known?",
                                     "Maybe Wren was right."])
def test_a_question_or_an_adverb_opening_a_sentence_is_no_part_of_a_name(opening):
    found = speakers("Tomasz Wren runs the ferry.", f'{opening} "We all knew the risks," he said.')
    assert found == ["Tomasz Wren"]


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        # tabloid: a compound description before the name
        ('"We had no warning," Mum-of-two Kerry Blythe said.', "Kerry Blythe"),
        ("Mum-of-two Kerry Blythe, 34, from Leeds, said: \u2018We had no warning.\u2019", "Kerry Blythe"),
        ("\u201cIt was terrifying,\u201d Grandfather-of-five Dennis Hale told the Mirror.", "Dennis Hale"),
        # American: a title joined by `in`
        ('"We will print it," said Editor-in-Chief Dana Holt.', "Dana Holt"),
        # a hyphenated first name stays a name
        ('"We will go," said Jean-Luc Marchand.', "Jean-Luc Marchand"),
    ],
)
def test_a_compound_description_before_a_name_is_no_part_of_it(paragraph, speaker):
    assert speakers(paragraph) == [speaker]


# -- a state or a country written in initials is no name ------------------------------------

@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ('"Both of them worry me," Gina Pratt, 52, of Durham, N.C., who answered the poll, said later.',
         "Gina Pratt"),
        ('"We drove all night," said Tom Reyes, 33, of Reno, Nev., after the rally.', "Tom Reyes"),
        ('Officials in the U.S. gave no figure. "The count goes on," said Ada Lunn, a census clerk.', "Ada Lunn"),
    ],
)
def test_initials_of_a_state_or_country_are_never_the_speaker(paragraph, speaker):
    assert speakers(paragraph) == [speaker]


# -- `states` says something only as a verb ----------------------------------------------------

@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        (('Chief Constable Orla Finn pressed for a ban, saying, "Fewer knives, fewer funerals."',
          "The county is one of 12 states where the rule applies."), "Orla Finn"),
        (('Governors of the four states said they would "take this all the way to the top court".',),
         "governors of the four states"),
        (('The ruling states: "No voter may be turned away at the door."',), "the ruling"),
        (('The club charter plainly states that "every member votes in person".',), "the club charter"),
    ],
)
def test_states_is_a_speech_verb_only_before_what_is_said(paragraphs, speaker):
    assert speakers(*paragraphs) == [speaker]


# -- roles and verbs of tabloid and broadsheet copy ------------------------------------------

@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ('"These are dark days for the party," former Hale speechwriter Nina Ostrow wrote on Monday.',
         "Nina Ostrow"),
        ('"That is the question," said Channel 9 co-anchor Dev Marlow, who was off camera.', "Dev Marlow"),
        ('"This is brilliant!" beamed Carol Pike of Leeds, who had queued since dawn.', "Carol Pike"),
        ('"Never again," fumed Reg Barlow, 71, as the bus pulled away.', "Reg Barlow"),
    ],
)
def test_more_roles_and_verbs_of_speech(paragraph, speaker):
    assert speakers(paragraph) == [speaker]


# -- `he` or `she` where no person is named: the one described by a role -------------------------

@pytest.mark.parametrize(
    "paragraphs",
    [
        ('The prime minister\'s official spokesman told journalists: "The PM has full confidence in her."',
         'Asked whether that could change, he said: "I will not speculate."'),
        ('"Nothing was hidden," the council\'s press officer insisted.', '"We published it all," she added.'),
    ],
)
def test_a_pronoun_after_a_speaker_named_only_by_a_role_is_that_speaker(paragraphs):
    first, second = speakers(*paragraphs)
    assert first and second == first


def test_a_pronoun_still_prefers_a_person_named_before():
    assert speakers('Tomasz Wrona, 41, saw the crash.',
                    'A police spokeswoman told reporters: "Two cars were involved."',
                    '"It was chaos," he said.')[-1] == "Tomasz Wrona"


# -- a name's possessive keeps its capital; a contraction does not ---------------------------------

@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ('Labour\'s shadow housing secretary said the plan was "a gimmick, pure and simple".',
         "Labour's shadow housing secretary"),
        ('Powell’s office said he "did write" the memo.', "Powell’s office"),
    ],
)
def test_a_name_s_possessive_opening_a_speaker_keeps_its_capital(paragraph, speaker):
    assert speakers(paragraph) == [speaker]


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ('Speaking outside court, Det Insp Sarah Kowalczyk said: "Today justice has been done."', "Sarah Kowalczyk"),
        ('Cllr Amir Shah said: "The town deserves better."', "Amir Shah"),
        ('"It was cold," Detective Sergeant Ian Moss said.', "Ian Moss"),
    ],
)
def test_british_ranks_and_titles_are_no_part_of_the_name(paragraph, speaker):
    assert speakers(paragraph) == [speaker]


# -- names as the article writes them: initials, particles, titles left out -------------------------

@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ('"The numbers speak for themselves," J.D. Hollister told reporters.', "J.D. Hollister"),
        ('"We disagree," said George H.W. Bush.', "George H.W. Bush"),
        ('"It was fine," said C. Boyden Gray, a former White House lawyer.', "C. Boyden Gray"),
        ('"We were not consulted," said Ursula van der Berg, who chairs the residents\' association.',
         "Ursula van der Berg"),
        ('"It is a historic day," said Sheikh Hamad bin Khalid Al Thani.', "Hamad bin Khalid Al Thani"),
        ('"It is over," U.S. Sen. Chris Murphy said.', "Chris Murphy"),
        ('"No comment," said Representative James E. Rogan.', "James E. Rogan"),
        ('"We will vote no," said Sens. Rand Paul and Mike Lee.', "Rand Paul"),
    ],
)
def test_a_name_is_given_as_written_without_its_titles(paragraph, speaker):
    assert speakers(paragraph) == [speaker]


def test_initials_name_the_same_person_as_the_name_without_them():
    assert speakers('J.D. Hollister runs the campaign.', '"We are ahead," Hollister said.') == ["J.D. Hollister"]


# -- a name before a role word modifies it: the speaker is someone in that role -----------------------

@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ('"That is simply false," a White House official told reporters.', "a White House official"),
        ('"That is simply false," a White House official, speaking on condition of anonymity, told NBC News.',
         "a White House official"),
        ('"We expect to win," said a senior Cruz adviser.', "a senior Cruz adviser"),
        ('"The count is wrong," said a Freedom Partners official.', "a Freedom Partners official"),
    ],
)
def test_a_name_before_a_role_is_not_the_speaker(paragraph, speaker):
    assert speakers(paragraph) == [speaker]


# -- a speech verb coordinated with a first verb shares its subject ---------------------------------

@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ('When asked whom she backed, Maureen Kerrigan smiled and said, "I am waiting for a third candidate."',
         "Maureen Kerrigan"),
        ('Asked about the delay, the mayor paused and said: "We will get there."', "the mayor"),
        ('Tomas Reyes shook his head and then told reporters: "Not today."', "Tomas Reyes"),
    ],
)
def test_a_speech_verb_after_and_takes_the_subject_of_the_first_verb(paragraph, speaker):
    assert speakers(paragraph) == [speaker]


# -- a party's or a nation's adjective or a weekday ends no person's name ----------------------------

@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        (('Turnout at the Nevada Democratic caucuses was low.', 'Harriet Lowe, who chairs the party, was upbeat.',
          '"We will do better," she said.'), "Harriet Lowe"),
        (('One Sunday, the senator sat down with Ava Marsh.', '"It was a long day," she said.'), "Ava Marsh"),
    ],
)
def test_a_party_adjective_or_a_weekday_is_no_person_a_pronoun_stands_for(paragraphs, speaker):
    assert speakers(*paragraphs) == [speaker]


def test_a_group_speaker_keeps_the_stops_of_its_abbreviations():
    assert speakers('"We will see," the U.S. envoy said.') == ["the U.S. envoy"]


# -- places of two words are never people --------------------------------------------------------

@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        (('Nina Okoro runs the county party.', 'South Carolina votes on Saturday.', '"It will be close," she said.'),
         "Nina Okoro"),
        (('"Let\'s go," said Ted Cruz South Carolina rally goers heard.',), "Ted Cruz"),
        (('"We welcome the vote," the White House said.',), "White House"),
    ],
)
def test_a_place_of_two_words_is_no_person(paragraphs, speaker):
    assert speakers(*paragraphs) == [speaker]
