"""Read a journal the way someone who unlocked it (or stole a backup and its passphrase) could:
every value of every table, FTS5 shadow tables included, and every byte of every decrypted page of
the database file and of its WAL, free pages and old WAL frames included.

The page decryption is done here, apart from SQLCipher, so that it sees what SQLite itself would
never show (free pages, stale WAL frames, old FTS5 segments). SQLCipher 4 with a raw key: each
page is AES-256-CBC under the data key, with its IV in the first 16 bytes of the page's 80-byte
reserve; page 1 starts with the file's 16-byte salt in clear. A WAL is a 32-byte header, then
frames of a 24-byte header and one page encrypted the same way.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from peerjournal.vault import keyslots, keystore
from peerjournal.vault.dbfile import DB_NAME, PAGE_SIZE, SALT_BYTES

RESERVE = 80  # 16 bytes of IV + 64 of HMAC-SHA512
SQLITE_HEADER = b"SQLite format 3\x00"
WAL_HEADER, FRAME_HEADER = 32, 24


def data_key(directory: Path, passphrase: str) -> bytearray:
    """The journal's data key, opened from its key file with the passphrase (settled slots)."""
    keyfile, _ = keystore.load(directory)
    found = keyslots.unlock(keyfile, passphrase.encode(), keyslots.PASSPHRASE)
    assert found, "the passphrase opens no slot of this key file"
    return found[0][0]


def _page(key: bytes, raw: bytes, first: bool) -> bytes:
    iv = raw[PAGE_SIZE - RESERVE : PAGE_SIZE - RESERVE + 16]
    start = SALT_BYTES if first else 0
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    plain = decryptor.update(raw[start : PAGE_SIZE - RESERVE]) + decryptor.finalize()
    return (SQLITE_HEADER if first else b"") + plain


def database_pages(path: Path, key: bytes | bytearray) -> list[bytes]:
    """Every page of the database file at `path`, decrypted."""
    data = path.read_bytes() if path.exists() else b""
    pages = [
        _page(bytes(key), data[i : i + PAGE_SIZE], i == 0)
        for i in range(0, len(data) - PAGE_SIZE + 1, PAGE_SIZE)
    ]
    assert not pages or pages[0].startswith(SQLITE_HEADER), "not this journal's data key"
    return pages


def wal_pages(path: Path, key: bytes | bytearray) -> list[bytes]:
    """Every frame of the WAL at `path` (stale ones too), decrypted."""
    data = path.read_bytes() if path.exists() else b""
    pages, offset = [], WAL_HEADER
    while offset + FRAME_HEADER + PAGE_SIZE <= len(data):
        number = struct.unpack(">I", data[offset : offset + 4])[0]
        raw = data[offset + FRAME_HEADER : offset + FRAME_HEADER + PAGE_SIZE]
        pages.append(_page(bytes(key), raw, number == 1))
        offset += FRAME_HEADER + PAGE_SIZE
    return pages


def table_values(conn) -> dict[str, list[bytes]]:
    """Every value of every ordinary table (FTS5's shadow tables are ordinary tables), as bytes."""
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        )
    ]
    assert "entries_fts_data" in names  # the FTS5 index itself is among them
    found: dict[str, list[bytes]] = {}
    for name in names:
        values = found.setdefault(name, [])
        for row in conn.execute(f'SELECT * FROM "{name}"'):
            for value in row:
                if isinstance(value, bytes):
                    values.append(value)
                elif value is not None:
                    values.append(str(value).encode("utf-8"))
    return found


def _needle(word: str) -> bytes:
    """What to look for: FTS5 stores a term after the prefix it shares with the term before it,
    so the first characters of a word may be missing from the index. Canaries start with random
    letters; their tail from the fifth character on is still unique."""
    return word.lower()[4:].encode("utf-8") if len(word) > 8 else word.lower().encode("utf-8")


def words_in_tables(conn, words: Iterable[str]) -> dict[str, list[str]]:
    """Which of `words` some table still holds, and in which tables."""
    values = table_values(conn)
    hits: dict[str, list[str]] = {}
    for word in words:
        needle = _needle(word)
        tables = [name for name, found in values.items() if any(needle in v.lower() for v in found)]
        if tables:
            hits[word] = tables
    return hits


def words_in_pages(directory: Path, key: bytes | bytearray, words: Iterable[str]) -> dict:
    """Which of `words` some decrypted page (database file or WAL) still holds, and where."""
    db_path = directory / DB_NAME
    sources = {
        "db": database_pages(db_path, key),
        "wal": wal_pages(db_path.with_name(DB_NAME + "-wal"), key),
    }
    hits: dict[str, list[str]] = {}
    for word in words:
        needle = _needle(word)
        where = [
            f"{source} page {n}"
            for source, pages in sources.items()
            for n, page in enumerate(pages, start=1)
            if needle in page.lower()
        ]
        if where:
            hits[word] = where
    return hits
