"""Every speaker the extractor finds in the corpus, the samples and the seed is a name, a role
noun phrase or nothing: none starts with a lower-case function word or holds a verb."""

from __future__ import annotations

from briefing.errors import ReaderError
from briefing.extraction import extract
from briefing.extraction.subjects import speaker_shape_problem
from briefing.readers import find_article_files, read_file
from tests.conftest import CORPUS, REPO, SEED, need_shared


def _speakers_with_problems(paths) -> tuple[int, list[str]]:
    quotes, problems = 0, []
    for path in find_article_files(paths):
        try:
            articles = read_file(path)
        except ReaderError:
            continue  # the corpus holds deliberately broken files; the readers' tests cover them
        for article in articles:
            for quote in extract(article).quotes:
                quotes += 1
                problem = speaker_shape_problem(quote.speaker)
                if problem:
                    problems.append(f"{path.name}: {quote.speaker!r} {problem}")
    return quotes, problems


def test_no_speaker_in_the_samples_is_a_fragment():
    quotes, problems = _speakers_with_problems([REPO / "samples" / "articles"])
    assert quotes > 20  # the samples are read and quoted at all
    assert problems == []


def test_no_speaker_in_the_corpus_or_the_seed_is_a_fragment():
    need_shared()
    quotes, problems = _speakers_with_problems([CORPUS / "articles", SEED])
    assert quotes > 50
    assert problems == []
