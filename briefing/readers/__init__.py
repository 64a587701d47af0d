"""Article readers: one class per format, chosen by extension and content.

    from briefing.readers import read_file, find_article_files

``read_file`` returns the articles in one file or raises ``ReaderError``
naming the file and the problem; callers (the ingest) log and count a bad
file and go on with the rest. The formats live in ``briefing.readers.formats``;
what every reader shares (text normalisation, dates, ``DEFAULT_ZONE``) in
``briefing.readers.common``.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from briefing.errors import ReaderError
from briefing.models import Article

# Importing the format modules registers their readers.
from briefing.readers import formats as _formats  # noqa: F401
from briefing.readers.base import Reader, candidates_for, claims, reader_for, registered_readers
from briefing.readers.common import DEFAULT_ZONE, FileArticles
from briefing.readers.vetting import DateWindow, check_name, encodable, vet_article

__all__ = [
    "DEFAULT_ZONE",
    "DateWindow",
    "FileArticles",
    "NotAnArticle",
    "Reader",
    "candidate_files",
    "find_article_files",
    "read_bytes",
    "read_file",
    "registered_readers",
    "supported_extensions",
    "walk_article_files",
]

SNIFF_BYTES = 4096
#: the share of mojibake charset-normalizer may find in a legacy-encoded text we still read
MAX_CHAOS = 0.1
#: the legacy encodings of European newsrooms' exports, Central European first (ties go to the first)
LEGACY_ENCODINGS = ["cp1250", "iso8859_2", "cp1252", "iso8859_15", "latin_1"]


def supported_extensions() -> set[str]:
    return {ext for reader in registered_readers() for ext in reader.extensions}


def read_bytes(
    data: bytes, origin: str, suffix: str, *, dates: DateWindow | None = None
) -> FileArticles:
    """Read articles from bytes whose format is told by ``suffix`` (``.xml``) and content.

    Every article is vetted (``briefing.readers.vetting``); in a file of several
    a bad one is set aside in ``skipped``, so are those dated outside ``dates``.
    """
    check_name(origin)
    reader = reader_for(_named_like(suffix), data[:SNIFF_BYTES])
    if reader is None:
        raise ReaderError(origin, f"no reader for files ending in {suffix or '(no extension)'}")
    if not data.strip():
        raise ReaderError(origin, "the file is empty")
    notes: list[str] = []
    if reader.legacy_encodings:
        data = _as_utf8(data, notes)
    return _vetted(reader.read(data, origin), origin, dates, notes)


@functools.lru_cache(maxsize=64)
def _named_like(suffix: str) -> Path:
    """A path ending in ``suffix``, made once per suffix (``reader_for`` asks for a path)."""
    return Path(f"x{suffix}")


def _vetted(found: list[Article], origin: str, dates: DateWindow | None, notes: list[str]) -> FileArticles:
    """The articles of a file that pass ``vet_article`` and ``dates``; the others set aside with why.

    A file of one article that fails is refused whole, as is one whose every article fails.
    """
    result = FileArticles(skipped=getattr(found, "skipped", []), notes=notes)
    set_aside_by_reader = len(result.skipped)
    for article in found:
        try:
            vetted = vet_article(article, origin)
            problem = dates.problem(vetted.article.published) if dates else ""
            if problem:
                raise ReaderError(origin, problem)
        except ReaderError as exc:
            if len(found) == 1:
                raise
            result.skipped.append((f"article {encodable(article.title)!r}", exc.problem))
            continue
        result.append(vetted.article)
        title = vetted.article.title if len(vetted.article.title) <= 60 else vetted.article.title[:59] + "…"
        result.notes.extend(f"{title!r}: {note}" for note in vetted.notes)
    if found and not result:
        what, problem = result.skipped[set_aside_by_reader]
        raise ReaderError(origin, f"none of its {len(found)} articles could be taken in; {what}: {problem}")
    return result


def _as_utf8(data: bytes, notes: list[str]) -> bytes:
    """``data`` as UTF-8: unchanged when it is, transcoded when a legacy encoding is detected with confidence.

    Anything else is left for the reader to refuse as "not UTF-8 text".
    """
    try:
        data.decode("utf-8")
        return data
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # imported here: most files are UTF-8

    best = from_bytes(data, cp_isolation=LEGACY_ENCODINGS).best()
    if best is None or best.chaos > MAX_CHAOS:
        return data
    notes.append(f"not UTF-8: read as {best.encoding} (detected)")
    return str(best).encode("utf-8")


class NotAnArticle(ReaderError):
    """A file met in a folder walk that no reader recognises: skipped (with why), not an error."""


def read_file(
    path: Path, *, max_bytes: int | None = None, dates: DateWindow | None = None, met_in_walk: bool = False
) -> FileArticles:
    """Read one article file. Raises ``ReaderError`` for anything unreadable.

    With ``met_in_walk`` (a file found in a folder, not named by the user) a
    file no reader claims raises ``NotAnArticle`` with why it is skipped, as
    ``walk_article_files`` says; judged from the bytes read once, not opened twice.
    """
    path = Path(path)
    if not met_in_walk:
        check_name(str(path))
    try:
        with open(path, "rb", buffering=0) as stream:  # unbuffered: read whole, a buffer would only copy
            size = os.fstat(stream.fileno()).st_size
            over = max_bytes is not None and size > max_bytes
            data = stream.read(SNIFF_BYTES) if over else stream.readall()
    except OSError as exc:
        raise ReaderError(str(path), f"cannot read the file: {exc.strerror or exc}") from None
    if met_in_walk:
        skipped_because = unclaimed_reason(path, data[:SNIFF_BYTES])
        if skipped_because:
            raise NotAnArticle(str(path), skipped_because)
        check_name(str(path))
    if over:
        raise ReaderError(str(path), f"the file is {size:,} bytes, over the limit of {max_bytes:,}")
    return read_bytes(data, str(path), path.suffix.lower(), dates=dates)


def find_article_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The article files among ``paths`` (see ``walk_article_files``), the others left out."""
    return (path for path, skipped_because in walk_article_files(paths) if not skipped_because)


def walk_article_files(paths: Iterable[Path]) -> Iterator[tuple[Path, str]]:
    """Every file among ``paths`` with "" when it is to be read, else why it is skipped.

    Folders are walked recursively, sorted. In a folder walk, hidden files and
    folders are left out unmentioned (``.git``, ``.DS_Store``); a file no
    reader takes (an unknown extension, an empty or binary ``.txt``, a
    ``README.md`` without front matter, an XML file that is not a feed) comes
    with the reason it is skipped. A file named explicitly is always to be
    read, so the user hears why it cannot be.
    """
    for path, met_in_walk in _walk(paths):
        yield path, _why_not_claimed(path) if met_in_walk else ""


def candidate_files(paths: Iterable[Path]) -> Iterator[tuple[Path, bool]]:
    """The files ``walk_article_files`` may read, found without opening one: each file named (False),
    and each of a folder walk with an extension a reader takes (True: ``read_file(..., met_in_walk=True)``
    then tells from its content whether it is an article)."""
    extensions = supported_extensions()
    for path, met_in_walk in _walk(paths):
        if met_in_walk and path.suffix.lower() not in extensions:
            continue
        yield path, met_in_walk


def _walk(paths: Iterable[Path]) -> Iterator[tuple[Path, bool]]:
    """Each file named in ``paths`` (False) and each visible file under a folder of them, sorted (True)."""
    for path in paths:
        path = Path(path)
        if not path.is_dir():
            yield path, False
            continue
        for _parts, child in sorted(_visible_files(str(path))):
            yield Path(child), True


def _visible_files(folder: str) -> list[tuple[tuple[str, ...], str]]:
    """Every file under ``folder`` but the hidden ones (a name, or a folder's, starting with a dot), as
    (its path's parts below ``folder``, its path): those parts sort as ``sorted(Path.rglob("*"))``.

    One ``scandir`` per folder instead of ``rglob``, a stat and a path object per file: a folder of
    thousands of articles is walked before any is read. As with ``rglob``, a link to a folder is not
    followed, a link to a file is read, and a folder that may not be read is passed over.
    """
    found: list[tuple[tuple[str, ...], str]] = []
    folders: list[tuple[tuple[str, ...], str]] = [((), folder)]
    while folders:
        parts, current = folders.pop()
        try:
            with os.scandir(current) as entries:
                for entry in entries:
                    if entry.name.startswith("."):
                        continue
                    if entry.is_dir(follow_symlinks=False):
                        folders.append(((*parts, entry.name), entry.path))
                    elif entry.is_file():
                        found.append(((*parts, entry.name), entry.path))
        except PermissionError:
            continue
    return found


def _why_not_claimed(path: Path) -> str:
    """"" when a reader recognises the file's content, else why none does (an unknown extension too)."""
    if path.suffix.lower() not in supported_extensions():
        return f"no reader for files ending in {path.suffix.lower() or '(no extension)'}"
    try:
        with path.open("rb") as stream:
            head = stream.read(SNIFF_BYTES)
    except OSError:
        return ""  # unreadable: let read_file report why
    return unclaimed_reason(path, head)


def unclaimed_reason(path: Path, head: bytes) -> str:
    """"" when a reader registered for the file's extension recognises ``head``, else why none does."""
    if claims(path, head):
        return ""
    if not head.strip():
        return "the file is empty"
    if b"\0" in head:
        return "binary content, not text"
    names = " or ".join(reader.name for reader in candidates_for(path.suffix))
    return f"not an article: the content is not in the {names} format"
