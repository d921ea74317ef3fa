"""What stays behind after a delete or an edit: nothing.

Someone who unlocks the journal (a forced unlock, or a stolen backup and its passphrase) must not
read back a deleted or overwritten word of an entry, title, tag, draft or feedback answer, in any
table (FTS5's index included), in any page of the database file (free pages included) or in any
frame of the WAL. Each test also finds the words that should still be there, so the scans can see.
"""

from __future__ import annotations

import json
import re
import secrets
from pathlib import Path

import pytest

from peerjournal import clock
from peerjournal.journal import Journal
from peerjournal.model import Draft, NewEntry
from peerjournal.promptset import parse
from peerjournal.vault import db as dbmod
from peerjournal.vault import keyslots, keystore, schema
from peerjournal.vault.files import create_private_file, make_private_dir
from tests.decrypted import data_key, words_in_pages, words_in_tables
from tests.helpers import FAST_KDF, PASSPHRASE, pw

FEEDBACK_SET = """# Test program

- id: test-program
- version: 1.0
- language: en

## Session 1: Getting started

### Prompts

1. What brought you here?

### Feedback

1. What will you take with you?
   - id: takeaway
"""


def canary(name: str) -> str:
    """A lowercase word no other text holds (random start: see tests/decrypted.py)."""
    return f"{secrets.token_hex(3)}{name}canary{secrets.token_hex(3)}"


def filler(journal: Journal, n: int = 40) -> None:
    """Enough other entries that the index has several terms per page and more than one page."""
    journal.entries.add_many(
        NewEntry(body=f"ordinary words number {i} about the drop-in", title=f"day {i}")
        for i in range(n)
    )


def assert_gone(journal: Journal, gone: list[str], kept: list[str]) -> None:
    """`gone` is nowhere (tables, then pages of the file and WAL while open, then after close);
    `kept` is found, so the scans can see."""
    directory = journal.directory
    conn = journal._vault.db.conn
    in_tables = words_in_tables(conn, [*gone, *kept])
    assert not {w: t for w, t in in_tables.items() if w in gone}, f"left in tables: {in_tables}"
    assert all(w in in_tables for w in kept), f"the table scan cannot see: {in_tables}"
    key = data_key(directory, PASSPHRASE)
    open_pages = words_in_pages(directory, key, gone)
    assert not open_pages, f"left in the file or WAL while open: {open_pages}"
    journal.close()
    closed = words_in_pages(directory, key, [*gone, *kept])
    assert not {w: p for w, p in closed.items() if w in gone}, f"left on disk: {closed}"
    assert all(w in closed for w in kept), f"the page scan cannot see: {closed}"


@pytest.fixture
def journal(tmp_path: Path):
    j, _ = Journal.create(tmp_path / "j", pw(), kdf=FAST_KDF)
    filler(j)
    yield j
    j.close()


def test_a_deleted_entry_leaves_no_word_anywhere(journal):
    body, title, tag, kept = canary("body"), canary("title"), canary("tag"), canary("kept")
    entry = journal.entries.add(NewEntry(body=f"today {body} and more", title=title, tags=(tag,)))
    journal.entries.add(NewEntry(body=f"this one stays: {kept}"))
    journal.entries.delete(entry.id)
    assert_gone(journal, [body, title, tag], [kept])


def test_an_edited_entry_leaves_no_old_word_anywhere(journal):
    old = {name: canary(name) for name in ("body", "title", "tag", "dropped")}
    new = {name: canary("new" + name) for name in ("body", "title", "tag")}
    entry = journal.entries.add(
        NewEntry(body=f"first {old['body']}", title=old["title"], tags=(old["tag"], old["dropped"]))
    )
    journal.entries.update(entry.id, body=f"second {new['body']}", title=new["title"])
    journal.entries.update(entry.id, tags=(new["tag"], old["dropped"]))
    journal.entries.remove_tags(entry.id, [old["dropped"]])
    assert_gone(journal, list(old.values()), list(new.values()))


def test_an_overwritten_and_a_discarded_draft_leave_nothing(journal):
    first, later, discarded = canary("draft"), canary("later"), canary("discarded")
    draft = Draft(id=journal.drafts.new_id(), updated_at=clock.now(), body=f"typing {first}")
    journal.drafts.save(draft)
    journal.drafts.save(Draft(id=draft.id, updated_at=clock.now(), body=f"rewritten {later}"))
    other = Draft(id=journal.drafts.new_id(), updated_at=clock.now(), body=discarded)
    journal.drafts.save(other)
    journal.drafts.discard(other.id)
    assert_gone(journal, [first, discarded], [later])


def test_an_overwritten_feedback_answer_leaves_nothing(journal):
    journal.program.install(parse(FEEDBACK_SET, "test.md"))
    first, later = canary("answer"), canary("answerlater")
    journal.program.save_feedback(1, {"takeaway": f"I keep {first}"})
    journal.program.save_feedback(1, {"takeaway": f"I keep {later}"})
    assert_gone(journal, [first], [later])


def test_a_deleted_term_leaves_nothing(journal):
    gone, kept = canary("term"), canary("keptterm")
    journal.terms.add(gone)
    journal.terms.add(kept)
    journal.terms.remove(gone)
    assert_gone(journal, [gone], [kept])


def _journal_at(directory: Path, version: int) -> bytearray:
    """A journal whose schema stopped at `version` (made before FTS5 secure-delete), with
    filler entries; returns its data key."""
    make_private_dir(directory)
    db_path = directory / dbmod.DB_NAME
    create_private_file(db_path)
    key = keyslots.new_data_key()
    conn = dbmod.connect(db_path, key)
    schema.migrate(conn, target=version)
    conn.execute("INSERT INTO meta VALUES ('journal_id', 'old')")
    for i in range(40):
        conn.execute(
            "INSERT INTO entries (id, created_at, updated_at, title, body) VALUES "
            "(?, '2025-01-01T10:00:00.000000Z', '2025-01-01T10:00:00.000000Z', ?, ?)",
            (f"{i:032x}", f"day {i}", f"ordinary words number {i} about the drop-in"),
        )
    conn.close()
    slot = keyslots.seal(key, pw(), "old", keyslots.PASSPHRASE, FAST_KDF)
    keystore.save(directory, keyslots.KeyFile("old", dbmod.file_salt(db_path).hex(), (slot,)))
    return key


@pytest.mark.parametrize("version", range(1, 4))
def test_words_deleted_before_the_upgrade_are_gone_after_it(tmp_path, version):
    """A journal made before secure-delete kept deleted words in its index; opening it with this
    version rewrites the index once, and they are gone."""
    directory = tmp_path / "j"
    key = _journal_at(directory, version)
    gone, kept = canary("olddeleted"), canary("oldkept")
    conn = dbmod.connect(directory / dbmod.DB_NAME, key)
    conn.execute(
        "INSERT INTO entries (id, created_at, updated_at, title, body) VALUES "
        "(?, '2025-02-01T10:00:00.000000Z', '2025-02-01T10:00:00.000000Z', '', ?)",
        ("f" * 32, f"deleted long ago {gone}"),
    )
    conn.execute(
        "INSERT INTO entries (id, created_at, updated_at, title, body) VALUES "
        "(?, '2025-02-01T10:00:00.000000Z', '2025-02-01T10:00:00.000000Z', '', ?)",
        ("e" * 32, f"still here {kept}"),
    )
    conn.execute("DELETE FROM entries WHERE id = ?", ("f" * 32,))
    assert gone in words_in_tables(conn, [gone]), "the old index should still hold the word"
    conn.close()
    journal = Journal.open(directory, pw())
    assert schema.version_of(journal._vault.db.conn) == schema.LATEST
    assert journal.entries.search(kept)[0].entry.id == "e" * 32
    assert not journal.entries.search(gone)
    assert_gone(journal, [gone], [kept])


def _index_words(j: Journal) -> set[str]:
    conn = j._vault.db.conn
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.index_words "
        "USING fts5vocab(main, entries_fts, row)"
    )
    return {row[0] for row in conn.execute("SELECT term FROM temp.index_words")}


def _live_words(j: Journal) -> set[str]:
    words: set[str] = set()
    for entry in j.entries.iter_all():
        for text in (entry.title, entry.body, json.dumps(list(entry.tags))):
            words.update(w.casefold() for w in re.findall(r"\w+", text))
    return words


def test_the_index_holds_exactly_the_words_of_the_entries_left(journal):
    """Random adds, edits (long entries whose word lists span index pages, which FTS5's
    `secure-delete` lost track of when an edit kept the rowid) and deletes: after each, the
    index holds the words of the entries still there and no other, and FTS5's own integrity
    check passes."""
    import random

    rng = random.Random(7)
    ids: list[str] = []
    for step in range(40):
        words = " ".join(
            rng.choice(("lorem", "ipsum", f"step{step}", f"w{rng.randrange(30)}"))
            for _ in range(rng.choice((1, 10, 3000)))
        )
        op = rng.choice(("add", "add", "edit", "delete")) if ids else "add"
        if op == "add":
            ids.append(journal.entries.add(NewEntry(body=words, title=f"t{step}")).id)
        elif op == "edit":
            journal.entries.update(rng.choice(ids), body=words, title=f"e{step}")
        else:
            journal.entries.delete(ids.pop(rng.randrange(len(ids))))
        assert _index_words(journal) == _live_words(journal), (step, op)
        journal._vault.db.conn.execute(
            "INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)"
        )


def test_a_journal_damaged_by_schema_4_is_mended_by_the_upgrade(tmp_path):
    """At schema 4 (FTS5 `secure-delete`), an edit then a delete of a long entry left its words
    in the index; the upgrade to schema 5 rebuilds the index without them."""
    directory = tmp_path / "j"
    key = _journal_at(directory, 4)
    conn = dbmod.connect(directory / dbmod.DB_NAME, key)
    long_body = "marker one " + " ".join(["staleword"] * 3000)
    conn.execute(
        "INSERT INTO entries (id, created_at, updated_at, title, body) VALUES "
        "(?, '2025-02-01T10:00:00.000000Z', '2025-02-01T10:00:00.000000Z', '', ?)",
        ("f" * 32, long_body),
    )
    conn.execute("BEGIN")
    conn.execute(
        "UPDATE entries SET body = ? WHERE id = ?", (long_body.replace("one", "two"), "f" * 32)
    )
    conn.execute("COMMIT")
    conn.execute("DELETE FROM entries WHERE id = ?", ("f" * 32,))
    assert conn.execute(
        "SELECT count(*) FROM entries_fts WHERE entries_fts MATCH 'staleword'"
    ).fetchone()[0]
    conn.close()
    with Journal.open(directory, pw()) as upgraded:
        assert not upgraded.entries.search("staleword")
        assert "staleword" not in _index_words(upgraded)
        assert _index_words(upgraded) == _live_words(upgraded)


def test_secure_delete_is_on_in_a_new_journal_and_after_every_upgrade(tmp_path, journal):
    def secure_delete(j: Journal) -> int:
        rows = j._vault.db.conn.execute(
            "SELECT v FROM entries_fts_config WHERE k = 'secure-delete'"
        ).fetchall()
        return rows[0][0] if rows else 0

    assert secure_delete(journal) == 1
    for version in range(1, schema.LATEST):
        directory = tmp_path / f"v{version}"
        _journal_at(directory, version)
        with Journal.open(directory, pw()) as upgraded:
            assert secure_delete(upgraded) == 1


def test_the_wal_is_emptied_after_a_delete_and_at_lock(journal):
    wal = journal.directory / (dbmod.DB_NAME + "-wal")
    entry = journal.entries.add(NewEntry(body="a few words"))
    assert wal.stat().st_size > 0
    journal.entries.delete(entry.id)
    assert wal.stat().st_size == 0
    journal.entries.add(NewEntry(body="a few more words"))
    assert wal.stat().st_size > 0
    journal.close()
    assert not wal.exists() or wal.stat().st_size == 0
