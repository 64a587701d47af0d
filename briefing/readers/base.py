"""The one interface every article reader implements.

A reader turns one file's bytes into articles. Readers register themselves
by file extension (like Pelican's readers); ``sniff`` lets a reader claim a
file by its content when the extension is ambiguous (``.xml`` may be RSS or
Atom, ``.txt`` may be a news-site export).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path
from typing import ClassVar

from briefing.models import Article

_REGISTRY: list[type[Reader]] = []


class Reader(ABC):
    """Reads one file format into ``Article`` objects."""

    #: a short name shown in messages and ``--format``
    name: ClassVar[str]
    #: lower-case extensions, with the dot, this reader handles
    extensions: ClassVar[tuple[str, ...]]
    #: True when a file of this format that is not UTF-8 may be in a legacy encoding to detect (cp1250)
    legacy_encodings: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if not getattr(cls, "__abstractmethods__", None):
            _REGISTRY.append(cls)

    @classmethod
    def sniff(cls, head: bytes) -> bool:
        """True when the first bytes of a file look like this format.

        Chooses among readers that share an extension, and decides whether a
        file met in a folder walk is an article at all (a ``README.md`` has no
        front matter, so the Markdown reader does not claim it).
        """
        return True

    @abstractmethod
    def read(self, data: bytes, origin: str) -> list[Article]:
        """Parse ``data`` (the file's bytes) into articles.

        Raise ``briefing.errors.ReaderError(origin, problem)`` for a file that
        cannot be read; ``problem`` is one line a user understands.
        """


def registered_readers() -> list[type[Reader]]:
    return list(_REGISTRY)


def candidates_for(suffix: str) -> list[type[Reader]]:
    """The readers registered for an extension (``.xml``), in registration order."""
    return [reader for reader in _REGISTRY if suffix.lower() in reader.extensions]


def reader_for(path: Path, head: bytes) -> Reader | None:
    """The reader for a file: by extension, then by content among several candidates.

    A sole candidate is returned even when its ``sniff`` fails, so that a file
    named explicitly gets that reader's precise complaint. Without an
    extension (a URL such as ``/rss``) every reader is asked to sniff.
    """
    if not path.suffix:
        return next((reader_cls() for reader_cls in _REGISTRY if reader_cls.sniff(head)), None)
    candidates = candidates_for(path.suffix)
    for reader_cls in candidates:
        if len(candidates) == 1 or reader_cls.sniff(head):
            return reader_cls()
    return None


def claims(path: Path, head: bytes) -> bool:
    """True when a reader registered for the file's extension recognises its content."""
    return any(reader_cls.sniff(head) for reader_cls in candidates_for(path.suffix))
