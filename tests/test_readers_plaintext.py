"""The news-site plain-text reader: the seed, layout variants, broken files."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from briefing.errors import ReaderError
from briefing.readers import read_file

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seeds" / "000_27d7ee679e7a8f07.txt"


@pytest.fixture(scope="module")
def seed():
    if not SEED.exists():
        pytest.skip(f"the seed article is not here: {SEED}")
    [article] = read_file(SEED)
    return article


def test_seed_header_fields(seed):
    assert seed.section == "English Section"
    assert seed.title == "NATO chief says Ukraine peace deal will require 'difficult choices'"
    assert seed.published.isoformat() == "2026-02-03T15:00:00+01:00"
    assert seed.published.utcoffset() == timedelta(hours=1)
    assert seed.published_assumed is False
    assert seed.origin == str(SEED)


def test_seed_lead_caption_and_credit(seed):
    assert seed.lead == (
        "NATO Secretary General Mark Rutte has said reaching a peace agreement to end Russia's war "
        'in Ukraine will require "difficult choices", during a visit to Kyiv on Tuesday.'
    )
    assert seed.caption == (
        "Nato Secretary General Mark Rutte addresses Ukrainian lawmakers in Kyiv on 3 February 2026, "
        "as Russia\u2019s invasion of Ukraine continues."
    )
    assert seed.caption_credit == "EPA/ANDRII NESTERENKO"


def test_seed_trailer(seed):
    assert seed.author == "ał"
    assert seed.sources == ("PAP", "IAR", "Reuters")


def test_seed_body_is_every_paragraph_between_caption_and_initials(seed):
    # Derived from the raw file by its layout: blocks 3.. up to the "(ał)" and "Source:" blocks.
    blocks = SEED.read_text(encoding="utf-8").split("\n\n")
    expected = tuple(" ".join(block.split()) for block in blocks[3:-2])
    assert len(seed.body) == 14
    assert seed.body == expected
    assert seed.body[0] == "Speaking to Ukraine's parliament, Rutte stressed it is crucial \"that any peace lasts\"."
    assert not any("\u00a0" in paragraph or "  " in paragraph for paragraph in seed.body)
    assert all("Photo:" not in paragraph and "Source:" not in paragraph for paragraph in seed.body)


def test_crlf_summer_time_caption_block_after_blank_line_and_two_initials():
    [article] = read_file(FIXTURES / "plain-summer-crlf.txt")
    assert article.section == "Regional Desk"
    assert article.title == "'A quiet summer' for lake resorts as bookings fall"
    assert article.published.isoformat() == "2025-07-15T09:30:00+02:00"
    assert article.lead == (
        "Holiday bookings at the lake resorts of Lower Vale fell by 12 percent in June, "
        "the regional tourism board said on Tuesday."
    )
    assert article.caption == "A pier on Lake Mirrow in the evening, as tourists leave early."
    assert article.caption_credit == "FIC/Anna Example"
    assert article.body == (
        "Hotel owners blamed the cold spring and higher prices for the drop.",
        '"We have never had so many empty rooms in July," said Tomasz Sample, who runs a guest house in Mirrow.',
    )
    assert article.author == "ał, kb"
    assert article.sources == ("FIC", "Example Radio")


def test_no_caption():
    [article] = read_file(FIXTURES / "plain-no-caption.txt")
    assert article.published == datetime.fromisoformat("2025-11-02T18:05:00+01:00")
    assert article.caption == article.caption_credit == ""
    assert article.lead == "The town council of Exampleton approved a 4 km cycle path along the river on Sunday."
    assert article.body == (
        "Work will start in spring and take about eight months, the council said.",
        "Residents have asked for the path since 2019.",
    )
    assert (article.author, article.sources) == ("jd", ("FIC",))


def test_a_single_caption_line_with_its_credit():
    [article] = read_file(FIXTURES / "plain-single-caption.txt")
    assert article.caption == "Traders at the reopened market hall."
    assert article.caption_credit == "FIC/Jan Sample"
    assert article.body == ("The repairs cost 2 million crowns.",)
    assert article.author == ""


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("empty.txt", "the file is empty"),
        ("no-date.txt", "no date line (DD.MM.YYYY HH:MM) in the first 12 lines"),
        ("bad-date.txt", "invalid date '31.02.2026 10:00': day is out of range for month"),
        ("truncated.txt", "no text after the date line"),
    ],
)
def test_broken_files_name_the_file_and_the_problem(name, problem):
    path = FIXTURES / "broken" / name
    with pytest.raises(ReaderError) as caught:
        read_file(path)
    assert str(caught.value) == f"{path}: {problem}"


def test_a_legacy_encoded_export_is_read_and_says_so():
    found = read_file(FIXTURES / "broken" / "latin2.txt")
    assert [article.title for article in found] == ["Zażółć title in Latin-2"]
    assert found.notes == ["not UTF-8: read as cp1250 (detected)"]
