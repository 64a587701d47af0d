"""The Markdown-with-front-matter reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.errors import ReaderError
from briefing.readers import read_file

FIXTURES = Path(__file__).parent / "fixtures" / "readers"


def test_front_matter_fields_and_plain_paragraphs():
    [article] = read_file(FIXTURES / "md-article.md")
    assert article.title == "Exampleton opens its first climbing wall"
    assert article.published.isoformat() == "2025-07-15T10:00:00+02:00"
    assert (article.source, article.section, article.author) == ("Example Times", "Sport", "Ola Fiction")
    assert article.url == "https://news.example/sport/climbing-wall"
    assert article.sources == ("FIC",)
    # The H1 repeating the title is gone; the link keeps its words and loses its URL.
    assert article.lead == (
        "The town of Exampleton opened a 14-metre climbing wall in its sports hall on Tuesday, "
        "the town hall said."
    )
    # Subheadings and list items are paragraphs of their own, without list numbers or bullets;
    # the raw <script> contributes nothing.
    assert article.body == (
        "Prices",
        "Adults pay 30 crowns an hour",
        "Children pay half that",
        "Shoes can be hired at the desk",
        "Groups must book ahead",
        "\u201cWe wanted something for the long winter evenings,\u201d said the mayor, Ewa Sample.",
    )


def test_lead_from_front_matter_is_not_repeated_in_the_body():
    [article] = read_file(FIXTURES / "md-no-h1.md")
    assert article.published.isoformat() == "2025-11-03T23:10:00+01:00"
    assert article.lead == "Night buses will run through the old town again from Friday."
    assert article.body == ("The service was stopped in 2023 after complaints about noise.",)


def test_title_from_the_h1_when_front_matter_has_none():
    [article] = read_file(FIXTURES / "md-title-from-h1.md")
    assert article.title == "Harbour crane gets a new coat of paint"
    assert article.lead == "Painters began work on the old harbour crane on Tuesday."
    assert article.body == ()
    # A date without a time is midnight, Warsaw time.
    assert article.published.isoformat() == "2025-11-04T00:00:00+01:00"


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("no-front-matter.md", "no YAML front matter (a '---' block at the top with the title): not an article"),
        ("unclosed.md", "the front matter is not closed (no second '---' line)"),
        ("bad-yaml.md", "invalid YAML front matter: found unexpected end of stream at line 4"),
        ("list-front-matter.md", "the front matter is not a list of 'name: value' fields"),
    ],
)
def test_broken_markdown(name, problem):
    path = FIXTURES / "broken" / name
    with pytest.raises(ReaderError) as caught:
        read_file(path)
    assert str(caught.value) == f"{path}: {problem}"
