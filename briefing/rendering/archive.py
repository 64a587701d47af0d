"""The output folder's index: every generated briefing, newest first.

``output/index.html`` and ``output/index.md`` list each briefing folder
(``2026-02-03`` or ``2026-02-01_2026-02-07``) with links to the renderings it
holds, and those of each edition (``output/EDITION/2026-02-03``), named by
their edition. They are rebuilt from the folder itself, so they never
disagree with it.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from briefing.composition.wording import range_in_words
from briefing.fileio import write_atomic
from briefing.output import FOLDER_NAME, briefing_folders

#: the renderings an index links to, in the order it shows them
RENDERING_FILES = (("HTML", "briefing.html"), ("PDF", "briefing.pdf"), ("Markdown", "briefing.md"), ("e-mail", "briefing.eml"),
                   ("text", "briefing.txt"), ("JSON", "briefing.json"))


@dataclass(frozen=True)
class ArchiveEntry:
    folder: str
    first: date
    last: date
    files: tuple[tuple[str, str], ...]  # (label, relative path)
    edition: str = ""  # the edition's folder; "" for the default edition's briefings

    @property
    def label(self) -> str:
        when = range_in_words(self.first, self.last)
        return f"{self.edition}: {when}" if self.edition else when


def archive_entries(output_folder: Path) -> list[ArchiveEntry]:
    """Briefing folders under ``output_folder`` and its edition folders with a rendering, newest first."""
    entries = [entry for edition, folder in briefing_folders(output_folder)
               if (entry := _entry(folder, edition)) is not None]
    return sorted(entries, key=lambda e: (e.last, e.first), reverse=True)


def _entry(folder: Path, edition: str) -> ArchiveEntry | None:
    match = FOLDER_NAME.fullmatch(folder.name)
    if not match:
        return None
    try:
        first = date.fromisoformat(match[1])
        last = date.fromisoformat(match[2] or match[1])
    except ValueError:
        return None
    prefix = f"{edition}/" if edition else ""
    files = tuple((label, f"{prefix}{folder.name}/{name}") for label, name in RENDERING_FILES
                  if (folder / name).is_file())
    return ArchiveEntry(f"{prefix}{folder.name}", first, last, files, edition) if files else None


def write_archive_index(output_folder: Path) -> tuple[Path, Path]:
    """Rebuild ``index.html`` and ``index.md`` in ``output_folder``; returns their paths."""
    output_folder = Path(output_folder)
    entries = archive_entries(output_folder)
    return (
        write_atomic(output_folder / "index.html", _index_html(entries)),
        write_atomic(output_folder / "index.md", _index_markdown(entries)),
    )


def _index_markdown(entries: list[ArchiveEntry]) -> str:
    lines = ["# Briefings", ""]
    if not entries:
        lines.append("No briefings yet.")
    for entry in entries:
        links = " · ".join(f"[{label}](<{path}>)" for label, path in entry.files)
        lines.append(f"- {entry.label}: {links}")
    return "\n".join(lines) + "\n"


def _index_html(entries: list[ArchiveEntry]) -> str:
    items = "\n".join(
        "<li>{label}: {links}</li>".format(
            label=html.escape(entry.label),
            links=" · ".join(f'<a href="{html.escape(path)}">{html.escape(label)}</a>' for label, path in entry.files),
        )
        for entry in entries
    ) or "<li>No briefings yet.</li>"
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>Briefings</title>\n'
        "<style>body{font-family:Georgia,'Times New Roman',serif;max-width:40em;margin:2em auto;padding:0 1em;"
        "line-height:1.5}a{color:#8a1c1c}@media (prefers-color-scheme: dark){body{background:#161616;"
        "color:#eee}a{color:#f0a0a0}}</style>\n</head>\n<body>\n<h1>Briefings</h1>\n"
        f"<ul>\n{items}\n</ul>\n</body>\n</html>\n"
    )
