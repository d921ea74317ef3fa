"""A participant's export killed at the worst moment (its file on disk, the export log not yet
written) must not block the next export or give the researchers two different files with the
same number (which `research merge` refuses as conflicting snapshots)."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from .support import Sandbox, make_journal, study_prompt_set

pytestmark = pytest.mark.slow


def _kill_when_file_appears(sandbox: Sandbox, folder: Path, *args: str) -> bool:
    """Start `export`, SIGKILL it the moment a new file shows up in `folder`."""
    before = set(folder.iterdir())
    proc = sandbox.start(*args)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if set(folder.iterdir()) - before:
            os.kill(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.0005)
    proc.wait(timeout=30)
    for stream in (proc.stdout, proc.stderr):
        if stream is not None:
            stream.close()
    return proc.returncode == -signal.SIGKILL


def test_export_killed_after_its_file_appears_does_not_break_the_next(sandbox: Sandbox) -> None:
    make_journal(sandbox.journal, entries=1)
    identity_dir = sandbox.root / "study"
    identity_dir.mkdir()
    prompt_set = study_prompt_set(sandbox, identity_dir)
    for step in (
        ("prompts", "install", str(prompt_set)),
        ("consent", "--accept"),
        ("write", "--share", "--text", "a shared entry " * 400),
    ):
        assert sandbox.run(*step).code == 0
    out = sandbox.root / "outbox"
    out.mkdir()
    assert _kill_when_file_appears(sandbox, out, "export", "--yes", "-o", str(out))
    again = sandbox.run("export", "--yes", "-o", str(out))
    assert again.code == 0, again.describe()
    merged = sandbox.run(
        "research",
        "merge",
        *[str(p) for p in sorted(out.iterdir())],
        "-i",
        str(identity_dir / "study-identity.txt"),
        "-o",
        str(sandbox.root / "merged"),
        passphrase_file="",
    )
    assert merged.code == 0, merged.describe()
