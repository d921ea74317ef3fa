"""The journal's exclusive lock: one process at a time, released by the system if that process dies.

A lock on a lock file in the journal folder: `fcntl.flock` where the platform has it (Linux,
macOS, BSD), `msvcrt.locking` on Windows. Both are dropped by the operating system when the
holder dies, so a crash never leaves a journal locked. The same two calls tell whether some
other process is still writing a partial file (`held_elsewhere`), which replaces "is this pid
alive" tests: those send signals and cannot be asked portably.

(The `filelock` package wraps the same two calls, but importing it raised the peak memory of
`peerjournal list` from 95 MB to 101 MB, over the 100 MB budget that the Argon2id unlock leaves:
benchmarks/bench_lock.py, figures in benchmarks/RESULTS.md.)
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from peerjournal import errors
from peerjournal.vault.files import BINARY, NOFOLLOW, PRIVATE_FILE

LOCK_NAME = "journal.lock"

# What a lock held by another process looks like, by platform.
_BUSY = {errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES, getattr(errno, "EDEADLOCK", errno.EDEADLK)}

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


def try_lock(fd: int) -> bool:
    """Take an exclusive lock on the open file `fd` without waiting; False if someone holds it."""
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:
            import msvcrt

            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except OSError as exc:
        if isinstance(exc, BlockingIOError) or exc.errno in _BUSY:
            return False
        raise
    return True


def unlock(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_UN)
    else:
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


def held_elsewhere(path: Path) -> bool:
    """Whether another open file holds a lock on `path` (a writer still at work on it).

    A missing file is not held. One that cannot be opened (a symbolic link, someone else's file)
    counts as held, so that the caller leaves it alone.
    """
    try:
        fd = os.open(path, os.O_RDWR | BINARY | NOFOLLOW)
    except FileNotFoundError:
        return False
    except OSError:
        return True  # cannot even open it: someone else's, leave it alone
    try:
        if not try_lock(fd):
            return True
        unlock(fd)
        return False
    except OSError:
        return True  # this file system has no locks: nothing can be told, so leave it alone
    finally:
        os.close(fd)


class JournalLock:
    """Held from unlock to lock; a second opener gets `JournalInUse` at once instead of waiting."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / LOCK_NAME
        self._fd: int | None = None

    def acquire(self) -> JournalLock:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | BINARY | NOFOLLOW, PRIVATE_FILE)
        except OSError as exc:
            from peerjournal.vault.oserrors import as_domain_error

            raise as_domain_error(exc, self.path.parent) from None
        try:
            locked = try_lock(fd)
        except OSError as exc:
            os.close(fd)
            from peerjournal.vault.oserrors import as_domain_error

            raise as_domain_error(exc, self.path.parent) from None
        if not locked:
            os.close(fd)
            raise errors.JournalInUse(self.path.parent)
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            try:
                unlock(self._fd)
            finally:
                os.close(self._fd)
                self._fd = None
