"""A big store: one day's articles and a search, with 1,000,000 articles stored, on SQLite and PostgreSQL.

The articles are synthetic and fictional, over ``--days`` days, so about
``articles / days`` a day: a title of 5 words, a lead of 14 and
``--paragraphs`` paragraphs of 16. By default two paragraphs (about 50
words an article, drawn word by word, as this benchmark always made them);
``--paragraphs 36`` makes articles of about 600 words, as real news
articles are. Their paragraphs are drawn whole from a pool of 20,000 made
once (word by word, 600 million words would take many minutes), in which
half the words are drawn as in short articles and half from 343,000 rarer
made-up words, so that an article has about 300 different words, as a real
one has, and a search vector as large. The COMMON words are rarer in them
by as much as the body is longer, so that each is still in about as many
articles ("ferry" in about a quarter); the made-up VOCABULARY words are
not, and like real words are in more long articles than short ones (the
uncommon word in about 8% rather than 1%). The number of articles each
query matches is printed with its time. They are bulk-loaded
(``Store.load_articles``: executemany on SQLite, COPY on PostgreSQL), not
ingested. Then, through the ``Store`` API a briefing uses:

  * day     ``articles_between`` for one calendar day (Europe/Warsaw);
  * search  ``search`` for a rare, an uncommon and a common word, and two words; the best 20.

Each is timed ``--repeat`` times after one warm-up run; the median is printed.

    python benchmarks/store.py                                   # 1,000,000 on SQLite
    python benchmarks/store.py --paragraphs 36                   # ... of about 600 words
    python benchmarks/store.py --pg postgresql+psycopg://briefing@127.0.0.1:5432/bench
    BRIEFING_TEST_DATABASE_URL=... python benchmarks/store.py --articles 200000

The PostgreSQL database given is used as it is: the articles table is loaded
into a new schema, dropped afterwards (``--keep`` keeps it and prints its
name; ``--reuse SCHEMA`` then times such a schema again without loading,
migrating it first if this briefing's schema is newer). Targets (issue
"Many desks, many machines"): under 50 ms for a day, under 200 ms for a
search.
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from sqlalchemy import create_engine, func, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from briefing.models import Article  # noqa: E402
from briefing.selection import day_window  # noqa: E402
from briefing.store import Store, search  # noqa: E402

ZONE = ZoneInfo("Europe/Warsaw")
FIRST_DAY = date(2023, 1, 1)
#: words each in about 0.6% of the words of the text: "ferry" is in about a quarter of the articles
COMMON = ("harbour", "council", "budget", "storm", "ferry", "rail", "bridge", "minister", "hospital", "school",
          "energy", "port", "market")
#: 1,400 made-up words drawn by rank (Pareto): the first in most articles, the later ones in few
VOCABULARY = [f"{a}{c}{d}{e}" for a in ("ka", "lo", "mi", "ne", "su", "ta", "ve", "ro", "da", "pi")
              for c in "bdfgklmnprstvz" for d in "aeiou" for e in "ln"]
QUERIES = {
    "rare word": VOCABULARY[1000],  # in a few articles of a million
    "uncommon word": VOCABULARY[50],  # in about 1% (8% of long articles)
    "common word": "ferry",  # in about 25%
    "two words": "ferry budget",  # both, in about 7%
}


#: the share of the words that are one of COMMON, in the title, the lead and two paragraphs
COMMON_SHARE = 0.08
#: the share of rarer words (``rarer_word``) in the paragraphs of long articles
TAIL_SHARE = 0.5
SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
#: how many different paragraphs the bodies of long articles (``--paragraphs`` over 2) are drawn from
POOL = 20_000


def words(rng: random.Random, count: int, common_share: float = COMMON_SHARE) -> str:
    picked = [rng.choice(COMMON) if rng.random() < common_share
              else VOCABULARY[min(int(rng.paretovariate(1.2)) - 1, len(VOCABULARY) - 1)]
              for _ in range(count)]
    return " ".join(picked)


def rarer_word(rng: random.Random) -> str:
    """One of 343,000 made-up words of three syllables (none is in VOCABULARY or COMMON), all as likely."""
    return "".join(rng.choice(SYLLABLES) for _ in range(3))


def pool_paragraph(rng: random.Random, common_share: float) -> str:
    """16 words: half as ``words`` draws them, half rarer words, as many different words as real text has."""
    picked = [rarer_word(rng) if rng.random() < TAIL_SHARE else words(rng, 1, common_share / (1 - TAIL_SHARE))
              for _ in range(16)]
    return " ".join(picked).capitalize() + "."


def paragraph_pool(rng: random.Random, paragraphs: int) -> list[str]:
    """POOL paragraphs, with as many COMMON words in ``paragraphs`` of them as in two short ones."""
    return [pool_paragraph(rng, COMMON_SHARE * 2 / paragraphs) for _ in range(POOL)]


def synthetic(count: int, days: int, paragraphs: int = 2, seed: int = 7) -> Iterator[Article]:
    rng = random.Random(seed)
    pool = paragraph_pool(random.Random(seed + 1), paragraphs) if paragraphs != 2 else []
    start = datetime.combine(FIRST_DAY, datetime.min.time(), tzinfo=UTC)
    for n in range(count):
        when = start + timedelta(seconds=rng.randrange(days * 86400))
        title = f"{words(rng, 5).capitalize()} ({n})"
        lead = words(rng, 14).capitalize() + "."
        if pool:
            body = tuple(rng.choices(pool, k=paragraphs))
        else:  # as the benchmark always made them, word by word
            body = (words(rng, 16).capitalize() + ".", words(rng, 16).capitalize() + ".")
        yield Article(
            title=title,
            published=when,
            lead=lead,
            body=body,
            section=rng.choice(("Business", "Defence", "Regions", "Sport")),
            source="Bench Wire",
            origin=f"/bench/{n}.txt",
        )


def median_ms(action: Callable[[], object], repeat: int) -> tuple[float, object]:
    result = action()  # warm-up: the first run reads the pages into the cache
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        result = action()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times), result


def matching(store: Store, query: str) -> int:
    """How many articles match ``query`` (counted once, untimed)."""
    with store.reading() as connection:
        found = search.matches(connection, query).subquery()
        return connection.execute(select(func.count()).select_from(found)).scalar_one()


def measure(label: str, url: str, args, load: bool = True) -> None:
    with Store(url, timeout=600) as store:
        if load:
            began = time.perf_counter()
            loaded = store.load_articles(synthetic(args.articles, args.days, args.paragraphs))
            load_s = time.perf_counter() - began
            print(f"{label}: loaded {loaded:,} articles over {args.days} days in {load_s:.0f} s "
                  f"({loaded / load_s:,.0f} a second)")
        else:
            print(f"{label}: {store.count_articles():,} articles already stored")
        middle = FIRST_DAY + timedelta(days=args.days // 2)
        day_ms, found = median_ms(lambda: store.articles_between(*day_window(middle, ZONE)), args.repeat)
        print(f"{label}: one day ({middle}, {len(found)} articles): {day_ms:.1f} ms (target < 50 ms)")
        for name, query in QUERIES.items():
            search_ms, hits = median_ms(lambda q=query: store.search(q, limit=20), args.repeat)
            print(f"{label}: search {name} {query!r} (in {matching(store, query):,} articles, {len(hits)} shown): "
                  f"{search_ms:.1f} ms (target < 200 ms)")


def sqlite_run(args) -> None:
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as folder:
        measure("sqlite", str(Path(folder) / "store.sqlite3"), args)


def postgresql_run(args) -> None:
    schema = args.reuse or f"bench_{secrets.token_hex(4)}"
    admin = create_engine(args.pg, isolation_level="AUTOCOMMIT")
    if not args.reuse:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = make_url(args.pg).update_query_dict({"options": f"-csearch_path={schema}"})
        measure("postgresql", url.render_as_string(hide_password=False), args, load=not args.reuse)
    finally:
        if args.keep or args.reuse:
            print(f"postgresql: kept schema {schema} (--reuse {schema} to time it again)")
        else:
            with admin.connect() as connection:
                connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--days", type=int, default=1000)
    parser.add_argument("--paragraphs", type=int, default=2,
                        help="body paragraphs of 16 words per article (default 2: about 50 words; 36: about 600)")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--pg", default=os.environ.get("BRIEFING_TEST_DATABASE_URL"),
                        help="a PostgreSQL URL (default: $BRIEFING_TEST_DATABASE_URL)")
    parser.add_argument("--only", choices=("sqlite", "postgresql"), help="run on one engine only")
    parser.add_argument("--keep", action="store_true", help="PostgreSQL: keep the loaded schema")
    parser.add_argument("--reuse", metavar="SCHEMA", help="PostgreSQL: time a kept schema again, without loading")
    args = parser.parse_args()
    if args.only != "postgresql":
        sqlite_run(args)
    if args.only != "sqlite":
        if args.pg:
            postgresql_run(args)
        else:
            print("postgresql: skipped (give --pg URL or set BRIEFING_TEST_DATABASE_URL)")


if __name__ == "__main__":
    main()
