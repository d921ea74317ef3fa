"""Every older schema upgrades to the latest with its data intact."""

from __future__ import annotations

import pytest

from peerjournal.journal import Journal
from peerjournal.vault import db as dbmod
from peerjournal.vault import keyslots, keystore, schema
from peerjournal.vault.files import create_private_file, make_private_dir
from tests.helpers import FAST_KDF, pw


def make_old_journal(directory, version: int) -> None:
    """A journal whose schema stopped at `version`, holding data for each table it has."""
    make_private_dir(directory)
    db_path = directory / dbmod.DB_NAME
    create_private_file(db_path)
    key = keyslots.new_data_key()
    conn = dbmod.connect(db_path, key)
    schema.migrate(conn, target=version)
    conn.execute("INSERT INTO meta VALUES ('journal_id', 'old')")
    conn.execute(
        "INSERT INTO entries (id, created_at, updated_at, title, body, tags, prompt_text) VALUES "
        "('0123456789abcdef0123456789abcdef', '2025-01-01T10:00:00.000000Z', "
        "'2025-01-01T10:00:00.000000Z', 'Old', 'written long ago about naloxone', '[\"old\"]', "
        "'An old prompt')"
    )
    if version >= 2:
        conn.execute("INSERT INTO attendance VALUES (1, '2025-01-01')")
    conn.close()
    slot = keyslots.seal(key, pw(), "old", keyslots.PASSPHRASE, FAST_KDF)
    keystore.save(directory, keyslots.KeyFile("old", dbmod.file_salt(db_path).hex(), (slot,)))


@pytest.mark.parametrize("version", range(1, schema.LATEST))
def test_upgrade_from_each_old_version(tmp_path, version):
    make_old_journal(tmp_path / "j", version)
    with Journal.open(tmp_path / "j", pw()) as journal:
        assert schema.version_of(journal._vault.db.conn) == schema.LATEST
        entry = journal.entries.get("0123456789ab")
        assert (entry.title, entry.tags, entry.prompt_text) == ("Old", ("old",), "An old prompt")
        assert journal.entries.search("naloxone")[0].entry.id == entry.id
        journal.terms.add("Candy")  # a table from the latest schema works
        if version >= 2:
            assert 1 in journal.program.attended()
        assert journal.check().ok


def test_a_newer_schema_is_refused_clearly(tmp_path):
    make_old_journal(tmp_path / "j", schema.LATEST)
    with Journal.open(tmp_path / "j", pw()) as journal:
        journal._vault.db.conn.execute(f"PRAGMA user_version = {schema.LATEST + 1}")
    from peerjournal.errors import PeerJournalError

    with pytest.raises(PeerJournalError, match="newer peerjournal"):
        Journal.open(tmp_path / "j", pw())
