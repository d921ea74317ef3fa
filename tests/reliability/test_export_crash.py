"""A participant's export killed while it writes (the moment anything appears in the output
folder, which is the hidden partial file) does not block the next export, and the folder then
merges cleanly. (Under load the kill can land a little later, after the file is linked: the same
must hold then too.)

The worse moment (the file linked into place, the export log not yet written) cannot be hit
reliably by a kill from outside; `tests/sharing/test_export_numbers.py` injects a failure exactly
there instead."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from .support import Sandbox, make_journal, study_prompt_set

pytestmark = pytest.mark.slow


def _kill_when_file_appears(sandbox: Sandbox, folder: Path, *args: str) -> bool:
    """Start `export`, SIGKILL it the moment a new file (the hidden partial) shows up."""
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


def test_export_killed_while_writing_does_not_break_the_next(sandbox: Sandbox) -> None:
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
