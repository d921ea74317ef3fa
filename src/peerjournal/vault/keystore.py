"""Reading and writing the key file, with its backup copy.

Order of writes: the main file first, then the backup, each atomically. A crash between the two
leaves a valid main file; the next open notices the stale backup and refreshes it. The backup is
never older than one change, so an old passphrase stops working at the next open at the latest.
"""

from __future__ import annotations

from pathlib import Path

from peerjournal import errors
from peerjournal.vault import keyslots
from peerjournal.vault.files import atomic_write

KEY_NAME = "keyslots.json"
BACKUP_NAME = "keyslots.json.bak"


def key_path(directory: Path) -> Path:
    return directory / KEY_NAME


def backup_path(directory: Path) -> Path:
    return directory / BACKUP_NAME


def exists(directory: Path) -> bool:
    return key_path(directory).exists() or backup_path(directory).exists()


def load(directory: Path) -> tuple[keyslots.KeyFile, bool]:
    """The key file, and whether it came from the backup because the main one was unusable."""
    main, backup = key_path(directory), backup_path(directory)
    problem = None
    if main.exists():
        try:
            return keyslots.loads(_read(main)), False
        except keyslots.KeyFileFormatError as exc:
            problem = str(exc)
    if backup.exists():
        try:
            return keyslots.loads(_read(backup)), True
        except keyslots.KeyFileFormatError as exc:
            problem = problem or str(exc)
    if problem is None:
        raise errors.KeyFileMissing(main)
    raise errors.KeyFileDamaged(main, problem)


def load_backup(directory: Path) -> keyslots.KeyFile | None:
    """The backup copy alone, or None when it is missing or unreadable."""
    try:
        return keyslots.loads(backup_path(directory).read_bytes())
    except (OSError, keyslots.KeyFileFormatError):
        return None


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except PermissionError:
        raise errors.PermissionDenied(path) from None


def save(directory: Path, keyfile: keyslots.KeyFile) -> None:
    """Write the key file and then its backup, each atomically."""
    data = keyslots.dumps(keyfile)
    atomic_write(key_path(directory), data)
    atomic_write(backup_path(directory), data)


def refresh_backup(directory: Path) -> None:
    """Make the backup equal to the main file (after a crash between the two writes)."""
    main = key_path(directory)
    if not main.exists():
        return
    data = main.read_bytes()
    try:
        keyslots.loads(data)
    except keyslots.KeyFileFormatError:
        return  # never copy a damaged main file over a good backup
    backup = backup_path(directory)
    if not backup.exists() or backup.read_bytes() != data:
        atomic_write(backup, data)
