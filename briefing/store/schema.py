"""The store's schema as an ordered list of migrations.

The database's ``PRAGMA user_version`` is the number of migrations applied.
A migration is appended, never edited: a store made by an older version is
brought up to date on open, in one transaction per step.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: articles, their extraction, the files already read, rejected input, full-text search
    """
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        identity TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        published_utc TEXT NOT NULL,
        published_assumed INTEGER NOT NULL DEFAULT 0,
        section TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT '',
        author TEXT NOT NULL DEFAULT '',
        lead TEXT NOT NULL DEFAULT '',
        body_json TEXT NOT NULL DEFAULT '[]',
        caption TEXT NOT NULL DEFAULT '',
        caption_credit TEXT NOT NULL DEFAULT '',
        sources_json TEXT NOT NULL DEFAULT '[]',
        origin TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL DEFAULT 'en',
        ingested_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX articles_published ON articles (published_utc);

    CREATE TABLE extractions (
        article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        version TEXT NOT NULL,
        figures_json TEXT NOT NULL,
        quotes_json TEXT NOT NULL,
        computed_at TEXT NOT NULL
    );

    CREATE TABLE files (
        path TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL,
        read_at TEXT NOT NULL
    );

    CREATE TABLE rejected (
        id INTEGER PRIMARY KEY,
        origin TEXT NOT NULL,
        reason TEXT NOT NULL,
        rejected_at TEXT NOT NULL
    );

    CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title, lead, body, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, lead, body)
        VALUES (new.id, new.title, new.lead, new.body_json);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, lead, body)
        VALUES ('delete', old.id, old.title, old.lead, old.body_json);
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, lead, body)
        VALUES ('delete', old.id, old.title, old.lead, old.body_json);
        INSERT INTO articles_fts (rowid, title, lead, body)
        VALUES (new.id, new.title, new.lead, new.body_json);
    END;
    """,
    # 2: the run history (every run, scheduled or manual, what it wrote and whom it mailed) and
    # the claims that make a briefing happen once per edition and period, across processes
    """
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        edition TEXT NOT NULL,
        period TEXT NOT NULL,
        trigger_kind TEXT NOT NULL,
        owner TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        outcome TEXT NOT NULL DEFAULT 'running',
        error TEXT NOT NULL DEFAULT '',
        files_json TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX runs_period ON runs (edition, period);

    CREATE TABLE deliveries (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        recipient TEXT NOT NULL,
        status TEXT NOT NULL,
        error TEXT NOT NULL DEFAULT '',
        attempts INTEGER NOT NULL DEFAULT 0,
        at TEXT NOT NULL
    );
    CREATE INDEX deliveries_run ON deliveries (run_id);

    CREATE TABLE claims (
        edition TEXT NOT NULL,
        period TEXT NOT NULL,
        state TEXT NOT NULL,
        owner TEXT NOT NULL,
        run_id INTEGER NOT NULL REFERENCES runs (id),
        claimed_at TEXT NOT NULL,
        heartbeat_at TEXT NOT NULL,
        PRIMARY KEY (edition, period)
    );
    """,
    # 3: HTTP validators of fetched feeds and pages, so a daily poll can be answered "304 Not Modified"
    """
    CREATE TABLE fetched_urls (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        fetched_at TEXT NOT NULL
    );
    """,
]
