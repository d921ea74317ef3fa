"""The vault: a journal directory's lock, key file and encrypted database, opened as one.

`Vault.create` and `Vault.open` are the only ways in. An open vault holds the data key (in a
bytearray zeroed on close), the database connection and an exclusive lock, so a second window
gets "journal is in use" instead of a corrupted file.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from peerjournal import errors
from peerjournal.i18n import N_
from peerjournal.vault import dbfile, keyslots, keystore, schema
from peerjournal.vault.files import (
    NOFOLLOW,
    PERMISSIONS_NOT_KEPT,
    PRIVATE_FILE,
    create_private_file,
    fsync_dir,
    make_private_dir,
    zero,
)
from peerjournal.vault.lock import LOCK_NAME, JournalLock
from peerjournal.vault.process import forbid_core_dumps

if TYPE_CHECKING:
    from peerjournal.vault.db import Database


# Marked for translation; faces show it with _() like the other warnings.
REKEY_CODE_DROPPED = N_(
    "a rekey was interrupted and has now been finished; the new recovery code it made was "
    "never shown, so it was removed: make a new recovery code (`peerjournal recovery-code`, "
    "or Settings in the app)"
)

# Present while `init` runs: a journal.db beside it and no key file is a creation cut short
# (nothing was ever written in it), which `init` may clear and start again.
CREATING_NAME = "journal.creating"


def _unfinished(names: set[str]) -> bool:
    return CREATING_NAME in names and not ({keystore.KEY_NAME, keystore.BACKUP_NAME} & names)


def _acquire_lock(directory: Path) -> JournalLock:
    return JournalLock(directory).acquire()


class FolderState(StrEnum):
    """What a journal folder holds, before anything is opened."""

    MISSING = "missing"
    EMPTY = "empty"  # nothing, or only the leftovers of a creation cut short
    JOURNAL = "journal"
    OTHER = "other"  # a file, or a folder of other things


def describe(directory: Path) -> FolderState:
    """What is at `directory`."""
    if not directory.exists():
        return FolderState.MISSING
    if not directory.is_dir():
        return FolderState.OTHER
    names = set(os.listdir(directory))
    if _unfinished(names):
        return FolderState.EMPTY
    if {dbfile.DB_NAME, keystore.KEY_NAME, keystore.BACKUP_NAME} & names:
        return FolderState.JOURNAL
    return FolderState.EMPTY if not (names - {LOCK_NAME}) else FolderState.OTHER


def check_openable(directory: Path) -> None:
    """Raise the error that explains why `directory` cannot be opened, before any passphrase."""
    state = describe(directory)
    if state in (FolderState.MISSING, FolderState.EMPTY):
        raise errors.NoJournal(directory)
    if state is FolderState.OTHER:
        raise errors.NotAJournal(directory)
    db_path = directory / dbfile.DB_NAME
    if not db_path.exists():
        raise errors.DatabaseMissing(db_path)
    if not keystore.exists(directory):
        raise errors.KeyFileMissing(keystore.key_path(directory))


class Vault:
    """An unlocked journal directory."""

    def __init__(
        self,
        directory: Path,
        lock: JournalLock,
        keyfile: keyslots.KeyFile,
        data_key: bytearray,
        database: Database,
        cost: keyslots.KdfParams = keyslots.KDF_DEFAULT,
    ) -> None:
        self.directory = directory
        self.cost = cost  # of the slot that opened the journal (or of its creation)
        self._lock = lock
        self.keyfile = keyfile
        self._data_key: bytearray | None = data_key
        self.db = database
        self.warnings: list[str] = []

    @property
    def db_path(self) -> Path:
        return self.directory / dbfile.DB_NAME

    # -- lifecycle ----------------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        directory: Path,
        passphrase: bytearray,
        kdf: keyslots.KdfParams = keyslots.KDF_DEFAULT,
    ) -> Vault:
        """Make a new journal in an empty or missing directory."""
        kdf.check_floor()
        keyslots.check_bounds(kdf)
        forbid_core_dumps()
        if not passphrase:
            raise errors.InvalidInput("the passphrase cannot be empty")
        state = describe(directory)
        if state is FolderState.JOURNAL:
            raise errors.JournalExists(directory)
        if state is FolderState.OTHER:
            raise errors.PeerJournalError(
                f"{directory} is not empty; choose an empty or new folder for a journal"
            )
        try:
            kept = make_private_dir(directory)
        except OSError as exc:
            from peerjournal.vault.oserrors import as_domain_error

            raise as_domain_error(exc, directory) from None
        lock = _acquire_lock(directory)
        try:
            vault = cls._create_locked(directory, lock, passphrase, kdf)
        except BaseException:
            lock.release()
            raise
        if not kept:
            vault.warn(PERMISSIONS_NOT_KEPT)
        return vault

    @classmethod
    def _create_locked(
        cls, directory: Path, lock: JournalLock, passphrase: bytearray, kdf: keyslots.KdfParams
    ) -> Vault:
        import sqlcipher3

        from peerjournal.vault import db as dbmod

        db_path = directory / dbfile.DB_NAME
        marker = directory / CREATING_NAME
        data_key = keyslots.new_data_key()
        journal_id = keyslots.new_journal_id()
        try:
            if _unfinished(set(os.listdir(directory))):
                _remove_quietly(db_path, directory)  # the leftovers of a creation cut short
            os.close(os.open(marker, os.O_WRONLY | os.O_CREAT | NOFOLLOW, PRIVATE_FILE))
            fsync_dir(directory)
            create_private_file(db_path)
            conn = dbmod.connect(db_path, data_key)
            database = dbmod.Database(conn, db_path)
            schema.migrate(conn)
            conn.execute("INSERT INTO meta (key, value) VALUES ('journal_id', ?)", (journal_id,))
            from peerjournal.vault.sharing import follow_study  # loads SQLCipher: only here

            follow_study(conn, "")  # a new journal follows no study yet (reads never write it)
            slot = keyslots.seal(data_key, passphrase, journal_id, keyslots.PASSPHRASE, kdf)
            keyfile = keyslots.KeyFile(
                journal_id=journal_id, db_salt=dbfile.file_salt(db_path).hex(), slots=(slot,)
            )
            keystore.save(directory, keyfile)
            marker.unlink()
        except OSError as exc:
            _remove_quietly(db_path, directory)
            _remove_quietly(marker, directory)
            from peerjournal.vault.oserrors import as_domain_error

            raise as_domain_error(exc, directory) from None
        except sqlcipher3.Error as exc:
            _remove_quietly(db_path, directory)
            _remove_quietly(marker, directory)
            raise dbmod.as_domain_error(exc, db_path) from None
        return cls(directory, lock, keyfile, data_key, database, cost=kdf)

    @classmethod
    def open(
        cls, directory: Path, secret: bytearray, kind: keyslots.SlotKind = keyslots.PASSPHRASE
    ) -> Vault:
        """Unlock an existing journal with a passphrase or (kind=RECOVERY) a recovery code."""
        check_openable(directory)
        forbid_core_dumps()
        lock = _acquire_lock(directory)
        try:
            vault = cls._open_locked(directory, lock, secret, kind)
        except BaseException:
            lock.release()
            raise
        _remove_quietly(directory / CREATING_NAME, directory)  # a finished creation's marker
        return vault

    @classmethod
    def _open_locked(
        cls, directory: Path, lock: JournalLock, secret: bytearray, kind: keyslots.SlotKind
    ) -> Vault:
        db_path = directory / dbfile.DB_NAME
        keyfile, from_backup = keystore.load(directory)
        try:
            damage = dbfile.looks_damaged(db_path)
        except PermissionError:
            raise errors.PermissionDenied(db_path) from None
        if damage:
            raise errors.DatabaseDamaged(db_path, damage)
        if keyfile.db_salt and dbfile.file_salt(db_path).hex() != keyfile.db_salt:
            raise errors.KeyFileMismatch(directory)
        candidates = keyslots.unlock(keyfile, secret, kind)
        if not candidates and not from_backup:
            # A bit flip inside a slot still parses; the backup copy may be whole.
            spare = keystore.load_backup(directory)
            if spare is not None and spare != keyfile and spare.db_salt == keyfile.db_salt:
                candidates = keyslots.unlock(spare, secret, kind)
                if candidates:
                    keyfile, from_backup = spare, True
        if not candidates:
            if kind != keyslots.RECOVERY:
                raise errors.WrongPassphrase()
            if not keyfile.has(keyslots.RECOVERY):
                raise errors.NoRecoveryCode()
            raise errors.WrongRecoveryCode()
        vault = cls._connect_any(directory, lock, keyfile, candidates, from_backup)
        if from_backup:
            vault.warnings.append(
                "the key file was damaged; the journal opened with its backup copy "
                "(keyslots.json.bak). Run `peerjournal check` and make a backup soon"
            )
        return vault

    @classmethod
    def _connect_any(
        cls,
        directory: Path,
        lock: JournalLock,
        keyfile: keyslots.KeyFile,
        candidates: list[tuple[bytearray, bool, keyslots.KdfParams]],
        from_backup: bool = False,
    ) -> Vault:
        """Open the database with the first key that fits; finish a rekey a crash interrupted."""
        import sqlcipher3

        from peerjournal.vault import db as dbmod

        db_path = directory / dbfile.DB_NAME
        chosen = None
        for key, pending, cost in candidates:
            if chosen is None:
                try:
                    conn = dbmod.connect(db_path, key)
                    chosen = (key, pending, cost, conn)
                    continue
                except dbmod.KeyRejected:
                    pass
                except sqlcipher3.Error as exc:
                    raise dbmod.as_domain_error(exc, db_path) from None
            zero(key)
        if chosen is None:
            raise errors.KeyFileStale(directory)
        key, pending, cost, conn = chosen
        database = dbmod.Database(conn, db_path)
        try:
            if schema.version_of(conn) < schema.LATEST:
                database.verify_pages()  # an upgrade writes: not into a damaged file
            if schema.migrate(conn) < schema.LATEST:
                database.scrub()  # pages an upgrade rewrote (the search index) leave the WAL
        except sqlcipher3.Error as exc:
            conn.close()
            zero(key)
            raise dbmod.as_domain_error(exc, db_path) from None
        except errors.DatabaseDamaged:
            conn.close()
            zero(key)
            raise
        vault = cls(directory, lock, keyfile, key, database, cost=cost)
        vault._settle_keyfile(rekey_done=pending, from_backup=from_backup)
        return vault

    def _settle_keyfile(self, rekey_done: bool, from_backup: bool = False) -> None:
        """Tidy the key file after a crash: drop stale slots of an interrupted rekey.

        Opened from the backup copy, the damaged main file must not be copied over that backup:
        both stay as they are until the person restores or changes a secret.
        """
        has_pending = any(s.pending for s in self.keyfile.slots)
        try:
            if from_backup and not has_pending:
                return
            if has_pending:
                kept = tuple(
                    replace(s, pending=False)
                    for s in self.keyfile.slots
                    if s.pending == rekey_done
                    # the new recovery code of a rekey cut short was never shown to anyone
                    and not (rekey_done and s.kind == keyslots.RECOVERY)
                )
                unseen = rekey_done and any(
                    s.pending and s.kind == keyslots.RECOVERY for s in self.keyfile.slots
                )
                self.keyfile = replace(self.keyfile, slots=kept)
                keystore.save(self.directory, self.keyfile)
                if unseen:
                    self.warn(REKEY_CODE_DROPPED)
            else:
                keystore.refresh_backup(self.directory)
        except OSError:
            self.warnings.append("the key file could not be tidied (read-only or full disk)")

    def close(self) -> None:
        """Scrub the WAL and close the database, zero the data key, release the lock. Safe to
        call twice."""
        if self._data_key is None:
            return
        try:
            self.db.close()
        finally:
            zero(self._data_key)
            self._data_key = None
            self._lock.release()

    @property
    def is_open(self) -> bool:
        return self._data_key is not None

    # -- secrets ------------------------------------------------------------------------------

    def _seal_cost(self, asked: keyslots.KdfParams | None = None) -> keyslots.KdfParams:
        """The cost of a new seal: never below the defaults nor the slot that opened the journal
        (nor what the caller asked for). The key file's other slots play no part: a weak slot
        planted there must not weaken what every secret is sealed with next."""
        costs = [keyslots.KDF_DEFAULT, self.cost] + ([asked] if asked else [])
        return keyslots.strongest(*costs)

    def set_secret(
        self, kind: keyslots.SlotKind, secret: bytearray, kdf: keyslots.KdfParams | None = None
    ) -> None:
        """Replace the slot of `kind` (passphrase or recovery) with one for `secret`. Instant: no
        database rewrite, since the data key stays."""
        if kind == keyslots.PASSPHRASE and not secret:
            raise errors.InvalidInput("the passphrase cannot be empty")
        params = self._seal_cost(kdf)
        keyslots.check_bounds(params)
        slot = keyslots.seal(self._key(), secret, self.keyfile.journal_id, kind, params)
        others = tuple(s for s in self.keyfile.slots if s.kind != kind)
        self._save_keyfile(replace(self.keyfile, slots=(*others, slot)))

    def remove_secret(self, kind: keyslots.SlotKind) -> None:
        if kind == keyslots.PASSPHRASE:
            raise errors.UsageError("the passphrase slot cannot be removed")
        self._save_keyfile(
            replace(self.keyfile, slots=tuple(s for s in self.keyfile.slots if s.kind != kind))
        )

    def rekey(self, passphrase: bytearray, recovery_code: bytearray | None) -> None:
        """Replace the data key itself (for a leaked passphrase): the database is re-encrypted.

        Crash-safe in three steps: (1) the key file gains pending slots for the new key,
        (2) SQLCipher re-encrypts in one transaction, (3) the old slots go. Opening after a crash
        at any point tries both keys and finishes the job.
        """
        import sqlcipher3

        from peerjournal.vault import db as dbmod

        new_key = keyslots.new_data_key()
        jid = self.keyfile.journal_id
        pending = [
            keyslots.seal(
                new_key,
                passphrase,
                jid,
                keyslots.PASSPHRASE,
                self._seal_cost(),
                pending=True,
            )
        ]
        if recovery_code is not None:
            pending.append(
                keyslots.seal(
                    new_key,
                    recovery_code,
                    jid,
                    keyslots.RECOVERY,
                    self._seal_cost(),
                    pending=True,
                )
            )
        settled = tuple(s for s in self.keyfile.slots if not s.pending)
        self._save_keyfile(replace(self.keyfile, slots=(*settled, *pending)))
        rekey_form = dbmod.raw_key(new_key)
        try:
            self.db.conn.reset_key(rekey_form)
        except sqlcipher3.Error as exc:
            zero(new_key)
            raise dbmod.as_domain_error(exc, self.db_path) from None
        finally:
            zero(rekey_form)
        zero(self._data_key)
        self._data_key = new_key
        final = tuple(replace(s, pending=False) for s in pending)
        self._save_keyfile(replace(self.keyfile, slots=final))

    def _save_keyfile(self, keyfile: keyslots.KeyFile) -> None:
        try:
            keystore.save(self.directory, keyfile)
        except OSError as exc:
            from peerjournal.vault.oserrors import as_domain_error

            raise as_domain_error(exc, self.directory) from None
        self.keyfile = keyfile

    def _key(self) -> bytearray:
        if self._data_key is None:
            raise errors.PeerJournalError("the journal is locked")
        return self._data_key

    # -- copies -------------------------------------------------------------------------------

    def backup_to(self, destination: Path) -> Path:
        """Write an encrypted, consistent copy of the journal to a new folder `destination`.

        The copy opens with the same passphrase (and recovery code). It is built in a temporary
        sibling folder and renamed into place, so an interrupted backup leaves no half copy.
        """
        from peerjournal.vault.backup import write_backup

        where, kept = write_backup(self, destination)
        if not kept:
            self.warn(PERMISSIONS_NOT_KEPT)
        return where

    def warn(self, message: str) -> None:
        """Add a warning for the face to show, once however often it happens."""
        if message not in self.warnings:
            self.warnings.append(message)

    def data_key_for_copy(self) -> bytearray:
        """A copy of the data key for `backup` (the caller zeroes it)."""
        return bytearray(self._key())


def _remove_quietly(db_path: Path, directory: Path) -> None:
    for path in (
        db_path,
        db_path.with_name(db_path.name + "-wal"),
        db_path.with_name(db_path.name + "-shm"),
    ):
        with contextlib.suppress(OSError):
            path.unlink()
