"""SQLite's errors are told apart by their result codes, never by their wording: each real
failure below is made on a real SQLCipher file and must come out as the domain error it means."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlcipher3

from peerjournal import errors
from peerjournal.journal import Journal
from peerjournal.vault import db as dbmod
from peerjournal.vault import keyslots


def failure_of(conn, sql: str, params: tuple = ()) -> sqlcipher3.Error:
    with pytest.raises(sqlcipher3.Error) as caught:
        conn.execute(sql, params)
    return caught.value


@pytest.fixture
def key() -> bytearray:
    return keyslots.new_data_key()


@pytest.fixture
def db_path(tmp_path: Path, key: bytearray) -> Path:
    path = tmp_path / "journal.db"
    conn = dbmod.connect(path, bytearray(key))
    conn.execute("CREATE TABLE t (x BLOB)")
    conn.close()
    return path


def test_a_full_database_is_storage_full(db_path: Path, key: bytearray):
    conn = dbmod.connect(db_path, bytearray(key))
    conn.execute("PRAGMA max_page_count = 8")  # as if the disk had room for eight pages
    exc = failure_of(conn, "INSERT INTO t VALUES (zeroblob(100000))")
    assert isinstance(dbmod.as_domain_error(exc, db_path), errors.StorageFull)
    conn.close()


def test_a_journal_held_by_another_connection_is_in_use(db_path: Path, key: bytearray):
    holder = dbmod.connect(db_path, bytearray(key))  # connections hold the file exclusively
    try:
        with pytest.raises(sqlcipher3.OperationalError) as caught:
            dbmod.connect(db_path, bytearray(key))
        assert isinstance(dbmod.as_domain_error(caught.value, db_path), errors.JournalInUse)
    finally:
        holder.close()


def test_a_wrong_key_is_rejected_and_a_sql_mistake_is_no_storage_error(db_path: Path):
    with pytest.raises(dbmod.KeyRejected):
        dbmod.connect(db_path, keyslots.new_data_key())
    conn = sqlcipher3.connect(":memory:")
    exc = failure_of(conn, "SELECT * FROM no_such_table")
    assert type(dbmod.as_domain_error(exc, db_path)) is errors.PeerJournalError


@pytest.mark.parametrize("query", ["full:thing", "disk:full", "busy: locked", "readonly:x"])
def test_a_search_naming_a_storage_word_is_a_syntax_error_not_a_storage_error(
    tmp_path: Path, query: str
):
    """FTS5 reads `word:` as a column name, and its message repeats the word ("no such column:
    full"): judged by wording, this was reported as a full disk."""
    from tests.helpers import FAST_KDF, pw

    journal, _ = Journal.create(tmp_path / "journal", pw(), kdf=FAST_KDF)
    try:
        with pytest.raises(errors.SearchSyntaxError):
            journal.entries.search(query)
    finally:
        journal.close()
