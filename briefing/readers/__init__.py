"""Article readers: one class per format, chosen by extension and content.

    from briefing.readers import read_file, find_article_files

``read_file`` returns the articles in one file or raises ``ReaderError``
naming the file and the problem; callers (the ingest) log and count a bad
file and go on with the rest. The formats live in ``briefing.readers.formats``;
what every reader shares (text normalisation, dates, ``DEFAULT_ZONE``) in
``briefing.readers.common``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from briefing.errors import ReaderError
from briefing.models import Article

# Importing the format modules registers their readers.
from briefing.readers import formats as _formats  # noqa: F401
from briefing.readers.base import Reader, claims, reader_for, registered_readers
from briefing.readers.common import DEFAULT_ZONE

__all__ = [
    "DEFAULT_ZONE",
    "Reader",
    "find_article_files",
    "read_bytes",
    "read_file",
    "registered_readers",
    "supported_extensions",
]

SNIFF_BYTES = 4096


def supported_extensions() -> set[str]:
    return {ext for reader in registered_readers() for ext in reader.extensions}


def read_bytes(data: bytes, origin: str, suffix: str) -> list[Article]:
    """Read articles from bytes whose format is told by ``suffix`` (``.xml``) and content."""
    reader = reader_for(Path(f"x{suffix}"), data[:SNIFF_BYTES])
    if reader is None:
        raise ReaderError(origin, f"no reader for files ending in {suffix or '(no extension)'}")
    if not data.strip():
        raise ReaderError(origin, "the file is empty")
    return reader.read(data, origin)


def read_file(path: Path, *, max_bytes: int | None = None) -> list[Article]:
    """Read one article file. Raises ``ReaderError`` for anything unreadable."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise ReaderError(str(path), f"the file is {size:,} bytes, over the limit of {max_bytes:,}")
        data = path.read_bytes()
    except OSError as exc:
        raise ReaderError(str(path), f"cannot read the file: {exc.strerror or exc}") from None
    return read_bytes(data, str(path), path.suffix.lower())


def find_article_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The article files among ``paths``; folders are walked recursively, sorted.

    In a folder walk, hidden files and files that no reader claims by their
    content are skipped (a ``README.md`` without front matter, a ``.txt`` of
    notes, an XML file that is not a feed). A file named explicitly is always
    yielded, so the user hears why it cannot be read.
    """
    extensions = supported_extensions()
    for path in paths:
        path = Path(path)
        if not path.is_dir():
            yield path
            continue
        for child in sorted(path.rglob("*")):
            hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
            if hidden or child.suffix.lower() not in extensions or not child.is_file():
                continue
            if _claimed(child):
                yield child


def _claimed(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            head = stream.read(SNIFF_BYTES)
    except OSError:
        return True  # unreadable: let read_file report why
    return claims(path, head)
