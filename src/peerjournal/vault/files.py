"""Durable, private file writes: owner-only permissions and atomic replacement.

A key file that is half written after a power cut would lock a person out of their journal, so
every write goes to a temporary sibling, is fsynced, renamed over the target, and the directory
is fsynced too. Only key material (never entry text) is written this way.

The same code runs on USB sticks formatted FAT32 or exFAT and on Windows: those have no hard
links and no POSIX permissions, and Windows cannot open a folder to fsync it. Each such gap has
one fallback here, so the rest of the program never asks which file system it is on.
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

from peerjournal.i18n import N_

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700

# Flags for every file this module creates: binary (Windows would otherwise turn \n into \r\n)
# and never through a symbolic link (where the platform has O_NOFOLLOW).
BINARY = getattr(os, "O_BINARY", 0)
NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | BINARY | NOFOLLOW

# What chmod says on a file system that has no permissions: FUSE FAT (ENOSYS), some FUSE and
# network file systems (ENOTSUP); the kernel's vfat and exfat say EPERM (see _cannot_chmod).
_NO_PERMISSIONS = {errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP}

# Marked for translation; faces show it with _() (a constant, kept once in a list of warnings).
PERMISSIONS_NOT_KEPT = N_(
    "this folder is on a file system that cannot keep file permissions (a USB stick formatted "
    "FAT32 or exFAT, for example), so other accounts on this computer may see that the files "
    "exist; the encryption still protects what is in them"
)


def _cannot_chmod(exc: OSError, path: Path) -> bool:
    """Whether a failed chmod means "this file system has no permissions", not "not yours"."""
    if exc.errno in _NO_PERMISSIONS:
        return True
    if exc.errno != errno.EPERM:
        return False
    geteuid = getattr(os, "geteuid", None)
    try:
        return geteuid is None or path.stat().st_uid == geteuid()
    except OSError:
        return False


def restrict(path: Path, mode: int) -> bool:
    """chmod `path` to `mode`; False (and no error) where the file system keeps no permissions.

    Some FAT drivers refuse the chmod (FUSE FAT, the kernel's vfat), others accept it and keep
    nothing (exFAT through FUSE): the mode is read back to tell. On Windows a chmod only sets
    the read-only flag and privacy comes from the folder's access list, so there it is True.
    """
    try:
        os.chmod(path, mode)
    except OSError as exc:
        if _cannot_chmod(exc, path):
            return False
        raise
    if os.name == "nt":
        return True
    return path.stat().st_mode & 0o777 == mode


def make_private_dir(path: Path) -> bool:
    """Create `path` (and parents) readable by its owner only.

    Returns False when the folder's file system cannot keep permissions (FAT32, exFAT): the
    folder is made all the same, and the caller says so once (PERMISSIONS_NOT_KEPT).
    """
    path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    return restrict(path, PRIVATE_DIR)


def keeps_permissions(probe: Path) -> bool:
    """Whether the file system of `probe` keeps POSIX permissions.

    `probe` is a file of ours that should be owner-only anyway: it is made read-only, then
    owner-only again, and each mode read back, so a chmod that is refused, ignored or a no-op
    all show. False on Windows, whose modes mean nothing.
    """
    if os.name == "nt":
        return False
    try:
        return restrict(probe, 0o400) and restrict(probe, PRIVATE_FILE)
    except OSError:
        return False


def fsync_dir(path: Path) -> None:
    """Make a rename inside `path` durable, where the platform can.

    Windows cannot open a folder (its renames are made durable by the file system itself), and
    some file systems refuse to fsync a folder: both are skipped, not errors.
    """
    if os.name == "nt":
        return
    try:
        fd = os.open(path, os.O_RDONLY)
    except (PermissionError, IsADirectoryError):
        return
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.EBADF, *_NO_PERMISSIONS):
            raise
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash leaves either the old or the new file, whole."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()  # a leftover of a killed process that had the same pid
    fd = os.open(tmp, NEW_FILE, PRIVATE_FILE)
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


def publish_new(partial: Path, target: Path) -> None:
    """Give the finished, fsynced file `partial` the name `target`, never replacing a file there.

    A hard link does it in one step and fails if `target` exists. Where there are no hard links
    (FAT32, exFAT, os.link missing), the name is taken with an exclusive create (O_EXCL, not
    following a link) and the partial renamed over that empty placeholder. `partial` is gone
    afterwards either way. Raises FileExistsError when `target` exists, and the file system's
    own error (disk full, read-only...) otherwise; it raises only while `target` is still as it
    was, so a caller can tell "not written" from "written". Then fsync_dir(target.parent).
    """
    link = getattr(os, "link", None)
    if link is not None:
        try:
            link(partial, target)
        except FileExistsError:
            raise
        except OSError:
            pass  # no hard links here: take the name another way (or meet the real error there)
        else:
            with contextlib.suppress(OSError):
                partial.unlink()
            return
    os.close(os.open(target, NEW_FILE, PRIVATE_FILE))
    try:
        os.replace(partial, target)
    except BaseException:
        with contextlib.suppress(OSError):
            target.unlink()
        raise


def create_private_file(path: Path) -> None:
    """Create an empty owner-only file, so that SQLite's side files inherit its mode."""
    fd = os.open(path, NEW_FILE, PRIVATE_FILE)
    os.close(fd)


def zero(buffer: bytearray | None) -> None:
    """Overwrite a key buffer in place. Python may still hold copies elsewhere (see SECURITY.md)."""
    if buffer is not None:
        for i in range(len(buffer)):
            buffer[i] = 0
