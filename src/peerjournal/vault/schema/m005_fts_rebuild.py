"""Schema 5: the search index made again once, to mend what schema 4 could leave behind.

FTS5's `secure-delete` (schema 4) loses track of a word list that spans index pages when a row
is taken out of the index and put back under the same rowid in one transaction, which is what an
edit did: after an edit and then a delete of a long entry, its words stayed in the index, still
matched a search, and FTS5's `integrity-check` failed ("checksum mismatch"). Seen with SQLite
3.53.4 (the sqlcipher3 wheel). Since this version an edit that changes an entry's words gives
the entry a new rowid (`EntryStore.update`), so the index never sees that pattern; `rebuild`
makes the index again from the entries, without any word a damaged index kept.
"""

STEPS = """
INSERT INTO entries_fts (entries_fts) VALUES ('rebuild');
"""
