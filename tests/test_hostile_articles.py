"""Huge articles (cause 5): the lead ends at a sentence within 600 characters, paragraphs and text are cut
to size with a note, so one article costs the day what a long read does."""

from __future__ import annotations

import json
from pathlib import Path

from briefing.readers import read_bytes
from briefing.readers.vetting import LEAD_MAX_CHARS, PARAGRAPH_MAX_CHARS, TEXT_MAX_CHARS
from briefing.store import Store
from tests.fixtures.inprocess import run

SENTENCE = "The council met again on Tuesday and the budget vote was delayed once more. "  # 76 characters


def article_json(lead: str, body: list[str]) -> bytes:
    return json.dumps({"title": "Budget talks drag on", "published": "2026-02-03T09:00:00Z", "lead": lead,
                       "body": body}).encode()


def test_a_long_lead_ends_at_a_sentence_and_the_rest_opens_the_body():
    lead = SENTENCE * 20  # 1,520 characters, twenty sentences
    (article,) = read_bytes(article_json(lead, ["Talks resume on Friday."]), "talks.json", ".json")
    assert article.lead == (SENTENCE * 7).strip()  # 531 characters: the eighth sentence would pass 600
    assert len(article.lead) <= LEAD_MAX_CHARS
    assert article.body == ((SENTENCE * 13).strip(), "Talks resume on Friday.")


def test_a_lead_without_a_sentence_end_is_cut_at_a_word():
    lead = "word " * 400
    (article,) = read_bytes(article_json(lead, ["More."]), "talks.json", ".json")
    assert len(article.lead) <= LEAD_MAX_CHARS
    assert article.lead.endswith("word")
    assert " ".join([article.lead, *article.body]) == (lead.strip() + " More.")


def test_a_huge_single_paragraph_is_split_and_cut_with_a_note(make_config, tmp_path):
    config = str(make_config(articles={"folder": str(tmp_path / "none")}))
    body = SENTENCE * 30_000  # 2,280,000 characters in one paragraph
    path = tmp_path / "huge.json"
    path.write_bytes(article_json("", [body]))
    code, out, err = run("ingest", "--config", config, str(path))
    assert code == 0
    assert err == f"note: {path}: 'Budget talks drag on': text cut to 300,000 characters (it had 2,279,999)\n"
    assert out == "1 file read: 1 new, 0 updated, 0 already stored, 0 rejected\n"
    with Store(tmp_path / "store.sqlite3") as store:
        (stored,) = store.search("budget")
    article = stored.article
    paragraphs = [article.lead, *article.body]
    assert len(article.lead) <= LEAD_MAX_CHARS and article.lead.endswith("once more.")
    assert max(len(paragraph) for paragraph in paragraphs) <= PARAGRAPH_MAX_CHARS
    assert all(paragraph.endswith("once more.") for paragraph in paragraphs)
    assert TEXT_MAX_CHARS - 1_000 < sum(map(len, paragraphs)) <= TEXT_MAX_CHARS  # the spaces between pieces go


def test_an_ordinary_article_is_left_as_it_is():
    lead, body = "A short lead.", ["A paragraph.", "Another one."]
    found = read_bytes(article_json(lead, body), "short.json", ".json")
    (article,) = found
    assert (article.lead, article.body, found.notes) == (lead, tuple(body), [])


def test_generate_with_a_huge_article_makes_a_briefing_of_ordinary_size(make_config, tmp_path):
    config = str(make_config(output={"formats": ["md"]}))
    (Path(tmp_path / "articles") / "huge.json").write_bytes(article_json(SENTENCE * 8000, []))
    code, _, err = run("generate", "--config", config, "--date", "2026-02-03")
    assert code == 0, err
    assert (tmp_path / "output" / "2026-02-03" / "briefing.md").stat().st_size < 5_000


def test_an_overlong_title_and_section_are_cut_at_a_word_and_an_overlong_url_left_out():
    record = {"title": "Harbour " * 100, "published": "2026-02-03T09:00:00Z", "body": "Short.",
              "section": "Local " * 100, "url": "https://news.example/" + "a" * 3000}
    found = read_bytes(json.dumps(record).encode(), "long.json", ".json")
    (article,) = found
    assert len(article.title) <= 300 and article.title.endswith("Harbour…")
    assert len(article.section) <= 200 and article.section.endswith("Local…")
    assert article.url == ""
    short_title = ("Harbour " * 8)[:59] + "…"
    assert found.notes == [
        f"{short_title!r}: title cut to 300 characters (it had 799)",
        f"{short_title!r}: section cut to 200 characters (it had 599)",
        f"{short_title!r}: url left out: longer than 2,000 characters",
    ]
