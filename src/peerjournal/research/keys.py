"""Study keys: an age identity file for the researchers, its public key for the prompt set."""

from __future__ import annotations

import os
from pathlib import Path

from peerjournal.errors import RefuseOverwrite
from peerjournal.export.seal import NewIdentity, generate_identity
from peerjournal.i18n import _
from peerjournal.vault import files


def write_identity_file(path: Path) -> NewIdentity:
    """Create `path` (mode 0600, never replacing a file) holding a new age identity."""
    identity = generate_identity()
    try:
        fd = os.open(path, files.NEW_FILE, files.PRIVATE_FILE)  # binary, not through a link
    except FileExistsError:
        raise RefuseOverwrite(path) from None
    try:
        with os.fdopen(fd, "w", encoding="ascii", newline="\n") as handle:
            handle.write(identity.file_text())
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return identity


def study_block_hint(public_key: str) -> str:
    """How to hand the public key to participants: a line of the prompt set's study block."""
    return _("Put it in the prompt set's `## Study` block as the line:  - age key: {key}").format(
        key=public_key
    )
