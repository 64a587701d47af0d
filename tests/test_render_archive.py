"""The output folder's index of every generated briefing."""

from __future__ import annotations

from briefing.rendering import write_archive_index


def make(folder, *names):
    folder.mkdir(parents=True)
    for name in names:
        (folder / name).write_text("x", encoding="utf-8")


def test_lists_briefing_folders_newest_first_with_their_renderings(tmp_path):
    make(tmp_path / "2026-02-03", "briefing.md", "briefing.html", "briefing.pdf")
    make(tmp_path / "2026-02-05", "briefing.md")
    make(tmp_path / "2026-02-01_2026-02-07", "briefing.pdf")
    make(tmp_path / "notes", "briefing.md")
    make(tmp_path / "2026-02-04")
    html_path, md_path = write_archive_index(tmp_path)
    assert md_path.read_text(encoding="utf-8") == (
        "# Briefings\n\n"
        "- 1–7 February 2026: [PDF](<2026-02-01_2026-02-07/briefing.pdf>)\n"
        "- Thursday, 5 February 2026: [Markdown](<2026-02-05/briefing.md>)\n"
        "- Tuesday, 3 February 2026: [HTML](<2026-02-03/briefing.html>) · [PDF](<2026-02-03/briefing.pdf>)"
        " · [Markdown](<2026-02-03/briefing.md>)\n"
    )
    html = html_path.read_text(encoding="utf-8")
    assert html.index("1–7 February 2026") < html.index("Thursday, 5 February 2026") < html.index("Tuesday, 3 February")
    assert '<a href="2026-02-03/briefing.pdf">PDF</a>' in html
    assert "notes" not in html and "2026-02-04" not in html


def test_an_empty_output_folder_says_so(tmp_path):
    html_path, md_path = write_archive_index(tmp_path)
    assert md_path.read_text(encoding="utf-8") == "# Briefings\n\nNo briefings yet.\n"
    assert "<li>No briefings yet.</li>" in html_path.read_text(encoding="utf-8")
