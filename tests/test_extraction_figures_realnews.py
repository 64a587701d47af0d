"""Key figures as real news writes them: the error kinds of issue 12, each on sentences written for
this test in several styles (wire, broadsheet, tabloid; British and American spelling).

Each rule follows the grammar of English news, so each is tried on more than one phrasing.
"""

from __future__ import annotations

import pytest

from briefing.extraction import extract
from tests.fixtures.extraction import article, figures_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the object of a verb that hurts, saves or holds people
        ("The quake killed 212 and injured 1,400, officials said.", [(212, "people", ""), (1400, "people", "")]),
        ("Gunmen wounded at least 9 near the market.", [(9, "people", "at least")]),
        ("Coastguards rescued 41 after the trawler capsized.", [(41, "people", "")]),
        ("Police arrested 14 after the derby.", [(14, "people", "")]),
        ("The new plant will employ 1,500.", [(1500, "people", "")]),
        ("The concert drew an estimated 50,000.", [(50_000, "people", "about")]),
        # the subject of a verb of people, active or passive
        ("9,000 signed online and 400 on paper.", [(9000, "people", ""), (400, "people", "")]),
        ("158 golf courses closed and just 14 opened.", [(158, "golf courses", ""), (14, "golf courses", "")]),
        ("The clinic hired 40 nurses and 12 signed up later.", [(40, "nurses", ""), (12, "nurses", "")]),
        ("Of those asked, 45 said they would vote again.", [(45, "people", "")]),
        ("Twelve were injured when the stand gave way.", [(12, "people", "")]),
        ("The ferry sank at dawn; 41 have been rescued.", [(41, "people", "")]),
        # the subject of a state only people are in (missing, dead, unaccounted for)
        ("Officials said 14 were still unaccounted for late on Sunday.", [(14, "people", "")]),
        ("By nightfall 9 were missing and 31 were dead, the coastguard said.", [(9, "people", ""), (31, "people", "")]),
        ("Police fear 6 are missing after the landslide.", [(6, "people", "")]),
        ("The gallery had 40 paintings on its walls and 12 were missing.", [(40, "paintings", ""), (12, "paintings", "")]),
        # `another`, `a further`, `an additional` leave out the noun of the figure before (ellipsis)
        ("The firm cut 1,200 jobs last year and plans to shed another 800.", [(1200, "jobs", ""), (800, "jobs", "")]),
        ("The council has planted 4,000 trees since spring and will plant a further 2,500 by March.",
         [(4000, "trees", ""), (2500, "trees", "")]),
        ("The museum owns 40 paintings by Vermeer's pupils, and an additional 12 are on loan.",
         [(40, "paintings", ""), (12, "paintings", "")]),
        ("United signed 3 players in January and sold another 2.", [(3, "players", ""), (2, "players", "")]),
        # a toll counts deaths
        ("The death toll rose to 57 on Sunday.", [(57, "deaths", "")]),
        ("The toll from the floods now stands at more than 300.", [(300, "deaths", "more than")]),
        # `the number of …` names what its level or change counts (wire, broadsheet, tabloid; US and UK)
        ("The number of jobless claims rose to 231,000 last week.", [(231_000, "jobless claims", "")]),
        ("The number of European bison living wild in the forest has risen to a record 870.",
         [(870, "European bison", "")]),
        ("The number of people sleeping rough in London hit 3,900 in the spring.", [(3_900, "people", "")]),
        ("The number of dog attacks has soared to a record 22,000, figures show.", [(22_000, "dog attacks", "")]),
        ("The number of patients waiting over a year has fallen by 1,200 to 4,200.",
         [(1_200, "patients", ""), (4_200, "patients", "")]),
        ("The county cut the number of polling places from 400 to 60.",
         [(400, "polling places", ""), (60, "polling places", "")]),
        ("The total number of refugees Ottawa will accept stands at 25,000.", [(25_000, "refugees", "")]),
        # a part of a counted whole counts the same
        ("41 of the 60 passengers survived.", [(41, "passengers", ""), (60, "passengers", "")]),
        ("Of the 500 workers, 120 will lose their jobs.", [(500, "workers", ""), (120, "workers", "")]),
        ("The party won 49 out of the 54 seats.", [(49, "seats", ""), (54, "seats", "")]),
        ("She has won 13 of the past 19 contests.", [(13, "contests", ""), (19, "contests", "")]),
        ("The ministry sent 10 of Warsaw's senior officials to the summit.", [(10, "senior officials", "")]),
        ("Two of New Zealand's busiest ports shut for the day.", [(2, "busiest ports", "")]),
        ("Of the 121 people held in the weekend raids, 77 have been deported, the agency said.",
         [(121, "people", ""), (77, "people", "")]),
        ("Of the 64 schools inspected last term, 9 failed, according to Ofsted.",
         [(64, "schools", ""), (9, "schools", "")]),
        # the new level of something counted, after `to`
        ("The council is cutting the 36 holes to 18 to make room for homes.", [(36, "holes", ""), (18, "holes", "")]),
        ("The number of paid staff went from 166 in May, to 139 in June, to 172 in July.",
         [(166, "paid staff", ""), (139, "paid staff", ""), (172, "paid staff", "")]),
        ("The wire service said 95 of its 1,200 reporters had been recalled, against 40 last year.",
         [(95, "reporters", ""), (1_200, "reporters", ""), (40, "reporters", "")]),
        ("The firm cut 400 jobs in the U.S. and 120 in Canada.", [(400, "jobs", ""), (120, "jobs", "")]),
        ("Ms. Ruiz won 30 more seats than Mr. Hale, out of 247 at stake.",
         [(30, "seats", ""), (247, "seats", "")]),
        ("Police held 40 fans. Mr. Lee said 12 had been freed.", [(40, "fans", "")]),  # a real sentence break
        # parallel clauses: the same verb before each number, the noun written once
        ("Ted Cruz has 370 delegates, Marco Rubio has 163 and John Kasich has 63.",
         [(370, "delegates", ""), (163, "delegates", ""), (63, "delegates", "")]),
        ("Labour won 212 seats and the Tories won 98, while the Lib Dems won 14.",
         [(212, "seats", ""), (98, "seats", ""), (14, "seats", "")]),
        ("Clinton won at least 19 delegates in Nevada and Sanders won at least 15.",
         [(19, "delegates", "at least"), (15, "delegates", "at least")]),
        ("City sold 4,000 season tickets on Friday and sold 2,500 on Saturday.",
         [(4_000, "season tickets", ""), (2_500, "season tickets", "")]),
        # ... but not an age: a form of `be` is no shared verb
        ("I was 21 when we married, and my bride was 20.", []),
        ("The crash left 3 dead; the driver was 19 years old and his passenger was 18.", [(3, "dead", "")]),
        # people described by an adjective, or by a proper plural noun
        ("The blast left 6 dead and 40 missing.", [(6, "dead", ""), (40, "missing", "")]),
        ("The scheme helped 18,000 Virginians.", [(18_000, "Virginians", "")]),
        ("Only two Democrats voted against.", [(2, "Democrats", "")]),
    ],
)
def test_counts_whose_counted_noun_is_in_the_verb_or_the_sentence(text, expected):
    assert figures_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The speaker plays tones up to 12kHz.", [(12, "kHz", "up to")]),
        ("Each panel gives 3-5W in full sun.", [(3, "W", ""), (5, "W", "")]),
        ("The charge takes ~20–35min.", [(20, "minutes", ""), (35, "minutes", "")]),
        ("Lunch takes ~20 min.", [(20, "minutes", "about")]),
        ("The start-up raised $8.4M in its first round.", [(8_400_000, "USD", "")]),
        ("A plate of noodles costs RM59 at the airport.", [(59, "MYR", "")]),
        ("The base model sells for Rs 12,999.", [(12_999, "INR", "")]),
        ("Shares closed at 212p in London.", [(212, "pence", "")]),
        ("The shutter lag is 0.4sec.", [(0.4, "seconds", "")]),
        ("A magnitude 6.8 earthquake struck the coast.", [(6.8, "magnitude", "")]),
        ("The magnitude-5.9 aftershock was felt inland.", [(5.9, "magnitude", "")]),
        # a unit written before the number is what it measures, whatever plural noun follows
        ("Quake of magnitude 6.1 strikes off Crete", [(6.1, "magnitude", "")]),
        ("Magnitude 5.9 tremors rattled the coast.", [(5.9, "magnitude", "")]),
        ("The V8 makes 610 hp and 410 pound-feet of torque at 6,500 rpm.",
         [(610, "hp", ""), (410, "lb-ft", ""), (6500, "rpm", "")]),
        ("The diesel gives 500bhp and 470lb-ft.", [(500, "bhp", ""), (470, "lb-ft", "")]),
        ("He broke a 70-yard run in the fourth quarter.", [(70, "yard", "")]),
        ("The chip runs at 3.2GHz and draws 15W.", [(3.2, "GHz", ""), (15, "W", "")]),
        ("It returns 42mpg and emits 150g/km.", [(42, "mpg", ""), (150, "g/km", "")]),
        ("The camera films at 60fps with a 48MP sensor.", [(60, "fps", ""), (48, "MP", "")]),
        ("The phone has a 3x optical zoom.", [(3, "times", "")]),
        ("The bank cut rates by 25bp after a 50bps hike.", [(25, "basis points", ""), (50, "basis points", "")]),
        ("The fund raised HK$3.2bn and S$400m.", [(3_200_000_000, "HKD", ""), (400_000_000, "SGD", "")]),
        ("The new model does 0-62mph in 4.5sec.", [(62, "mph", ""), (4.5, "seconds", "")]),
        ("A 5,000-strong crowd marched on the palace.", [(5000, "crowd", "")]),
        ("The flat costs Rs 45 lakh and the villa Rs 3.2 crore.", [(4_500_000, "INR", ""), (32_000_000, "INR", "")]),
    ],
)
def test_units_glued_to_the_number_or_written_before_it(text, expected):
    assert figures_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The index fell 0.7 per cent to 14,212.", [(0.7, "percent", ""), (14_212, "points", "")]),
        ("The Dow Jones Industrial Average fell 312 points, or 1.1%, to 28,140.",
         [(312, "points", ""), (1.1, "percent", ""), (28_140, "points", "")]),
        ("The FTSE 100 closed down 0.4% at 7,512.3.", [(0.4, "percent", ""), (7512.3, "points", "")]),
        ("Banks dragged the sector 0.4 percent lower.", [(0.4, "percent", "")]),
        ("The dollar bought 97.40 yen per dollar at the close.", [(97.4, "yen per dollar", "")]),
        ("The yen weakened to 97.40 per dollar.", [(97.4, "per dollar", "")]),
        ("The dollar bought 109.5 yen, up from 108.9.", [(109.5, "JPY", ""), (108.9, "JPY", "")]),
        ("The margin of error is plus or minus 3.1 percentage points.", [(3.1, "percentage points", "")]),
    ],
)
def test_market_levels_moves_and_rates(text, expected):
    assert figures_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Repairs will take a week and a half.", [(1.5, "weeks", "")]),
        ("A year and a half later the line reopened.", [(1.5, "years", "")]),
        ("Queues lasted two, three hours.", [(2, "hours", ""), (3, "hours", "")]),
        ("The drone strike killed one civilian.", [(1, "civilian", "")]),
        ("One person was injured in the crash.", [(1, "person", "")]),
        ("Rescuers found only one survivor.", [(1, "survivor", "")]),
        ("If there is more than one child, the grant doubles.", [(1, "child", "more than")]),
        ("Gains held for one to two years are taxed less.", [(1, "years", ""), (2, "years", "")]),
    ],
)
def test_spelled_out_amounts_spans_and_one_that_counts(text, expected):
    assert figures_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "One of the ferries was late again.",
        "No one was hurt, and one day the pier will reopen.",
        "That is one thing the council got right.",
        "Which one will the voters choose?",
    ],
)
def test_one_in_an_idiom_counts_nothing(text):
    assert figures_of(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The survey asked residents aged 40 to 71.",
        "Those aged 18-24 were the most likely to vote.",
        "The vaccine is open to adults 18 years and older.",
        "Children younger than 12 travel free.",
        "Men under 35 back the mayor.",
        "Anyone over 65 may apply, as may people 60 or over.",
        "Fans between the ages of 16 and 18 need a parent.",
        "The victim, who was 34 years old, lived nearby.",
        "The oldest juror is 71 years of age.",
        "Police said the boy, 14 years old, had run away.",
    ],
)
def test_ages_are_not_figures(text):
    assert figures_of(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "He sank a two-pointer at the buzzer.",
        "The crash happened at a 4-way stop.",
        "It was a 1-in-100-year flood.",
        "City sealed a 3-1 win at home.",
        "She won 6-4, 6-3 in the final.",
        "Rovers beat Ashby 2-0 on Saturday.",
        "The striker scored in the 2–1 defeat.",
    ],
)
def test_numbers_inside_terms_and_scores_are_not_figures(text):
    assert figures_of(text) == []


def test_a_hyphenated_adjective_does_not_end_the_counted_noun_phrase():
    assert figures_of("Nearly 1,500 coal- and gas-fired power plants will close.") == [
        (1500, "coal- and gas-fired power plants", "nearly")]
    assert figures_of("It sent four rotating battalion-sized units.") == [(4, "rotating battalion-sized units", "")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police sealed off a two-square-mile zone around the plant.", [(2, "square mile", "")]),
        ("The developer bought a 12-square-kilometre site near the ring road.", [(12, "square kilometre", "")]),
        ("They live in a 4,000-square-foot house in the hills.", [(4000, "square foot", "")]),
        ("The brewery added a 40-cubic-metre tank.", [(40, "cubic metre", "")]),
        ("Labour now holds a 10-percentage-point lead in the poll.", [(10, "percentage points", "")]),
        ("a 6.5-percentage-point swing to the Greens", [(6.5, "percentage points", "")]),
    ],
)
def test_a_compound_adjective_keeps_a_unit_of_two_words(text, expected):
    """`square`, `cubic` and `percentage` open a unit of two words, hyphenated in a compound adjective."""
    assert figures_of(text) == expected


def test_three_out_of_ten_is_a_ratio():
    assert figures_of("Three out of 10 voters agreed, as did 9 in 10 farmers.") == []


def test_a_count_next_to_an_age_or_a_score_still_counts():
    assert figures_of("Pupils aged 9 to 12 and 14 teachers sat the test.") == [(14, "teachers", "")]
    assert figures_of("The 3-1 win was watched by 41,200 fans.") == [(41_200, "fans", "")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A Huffington-style poll of 2047 registered voters was published.", [(2047, "registered voters", "")]),
        ("Clinton's 2.5-point edge held.", [(2.5, "point", "")]),
        ("Atlantic City’s eight remaining casinos made money.", [(8, "remaining casinos", "")]),
    ],
)
def test_a_possessive_or_of_before_a_number_makes_it_no_label_and_no_year(text, expected):
    assert figures_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # broadsheet, wire, tabloid; American and British
        ("Emissions must fall to 40 percent below 1990 levels by 2030.", [(40, "percent", "")]),
        ("Output is still under 2019 levels, the ministry said.", []),
        ("Median pay, in 2015 dollars, has barely moved.", []),
        ("House prices are back above 2007 levels in most regions.", []),
        ("At 2010 prices the bridge cost more than £2 billion.", [(2_000_000_000, "GBP", "more than")]),
        ("Passenger numbers have finally beaten pre-pandemic 2019 figures.", []),
        # a four-digit count before the same nouns is still a count
        ("The index has climbed 1,250 levels since the redesign.", [(1250, "levels", "")]),
    ],
)
def test_a_year_before_a_noun_of_value_or_level_dates_it(text, expected):
    """`1990 levels`, `2015 dollars`, `2010 prices`: the year says when the level or value is taken,
    it counts nothing, whatever qualifier (`below`, `above`) stands before it."""
    assert figures_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She debated Hale five times and Obama four times.", [(5, "times", ""), (4, "times", "")]),
        ("Rovers lost to Ashby three times in a row.", [(3, "times", "")]),
    ],
)
def test_a_number_in_words_after_a_name_is_no_label(text, expected):
    assert figures_of(text) == expected


def test_an_implied_figure_keeps_its_words_and_its_sentence():
    found = extract(article("Quake", "The quake killed at least 212 and injured 1,400, officials said.")).figures
    assert [(f.text, f.sentence) for f in found] == [
        ("at least 212", "The quake killed at least 212 and injured 1,400, officials said."),
        ("1,400", "The quake killed at least 212 and injured 1,400, officials said.")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It takes 2,383 to win.", [(2383, "", "")]),
        ("She is short of the 2,383 needed to win.", [(2383, "", "")]),
        ("Sanders will win at least 73.", [(73, "", "at least")]),
        ("More than 2 million have already voted by post.", [(2_000_000, "people", "more than")]),
        ("Immigration would be capped at around 16,000 a year.", [(16_000, "", "about")]),
    ],
)
def test_a_count_whose_noun_is_left_unsaid_is_kept_where_it_is_plainly_an_amount(text, expected):
    assert figures_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "About 9 in 10 voters are unhappy.",
        "More than six in 10 said they would stay home.",
        "The plan won 14 and lost 3.",
        "Version 2.1 is out.",
        # `a number of` means several and counts nothing
        "In a number of cases the fine reached 500.",
        "A number of residents left and the rent rose to 900.",
    ],
)
def test_ratios_and_small_unqualified_numbers_with_no_noun_are_not_kept(text):
    assert figures_of(text) == []


def test_an_index_level_far_after_its_index_is_still_in_points():
    assert figures_of("The Dow Jones industrial average closed down 24.11 points, or 0.1 percent, to close at "
                      "18,432.24.") == [(24.11, "points", ""), (0.1, "percent", ""), (18_432.24, "points", "")]


@pytest.mark.parametrize(
    "text",
    [
        "Apollo 11 landed on the Moon.",
        "Windows 10 launched worldwide.",
        "Proposition 8 passed narrowly.",
        "The jury returned a 10-2 verdict after the 4-1 vote.",
    ],
)
def test_a_name_s_number_before_a_verb_is_no_crowd(text):
    assert figures_of(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The 6ft 4in striker joined for £85million.", [(6, "ft", ""), (4, "inches", ""), (85_000_000, "GBP", "")]),
        ("The final drew 8.2 million viewers.", [(8_200_000, "viewers", "")]),
    ],
)
def test_tabloid_measures_and_scaled_values_are_exact(text, expected):
    assert figures_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a whole number and a fraction are one number; a fraction alone, a date or `24/7` is none
        ("The recipe calls for 2 1/2 cups of flour.", [(2.5, "cups", "")]),
        ("Voters queued for 4 1/2 hours in Phoenix.", [(4.5, "hours", "")]),
        ("The walk takes 2½ hours.", [(2.5, "hours", "")]),
        ("The storm dropped 3 3/4 inches of rain.", [(3.75, "inches", "")]),
        ("The desk is staffed 24/7 and the fee is 1/2 of last year's.", []),
        ("She came with her 3 1/2-year-old daughter.", []),
        # a scale word joined by a hyphen, as some North American papers write it
        ("The government unveiled a $1.2-billion aid package.", [(1_200_000_000, "USD", "")]),
        ("Lenox grew into a $400-million-a-year business.", [(400_000_000, "USD", "")]),
        # the currency of a nation named before its word, and signs of other dollars
        ("Revenue grew to 8.9 billion Swiss francs.", [(8_900_000_000, "CHF", "")]),
        ("Sales topped 2 billion Japanese yen.", [(2_000_000_000, "JPY", "")]),
        ("The Australian dollar rose to 66 US cents.", [(66, "cents", "")]),
        ("The new line will cost NT$80 billion.", [(80_000_000_000, "TWD", "")]),
        ("He was fined Rs. 10,000 by the court.", [(10_000, "INR", "")]),
        # the units of energy news
        ("Output rose to 1.3 million bpd in May.", [(1_300_000, "barrels per day", "")]),
        ("The field holds 3.2 tcf of gas.", [(3.2, "tcf", "")]),
        # `pounds` of weight after a verb of weight or before what is weighed; else sterling
        ("The package weighs about 2.2 pounds.", [(2.2, "pounds", "about")]),
        ("Agents seized 300 pounds of cocaine at the port.", [(300, "pounds", "")]),
        ("The club paid 5 million pounds for the striker.", [(5_000_000, "GBP", "")]),
        ("The grant is worth 40,000 pounds of public money.", [(40_000, "GBP", "")]),
        # the sides of an area share the unit written after the second
        ("The plot measures 40 by 60 feet.", [(40, "feet", ""), (60, "feet", "")]),
        ("The room is 3 x 4 metres.", [(3, "metres", ""), (4, "metres", "")]),
    ],
)
def test_amounts_as_the_world_s_news_writes_them(text, expected):
    assert figures_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The average age rose to 45.", []),
        ("The team expects 2-3 wins a season.", [(2, "wins", ""), (3, "wins", "")]),
        ("Support among voters over 60 percent is rare.", [(60, "percent", "more than")]),
    ],
)
def test_near_misses_of_the_index_age_and_score_rules(text, expected):
    assert figures_of(text) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Quake Kills 212, Injures 1,400 In Coastal Province", [(212, "people"), (1400, "people")]),
        ("Death Toll Rises To 57 As Floods Spread", [(57, "deaths")]),
        ("9,000 Sign Petition Against Bridge Closure", [(9000, "people")]),
        ("Ferry Capsizes: 41 Rescued, 12 Missing", [(41, "people"), (12, "missing")]),
        ("Magnitude 6.8 Quake Strikes Off Coast", [(6.8, "magnitude")]),
        ("Index Falls 0.7% To 14,212", [(0.7, "percent"), (14_212, "points")]),
        ("FTSE 100 Slides 1.2pc", [(1.2, "percent")]),
        ("UK Sends 300 Troops To Estonia", [(300, "Troops")]),
    ],
)
def test_headlines_in_title_case(title, expected):
    assert [(f.value, f.unit) for f in extract(article(title, "The story follows.")).figures] == expected
