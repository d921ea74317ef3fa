"""Fixtures for driving the whole app (make_app) on real journals in temp folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerjournal.journal import Journal
from peerjournal.promptset import find_shipped
from tests.helpers import FAST_KDF, pw


@pytest.fixture
def new_dir(tmp_path) -> Path:
    """A folder where no journal exists yet (first run)."""
    return tmp_path / "journal"


@pytest.fixture
def journal_dir(tmp_path) -> Path:
    """A closed journal with the shipped prompt set installed; opens with PASSPHRASE."""
    directory = tmp_path / "journal"
    journal, _ = Journal.create(directory, pw(), kdf=FAST_KDF)
    with journal:
        journal.program.install(find_shipped("peer-advocate-training", "en"))
    return directory


@pytest.fixture
def bare_dir(tmp_path) -> Path:
    """A closed journal with no prompt set."""
    directory = tmp_path / "bare"
    journal, _ = Journal.create(directory, pw(), kdf=FAST_KDF)
    journal.close()
    return directory
