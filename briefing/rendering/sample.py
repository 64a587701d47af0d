"""Sample briefings to try templates on: a day, a three-day digest and an empty day.

``briefing templates check`` renders every template against these, so each
branch a template has (digest or not, empty or not, with or without figures,
quotes, links and notes) runs at least once. Every place, person and outlet
here is invented. One headline carries markup (``PROBE``) so the check can
tell when a template prints article text without escaping it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

from briefing.composition import Briefing, compose
from briefing.config import Settings
from briefing.models import Article, Extraction, Figure, Quote, StoredArticle
from briefing.selection import Period

DAY = date(2026, 5, 14)  # a Thursday
ISSUE = 42
PROBE = "<i>probe</i>"
NOTES = ("1 file could not be read and was set aside: sample.json: not valid JSON at line 3",)

BRIDGE_LEAD = ("The lake bridge in Farrowby reopened to traffic on Thursday after a rebuild that cost "
               "€48 million and took two years.")
BRIDGE_BODY = (
    "About 12,000 vehicles a day are expected to cross it, the town's roads office said.",
    "\"We kept our promise to the town,\" said Marta Olsen, the mayor of Farrowby.",
)
HEAT_LEAD = ("Forecasters issued a heat warning for the Orlen valley on Thursday, with temperatures "
             "expected to reach 34°C at the weekend.")
HEAT_BODY = ("\"Drink water, stay in the shade and look in on your neighbours,\" said Piotr Halden, "
             "the valley's chief forecaster.",)
LIBRARY_LEAD = "Farrowby's library has lent more than 1 million e-books since it began lending them in 2018."
TREES_LEAD = "The valley council voted on Thursday to plant 5,000 trees along the Farrowby ring road."
TREES_BODY = ("Councillor Dana Whit called the plan \"a green wall for the whole town\".",)


def _figure(value: float, unit: str, text: str, sentence: str, segment: int, salience: float,
            qualifier: str = "") -> Figure:
    return Figure(value=value, unit=unit, qualifier=qualifier, text=text, sentence=sentence, segment=segment,
                  start=sentence.find(text), salience=salience)


def _quote(text: str, speaker: str, role: str, sentence: str, segment: int, salience: float,
           partial: bool = False) -> Quote:
    return Quote(text=text, speaker=speaker, partial=partial, role=role, sentence=sentence, segment=segment,
                 start=sentence.find(text), salience=salience)


def _at(day: date, hour: int, minute: int, settings: Settings) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=settings.zone)


def sample_articles(settings: Settings, day: date = DAY) -> list[StoredArticle]:
    """Six fictional articles of ``day``, in the configured zone."""
    bridge = Article(
        title="Farrowby's lake bridge reopens after two-year rebuild", published=_at(day, 9, 15, settings),
        lead=BRIDGE_LEAD, body=BRIDGE_BODY, section="Transport", source="Farrowby Gazette", sources=("VNA",),
        url="https://gazette.example/lake-bridge", id=1)
    heat = Article(
        title="Heat warning for the Orlen valley as temperatures head for 34°C", published=_at(day, 12, 40, settings),
        lead=HEAT_LEAD, body=HEAT_BODY, section="Weather", source="Lakeside Radio",
        url="https://radio.example/heat", id=2)
    library = Article(
        title="Farrowby library passes a million e-book loans", published=_at(day, 15, 5, settings),
        lead=LIBRARY_LEAD, section="Culture", source="Farrowby Gazette", id=3)
    trees = Article(
        title="Council votes to plant 5,000 trees along the ring road", published=_at(day, 17, 30, settings),
        lead=TREES_LEAD, body=TREES_BODY, section="Environment", source="Orlen Valley News", id=4)
    chess = Article(
        title=f"Chess club's {PROBE} & *stars* | win the valley cup", published=_at(day, 8, 0, settings),
        lead=f"Farrowby's chess club won the valley cup. [A link](javascript:void(0)) {PROBE}",
        section="Sport", source="Orlen Valley News", published_assumed=True, id=5)
    ferry = Article(
        title="Lake ferry timetable changes from Monday", published=_at(day, 19, 0, settings),
        lead="The Farrowby lake ferry will leave every 40 minutes from Monday.", source="Lakeside Radio", id=6)
    return [
        StoredArticle(bridge, Extraction(figures=(
            _figure(48e6, "EUR", "€48 million", BRIDGE_LEAD, 1, 0.8),
            _figure(12000, "vehicles", "About 12,000 vehicles", BRIDGE_BODY[0], 2, 0.6, qualifier="about"),
        ), quotes=(
            _quote("We kept our promise to the town", "Marta Olsen", "mayor of Farrowby", BRIDGE_BODY[1], 3, 0.7),
        ), version="sample")),
        StoredArticle(heat, Extraction(figures=(
            _figure(34, "°C", "34°C", HEAT_LEAD, 1, 0.7),
        ), quotes=(
            _quote("Drink water, stay in the shade and look in on your neighbours", "Piotr Halden",
                   "chief forecaster", HEAT_BODY[0], 2, 0.6),
        ), version="sample")),
        StoredArticle(library, Extraction(figures=(
            _figure(1e6, "e-books", "more than 1 million e-books", LIBRARY_LEAD, 1, 0.5, qualifier="more than"),
        ), version="sample")),
        StoredArticle(trees, Extraction(figures=(
            _figure(5000, "trees", "5,000 trees", TREES_LEAD, 1, 0.5),
        ), quotes=(
            _quote("a green wall for the whole town", "Dana Whit", "Councillor", TREES_BODY[0], 2, 0.3, partial=True),
        ), version="sample")),
        StoredArticle(chess, None),
        StoredArticle(ferry, None),
    ]


def _moved(stored: StoredArticle, days_back: int) -> StoredArticle:
    article = replace(stored.article, published=stored.article.published - timedelta(days=days_back))
    return replace(stored, article=article)


def sample_briefings(settings: Settings) -> dict[str, Briefing]:
    """The three sample briefings by name: ``daily``, ``digest`` (three days) and ``empty``."""
    made = datetime.combine(DAY + timedelta(days=1), time(6, 30), tzinfo=settings.zone)
    # five top stories of the six, so "Also today" has one and every part of a template is rendered
    settings = settings.model_copy(update={"briefing": settings.briefing.model_copy(update={"top_stories": 5})})
    articles = sample_articles(settings)
    spread = [_moved(stored, index % 3) for index, stored in enumerate(articles)]

    def brief(period: Period, chosen: list[StoredArticle]) -> Briefing:
        return compose(settings, period, chosen, issue_number=ISSUE, generated_at=made, notes=NOTES)

    return {
        "daily": brief(Period.day(DAY), articles),
        "digest": brief(Period(DAY - timedelta(days=2), DAY), spread),
        "empty": brief(Period.day(DAY + timedelta(days=1)), []),
    }
