"""Durable, private file writes: owner-only permissions and atomic replacement.

A key file that is half written after a power cut would lock a person out of their journal, so
every write goes to a temporary sibling, is fsynced, renamed over the target, and the directory
is fsynced too. Only key material (never entry text) is written this way.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def make_private_dir(path: Path) -> None:
    """Create `path` (and parents) readable by its owner only."""
    path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    os.chmod(path, PRIVATE_DIR)


def fsync_dir(path: Path) -> None:
    """Make a rename inside `path` durable."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash leaves either the old or the new file, whole."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


def create_private_file(path: Path) -> None:
    """Create an empty owner-only file, so that SQLite's side files inherit its mode."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    os.close(fd)


def zero(buffer: bytearray | None) -> None:
    """Overwrite a key buffer in place. Python may still hold copies elsewhere (see SECURITY.md)."""
    if buffer is not None:
        for i in range(len(buffer)):
            buffer[i] = 0
