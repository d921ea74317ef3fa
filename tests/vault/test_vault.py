"""The journal's lifecycle on real SQLCipher files: create, open, lock, secrets, rekey, backup."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from peerjournal import errors
from peerjournal.journal import Journal
from peerjournal.model import NewEntry
from tests.helpers import FAST_KDF, pw


def all_bytes(directory: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file())


def test_create_makes_private_files_and_encrypts(journal_dir):
    journal, code = Journal.create(journal_dir, pw(), kdf=FAST_KDF, with_recovery_code=True)
    with journal:
        journal.entries.add(
            NewEntry(body="canary-7781 body", title="canary-7781 title", tags=("canary-7781",))
        )
        assert b"canary-7781" not in all_bytes(journal_dir)  # also while open (WAL)
    assert code and len(code.replace("-", "")) == 26
    assert stat.S_IMODE(journal_dir.stat().st_mode) == 0o700
    for path in journal_dir.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    assert b"canary-7781" not in all_bytes(journal_dir)
    assert not (journal_dir / "journal.db").read_bytes().startswith(b"SQLite format 3")


def test_reopen_with_passphrase_and_wrong_passphrase(journal_dir, journal):
    entry = journal.entries.add(NewEntry(body="hello"))
    journal.close()
    with pytest.raises(errors.WrongSecret):
        Journal.open(journal_dir, pw("not it"))
    with Journal.open(journal_dir, pw()) as again:
        assert again.entries.get(entry.id).body == "hello"


def test_create_refuses_existing_journal_and_non_empty_folder(journal_dir, journal, tmp_path):
    journal.close()
    with pytest.raises(errors.JournalExists):
        Journal.create(journal_dir, pw(), kdf=FAST_KDF)
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.txt").write_text("x")
    with pytest.raises(errors.PeerJournalError):
        Journal.create(other, pw(), kdf=FAST_KDF)
    with pytest.raises(errors.NotAJournal):
        Journal.open(other, pw())
    with pytest.raises(errors.NoJournal):
        Journal.open(tmp_path / "missing", pw())


def test_empty_passphrase_refused(journal_dir):
    with pytest.raises(errors.InvalidInput):
        Journal.create(journal_dir, bytearray(), kdf=FAST_KDF)


def test_second_process_gets_journal_in_use(journal_dir, journal):
    code = (
        "import sys; from pathlib import Path; from peerjournal.journal import Journal\n"
        "from peerjournal import errors\n"
        "try:\n    Journal.open(Path(sys.argv[1]), bytearray(b'x'))\n"
        "except errors.JournalInUse as e:\n    print('IN USE', e); sys.exit(3)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(journal_dir)], capture_output=True, text=True
    )
    assert proc.returncode == 3, proc.stderr
    assert "in use" in proc.stdout


def test_passphrase_change_makes_old_one_useless(journal_dir, journal):
    entry = journal.entries.add(NewEntry(body="kept"))
    journal.change_passphrase(pw("new one"))
    journal.close()
    with pytest.raises(errors.WrongSecret):
        Journal.open(journal_dir, pw())
    with Journal.open(journal_dir, pw("new one")) as again:
        assert again.entries.get(entry.id).body == "kept"


def test_recovery_code_resets_a_forgotten_passphrase(journal_dir, journal):
    entry = journal.entries.add(NewEntry(body="kept"))
    code = journal.new_recovery_code()
    journal.close()
    with Journal.open_with_recovery_code(journal_dir, code.lower()) as j:
        j.change_passphrase(pw("fresh"))
    with Journal.open(journal_dir, pw("fresh")) as j:
        assert j.entries.get(entry.id).body == "kept"
        replacement = j.new_recovery_code()
    with pytest.raises(errors.WrongSecret):
        Journal.open_with_recovery_code(journal_dir, code)
    Journal.open_with_recovery_code(journal_dir, replacement).close()


def test_rekey_keeps_entries_and_old_key_file_stops_working(journal_dir, journal, tmp_path):
    ids = [journal.entries.add(NewEntry(body=f"entry {i}")).id for i in range(20)]
    journal.new_recovery_code()
    journal.close()
    old_keyfile = (journal_dir / "keyslots.json").read_bytes()
    with Journal.open(journal_dir, pw()) as j:
        new_code = j.rekey(pw())
    assert new_code
    with Journal.open(journal_dir, pw()) as j:
        assert [j.entries.get(i).body for i in ids] == [f"entry {i}" for i in range(20)]
        assert j.check().ok
    Journal.open_with_recovery_code(journal_dir, new_code).close()
    # A copy of the old key file (same passphrase!) no longer opens the re-encrypted database.
    stale = tmp_path / "stale"
    shutil.copytree(journal_dir, stale)
    (stale / "keyslots.json").write_bytes(old_keyfile)
    (stale / "keyslots.json.bak").write_bytes(old_keyfile)
    with pytest.raises(errors.KeyFileStale):
        Journal.open(stale, pw())


def test_backup_opens_with_same_passphrase_and_is_encrypted(journal_dir, journal, tmp_path):
    journal.entries.add(NewEntry(body="canary-5521 in a backup"))
    (tmp_path / "usb").mkdir()  # the stick is plugged in: a missing parent folder is refused
    dest = journal.backup(tmp_path / "usb" / "copy")
    journal.close()
    assert b"canary-5521" not in all_bytes(dest)
    with Journal.open(dest, pw()) as copy:
        assert copy.entries.count() == 1
        assert copy.check().ok
    assert not [p for p in (tmp_path / "usb").iterdir() if p.name.startswith(".")]


def test_backup_refuses_non_empty_destination(journal, tmp_path):
    dest = tmp_path / "full"
    dest.mkdir()
    (dest / "x").write_text("x")
    with pytest.raises(errors.UsageError):
        journal.backup(dest)


def test_check_reports_loose_permissions(journal_dir, journal):
    assert journal.check().ok
    os.chmod(journal_dir / "keyslots.json", 0o644)
    if (journal_dir / "keyslots.json").stat().st_mode & 0o777 != 0o644:
        pytest.skip("this platform keeps no POSIX permissions (tests/portability/test_no_posix.py)")
    report = journal.check()
    assert not report.ok and any("keyslots.json" in p for p in report.problems)


def test_missing_key_file_falls_back_to_backup_then_says_missing(journal_dir, journal):
    journal.close()
    (journal_dir / "keyslots.json").unlink()
    with Journal.open(journal_dir, pw()) as j:
        assert j.entries.count() == 0
    (journal_dir / "keyslots.json.bak").unlink()
    with pytest.raises(errors.KeyFileMissing):
        Journal.open(journal_dir, pw())


def test_damaged_key_file_uses_backup_and_warns(journal_dir, journal):
    journal.close()
    (journal_dir / "keyslots.json").write_bytes(b"{broken")
    with Journal.open(journal_dir, pw()) as j:
        assert any("backup copy" in w for w in j.warnings)
    (journal_dir / "keyslots.json.bak").write_bytes(b"{broken")
    with pytest.raises(errors.KeyFileDamaged):
        Journal.open(journal_dir, pw())


def test_key_file_of_another_journal_is_named(journal_dir, journal, tmp_path):
    journal.close()
    other_dir = tmp_path / "other"
    Journal.create(other_dir, pw(), kdf=FAST_KDF)[0].close()
    for name in ("keyslots.json", "keyslots.json.bak"):
        shutil.copy(other_dir / name, journal_dir / name)
    with pytest.raises(errors.KeyFileMismatch):
        Journal.open(journal_dir, pw())


@pytest.mark.parametrize("damage", ["truncate", "zero", "empty"])
def test_damaged_database_is_named_and_left_alone(journal_dir, journal, damage):
    journal.entries.add(NewEntry(body="x" * 5000))
    journal.close()
    db = journal_dir / "journal.db"
    data = db.read_bytes()
    if damage == "truncate":
        db.write_bytes(data[: len(data) // 2 + 100])
    elif damage == "zero":
        db.write_bytes(bytes(len(data)))
    else:
        db.write_bytes(b"")
    before = db.read_bytes()
    with pytest.raises(errors.DatabaseDamaged):
        Journal.open(journal_dir, pw())
    assert db.read_bytes() == before


def test_close_zeroes_key_and_releases_lock(journal_dir, journal):
    vault = journal._vault
    key = vault._data_key
    journal.close()
    assert key == bytearray(len(key)) and not journal.is_open
    journal.close()  # twice is harmless
    Journal.open(journal_dir, pw()).close()


def test_backup_refuses_a_missing_parent_folder(journal, tmp_path):
    from peerjournal.errors import NoSuchFolder

    with pytest.raises(NoSuchFolder):
        journal.backup(tmp_path / "unplugged-stick" / "copy")
    assert not (tmp_path / "unplugged-stick").exists()
