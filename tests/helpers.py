"""Shared test constants: real journals with the cheapest key derivation the floor allows."""

from __future__ import annotations

from peerjournal.journal import KdfParams

FAST_KDF = KdfParams(memory_kib=19 * 1024, iterations=2, lanes=1)
PASSPHRASE = "a quiet place to write"
FAST_KDF_ARGS = ["--kdf-memory-mib", "19", "--kdf-passes", "2"]


def pw(text: str = PASSPHRASE) -> bytearray:
    """A passphrase as the journal takes it."""
    return bytearray(text.encode())
