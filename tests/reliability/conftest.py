"""Isolated homes, a cheap template journal, and a CLI runner that uses a real subprocess.

The CLI runs as `python -m peerjournal` in a child process so that anything written straight to
file descriptor 2 (SQLCipher's C code, a stray traceback) is seen exactly as a person would see it.
Every child gets its own HOME, XDG_* folders and TMPDIR under the test's tmp dir, so the leak
scans look at everything the program could have touched.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .support import (
    PASSPHRASE,
    Sandbox,
    make_journal,
)


@pytest.fixture(scope="session")
def template_journal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One journal with three entries and a recovery code, made once and copied per test."""
    root = tmp_path_factory.mktemp("template")
    directory = root / "journal"
    code = make_journal(directory, entries=3, recovery=True)
    (root / "recovery-code").write_text(code + "\n")
    return directory


@pytest.fixture
def sandbox(tmp_path: Path) -> Sandbox:
    return Sandbox.make(tmp_path)


@pytest.fixture
def journal(sandbox: Sandbox, template_journal: Path) -> Path:
    """A fresh copy of the template journal inside the sandbox (passphrase: PASSPHRASE)."""
    target = sandbox.journal
    shutil.copytree(template_journal, target)
    shutil.copy(template_journal.parent / "recovery-code", sandbox.root / "recovery-code")
    return target


__all__ = ["PASSPHRASE"]
