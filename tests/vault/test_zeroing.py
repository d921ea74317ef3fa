"""Key material is overwritten as soon as it has been used (SECURITY.md, docs/reliability.md).

Each test keeps a reference to a buffer the code makes (by wrapping the real function that makes
it, which still runs), lets the code finish, and demands that every byte of that buffer is zero.
Python's immutable copies (bytes handed to a C library) cannot be zeroed; these are the buffers
the code owns and promises to clear.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from peerjournal.journal import Journal
from peerjournal.vault import db as dbmod
from peerjournal.vault import keyslots
from tests.helpers import FAST_KDF, pw


def keep_results(monkeypatch, owner: object, name: str) -> list[bytearray]:
    """Replace `owner.name` by a wrapper that returns the real result and remembers it."""
    real: Callable[..., bytearray] = getattr(owner, name)
    kept: list[bytearray] = []

    def wrapper(*args, **kwargs):
        result = real(*args, **kwargs)
        if isinstance(result, bytearray):
            kept.append(result)
        return result

    monkeypatch.setattr(owner, name, wrapper)
    return kept


def all_zero(buffers: list[bytearray]) -> bool:
    return all(len(b) > 0 and not any(b) for b in buffers)


def test_connect_zeroes_the_raw_key_text_it_hands_to_sqlcipher(monkeypatch, tmp_path: Path):
    kept = keep_results(monkeypatch, dbmod, "raw_key")
    conn = dbmod.connect(tmp_path / "journal.db", keyslots.new_data_key())
    conn.close()
    assert len(kept) == 1 and all_zero(kept), "the x'<hex>' key form was left in memory"


def test_a_rejected_key_is_zeroed_too(monkeypatch, tmp_path: Path):
    path = tmp_path / "journal.db"
    dbmod.connect(path, keyslots.new_data_key()).close()
    kept = keep_results(monkeypatch, dbmod, "raw_key")
    with pytest.raises(dbmod.KeyRejected):
        dbmod.connect(path, keyslots.new_data_key())
    assert len(kept) == 1 and all_zero(kept)


def test_seal_and_open_slot_zero_the_wrapping_key(monkeypatch):
    kept = keep_results(monkeypatch, keyslots, "derive")
    data_key = keyslots.new_data_key()
    slot = keyslots.seal(data_key, pw(), "journal-id", keyslots.PASSPHRASE, FAST_KDF)
    assert len(kept) == 1 and all_zero(kept), "seal left the wrapping key in memory"
    assert keyslots.open_slot(slot, pw(), "journal-id") == data_key
    assert len(kept) == 2 and all_zero(kept), "open_slot left the wrapping key in memory"
    assert keyslots.open_slot(slot, pw("not it"), "journal-id") is None
    assert len(kept) == 3 and all_zero(kept), "a wrong secret's wrapping key was left in memory"


def test_the_recovery_code_secret_is_zeroed_when_made_and_when_used(monkeypatch, tmp_path: Path):
    directory = tmp_path / "journal"
    kept = keep_results(monkeypatch, keyslots, "normalise_recovery_code")
    journal, code = Journal.create(directory, pw(), kdf=FAST_KDF, with_recovery_code=True)
    journal.close()
    assert code and len(kept) == 1 and all_zero(kept), "new_recovery_code kept the secret"
    Journal.open_with_recovery_code(directory, code).close()
    assert len(kept) == 2 and all_zero(kept), "open_with_recovery_code kept the secret"


def test_rekey_zeroes_the_old_key_the_new_key_text_and_the_new_code(monkeypatch, tmp_path: Path):
    journal, _ = Journal.create(tmp_path / "journal", pw(), kdf=FAST_KDF, with_recovery_code=True)
    old_key = journal._vault._data_key
    assert old_key is not None
    raw_forms = keep_results(monkeypatch, dbmod, "raw_key")
    codes = keep_results(monkeypatch, keyslots, "normalise_recovery_code")
    try:
        assert journal.rekey(pw()) is not None
        assert not any(old_key), "the replaced data key was left in memory"
        assert len(raw_forms) == 1 and all_zero(raw_forms), "the rekey key text was left"
        assert len(codes) == 1 and all_zero(codes), "the new recovery code's secret was left"
    finally:
        journal.close()
