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
]
