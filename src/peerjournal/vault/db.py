"""Opening the SQLCipher database with a raw data key, and the pragmas that keep plaintext off
disk."""

from __future__ import annotations

from pathlib import Path

import sqlcipher3

from peerjournal import errors
from peerjournal.vault.dbfile import DB_NAME, PAGE_SIZE, SALT_BYTES, file_salt, looks_damaged

__all__ = ["DB_NAME", "PAGE_SIZE", "SALT_BYTES", "file_salt", "looks_damaged"]


class KeyRejected(Exception):
    """The database did not open with this key (wrong key, or a damaged first page)."""


HEX_DIGITS = b"0123456789abcdef"


def raw_key(data_key: bytearray) -> bytearray:
    """SQLCipher's raw-key form `x'<64 hex>'`, which skips its own KDF (ours already ran).

    Written digit by digit into one preallocated bytearray that the caller zeroes: `hex()` and
    `b"x'" + ...` would each leave an immutable copy of the key in memory."""
    form = bytearray(3 + 2 * len(data_key))
    form[0:2] = b"x'"
    for i, byte in enumerate(data_key):
        form[2 + 2 * i] = HEX_DIGITS[byte >> 4]
        form[3 + 2 * i] = HEX_DIGITS[byte & 0x0F]
    form[-1] = ord("'")
    return form


def connect(path: Path, data_key: bytearray) -> sqlcipher3.Connection:
    """Open `path` with `data_key`; raise `KeyRejected` when the key does not decrypt it."""
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        # Before anything else: SQLCipher otherwise logs decryption failures to stderr.
        conn.execute("PRAGMA cipher_log_level = NONE")
        # One process holds the journal at a time (vault/lock.py), so SQLite may keep its locks
        # and its WAL index in this process's memory: no -shm file, whose shared memory a FAT
        # stick through FUSE (or a network folder) cannot give. Set before the first read.
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        # SQLCipher then zeroes every allocation it frees (keys, decrypted pages) and locks its
        # key memory against swap where it can.
        conn.execute("PRAGMA cipher_memory_security = ON")
        key = raw_key(data_key)
        try:
            conn.set_key(key)
        finally:
            for i in range(len(key)):
                key[i] = 0
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            if primary_code(exc) != sqlcipher3.SQLITE_NOTADB:
                raise  # e.g. the disk refused the -shm file: not a wrong key, say what it is
            raise KeyRejected(str(exc)) from None
        apply_pragmas(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def apply_pragmas(conn: sqlcipher3.Connection) -> None:
    """Settings that matter for privacy and durability, applied on every open."""
    conn.execute("PRAGMA temp_store = MEMORY")  # file temp stores are not encrypted
    conn.execute("PRAGMA secure_delete = ON")  # deleted text is overwritten, not left in free pages
    conn.execute("PRAGMA journal_mode = WAL")  # WAL pages are encrypted like the database
    conn.execute("PRAGMA synchronous = FULL")  # a committed entry survives a power cut
    conn.execute("PRAGMA foreign_keys = ON")


def primary_code(exc: BaseException) -> int | None:
    """SQLite's primary result code of `exc` (`SQLITE_FULL`, `SQLITE_IOERR`...), without the
    extended part; None for errors raised before SQLite answered (a closed connection...)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def as_domain_error(exc: sqlcipher3.Error, path: Path) -> errors.PeerJournalError:
    """Name what a SQLCipher error during normal use means for the person, from its result code.

    An I/O error is the operating system refusing a read or write (a file size limit gives EFBIG,
    a full disk can fail the -shm file at open), not damage: damage is SQLITE_CORRUPT or
    SQLITE_NOTADB.
    """
    code = primary_code(exc)
    if code == sqlcipher3.SQLITE_FULL:
        return errors.StorageFull()
    if code == sqlcipher3.SQLITE_IOERR:
        return errors.DiskFailed(path.parent)
    if code == sqlcipher3.SQLITE_READONLY:
        return errors.ReadOnlyJournal(path.parent)
    if code in (sqlcipher3.SQLITE_BUSY, sqlcipher3.SQLITE_LOCKED):
        return errors.JournalInUse(path.parent)
    if code in (sqlcipher3.SQLITE_CORRUPT, sqlcipher3.SQLITE_NOTADB):
        return errors.DatabaseDamaged(path, str(exc))
    if code in (sqlcipher3.SQLITE_CANTOPEN, sqlcipher3.SQLITE_PERM):
        return errors.PermissionDenied(path)
    return errors.PeerJournalError(f"the journal database reported a problem: {exc}")


class Database:
    """An open journal database: one connection, transactions, and errors named for the person."""

    def __init__(self, conn: sqlcipher3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self._pages_verified = False

    def transaction(self, *, scrub: bool = False) -> _Transaction:
        """`with db.transaction():` commits on success, rolls back on any error: nothing partial.

        `scrub=True` for a transaction that deletes or overwrites what a person wrote: after the
        commit, the WAL is checkpointed and truncated, so the old pages (which still hold the old
        words, encrypted) do not stay in the -wal file (see `scrub`).
        """
        return _Transaction(self, scrub)

    def scrub(self) -> bool:
        """Copy the WAL into the database file and truncate it to nothing.

        The WAL keeps every page written since the last checkpoint, older versions included: after
        a delete, the deleted words are still in it (encrypted like the database, but readable to
        whoever unlocks it). `secure_delete` and FTS5's `secure-delete` have already zeroed
        them in the pages the checkpoint copies. Returns False when the checkpoint could
        not finish (the commit it follows stands; the next scrub, or closing, tries again).
        """
        try:
            busy, _, _ = self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        except sqlcipher3.Error:
            return False
        return not busy

    def verify_pages(self) -> None:
        """Raise `DatabaseDamaged` unless every page of the file authenticates (its HMAC).

        Reading commands only notice damage in the pages they read; writing into a damaged file
        would bury the damage under new pages (and new entries that a restored backup lacks), so
        the person is told to restore first. It costs one read of the file, once per open.
        """
        try:
            failures = self.conn.execute("PRAGMA cipher_integrity_check").fetchall()
        except sqlcipher3.Error as exc:
            raise as_domain_error(exc, self.path) from None
        if failures:
            raise errors.DatabaseDamaged(
                self.path, f"{len(failures)} pages fail their integrity check"
            )
        self._pages_verified = True

    def query(self, sql: str, params: tuple | dict = ()) -> list[tuple]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlcipher3.OperationalError as exc:
            raise as_domain_error(exc, self.path) from None

    def close(self) -> None:
        """Scrub the WAL (see `scrub`), then close."""
        self.scrub()
        self.conn.close()


class _Transaction:
    def __init__(self, db: Database, scrub: bool = False) -> None:
        self.db = db
        self.scrub = scrub

    def __enter__(self) -> sqlcipher3.Connection:
        if not self.db._pages_verified:
            self.db.verify_pages()  # never write into a damaged file (see verify_pages)
        try:
            self.db.conn.execute("BEGIN IMMEDIATE")
        except sqlcipher3.Error as exc:
            raise as_domain_error(exc, self.db.path) from None
        return self.db.conn

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            try:
                self.db.conn.execute("COMMIT")
            except sqlcipher3.Error as commit_exc:
                self._rollback()
                raise as_domain_error(commit_exc, self.db.path) from None
            if self.scrub:
                self.db.scrub()
            return
        self._rollback()
        if isinstance(exc, sqlcipher3.Error) and not isinstance(exc, sqlcipher3.IntegrityError):
            raise as_domain_error(exc, self.db.path) from None

    def _rollback(self) -> None:
        """Undo the transaction, if SQLite has not already (it does after an I/O error)."""
        try:
            if self.db.conn.in_transaction:
                self.db.conn.execute("ROLLBACK")
        except sqlcipher3.Error:
            pass  # the original error is the one worth reporting; SQLite rolls back on close
