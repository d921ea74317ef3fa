"""Schema 1: entries with full-text search, drafts, settings."""

STEPS = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE entries (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '[]',
    mood INTEGER CHECK (mood BETWEEN 1 AND 5),
    session_number INTEGER,
    prompt_key INTEGER,
    prompt_text TEXT,
    prompt_set_id TEXT,
    prompt_set_version TEXT,
    shared INTEGER NOT NULL DEFAULT 0 CHECK (shared IN (0, 1))
);
CREATE INDEX entries_by_time ON entries (created_at, seq);
CREATE INDEX entries_by_session ON entries (session_number, created_at);

CREATE VIRTUAL TABLE entries_fts USING fts5 (
    title, body, tags,
    content = 'entries', content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
    INSERT INTO entries_fts (rowid, title, body, tags) VALUES (new.seq, new.title, new.body, new.tags);
END;
CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
    INSERT INTO entries_fts (entries_fts, rowid, title, body, tags)
    VALUES ('delete', old.seq, old.title, old.body, old.tags);
END;
CREATE TRIGGER entries_fts_update AFTER UPDATE OF title, body, tags ON entries BEGIN
    INSERT INTO entries_fts (entries_fts, rowid, title, body, tags)
    VALUES ('delete', old.seq, old.title, old.body, old.tags);
    INSERT INTO entries_fts (rowid, title, body, tags) VALUES (new.seq, new.title, new.body, new.tags);
END;

CREATE TABLE drafts (
    id TEXT PRIMARY KEY,
    entry_id TEXT,
    updated_at TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '[]',
    mood INTEGER,
    session_number INTEGER,
    prompt_key INTEGER,
    prompt_text TEXT,
    shared INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""
