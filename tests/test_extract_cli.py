"""`briefing extract --json`: one article per line, in file order, the same on one core or several."""

from __future__ import annotations

import json

import pytest

from briefing import extract_files
from briefing.cli import main

#: a fictional article in the plain-text export format (section, title, date line, lead, paragraphs)
ARTICLE = """Local Section

Saltmere opens {n} new cycle lanes

0{day}.02.2026 09:30
The town of Saltmere opened {n} new cycle lanes on Monday, the council said.

"We want {n} more by the summer," said Mayor Anna Wirska.

The lanes cost 2.5 million euros, about 40 percent less than planned.
"""


@pytest.fixture
def folder(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    for n in range(70):
        (articles / f"{n:03d}.txt").write_text(ARTICLE.format(n=n + 2, day=n % 9 + 1), encoding="utf-8")
    return articles


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["extract", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_many_files_come_out_in_order_one_article_per_line(folder, tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code, out, err = run(capsys, "--json", str(folder), str(empty))
    lines = out.splitlines()
    assert code == 1  # the empty file, named on the command line
    assert err == f"briefing: error: {empty}: the file is empty\n"
    assert lines[0] == '{"articles": [' and lines[-1] == "]}" and len(lines) == 72
    articles = json.loads(out)["articles"]
    assert [a["file"] for a in articles] == [str(folder / f"{n:03d}.txt") for n in range(70)]
    assert articles[5]["title"] == "Saltmere opens 7 new cycle lanes"
    assert {"value": 7.0, "unit": "cycle lanes"}.items() <= articles[5]["figures"][0].items()
    assert articles[5]["quotes"][0]["speaker"] == "Anna Wirska"


def test_workers_give_the_same_output_as_one_process(folder, capsys, monkeypatch):
    _code, spread, _err = run(capsys, "--json", str(folder))
    monkeypatch.setattr(extract_files, "PARALLEL_FROM", 10**9)
    _code, alone, _err = run(capsys, "--json", str(folder))
    assert spread == alone


def test_no_articles_is_an_empty_list(tmp_path, capsys):
    empty = tmp_path / "nothing"
    empty.mkdir()
    assert run(capsys, "--json", str(empty)) == (0, '{"articles": []}\n', "")


def test_files_of_a_folder_that_are_not_articles_are_left_out_without_a_word(folder, capsys):
    (folder / "README.md").write_text("# Notes on this folder\n", encoding="utf-8")
    (folder / "zz-empty.txt").write_text("", encoding="utf-8")
    (folder / "zz-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (folder / "zz-notes.txt").write_text("Call the printer on Monday.\n", encoding="utf-8")
    code, out, err = run(capsys, "--json", str(folder))
    assert (code, err) == (0, "")
    assert len(json.loads(out)["articles"]) == 70


def test_output_printed_in_pieces_is_the_output_printed_whole(folder, capsys, monkeypatch):
    from briefing.cli import extract as extract_cli

    _code, whole, _err = run(capsys, "--json", str(folder))
    monkeypatch.setattr(extract_cli, "PRINT_EVERY", 1)
    _code, pieces, _err = run(capsys, "--json", str(folder))
    assert pieces == whole


def test_the_text_output_writes_amounts_as_a_reader_reads_them(folder, capsys):
    code, out, _ = run(capsys, str(folder / "005.txt"))
    assert code == 0
    assert "  figure: 2,500,000 EUR  (2.5 million euros)\n" in out  # never `2.5e+06`
    assert "  figure: 7 cycle lanes  (7 new cycle lanes)\n" in out
