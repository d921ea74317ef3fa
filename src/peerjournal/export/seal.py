"""age encryption of exports (pyrage), interoperable with the `age` command-line tool.

Participants encrypt to the study's X25519 recipient (`age1...`, from the prompt set's study
block); researchers decrypt with their identity file (`AGE-SECRET-KEY-1...` lines, as written by
`age-keygen` or `peerjournal research keygen`). Wrong keys and damaged files become one-line errors.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pyrage

from peerjournal.errors import (
    BadIdentityFile,
    BadRecipient,
    DamagedAgeFile,
    NotAnAgeFile,
    WrongIdentity,
)

AGE_HEADERS = (b"age-encryption.org/v1\n", b"-----BEGIN AGE ENCRYPTED FILE-----")
MAX_IDENTITY_FILE = 1 << 20


def parse_recipient(recipient: str) -> pyrage.x25519.Recipient:
    """The study key as a pyrage recipient, or `BadRecipient`."""
    text = recipient.strip()
    if not text.startswith("age1"):
        raise BadRecipient(text)
    try:
        return pyrage.x25519.Recipient.from_str(text)
    except (pyrage.RecipientError, ValueError):
        raise BadRecipient(text) from None


def recipient_fingerprint(recipient: str) -> str:
    """A short, stable name of a study key for manifests and export logs: sha256, 16 hex digits."""
    digest = hashlib.sha256(recipient.strip().encode("ascii", "replace")).hexdigest()
    return f"sha256:{digest[:16]}"


def seal(data: bytes, recipient: str) -> bytes:
    """`data` encrypted to `recipient` in age's binary format (what `age -r` writes)."""
    return pyrage.encrypt(data, [parse_recipient(recipient)])


def is_sealed(data: bytes) -> bool:
    """Whether `data` starts like an age file (binary or armored)."""
    return data.startswith(AGE_HEADERS)


def unseal(data: bytes, identities: list[pyrage.x25519.Identity], name: str | None = None) -> bytes:
    """Decrypt an age file (binary or armored) with any of `identities`; one-line errors."""
    if not is_sealed(data):
        raise NotAnAgeFile(name)
    try:
        return pyrage.decrypt(data, identities)
    except ValueError:
        raise DamagedAgeFile(name) from None
    except pyrage.DecryptError as exc:
        if "no matching keys" in str(exc).lower():
            raise WrongIdentity(name) from None
        raise DamagedAgeFile(name) from None


@dataclass(frozen=True)
class NewIdentity:
    """A fresh study key pair: the secret for the identity file, the public key for prompt sets."""

    secret: str
    public: str

    def file_text(self) -> str:
        """The identity file in age-keygen's layout (comment lines, then the secret key)."""
        created = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
        return f"# created: {created}\n# public key: {self.public}\n{self.secret}\n"


def generate_identity() -> NewIdentity:
    identity = pyrage.x25519.Identity.generate()
    return NewIdentity(secret=str(identity), public=str(identity.to_public()))


def load_identities(path: Path) -> list[pyrage.x25519.Identity]:
    """The X25519 identities in an age identity file (comments and blank lines skipped)."""
    name = str(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_IDENTITY_FILE + 1)
        text = raw.decode("utf-8")
    except UnicodeError:
        raise BadIdentityFile(name) from None
    if len(raw) > MAX_IDENTITY_FILE:
        raise BadIdentityFile(name)
    keys = [line.strip() for line in text.splitlines()]
    keys = [k for k in keys if k and not k.startswith("#")]
    if not keys or not all(k.startswith("AGE-SECRET-KEY-1") for k in keys):
        raise BadIdentityFile(name)
    try:
        return [pyrage.x25519.Identity.from_str(k) for k in keys]
    except (pyrage.IdentityError, ValueError):
        raise BadIdentityFile(name) from None
