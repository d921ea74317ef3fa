"""Encrypted backups: a consistent copy of the database under the same data key, plus the key file.

SQLite's online backup copies a consistent snapshot page by page; the destination connection
encrypts with the same data key, so plaintext never exists outside memory.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3

from peerjournal import errors
from peerjournal.vault import db as dbmod
from peerjournal.vault import keystore
from peerjournal.vault.files import create_private_file, fsync_dir, make_private_dir, zero
from peerjournal.vault.lock import LOCK_NAME, JournalLock, held_elsewhere

if TYPE_CHECKING:
    from peerjournal.vault.vault import Vault


def write_backup(vault: Vault, destination: Path) -> tuple[Path, bool]:
    """Write the copy; returns where, and whether its file system keeps permissions.

    The copy is built in a hidden sibling folder, locked by its own journal.lock while it is
    written, so that a later backup can tell a dead writer's half copy from a live one.
    """
    destination = destination.expanduser().absolute()
    if destination.exists() and (not destination.is_dir() or any(destination.iterdir())):
        raise errors.UsageError(
            f"{destination} already exists and is not empty; choose a new folder"
        )
    if not destination.parent.exists():  # a file there is said below, as not a folder
        raise errors.NoSuchFolder(destination.parent)
    if destination.resolve() == vault.directory.resolve():
        raise errors.UsageError("the backup must go to another folder than the journal itself")
    _clear_stale_partials(destination)
    existed = destination.exists()
    staging = destination.with_name(f"{_partial_prefix(destination)}{os.getpid()}")
    try:
        kept = make_private_dir(staging)
        staging_lock = JournalLock(staging).acquire()
        try:
            _write_into(vault, staging)
        finally:
            staging_lock.release()  # before the rename: Windows renames no folder with open files
        (staging / LOCK_NAME).unlink(missing_ok=True)
        if destination.exists():
            destination.rmdir()
        os.replace(staging, destination)
        fsync_dir(destination.parent)
        if not keystore.key_path(destination).exists():
            # Seen with fusefat, a FUSE FAT driver that loses a renamed folder's content.
            if not existed:
                with contextlib.suppress(OSError):
                    destination.rmdir()
            raise errors.BackupLost(destination.parent)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        from peerjournal.vault.oserrors import as_domain_error

        raise as_domain_error(exc, destination) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return destination, kept


def _partial_prefix(destination: Path) -> str:
    return f".{destination.name}.partial-"


def _clear_stale_partials(destination: Path) -> None:
    """Remove the half copies that a killed backup to this same destination left behind.

    A live backup holds the lock of its half copy; the system drops it when that process dies.
    """
    prefix = _partial_prefix(destination)
    if not destination.parent.is_dir():
        return
    for old in destination.parent.iterdir():
        if not old.name.startswith(prefix) or old.is_symlink() or not old.is_dir():
            continue
        if not held_elsewhere(old / LOCK_NAME):
            shutil.rmtree(old, ignore_errors=True)


def _write_into(vault: Vault, staging: Path) -> None:
    target = staging / dbmod.DB_NAME
    create_private_file(target)
    key = vault.data_key_for_copy()
    try:
        copy = dbmod.connect(target, key)
    finally:
        zero(key)
    try:
        copy.execute("PRAGMA journal_mode = DELETE")
        vault.db.conn.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")
    except sqlcipher3.Error as exc:
        raise dbmod.as_domain_error(exc, target) from None
    finally:
        copy.close()
    with open(target, "rb+") as handle:
        os.fsync(handle.fileno())
    keyfile = replace(vault.keyfile, db_salt=dbmod.file_salt(target).hex())
    keystore.save(staging, keyfile)
