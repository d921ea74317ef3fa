"""Schema 4: the search index forgets deleted and edited words.

`PRAGMA secure_delete` overwrites deleted rows, but FTS5 keeps its own structures: a delete only
adds a marker, and the old words stay in the index segments until they are merged away, readable
to anyone who unlocks the journal. FTS5's `secure-delete` option (SQLite 3.42+) removes a deleted
row's words from the segments at once. `optimize` then rewrites the index of a journal made
before this version into one segment without the words deleted earlier (the freed pages are
zeroed by `secure_delete`; the vault checkpoints the WAL after migrating).
"""

STEPS = """
INSERT INTO entries_fts (entries_fts, rank) VALUES ('secure-delete', 1);
INSERT INTO entries_fts (entries_fts) VALUES ('optimize');
"""
