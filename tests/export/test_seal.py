"""age sealing: round trips, one-line failures, and interoperability with the `age` tool."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerjournal.errors import (
    BadIdentityFile,
    BadRecipient,
    DamagedAgeFile,
    NotAnAgeFile,
    WrongIdentity,
)
from peerjournal.export.seal import (
    generate_identity,
    load_identities,
    recipient_fingerprint,
    seal,
    unseal,
)
from peerjournal.research.keys import write_identity_file

AGE = shutil.which("age")
needs_age = pytest.mark.skipif(AGE is None, reason="the age command-line tool is not installed")


@pytest.fixture
def identity_file(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "study.key"
    return path, write_identity_file(path).public


def test_round_trip(identity_file: tuple[Path, str]) -> None:
    path, public = identity_file
    sealed = seal(b"shared items", public)
    assert sealed.startswith(b"age-encryption.org/v1\n") and b"shared items" not in sealed
    assert unseal(sealed, load_identities(path)) == b"shared items"


def test_wrong_identity_is_one_clear_error(identity_file: tuple[Path, str]) -> None:
    _, public = identity_file
    other = generate_identity()
    other_file = identity_file[0].with_name("other.key")
    other_file.write_text(other.file_text())
    with pytest.raises(WrongIdentity, match="not encrypted to this identity"):
        unseal(seal(b"x", public), load_identities(other_file), "e.age")


def test_not_age_and_damaged_files(identity_file: tuple[Path, str]) -> None:
    path, public = identity_file
    ids = load_identities(path)
    with pytest.raises(NotAnAgeFile):
        unseal(b"hello", ids, "notes.txt")
    sealed = seal(b"x" * 1000, public)
    for damaged in (sealed[:60], sealed[:-5], sealed[:-20] + b"\0" * 20):
        with pytest.raises(DamagedAgeFile):
            unseal(damaged, ids, "e.age")


@pytest.mark.parametrize("recipient", ["", "age1", "age1notbech32", "ssh-ed25519 AAAA", "x" * 300])
def test_bad_recipient(recipient: str) -> None:
    with pytest.raises(BadRecipient):
        seal(b"x", recipient)


@pytest.mark.parametrize(
    "content", [b"", b"# only a comment\n", b"AGE-SECRET-KEY-1NOTVALID\n", b"\xff\xfe", b"age1abc"]
)
def test_bad_identity_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.key"
    path.write_bytes(content)
    with pytest.raises(BadIdentityFile):
        load_identities(path)


def test_fingerprint_is_short_stable_and_distinct() -> None:
    a, b = generate_identity().public, generate_identity().public
    assert recipient_fingerprint(a) == recipient_fingerprint(f" {a}\n")
    assert recipient_fingerprint(a) != recipient_fingerprint(b)
    assert len(recipient_fingerprint(a)) == len("sha256:") + 16


@needs_age
def test_age_tool_decrypts_what_we_seal(identity_file: tuple[Path, str], tmp_path: Path) -> None:
    path, public = identity_file
    sealed = tmp_path / "export.jsonl.age"
    sealed.write_bytes(seal("données partagées 🌱".encode(), public))
    out = subprocess.run(
        [AGE, "-d", "-i", str(path), str(sealed)], capture_output=True, check=True, timeout=30
    )
    assert out.stdout.decode() == "données partagées 🌱"


@needs_age
def test_we_decrypt_what_the_age_tool_seals(
    identity_file: tuple[Path, str], tmp_path: Path
) -> None:
    path, public = identity_file
    for armor in ([], ["-a"]):
        out = subprocess.run(
            [AGE, *armor, "-r", public],
            input=b"from age",
            capture_output=True,
            check=True,
            timeout=30,
        )
        assert unseal(out.stdout, load_identities(path)) == b"from age"


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300), st.sampled_from([b"age-encryption.org/v1\n", b""]))
def test_fuzzed_files_give_only_one_line_errors(tail: bytes, head: bytes) -> None:
    identity = generate_identity()
    from pyrage import x25519

    with contextlib.suppress(NotAnAgeFile, WrongIdentity, DamagedAgeFile):
        unseal(head + tail, [x25519.Identity.from_str(identity.secret)], "fuzzed.age")
