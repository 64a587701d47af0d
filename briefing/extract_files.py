"""Figures and quotes of article files, on every core: what ``briefing extract`` prints.

Each file is read and extracted on its own, so a batch of files is spread
over worker processes (forked, one per core, in file order) when it is large
enough to pay for them; a few files are done in this process. Nothing is
stored.

Everything but the extraction is kept off the critical path: the workers get
file names (not articles) and open each file once (a file met in a folder walk
is judged an article or not from the bytes read for it), and with ``as_json``
they hand back each article's JSON text ready to print, so the main process
unpickles strings and encodes nothing.
"""

from __future__ import annotations

import json
import multiprocessing
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from briefing.errors import ReaderError
from briefing.extraction import extract
from briefing.models import Article
from briefing.readers import NotAnArticle, candidate_files, read_file

#: below this many files the workers cost more than they give
PARALLEL_FROM = 64
#: files handed to a worker at a time
CHUNK = 16

#: one encoder for every article: ``json.dumps`` with an option builds a new one per call; the
#: articles' dicts are trees, so the circular-reference bookkeeping is skipped too
_JSON = json.JSONEncoder(ensure_ascii=False, check_circular=False)


@dataclass
class FileExtraction:
    """One file's articles (figures and quotes as the spec's JSON), or why it could not be read.

    ``articles`` holds each article as a dict; with ``as_json`` it is empty and
    ``json`` holds each article as its JSON text instead (``article_json``).
    """

    path: str
    articles: list[dict[str, Any]] = field(default_factory=list)
    error: str = ""
    json: list[str] = field(default_factory=list)
    #: why a file met in a folder walk is not an article (it is then left out)
    skipped: str = ""


def extract_files(
    paths: list[Path], *, max_bytes: int | None = None, as_json: bool = False
) -> Iterator[FileExtraction]:
    """Each article file under ``paths`` (folders walked), extracted, in order.

    Files of a folder that are not articles (``briefing.readers.walk_article_files``) are left out.
    """
    files = [(str(path), met_in_walk) for path, met_in_walk in candidate_files(paths)]
    work = partial(_extract_candidate, max_bytes=max_bytes, as_json=as_json)
    workers = min(len(os.sched_getaffinity(0)), len(files) // CHUNK)
    if len(files) < PARALLEL_FROM or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        outcomes: Iterator[FileExtraction] = map(work, files)
        yield from (outcome for outcome in outcomes if not outcome.skipped)
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield from (outcome for outcome in pool.imap(work, files, chunksize=CHUNK) if not outcome.skipped)


def _extract_candidate(candidate: tuple[str, bool], *, max_bytes: int | None, as_json: bool) -> FileExtraction:
    path, met_in_walk = candidate
    return extract_file(Path(path), max_bytes=max_bytes, met_in_walk=met_in_walk, as_json=as_json)


def extract_file(
    path: Path, *, max_bytes: int | None = None, met_in_walk: bool = False, as_json: bool = False
) -> FileExtraction:
    """One file's articles extracted (see ``FileExtraction``); never raises for a bad file."""
    try:
        articles = read_file(path, max_bytes=max_bytes, met_in_walk=met_in_walk)
    except NotAnArticle as exc:
        return FileExtraction(str(path), skipped=exc.problem)
    except ReaderError as exc:
        return FileExtraction(str(path), error=str(exc))
    results = [article_result(str(path), article) for article in articles]
    if as_json:
        return FileExtraction(str(path), json=[article_json(result) for result in results])
    return FileExtraction(str(path), results)


def article_result(path: str, article: Article) -> dict[str, Any]:
    extraction = extract(article)
    return {
        "file": path,
        "title": article.title,
        "published": article.published.isoformat(),
        "figures": [figure.to_json() for figure in extraction.figures],
        "quotes": [quote.to_json() for quote in extraction.quotes],
    }


def article_json(result: dict[str, Any]) -> str:
    """One article's result as JSON on one line, non-ASCII kept (what ``json.dumps(..., ensure_ascii=False)``
    gives), by json's C encoder."""
    return _JSON.encode(result)
