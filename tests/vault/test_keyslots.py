from __future__ import annotations

import pytest

from peerjournal.errors import UsageError
from peerjournal.vault import keyslots
from tests.helpers import FAST_KDF


def test_seal_and_open_round_trip_and_wrong_secret_fails():
    key = keyslots.new_data_key()
    slot = keyslots.seal(key, b"right", "jid", keyslots.PASSPHRASE, FAST_KDF)
    assert keyslots.open_slot(slot, b"right", "jid") == key
    assert keyslots.open_slot(slot, b"wrong", "jid") is None


def test_slot_is_bound_to_its_journal():
    key = keyslots.new_data_key()
    slot = keyslots.seal(key, b"right", "journal-a", keyslots.PASSPHRASE, FAST_KDF)
    assert keyslots.open_slot(slot, b"right", "journal-b") is None


def test_keyfile_serialisation_round_trip():
    key = keyslots.new_data_key()
    slot = keyslots.seal(key, b"s", "jid", keyslots.RECOVERY, FAST_KDF, pending=True)
    kf = keyslots.KeyFile(journal_id="jid", db_salt="00ff", slots=(slot,))
    again = keyslots.loads(keyslots.dumps(kf))
    assert again == kf


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"{",
        b"[]",
        b'{"format": "x"}',
        b"\xff\xfe",
        b'{"format": "peerjournal-keyslots", "version": 1, "slots": []}',
    ],
)
def test_damaged_keyfile_is_a_format_error(data):
    with pytest.raises(keyslots.KeyFileFormatError):
        keyslots.loads(data)


def test_kdf_floor_is_enforced():
    with pytest.raises(UsageError):
        keyslots.KdfParams(memory_kib=8 * 1024, iterations=3).check_floor()
    with pytest.raises(UsageError):
        keyslots.KdfParams(memory_kib=64 * 1024, iterations=1).check_floor()
    keyslots.KDF_FLOOR.check_floor()
    assert keyslots.KDF_DEFAULT.memory_kib >= 64 * 1024 and keyslots.KDF_DEFAULT.iterations >= 3


def test_recovery_codes_are_long_grouped_and_forgiving():
    code = keyslots.new_recovery_code()
    groups = code.split("-")
    assert all(1 <= len(g) <= 4 for g in groups)
    assert len(code.replace("-", "")) * 5 >= 128
    typed = code.lower().replace("-", " ").replace("0", "o")
    assert keyslots.normalise_recovery_code(typed) == keyslots.normalise_recovery_code(code)
    with pytest.raises(UsageError):
        keyslots.normalise_recovery_code("too-short")
    assert keyslots.new_recovery_code() != code


def test_key_file_problems_speak_the_chosen_language():
    """The damage a person is told about (KeyFileDamaged shows it) follows the chosen language."""
    from peerjournal import i18n

    i18n.set_language("fr")
    with pytest.raises(keyslots.KeyFileFormatError, match=r"^ce n’est pas du JSON lisible$"):
        keyslots.loads(b"\xff not json")
    with pytest.raises(UsageError, match=r"^ce n’est pas un code de récupération"):
        keyslots.normalise_recovery_code("abc")
