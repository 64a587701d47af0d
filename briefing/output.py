"""A briefing's folder, written whole or not at all, and the record of the articles it was made from.

Every file of a briefing is written into a hidden staging folder beside its
folder (``output/.2026-02-03.XXXX.new``), then the staging folder is renamed
into place, so a reader (the archive index, a mail run, a person) sees the
old briefing or the new one, never half of one. A write that fails (a
read-only folder, a full disk) leaves the old folder as it was and raises an
``OutputError`` naming the folder and the problem.

Each folder holds ``.made-from.json``: the ids and content hashes of the
articles the briefing was made from, so a later ``generate`` can tell that
the day's articles have changed since (``what_changed``).

``briefing_folders`` finds the briefings an output folder holds (the archive
index lists them; a missing store is refused when there are any).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from briefing.errors import OutputError
from briefing.models import StoredArticle

MADE_FROM = ".made-from.json"
#: a briefing's folder: its day (``2026-02-03``) or range (``2026-02-01_2026-02-07``)
FOLDER_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})(?:_(\d{4}-\d{2}-\d{2}))?")


def fingerprint(articles: Iterable[StoredArticle]) -> dict[str, str]:
    """Article id -> content hash: what a briefing was made from."""
    return {str(stored.id): stored.article.content_hash for stored in articles}


def _problem(exc: OSError) -> str:
    return exc.strerror or str(exc)


def write_whole(out_dir: Path, files: Mapping[str, bytes | str], made_from: Mapping[str, str]) -> dict[str, Path]:
    """Write ``files`` (file name -> content) as the folder ``out_dir``, replacing it whole; name -> path."""
    out_dir = Path(out_dir)
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", suffix=".new", dir=out_dir.parent))
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot write the briefing: {_problem(exc)}") from None
    try:
        os.chmod(staging, 0o777 & ~_current_umask())  # mkdtemp makes it private; give it a folder's usual mode
        for name, content in {**files, MADE_FROM: json.dumps({"articles": dict(made_from)}, indent=0)}.items():
            payload = content.encode("utf-8") if isinstance(content, str) else content
            with open(staging / name, "wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
        _swap_into_place(staging, out_dir)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(f"{out_dir}: cannot write the briefing: {_problem(exc)}") from None
    return {name: out_dir / name for name in files}


def _swap_into_place(staging: Path, out_dir: Path) -> None:
    if not out_dir.exists():
        os.rename(staging, out_dir)
        return
    old = staging.with_suffix(".old")
    os.rename(out_dir, old)
    try:
        os.rename(staging, out_dir)
    except OSError:
        os.rename(old, out_dir)  # put the old briefing back: the day stays whole
        raise
    shutil.rmtree(old, ignore_errors=True)


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def made_from(out_dir: Path) -> dict[str, str] | None:
    """The articles the briefing in ``out_dir`` was made from; None when it does not say."""
    try:
        recorded = json.loads((Path(out_dir) / MADE_FROM).read_text(encoding="utf-8"))
        return {str(key): str(value) for key, value in recorded["articles"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def what_changed(out_dir: Path, articles: Iterable[StoredArticle]) -> str:
    """Why the briefing in ``out_dir`` is out of date with ``articles``, in words; "" when it is not.

    A folder that does not say what it was made from (made by an older
    version) is taken to be current; a folder that is gone is not.
    """
    if not Path(out_dir).is_dir():
        return f"its folder {out_dir} is missing"
    before, now = made_from(out_dir), fingerprint(articles)
    if before is None or before == now:
        return ""
    added = len(now.keys() - before.keys())
    removed = len(before.keys() - now.keys())
    changed = sum(1 for key in now.keys() & before.keys() if now[key] != before[key])
    parts = [f"{count} article(s) {what}" for count, what in
             ((added, "new"), (changed, "changed"), (removed, "gone")) if count]
    return "its articles have changed since it was made: " + ", ".join(parts)


def briefing_folders(output_root: Path) -> list[tuple[str, Path]]:
    """``(edition, folder)`` for each folder named for a day or range in ``output_root`` and its editions' folders.

    The edition is "" for the default edition's briefings (``output/2026-02-03``). A folder
    is not opened: whether it holds a briefing is for the caller to say.
    """
    output_root = Path(output_root)
    top = sorted(output_root.iterdir()) if output_root.is_dir() else []
    found = [("", folder) for folder in top if FOLDER_NAME.fullmatch(folder.name) and folder.is_dir()]
    for edition in top:
        if edition.is_dir() and not FOLDER_NAME.fullmatch(edition.name):
            found += [(edition.name, folder) for folder in sorted(edition.iterdir())
                      if FOLDER_NAME.fullmatch(folder.name) and folder.is_dir()]
    return found


def briefings_made(output_root: Path) -> int:
    """How many briefings ``output_root`` holds: folders with a rendering or a record of their articles."""
    return sum(1 for _, folder in briefing_folders(output_root)
               if (folder / MADE_FROM).is_file() or any(folder.glob("briefing.*")))
