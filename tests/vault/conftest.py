"""Real SQLCipher journals in temp dirs."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerjournal.journal import Journal
from tests.helpers import FAST_KDF, pw


@pytest.fixture
def journal_dir(tmp_path: Path) -> Path:
    return tmp_path / "journal"


@pytest.fixture
def journal(journal_dir: Path):
    j, _ = Journal.create(journal_dir, pw(), kdf=FAST_KDF)
    yield j
    j.close()
