"""Turn operating-system errors into the one-line messages of `peerjournal.errors`."""

from __future__ import annotations

import errno

from peerjournal import errors


def as_domain_error(exc: OSError, path: object = None) -> errors.PeerJournalError:
    """What an `OSError` means for the person (disk full, no permission...), as a domain error."""
    where = path if path is not None else (exc.filename or "the journal folder")
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return errors.StorageFull()
    if exc.errno in (errno.EACCES, errno.EPERM):
        return errors.PermissionDenied(where)
    if exc.errno == errno.EROFS:
        return errors.ReadOnlyJournal(where)
    if exc.errno == errno.ENOENT:
        return errors.PeerJournalError(f"no such file or folder: {where}")
    if exc.errno == errno.ENOTDIR:
        return errors.PeerJournalError(f"not a folder: {where}")
    return errors.PeerJournalError(f"cannot use {where}: {exc.strerror or exc}")


def describe_os_error(exc: OSError) -> str:
    """One line for an `OSError` that escaped to the face."""
    return as_domain_error(exc).message
