"""Signatures on exports: who wrote a snapshot, since age alone cannot say.

The study's age key is public (every copy of the prompt set holds it), so anyone can encrypt a
file "to the study". Each journal therefore makes one Ed25519 key per study, keeps the private
half inside the encrypted journal, puts the public half in every manifest (`signing_key`) and
signs the bundle (`signature`). The merge pins each participant code to the first key it saw
and refuses a snapshot or a withdrawal signed by any other key.

What is signed: the bundle's stable JSON (`bundle_to_json`) with `manifest.signature` set to
null, so the same bytes can be rebuilt from any of the three file formats.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import replace

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from peerjournal.export.bundle import Bundle, bundle_to_json

KEY_PREFIX = "ed25519:"
PRIVATE_KEY_BYTES = 32


def new_private_key() -> bytes:
    """32 fresh random bytes: the private half of a journal's key for one study."""
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def public_key_text(private: bytes) -> str:
    """The public half as the manifest spells it: 'ed25519:' + base64 of the 32 raw bytes."""
    public = Ed25519PrivateKey.from_private_bytes(private).public_key()
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return KEY_PREFIX + _b64(raw)


def signed_text(bundle: Bundle) -> bytes:
    """The exact bytes a signature covers: the bundle's stable JSON without its signature."""
    unsigned = replace(bundle, manifest=replace(bundle.manifest, signature=None))
    return bundle_to_json(unsigned).encode("utf-8")


def sign(bundle: Bundle, private: bytes) -> Bundle:
    """`bundle` with its manifest carrying this key's public half and the signature."""
    key = Ed25519PrivateKey.from_private_bytes(private)
    keyed = replace(bundle, manifest=replace(bundle.manifest, signing_key=public_key_text(private)))
    signature = key.sign(signed_text(keyed))
    return replace(keyed, manifest=replace(keyed.manifest, signature=_b64(signature)))


def _public_key(text: str) -> Ed25519PublicKey | None:
    if not text.startswith(KEY_PREFIX):
        return None
    try:
        raw = base64.b64decode(text[len(KEY_PREFIX) :], validate=True)
        return Ed25519PublicKey.from_public_bytes(raw)
    except (binascii.Error, ValueError):
        return None


def is_valid_key(text: str) -> bool:
    """Whether `text` is a public key in the manifest's spelling."""
    return _public_key(text) is not None


def verify(bundle: Bundle) -> bool:
    """Whether the bundle is signed, and its signature is right for the key its manifest names.

    A valid signature proves only that the holder of `signing_key` wrote it; which key belongs
    to which participant code is the merge's pinning (research/pins.py).
    """
    m = bundle.manifest
    if m.signing_key is None or m.signature is None:
        return False
    key = _public_key(m.signing_key)
    if key is None:
        return False
    try:
        key.verify(base64.b64decode(m.signature, validate=True), signed_text(bundle))
    except (binascii.Error, ValueError, InvalidSignature):
        return False
    return True
