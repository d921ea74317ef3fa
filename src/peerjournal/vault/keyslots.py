"""Key slots: the journal's random data key, wrapped under keys derived from what the person knows.

LUKS-style: the database is encrypted with a random 256-bit data key that never changes when the
passphrase does. Each slot holds that data key sealed with AES-256-GCM under a key derived with
Argon2id from a secret (the passphrase, or the recovery code). Changing a passphrase rewraps one
slot; only `rekey` replaces the data key. This is the only module that derives keys.

The key file is JSON so that a person restoring a backup can see what it is; it holds no entry text.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import asdict, dataclass, field, replace
from enum import StrEnum

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from peerjournal.errors import UsageError
from peerjournal.i18n import _, ngettext
from peerjournal.vault.files import zero

FORMAT = "peerjournal-keyslots"
FORMAT_VERSION = 1
DATA_KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12


class SlotKind(StrEnum):
    """Which secret a key slot opens with (its value is stored in keyslots.json)."""

    PASSPHRASE = "passphrase"
    RECOVERY = "recovery"


PASSPHRASE = SlotKind.PASSPHRASE
RECOVERY = SlotKind.RECOVERY

# Crockford's base32: no I, L, O, U, so a code copied by hand is hard to misread.
RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_CHARS = 26  # 130 bits
RECOVERY_GROUP = 4


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. Memory buys more resistance per second of waiting than passes do."""

    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4

    def check_floor(self) -> None:
        """Refuse settings below the OWASP floor (19 MiB, 2 passes)."""
        if self.memory_kib < KDF_FLOOR.memory_kib or self.iterations < KDF_FLOOR.iterations:
            raise UsageError(
                _(
                    "key derivation settings are too weak: "
                    "use at least 19 MiB of memory and 2 passes"
                )
            )
        if self.lanes < 1 or self.memory_kib < 8 * self.lanes:
            raise UsageError(
                _("key derivation lanes must be at least 1 and fit in the memory given")
            )


KDF_DEFAULT = KdfParams()
KDF_FLOOR = KdfParams(memory_kib=19 * 1024, iterations=2, lanes=1)
# What a key file may ask for at all. Beyond these, a slot is refused on load with one line
# (a planted 2^32 KiB or 2^31-pass slot would otherwise be a MemoryError or a hang).
KDF_CEILING = KdfParams(memory_kib=4 * 1024 * 1024, iterations=64, lanes=64)
SALT_RANGE = (16, 64)


@dataclass(frozen=True)
class Keyslot:
    """One sealed copy of a data key. `pending` marks the new key of an unfinished rekey."""

    kind: SlotKind
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    sealed: bytes
    pending: bool = False


@dataclass(frozen=True)
class KeyFile:
    """The parsed key file: which journal it belongs to, and its slots."""

    journal_id: str
    db_salt: str | None
    slots: tuple[Keyslot, ...] = field(default_factory=tuple)

    def has(self, kind: SlotKind) -> bool:
        return any(s.kind == kind and not s.pending for s in self.slots)

    def without_pending(self) -> KeyFile:
        return replace(self, slots=tuple(s for s in self.slots if not s.pending))


class KeyFileFormatError(ValueError):
    """The key file's bytes are not a key file this version understands."""


class KdfOutOfBounds(KeyFileFormatError):
    """A slot asks for a key derivation cost (or salt) outside what any journal is sealed with."""

    def __init__(self, message: str) -> None:
        # The whole sentence comes from the caller, so that each language can word it (and count).
        super().__init__(message)


# os.urandom rather than `secrets`/`uuid`: the same OS randomness, without loading hashlib's
# OpenSSL before the key derivation (unlocking is memory-bound; see benchmarks/RESULTS.md).


def new_journal_id() -> str:
    return os.urandom(16).hex()


def new_data_key() -> bytearray:
    return bytearray(os.urandom(DATA_KEY_BYTES))


def strongest(*costs: KdfParams) -> KdfParams:
    """Each part of the cost at its highest among `costs`: what a new seal uses, so that a weak
    slot planted in the key file never lowers what the journal's secrets are sealed with."""
    return KdfParams(
        memory_kib=max(c.memory_kib for c in costs),
        iterations=max(c.iterations for c in costs),
        lanes=max(c.lanes for c in costs),
    )


def derive(secret: bytes | bytearray, salt: bytes, params: KdfParams) -> bytearray:
    """The wrapping key for `secret`; slow on purpose (Argon2id). Derived straight into a
    bytearray the caller zeroes (no immutable `bytes` copy), where `cryptography` allows it."""
    kdf = Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    out = bytearray(32)
    derive_into = getattr(kdf, "derive_into", None)
    if derive_into is not None:
        derive_into(secret, out)
    else:  # cryptography < 47: one bytes copy we cannot zero
        out[:] = kdf.derive(bytes(secret))
    return out


def _aad(journal_id: str, kind: SlotKind) -> bytes:
    # Binding the journal and slot kind stops a slot being moved between journals or kinds.
    return f"{FORMAT}/{journal_id}/{kind}".encode()


def seal(
    data_key: bytearray,
    secret: bytes | bytearray,
    journal_id: str,
    kind: SlotKind,
    params: KdfParams = KDF_DEFAULT,
    *,
    pending: bool = False,
) -> Keyslot:
    """Wrap `data_key` under a key derived from `secret`."""
    salt = os.urandom(SALT_BYTES)
    nonce = os.urandom(NONCE_BYTES)
    wrapping = derive(secret, salt, params)
    try:
        sealed = AESGCM(wrapping).encrypt(nonce, data_key, _aad(journal_id, kind))
    finally:
        zero(wrapping)
    return Keyslot(kind=kind, kdf=params, salt=salt, nonce=nonce, sealed=sealed, pending=pending)


def open_slot(slot: Keyslot, secret: bytes | bytearray, journal_id: str) -> bytearray | None:
    """The data key in `slot`, or None when `secret` is not the one it was sealed with."""
    wrapping = derive(secret, slot.salt, slot.kdf)
    plain = bytearray(DATA_KEY_BYTES)
    try:
        aead = AESGCM(wrapping)
        decrypt_into = getattr(aead, "decrypt_into", None)
        if decrypt_into is not None:
            decrypt_into(slot.nonce, slot.sealed, _aad(journal_id, slot.kind), plain)
        else:  # cryptography < 47: one bytes copy we cannot zero
            plain[:] = aead.decrypt(slot.nonce, slot.sealed, _aad(journal_id, slot.kind))
    except InvalidTag:
        zero(plain)
        return None
    finally:
        zero(wrapping)
    return plain


def unlock(
    keyfile: KeyFile, secret: bytes | bytearray, kind: SlotKind
) -> list[tuple[bytearray, bool, KdfParams]]:
    """Every data key `secret` opens among the slots of `kind`, settled keys first, each with
    whether its slot is pending and the cost of the slot that opened it.

    Usually one; two while a rekey is unfinished (old key settled, new key pending), and the
    caller tries each against the database.
    """
    found = []
    for slot in sorted(keyfile.slots, key=lambda s: s.pending):
        if slot.kind == kind:
            key = open_slot(slot, secret, keyfile.journal_id)
            if key is not None:
                found.append((key, slot.pending, slot.kdf))
    return found


# -- recovery codes ---------------------------------------------------------------------------


def new_recovery_code() -> str:
    """A random code of about 128 bits, in groups of four that are easy to copy by hand."""
    # 256 is a multiple of the alphabet's 32 letters, so `byte % 32` picks each one evenly.
    alphabet = RECOVERY_ALPHABET
    chars = "".join(alphabet[b % len(alphabet)] for b in os.urandom(RECOVERY_CHARS))
    groups = [chars[i : i + RECOVERY_GROUP] for i in range(0, len(chars), RECOVERY_GROUP)]
    return "-".join(groups)


def normalise_recovery_code(text: str) -> bytearray:
    """A recovery code as typed, made canonical: case, dashes, spaces and look-alikes forgiven."""
    cleaned = text.upper().translate(str.maketrans("OIL", "011"))
    cleaned = "".join(ch for ch in cleaned if ch not in " -\t\r\n")
    if len(cleaned) != RECOVERY_CHARS or any(ch not in RECOVERY_ALPHABET for ch in cleaned):
        raise UsageError(
            _(
                "that is not a recovery code: it should be {count} letters and digits "
                "in groups of four, like ABCD-EFGH-..."
            ).format(count=RECOVERY_CHARS)
        )
    return bytearray(cleaned.encode("ascii"))


# -- (de)serialisation ------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def dumps(keyfile: KeyFile) -> bytes:
    """The key file as JSON bytes."""
    doc = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "journal_id": keyfile.journal_id,
        "db_salt": keyfile.db_salt,
        "slots": [
            {
                "kind": s.kind,
                "pending": s.pending,
                "kdf": {"name": "argon2id", **asdict(s.kdf)},
                "aead": "aes-256-gcm",
                "salt": _b64(s.salt),
                "nonce": _b64(s.nonce),
                "sealed": _b64(s.sealed),
            }
            for s in keyfile.slots
        ],
    }
    return (json.dumps(doc, indent=2) + "\n").encode("utf-8")


def loads(data: bytes) -> KeyFile:
    """Parse key file bytes; any damage raises `KeyFileFormatError` with what is wrong."""
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise KeyFileFormatError(_("not readable JSON")) from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise KeyFileFormatError(_("not a peerjournal key file"))
    if doc.get("version") != FORMAT_VERSION:
        raise KeyFileFormatError(
            _("key file version {version} is not supported").format(
                version=repr(doc.get("version"))
            )
        )
    try:
        slots = tuple(_slot_from(s) for s in doc["slots"])
        journal_id = str(doc["journal_id"])
        db_salt = doc.get("db_salt")
    except KeyFileFormatError:
        raise
    except (KeyError, TypeError, ValueError) as exc:
        raise KeyFileFormatError(_("a key slot is incomplete")) from exc
    if not slots:
        raise KeyFileFormatError(_("it holds no key slot"))
    return KeyFile(journal_id=journal_id, db_salt=db_salt, slots=slots)


def _slot_from(doc: dict) -> Keyslot:
    kdf = doc["kdf"]
    if kdf.get("name") != "argon2id" or doc.get("aead") != "aes-256-gcm":
        raise ValueError("unknown algorithm")
    params = KdfParams(int(kdf["memory_kib"]), int(kdf["iterations"]), int(kdf["lanes"]))
    check_bounds(params)
    slot = Keyslot(
        kind=SlotKind(doc["kind"]),
        kdf=params,
        salt=base64.b64decode(doc["salt"], validate=True),
        nonce=base64.b64decode(doc["nonce"], validate=True),
        sealed=base64.b64decode(doc["sealed"], validate=True),
        pending=bool(doc.get("pending", False)),
    )
    if len(slot.nonce) != NONCE_BYTES or len(slot.sealed) != DATA_KEY_BYTES + 16:
        raise ValueError("wrong sizes")
    if not SALT_RANGE[0] <= len(slot.salt) <= SALT_RANGE[1]:
        raise KdfOutOfBounds(
            ngettext(
                "a key slot asks for a salt of {count} byte, outside what any journal uses",
                "a key slot asks for a salt of {count} bytes, outside what any journal uses",
                len(slot.salt),
            ).format(count=len(slot.salt))
        )
    return slot


def check_bounds(params: KdfParams) -> None:
    """Refuse a cost no journal of ours was sealed with: beyond the ceiling (a hang, or memory
    the computer lacks) or below what Argon2id accepts."""
    ceiling = KDF_CEILING
    if not 8 * max(params.lanes, 1) <= params.memory_kib <= ceiling.memory_kib:
        raise KdfOutOfBounds(
            _("a key slot asks for {count} KiB of memory, outside what any journal uses").format(
                count=params.memory_kib
            )
        )
    if not 1 <= params.iterations <= ceiling.iterations:
        raise KdfOutOfBounds(
            ngettext(
                "a key slot asks for {count} pass, outside what any journal uses",
                "a key slot asks for {count} passes, outside what any journal uses",
                params.iterations,
            ).format(count=params.iterations)
        )
    if not 1 <= params.lanes <= ceiling.lanes:
        raise KdfOutOfBounds(
            ngettext(
                "a key slot asks for {count} lane, outside what any journal uses",
                "a key slot asks for {count} lanes, outside what any journal uses",
                params.lanes,
            ).format(count=params.lanes)
        )
