"""Closed word lists the extractor's rules consult.

Grammar words (determiners, prepositions, auxiliaries), unit and currency
spellings (from ``briefing.language.vocabulary``, the one home of currencies,
units, months and abbreviations), speech verbs, titles and roles. They describe English news prose in
general, not any particular article; extend them as new kinds of text turn up.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Upper-case letters of the Latin scripts (Polish, Czech, French, German, ...),
# built once so a regex character class can say "a capital letter".
UPPER = "".join(c for c in map(chr, range(0x41, 0x250)) if c.isupper())


# Words that end a counted noun phrase: `450 drones *and* 70 missiles`.
NP_STOP = _words(
    """a an the of in on at to for from by with without into onto over under above below between among
    across through during after before since until till per as than and or but nor so yet that which who
    whom whose what this these those there here their its his her our my your it he she they we you i me him
    them us is are was were be been being am has have had do does did will would shall should can could
    may might must not no also only each every all both most less fewer up down out off about around near
    ago later earlier ahead behind apart away back still already now then when where while if because
    although though since said says say told tells added according reported just even again once twice
    including like unlike against toward towards within upon via amid despite plus minus versus vs how why
    some any many much several few other another such own same very too quite rather almost nearly
    worth long high wide deep tall old away overnight today yesterday tomorrow tonight last next
    hardly barely scarcely never""")

# Adjectives an editor drops from a unit: `three *more* satellites`, `14 *new* trams`.
UNIT_DROP_ADJECTIVES = _words("new more other additional extra further large big small huge major total such")

# Nouns that end in -s but are not plurals (the counted noun may go on after them).
SINGULAR_S = _words(
    """measles mumps news physics economics politics mathematics athletics
    lens gas bus bonus virus status census campus chassis crisis analysis basis
    thesis diagnosis axis canvas atlas circus chorus focus radius genus surplus apparatus""")
IRREGULAR_PLURALS = _words(
    "people men women children police personnel cattle sheep deer fish feet teeth mice geese data media "
    "aircraft spacecraft staff crew species series means headquarters corps barracks pence")
# After a plural head, a second plural goes on the phrase: `police officers`, `crew members`.

# Fractions: `two thirds`, `a quarter` are not figures on their own.
FRACTION_WORDS = _words(
    "half halves third thirds quarter quarters fifth fifths sixth sixths seventh sevenths eighth eighths "
    "ninth ninths tenth tenths")

# Words right before a number that make it a name or label: `Article 5`, `line 3`, `No. 58`.
IDENTIFIER_WORDS = _words(
    """article articles line lines route routes flight flights gate gates platform platforms room rooms
    chapter chapters section sections paragraph paragraphs clause clauses no nos number numbers nr bus
    buses tram trams channel highway motorway exit junction hall pavilion pier berth phase stage level
    grade division ward block building flat unit track tracks version season episode volume vol page
    pages figure table model type class category tier zone sector code ranked rank seeded seed top
    ul al pl ulica aleja plac apartment terminal""")
STREET_WORDS = _words(
    "street st avenue ave road rd boulevard blvd square sq lane way drive place alley ulica aleja plac quay embankment")

# Qualifiers written before a number, normalised as the spec says.
QUALIFIERS = {
    "more than": "more than", "over": "more than", "above": "more than", "in excess of": "more than",
    "upwards of": "more than", "just over": "more than", "well over": "more than", "well above": "more than",
    "just above": "more than", "exceeding": "more than",
    "less than": "less than", "fewer than": "less than", "under": "less than", "below": "less than",
    "just under": "less than", "just below": "less than", "well under": "less than", "well below": "less than",
    "about": "about", "around": "about", "roughly": "about", "some": "about", "approximately": "about",
    "approx.": "about", "an estimated": "about", "an average of": "about", "circa": "about",
    "almost": "nearly", "nearly": "nearly", "close to": "nearly", "just shy of": "nearly",
    "at least": "at least", "no fewer than": "at least", "no less than": "at least", "a minimum of": "at least",
    "~": "about",
    "up to": "up to", "as many as": "up to", "as much as": "up to", "at most": "up to", "a maximum of": "up to",
}
# After `over`, these verbs make a following duration "more than" (`lasted over 41 days`);
# other words make it "during" (`shot over 41 days`, `over the next four years`).
DURATION_BOUND_VERBS = _words(
    "lasted last lasts lasting took take takes taking spent spend for of after waited wait waiting "
    "within in than")
DURATION_UNITS = _words(
    "second seconds minute minutes hour hours day days week weeks month months year years decade decades "
    "night nights")

# Speech verbs (attribution), and participles whose subject is the main clause's.
SPEECH_VERBS = _words(
    """said says say saying told tells tell telling added adds adding noted notes noting stressed stresses
    stressing wrote writes writing posted posts explained explains explaining warned warns warning argued
    argues arguing insisted insists insisting acknowledged acknowledges admitted admits claimed claims
    claiming declared declares announced announces asked asks replied replies responded answered continued
    concluded observed remarked recalled recalls described describes called calls urged urges suggested
    emphasised emphasized emphasising emphasizing underlined commented confirmed confirms predicted
    promised vowed pledged conceded complained cautioned tweeted testified shouted joked agreed stated
    states told vows pledges promises concedes reveals revealed denied denies accused accuses criticised
    criticized dismissed praised hailed branded labelled labeled blamed condemned defended threatened
    questioned underscored underscores underscoring labeling labelling branding tweeting quipped
    retorted lamented mocked slammed blasted boasted bragged thanked pressed attacked yelled screamed
    wondered scoffed interjected recounted opined mused protested objected countered contended
    maintained reiterated assured touted pleaded demanded proclaimed exclaimed reminded beamed gushed fumed
    sighed snapped barked raged marvelled marveled laughed chuckled texted emailed""")

TITLES = _words(
    """mr mrs ms miss dr prof professor sir dame lord lady president prime minister secretary general gen
    colonel col captain capt lieutenant lt major maj sergeant sgt brigadier admiral commander judge justice
    mayor deputy governor senator ambassador chancellor chief father rev reverend bishop cardinal pope king
    queen prince princess sheikh rabbi imam councillor councilor inspector superintendent commissioner
    marshal speaker vice chairman chairwoman chair sen rep gov adm supt atty constable det insp cllr
    detective sens reps pres representative""")
ROLE_WORDS = TITLES | _words(
    """director head executive ceo cfo coo cto chairperson manager officer official commander spokesman
    spokeswoman spokesperson prosecutor treasurer economist analyst hydrologist meteorologist forecaster
    scientist astronomer researcher engineer expert teacher lawyer attorney founder co-founder partner
    author co-author producer co-producer coach player candidate leader consultant investigator editor
    correspondent reporter adviser advisor specialist epidemiologist virologist physician doctor nurse
    surgeon pilot driver priest owner lawmaker mp mep minister historian sociologist pollster strategist
    architect planner designer curator rector dean boss president-elect premier diplomat envoy negotiator
    hydrologist climatologist glaciologist geologist biologist ecologist physicist chemist speechwriter aide
    anchor co-anchor host columnist commentator publisher congressman congresswoman assemblyman
    assemblywoman delegate superdelegate whip operative campaigner fundraiser surrogate""")
# People described by what they are, capitalised at the start of a sentence: `Resident Halina Sobczak`.
PERSON_NOUNS = _words(
    """resident pensioner student farmer voter witness neighbour neighbor mother father worker passenger
    shopkeeper survivor victim volunteer activist protester fan commuter tourist patient parent driver
    owner teenager veteran local mum dad son daughter wife husband supporter member constituent donor ally""")
# Descriptions that name an organisation, not a person: `the company said`.
ORG_NOUNS = _words(
    """company firm airline carrier operator group bank lender insurer developer retailer manufacturer
    maker producer distributor supplier utility authority agency ministry inspectorate office service
    council court commission committee institute university hospital club federation union party
    government administration regulator broadcaster network station team association organisation
    organization startup start-up fund owner organiser organizer pollster""")
NATIONALITIES = _words(
    """polish ukrainian lithuanian latvian estonian russian belarusian german french british american us
    swedish norwegian finnish danish dutch czech slovak hungarian romanian bulgarian italian spanish
    portuguese greek turkish austrian swiss belgian irish scottish welsh english canadian australian
    japanese chinese korean indian israeli iranian georgian moldovan serbian croatian slovenian european
    nato eu un opposition independent former acting then interim veteran senior regional local""")
# Capitalised only because they open a sentence (or a title): never part of a name.
COMMON_CAPS = _words(
    """the a an in on at by for from with after before according speaking but and meanwhile however it he
    she they we i this that these those its his her their our when while if as since only some most many
    about around over under nearly almost up more fewer less police officials residents there then also
    so yet still even both all each every no not what who why how where here new""")
ORG_TOKENS = _words(
    """air airlines airways wind energy systems group bank terminal airport island observatory glacier ventures
    brokerage today wire courier plus agro line lines institute research office ministry council court
    service services agency university company corporation corp ltd inc sa foundation fund union party
    commission committee parliament assembly government police army forces navy exchange festival open cup
    championship league games olympics station street avenue square park bridge road hospital clinic centre
    center museum theatre school college academy church cathedral region province county district republic
    kingdom states sea river lake mountains coast peninsula gap treaty organisation organization association
    society network media news radio tv television times post journal press daily herald tribune telegraph
    express partners holdings industries motors electric power oil gas petroleum mining steel pharma labs
    technologies tech software solutions logistics shipping port ports rail railways transport metro club fc
    united city town village municipality capital house senate""")
# Places of two or more words that news names often, never people (`South Carolina votes on Saturday`).
PLACE_NAMES = frozenset(("new york", "new jersey", "new hampshire", "new mexico", "north carolina",
    "south carolina", "north dakota", "south dakota", "west virginia", "rhode island", "new england",
    "los angeles", "san francisco", "san diego", "san antonio", "las vegas", "new orleans", "kansas city",
    "salt lake city", "st louis", "hong kong", "south korea", "north korea", "saudi arabia", "south africa",
    "new zealand", "sri lanka", "costa rica", "el salvador", "puerto rico", "united states", "united kingdom",
    "new delhi", "tel aviv", "buenos aires", "sao paulo", "mexico city", "abu dhabi", "cape town", "kuala lumpur",
    "st petersburg", "great britain", "northern ireland", "middle east", "latin america", "west bank",
    "gaza strip", "wall street", "silicon valley"))
# Adverbs that open a clause, never a name or a role noun phrase: `Maybe Trump` is Trump, `maybe the window
# into his soul` is no speaker.
CLAUSE_ADVERBS = _words("maybe perhaps probably possibly also even just still then now here there instead indeed "
                        "meanwhile")
PLACE_PREPOSITIONS = _words("in at from near into on across around via outside inside towards through toward")

PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
GROUP_PRONOUNS = _words("they it")
# First names that do not follow the Slavic "-a is female" pattern.
FEMALE_NAMES = _words(
    """élodie elodie helen irene karen ruth ingrid agnes alice catherine claire marie sophie louise rachel
    sarah elizabeth jennifer margaret susan ann anne jane mary emily charlotte chloe zoe isabelle nicole
    michelle christine caroline natalie kate lucy grace rose beatrice dorothy hannah esther judith miriam
    sigrid astrid liv kirsten mette birgit gudrun hildegard ursula heike ines carmen mercedes dolores
    beatriz raquel isabel pilar consuelo noor yasmin leah abigail madison megan lauren ashley heather
    emma""")
MALE_A_NAMES = _words("kuba barnaba luca andrea nikita sasha misha ilya mustafa musa joshua elijah jonah noah")

# Nouns that describe a place, not a person: `Wydmy Morskie, a resort town`.
PLACE_NOUNS = _words(
    """town city village municipality region province district country county port island river resort
    area suburb capital state republic commune valley lake sea mountains peninsula coast""")
# Titles that say nothing of a role: dropped from the name and not reported as the role.
HONORIFICS = _words("mr mrs ms miss dr prof professor sir dame lord lady rev reverend")
# `the mayor of Nowa Sól`, `residents of Wierzbno Górne`: after these and `of` comes a place.
INHABITANTS = _words("residents people inhabitants citizens voters population")
# Small words a title of a work leaves in lower case (`The Lord of the Rings`).
TITLE_SMALL_WORDS = _words("a an the of and in on at for to from with by or but de la le von van")
# Auxiliaries and adverbs between a subject and its speech verb: `Rutte has also said`.
AUXILIARIES = _words(
    """has have had was were is are will would also then later earlier previously recently once again
    reportedly publicly repeatedly separately further however too plainly flatly bluntly firmly openly
    privately clearly explicitly frequently often personally initially subsequently famously specifically
    directly formally originally finally immediately reluctantly proudly candidly succinctly ultimately
    simply angrily quietly""")

# Adjectives that stand for the people they describe right after a number: `212 dead`, `40 missing`.
NOMINAL_ADJECTIVES = _words("dead injured wounded missing homeless unemployed displaced")
# Verbs whose object is people: `the quake killed 212 and injured 1,400` counts 212 people.
PEOPLE_OBJECT_VERBS = _words(
    """killed kills kill killing injured injures injuring wounded wounding hurt hurting rescued rescuing
    evacuated evacuating arrested arresting detained detaining displaced hospitalised hospitalized infected
    employ employs employed employing hired hiring sickened stranded trapped drew attracted""")
# Verbs whose subject is people, past tenses that are not -ed (`45 said`; -ed verbs count too) and the
# present tense of headlines (`9,000 Sign Petition`).
PEOPLE_SUBJECT_VERBS = _words(
    """said fled died went ran came stood sat fought spoke wrote told chose gave saw thought felt became
    got paid bought took left voted sign march flee die vote protest gather rally quit join attend apply
    walk strike""")
# -ed verbs whose subject is a thing, not people: `the 2,383 needed to win`, `14 opened`.
THING_SUBJECT_VERBS = _words(
    """needed required expected estimated planned scheduled allowed listed included opened closed pledged
    budgeted earmarked set aside allocated""")
# Before `one`: words that make it an idiom or a pronoun (`no one`, `the one`, `which one`).
ONE_IDIOM_BEFORE = _words("no the this that which every each any some someone anyone everyone other")
# After `one`: nouns that make it an idiom (`one day`, `one thing`, `one way`).
ONE_IDIOM_NOUNS = _words("day time thing way another point side hand reason of more other moment")
# Market indices, whose level is a number of points: `the index fell 0.7 per cent to 14,212`.
# Verbs that give a quantity's new level or its change (`rose to 870`, `hit 3,900`, `fell by 12`):
# they end the noun phrase of `the number of …` and may stand right before the level.
LEVEL_VERBS = _words(
    """rise rises rose risen fall falls fell fallen grow grows grew grown hit hits stand stands stood reach
    reaches reached top tops topped climb climbs climbed jump jumps jumped soar soars soared drop drops dropped
    decline declines declined increase increases increased decrease decreases decreased double doubles doubled
    triple triples tripled halve halves halved shrink shrinks shrank sink sinks sank surge surges surged slump
    slumps slumped total totals totalled totaled pass passes passed exceed exceeds exceeded surpass surpasses
    surpassed leap leaps leapt leaped plunge plunges plunged plummet plummets plummeted dip dips dipped edge
    edges edged swell swells swelled swollen go goes went gone remain remains remained stay stays stayed hover
    hovers hovered rebound rebounds rebounded""")
INDEX_WORDS = _words(
    """index indices indexes dow nasdaq ftse dax cac nikkei stoxx kospi sensex benchmark s&p wig wig20 topix
    asx""")
# Words after a small pair of numbers (`a 3-1 win`, `a 5-4 ruling`) or right before it (`won 6-4`) that
# make it a score or a tally; singular nouns only, as `2-3 wins a season` is a range of wins.
SCORE_WORDS = _words(
    """win victory loss defeat draw lead triumph thrashing scoreline drubbing rout vote verdict ruling decision
    majority split""")
SCORE_VERBS = _words(
    """won win wins beat beats defeated defeat lost lose loses drew draw led leads leading trailed trailing
    trails edged thrashed routed score scoreline finished ended""")
# Words that make a following number an age: `aged 40`, `younger than 12`, `over the age of 65`.
AGE_BEFORE = _words("aged ages age")
# Words after a number that make it an age: `18 and older`, `65 or over` (`years` may stand between).
AGE_AFTER = _words("older over up above younger under")
