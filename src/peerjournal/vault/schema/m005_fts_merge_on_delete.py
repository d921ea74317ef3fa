"""Schema 5: the search index forgets deleted words by merging, not by FTS5's `secure-delete`.

FTS5's `secure-delete` (schema 4) loses track of a word list that spans index pages when the same
row is taken out and put back in one transaction, which is what every edit does: after an edit
and a delete of a long entry, its words stayed in the index, still matched a search, and
`integrity-check` failed ("checksum mismatch"). Seen with SQLite 3.53.4 (the sqlcipher3 wheel).

So `secure-delete` is off again, and every delete or change of an entry's words ends with an
`optimize` in the same transaction: the index is merged into one segment that holds only the
words of the entries still there; the pages it frees are zeroed by `PRAGMA secure_delete`. The
cost is a rewrite of the index per change (figures in benchmarks/RESULTS.md, bench_scrub.py).
`rebuild` makes the index again from the entries once, which also mends a journal that a
schema-4 edit already damaged.
"""

STEPS = """
INSERT INTO entries_fts (entries_fts, rank) VALUES ('secure-delete', 0);
DROP TRIGGER entries_fts_delete;
DROP TRIGGER entries_fts_update;
CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
    INSERT INTO entries_fts (entries_fts, rowid, title, body, tags)
    VALUES ('delete', old.seq, old.title, old.body, old.tags);
    INSERT INTO entries_fts (entries_fts) VALUES ('optimize');
END;
CREATE TRIGGER entries_fts_update AFTER UPDATE OF title, body, tags ON entries
WHEN old.title IS NOT new.title OR old.body IS NOT new.body OR old.tags IS NOT new.tags BEGIN
    INSERT INTO entries_fts (entries_fts, rowid, title, body, tags)
    VALUES ('delete', old.seq, old.title, old.body, old.tags);
    INSERT INTO entries_fts (rowid, title, body, tags) VALUES (new.seq, new.title, new.body, new.tags);
    INSERT INTO entries_fts (entries_fts) VALUES ('optimize');
END;
INSERT INTO entries_fts (entries_fts) VALUES ('rebuild');
"""
