"""Opening a journal for the app, in a worker thread: derive the key, then read what home needs
first (the installed prompt set is parsed here, not on the UI thread)."""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

from peerjournal.errors import PeerJournalError
from peerjournal.journal import Journal, zero


def prepare(journal: Journal) -> Journal:
    with suppress(PeerJournalError):  # home meets the problem again and says it; opening goes on
        journal.program.active()
    # Every page is checked before the first write; do it here, off the UI thread. A damaged
    # journal still opens for reading, and its first save says it is damaged.
    with suppress(PeerJournalError):
        journal.verify_pages()
    return journal


def open_with_passphrase(directory: Path, secret: bytearray) -> Journal:
    try:
        journal = Journal.open(directory, secret)
    finally:
        zero(secret)
    return prepare(journal)
