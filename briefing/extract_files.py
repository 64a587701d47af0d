"""Figures and quotes of article files, on every core: what ``briefing extract`` prints.

Each file is read and extracted on its own, so a batch of files is spread
over worker processes (forked, one per core, in file order) when it is large
enough to pay for them; a few files are done in this process. Nothing is
stored.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from briefing.errors import ReaderError
from briefing.extraction import extract
from briefing.readers import find_article_files, read_file

#: below this many files the workers cost more than they give
PARALLEL_FROM = 64
#: files handed to a worker at a time
CHUNK = 16


@dataclass
class FileExtraction:
    """One file's articles (figures and quotes as the spec's JSON), or why it could not be read."""

    path: str
    articles: list[dict] = field(default_factory=list)
    error: str = ""


def extract_files(paths: list[Path], *, max_bytes: int | None = None) -> Iterator[FileExtraction]:
    """Each article file under ``paths`` (folders walked), extracted, in order."""
    files = list(find_article_files(paths))
    work = partial(extract_file, max_bytes=max_bytes)
    workers = min(len(os.sched_getaffinity(0)), len(files) // CHUNK)
    if len(files) < PARALLEL_FROM or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(work, files)
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield from pool.imap(work, files, chunksize=CHUNK)


def extract_file(path: Path, *, max_bytes: int | None = None) -> FileExtraction:
    try:
        articles = read_file(path, max_bytes=max_bytes)
    except ReaderError as exc:
        return FileExtraction(str(path), error=str(exc))
    return FileExtraction(str(path), [article_result(str(path), article) for article in articles])


def article_result(path: str, article) -> dict:
    extraction = extract(article)
    return {
        "file": path,
        "title": article.title,
        "published": article.published.isoformat(),
        "figures": [figure.to_json() for figure in extraction.figures],
        "quotes": [quote.to_json() for quote in extraction.quotes],
    }
