"""The connection settings that keep plaintext off disk and committed entries on it.

`vault.db.apply_pragmas` runs on every open. Each setting is read back from a real journal's
connection, and the one that decides where SQLite's temporary files go is also exercised: a sort
and a temporary table far larger than the page cache, with every open file of this process read
while they exist. SQLite deletes its temporary files right after opening them, so only the open
descriptors (/proc/self/fd) can show them; a scan of /tmp or /var/tmp would see nothing either way.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from peerjournal.journal import Journal
from peerjournal.model import NewEntry
from tests.helpers import FAST_KDF, pw

CANARY = "quokkacanaryzephyr"
# Sorter and temporary-table data well past the small cache set below (and past SQLite's
# 250-page minimum before a sort spills to a file).
ENTRIES, BODY = 600, (CANARY + " ") * 350


@pytest.fixture
def opened(tmp_path: Path):
    journal, _ = Journal.create(tmp_path / "journal", pw(), kdf=FAST_KDF)
    journal.close()
    journal = Journal.open(tmp_path / "journal", pw())  # the pragmas of a normal open
    yield journal
    journal.close()


def pragma(journal: Journal, name: str) -> object:
    return journal._vault.db.conn.execute(f"PRAGMA {name}").fetchone()[0]


@pytest.mark.parametrize(
    ("name", "expected", "why"),
    [
        ("temp_store", 2, "MEMORY: temporary files are not encrypted"),
        ("secure_delete", 1, "deleted text is overwritten, not left in free pages"),
        ("journal_mode", "wal", "WAL pages are encrypted like the database"),
        ("synchronous", 2, "FULL: a committed entry survives a power cut"),
        ("foreign_keys", 1, "links between rows are enforced"),
    ],
)
def test_every_open_applies_the_setting(opened: Journal, name: str, expected: object, why: str):
    assert pragma(opened, name) == expected, f"PRAGMA {name} is not set ({why})"


def test_the_settings_are_set_whatever_the_connection_had(tmp_path: Path):
    """This build of SQLCipher already defaults to some of these (secure_delete on keyed files,
    synchronous FULL), so the open alone cannot show that the code sets them: start from the
    opposite of each, as another build or a changed default would, and apply them."""
    from peerjournal.vault import db as dbmod
    from peerjournal.vault import keyslots

    conn = dbmod.connect(tmp_path / "journal.db", keyslots.new_data_key())
    try:
        for opposite in ("temp_store = FILE", "secure_delete = OFF", "synchronous = OFF"):
            conn.execute(f"PRAGMA {opposite}")
        conn.execute("PRAGMA journal_mode = DELETE")
        dbmod.apply_pragmas(conn)
        found = {
            name: conn.execute(f"PRAGMA {name}").fetchone()[0]
            for name in ("temp_store", "secure_delete", "synchronous", "journal_mode")
        }
        assert found == {
            "temp_store": 2,
            "secure_delete": 1,
            "synchronous": 2,
            "journal_mode": "wal",
        }
    finally:
        conn.close()


def plaintext_in_open_files() -> list[str]:
    """The open regular files of this process whose bytes hold the canary."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        link = f"/proc/self/fd/{fd}"
        try:
            if not stat.S_ISREG(os.stat(link).st_mode):
                continue  # a pipe or a terminal would block the read
            with open(link, "rb") as handle:
                if CANARY.encode() in handle.read():
                    found.append(os.readlink(link))
        except OSError:
            continue
    return found


def spill_to_temporary_storage(journal: Journal) -> dict[str, list[str]]:
    """Sort and copy every entry with a cache too small to hold them; report what is on disk
    while each operation's temporary data exists."""
    conn = journal._vault.db.conn
    # Only the cache shrinks (not a privacy setting): temporary data must leave memory or a file.
    conn.execute("PRAGMA cache_size = 10")
    conn.execute("PRAGMA temp.cache_size = 10")
    seen = {}
    cursor = conn.execute("SELECT body FROM entries ORDER BY body DESC")
    cursor.fetchone()  # the sort is done and its runs are open until the cursor ends
    seen["sort"] = plaintext_in_open_files()
    cursor.close()
    conn.execute("CREATE TEMP TABLE scratch AS SELECT body FROM entries")
    conn.execute("CREATE INDEX temp.scratch_body ON scratch (body)")  # an index build
    seen["temporary table and index"] = plaintext_in_open_files()
    conn.execute("DROP TABLE temp.scratch")
    return seen


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/fd")
def test_large_sorts_and_temporary_tables_leave_no_plaintext_in_any_file(opened: Journal):
    opened.entries.add_many(NewEntry(body=f"{i:04d} {BODY}") for i in range(ENTRIES))
    seen = spill_to_temporary_storage(opened)
    assert seen == {"sort": [], "temporary table and index": []}


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/fd")
def test_the_scan_sees_temporary_files_when_they_are_files(opened: Journal):
    """The positive control: with temporary storage in files, the same steps put the canary in
    plaintext into deleted files in the temp folder, and the scan finds it each time."""
    opened.entries.add_many(NewEntry(body=f"{i:04d} {BODY}") for i in range(ENTRIES))
    opened._vault.db.conn.execute("PRAGMA temp_store = FILE")
    seen = spill_to_temporary_storage(opened)
    assert all(paths for paths in seen.values()), seen
    assert all("(deleted)" in path for paths in seen.values() for path in paths), seen
