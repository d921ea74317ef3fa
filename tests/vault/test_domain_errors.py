"""Domain errors are for every face: the TUI shows them too, so they name no command or flag.
The CLI adds its own pointers (tests/cli)."""

from __future__ import annotations

import pytest

from peerjournal import errors
from peerjournal.journal import Journal


def assert_face_neutral(message: str) -> None:
    assert "peerjournal " not in message and "--" not in message and "`" not in message, message


def test_an_unknown_entry_id_names_no_command(journal: Journal):
    with pytest.raises(errors.EntryNotFound) as caught:
        journal.entries.get("ffffffff")
    assert caught.value.entry_id == "ffffffff"
    assert_face_neutral(caught.value.message)


def test_a_prompt_without_a_session_names_no_flag(journal: Journal):
    with pytest.raises(errors.UsageError) as caught:
        journal.prompt_link(None, 1)
    assert_face_neutral(caught.value.message)


def test_a_wrong_secret_says_which_secret(journal_dir, journal: Journal):
    journal.close()
    with pytest.raises(errors.WrongPassphrase):
        Journal.open(journal_dir, bytearray(b"not it"))
    with pytest.raises(errors.NoRecoveryCode):
        Journal.open_with_recovery_code(journal_dir, "ABCD-EFGH-JKMN-PQRS-TVWX-YZ23-45")
