"""Starting a user's templates folder from the defaults (``briefing templates init DIR``).

The copies are the editor's to change; a file they leave alone can be deleted
again, so that it keeps following the defaults (the folders are merged file
by file). Nothing that exists is overwritten unless asked.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from briefing.errors import BriefingError

#: files of the default folder that are about the folder, not templates
NOT_COPIED = frozenset({"README.md"})


def default_template_files(default_folder: Path) -> list[Path]:
    """The default folder's files, relative to it, in name order."""
    folder = Path(default_folder)
    if not folder.is_dir():
        raise BriefingError(f"{folder}: the default templates folder does not exist")
    return sorted(
        path.relative_to(folder)
        for path in folder.rglob("*")
        if path.is_file() and path.name not in NOT_COPIED and not path.name.startswith(".")
    )


def copy_default_templates(default_folder: Path, target: Path, *, force: bool = False) -> list[Path]:
    """Copy the default templates into ``target``; the files written, in order.

    Refuses, copying nothing, when any of them exists in ``target`` already,
    unless ``force``.
    """
    names = default_template_files(default_folder)
    target = Path(target)
    if target.exists() and not target.is_dir():
        raise BriefingError(f"{target}: exists and is not a folder")
    existing = [name.as_posix() for name in names if (target / name).exists()]
    if existing and not force:
        raise BriefingError(
            f"{target}: {', '.join(existing)} already there; nothing was copied (--force overwrites them)"
        )
    written = []
    for name in names:
        destination = target / name
        try:
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(Path(default_folder) / name, destination)
        except OSError as exc:
            raise BriefingError(f"{destination}: cannot copy the default template: {exc.strerror}") from None
        written.append(destination)
    return written
