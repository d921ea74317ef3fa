"""Secrets: a passphrase change, a recovery-code reset and a rekey keep every entry readable and
make the old secret useless, including (after a rekey) an old copy of the key file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from peerjournal.vault import db as dbmod
from peerjournal.vault import keyslots

from .support import (
    OTHER_PASSPHRASE,
    PASSPHRASE,
    Sandbox,
    assert_clean_failure,
    make_journal,
    open_journal,
)

pytestmark = pytest.mark.slow

KEY_FILES = ("keyslots.json", "keyslots.json.bak")


def _entries(journal: Path, passphrase: str = PASSPHRASE) -> dict[str, tuple[str, str]]:
    with open_journal(journal, passphrase) as j:
        return {e.id: (e.title, e.body) for e in j.entries.iter_all()}


def _key_file_opens(path: Path, secret: str, kind: str = keyslots.PASSPHRASE) -> bool:
    keyfile = keyslots.loads(path.read_bytes())
    if kind == keyslots.RECOVERY:
        return bool(keyslots.unlock(keyfile, keyslots.normalise_recovery_code(secret), kind))
    return bool(keyslots.unlock(keyfile, bytearray(secret.encode()), kind))


def _recovery_code(sandbox: Sandbox) -> str:
    return (sandbox.root / "recovery-code").read_text().strip()


def _code_in(stdout: str) -> str:
    return next(line.strip() for line in stdout.splitlines() if line.strip().count("-") == 6)


def test_passphrase_change_keeps_entries_and_retires_the_old_one(
    sandbox: Sandbox, journal: Path
) -> None:
    before = _entries(journal)
    result = sandbox.run("passwd", "--new-passphrase-file", str(sandbox.other_passphrase_file))
    assert result.code == 0, result.describe()
    assert _entries(journal, OTHER_PASSPHRASE) == before
    old = sandbox.run("list")
    assert_clean_failure(old, needles=["wrong passphrase"])
    for name in KEY_FILES:  # neither copy still opens with the old passphrase
        assert not _key_file_opens(journal / name, PASSPHRASE), name
        assert _key_file_opens(journal / name, OTHER_PASSPHRASE), name
    new = sandbox.run("list", passphrase_file=sandbox.other_passphrase_file)
    assert new.code == 0 and "day 1" in new.stdout, new.describe()


def test_recovery_code_resets_a_forgotten_passphrase(sandbox: Sandbox, journal: Path) -> None:
    before = _entries(journal)
    code_file = sandbox.root / "recovery-code"
    result = sandbox.run(
        "passwd",
        "--recovery-code-file",
        str(code_file),
        "--new-passphrase-file",
        str(sandbox.other_passphrase_file),
        passphrase_file="",
    )
    assert result.code == 0, result.describe()
    assert _entries(journal, OTHER_PASSPHRASE) == before
    assert_clean_failure(sandbox.run("list"), needles=["wrong passphrase"])
    for name in KEY_FILES:
        assert not _key_file_opens(journal / name, PASSPHRASE), name


def test_new_recovery_code_retires_the_old_code(sandbox: Sandbox, journal: Path) -> None:
    old_code = _recovery_code(sandbox)
    result = sandbox.run("recovery-code", "--yes")
    assert result.code == 0, result.describe()
    new_code = _code_in(result.stdout)
    assert new_code != old_code
    for name in KEY_FILES:
        assert not _key_file_opens(journal / name, old_code, keyslots.RECOVERY), name
        assert _key_file_opens(journal / name, new_code, keyslots.RECOVERY), name
    retired = sandbox.run(
        "passwd",
        "--recovery-code-file",
        str(sandbox.root / "recovery-code"),
        "--new-passphrase-file",
        str(sandbox.other_passphrase_file),
        passphrase_file="",
    )
    assert_clean_failure(retired, needles=["wrong recovery code"])
    assert _entries(journal) != {}  # the passphrase was not changed by the failed reset


def test_rekey_retires_the_old_key_file_copy_and_recovery_code(
    sandbox: Sandbox, journal: Path
) -> None:
    before = _entries(journal)
    old_copies = sandbox.root / "old-key-files"
    old_copies.mkdir()
    for name in KEY_FILES:
        shutil.copy(journal / name, old_copies / name)
    old_code = _recovery_code(sandbox)
    old_keyfile = keyslots.loads((old_copies / "keyslots.json").read_bytes())
    old_data_key = keyslots.unlock(
        old_keyfile, bytearray(PASSPHRASE.encode()), keyslots.PASSPHRASE
    )[0][0]

    result = sandbox.run("rekey", "--yes")
    assert result.code == 0, result.describe()
    new_code = _code_in(result.stdout)
    assert _entries(journal) == before
    check = sandbox.run("check")
    assert check.code == 0, check.describe()

    # The old data key no longer decrypts the database at all.
    try:
        conn = dbmod.connect(journal / "journal.db", old_data_key)
    except dbmod.KeyRejected:
        pass
    else:
        conn.close()
        raise AssertionError("the old data key still opens the rekeyed journal")

    # An old copy of the key file, with the old (still correct) passphrase, opens nothing.
    current = {name: (journal / name).read_bytes() for name in KEY_FILES}
    for name in KEY_FILES:
        shutil.copy(old_copies / name, journal / name)
    stale = sandbox.run("list")
    assert_clean_failure(stale, needles=["older than the last", "backup"])
    for name in KEY_FILES:
        (journal / name).write_bytes(current[name])

    # The old recovery code is useless; the new one works.
    for name in KEY_FILES:
        assert not _key_file_opens(journal / name, old_code, keyslots.RECOVERY)
        assert _key_file_opens(journal / name, new_code, keyslots.RECOVERY)
    (sandbox.root / "new-code").write_text(new_code + "\n")
    reset = sandbox.run(
        "passwd",
        "--recovery-code-file",
        str(sandbox.root / "new-code"),
        "--new-passphrase-file",
        str(sandbox.other_passphrase_file),
        passphrase_file="",
    )
    assert reset.code == 0, reset.describe()
    assert _entries(journal, OTHER_PASSPHRASE) == before


def test_backup_opens_with_the_same_passphrase_and_is_independent(
    sandbox: Sandbox, journal: Path
) -> None:
    before = _entries(journal)
    target = sandbox.root / "usb" / "copy"
    target.parent.mkdir()  # the stick is plugged in: backup refuses a missing parent folder
    assert sandbox.run("backup", str(target)).code == 0
    assert _entries(target) == before
    assert sandbox.run("check", journal=target).code == 0
    # Rekeying the journal leaves the backup opening with what opened it when it was made.
    assert sandbox.run("rekey", "--yes").code == 0
    assert _entries(target) == before


def test_passphrase_change_then_rekey_retires_old_copies_completely(tmp_path: Path) -> None:
    """After passwd alone an old key-file copy still opens with the old passphrase (the data
    key did not change: that is what `rekey` is for). passwd + rekey closes that door."""
    from peerjournal.journal import Journal, secret_bytes

    directory = tmp_path / "j"
    make_journal(directory, entries=2)
    old = (directory / "keyslots.json").read_bytes()
    with open_journal(directory) as j:
        j.change_passphrase(secret_bytes(OTHER_PASSPHRASE))
        j.rekey(secret_bytes(OTHER_PASSPHRASE))
    (directory / "keyslots.json").write_bytes(old)
    (directory / "keyslots.json.bak").write_bytes(old)
    from peerjournal import errors

    # The old passphrase still opens the old key file, but its key no longer fits journal.db.
    with pytest.raises(errors.KeyFileStale):
        Journal.open(directory, secret_bytes(PASSPHRASE)).close()
