"""What a locked journal may show before the passphrase: only the language of its screens.

Part of the domain layer beside `journal.py`, and light on purpose: the app reads it at launch,
before the cryptography is loaded.

Everything else a person chooses lives inside the encrypted database. The unlock screen must speak
the person's language before anything is decrypted, so the chosen language code (two or three
letters, nothing more) is kept beside the key file. SECURITY.md says what this tells a finder.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

from peerjournal.vault.files import atomic_write

LANGUAGE_NAME = "language"
_CODE = re.compile(r"[a-z]{2,3}")


def gate_language(directory: Path) -> str | None:
    """The language the journal at `directory` asks its unlock screen to speak, if any."""
    try:
        with (directory / LANGUAGE_NAME).open("rb") as handle:
            raw = handle.read(8)
    except OSError:
        return None
    code = raw.decode("ascii", "replace").strip()
    return code if _CODE.fullmatch(code) else None


def remember_gate_language(directory: Path, code: str) -> None:
    """Keep `code` for the next unlock screen; a stick that refuses the write only costs that."""
    if not _CODE.fullmatch(code):
        raise ValueError(f"not a language code: {code!r}")
    if gate_language(directory) == code:
        return
    with contextlib.suppress(OSError):
        atomic_write(directory / LANGUAGE_NAME, code.encode("ascii") + b"\n")
