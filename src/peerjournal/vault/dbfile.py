"""What can be told about the database file without opening it (and without loading SQLCipher,
so that the key derivation runs while as little else as possible sits in memory)."""

from __future__ import annotations

from pathlib import Path

DB_NAME = "journal.db"
PAGE_SIZE = 4096
SALT_BYTES = 16


def file_salt(path: Path) -> bytes:
    """The 16 random bytes SQLCipher keeps in clear at the start of the file; they identify it."""
    with open(path, "rb") as handle:
        return handle.read(SALT_BYTES)


def looks_damaged(path: Path) -> str | None:
    """Why `path` cannot be a whole SQLCipher database, judged from its size and first bytes."""
    size = path.stat().st_size
    if size == 0:
        return "the file is empty"
    if size < PAGE_SIZE:
        return "the file is truncated"
    if size % PAGE_SIZE:
        return "the file is truncated"
    if file_salt(path) == bytes(SALT_BYTES):
        return "the start of the file is zeroed"
    return None
