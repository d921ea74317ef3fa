"""The journal's exclusive lock: one process at a time, released by the kernel if that process dies.

A plain `fcntl.flock` on a lock file in the journal folder. (The `filelock` package does the same
but costs about 10 MB of memory at import, and the unlock path is memory-bound by Argon2id.)
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from peerjournal import errors
from peerjournal.vault.files import PRIVATE_FILE

LOCK_NAME = "journal.lock"


class JournalLock:
    """Held from unlock to lock; a second opener gets `JournalInUse` at once instead of waiting."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / LOCK_NAME
        self._fd: int | None = None

    def acquire(self) -> JournalLock:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
        except OSError as exc:
            from peerjournal.vault.oserrors import as_domain_error

            raise as_domain_error(exc, self.path.parent) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise errors.JournalInUse(self.path.parent) from None
        except OSError as exc:
            os.close(fd)
            from peerjournal.vault.oserrors import as_domain_error

            raise as_domain_error(exc, self.path.parent) from None
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            try:
                fcntl.flock(self._fd, fcntl.LOCK_UN)
            finally:
                os.close(self._fd)
                self._fd = None
