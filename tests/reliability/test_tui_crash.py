"""The app itself (TUI), killed with SIGKILL while someone is writing: the autosaved draft is
there on the next unlock, and the typed text never reached the disk in plaintext."""

from __future__ import annotations

import secrets

import pytest

from .support import PASSPHRASE, Sandbox, find_canary, kill_hard, make_journal, open_journal

pytestmark = pytest.mark.slow


def test_killed_app_keeps_the_draft_and_leaks_nothing(sandbox: Sandbox) -> None:
    canary = f"zqtuicanary{secrets.token_hex(4)}"
    make_journal(sandbox.journal, entries=1)
    proc = sandbox.driver("tui_writer.py", str(sandbox.journal), PASSPHRASE, canary)
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline().decode().strip() for _ in range(2)]
        if lines[0] != "R" or not lines[1].startswith("C draft"):
            kill_hard(proc)
            assert proc.stderr is not None
            raise AssertionError(f"the app did not autosave: {lines}")
        assert find_canary(sandbox.scan_roots(), canary) == [], "plaintext while writing"
    finally:
        kill_hard(proc)
    assert find_canary(sandbox.scan_roots(), canary) == [], "plaintext after the kill"
    with open_journal(sandbox.journal) as journal:
        drafts = journal.drafts.list()
        assert any(canary in d.body for d in drafts), "the autosaved draft was lost"
    check = sandbox.run("check")
    assert check.code == 0, check.describe()


def test_a_crash_prints_one_line_without_content_and_keeps_the_draft(sandbox: Sandbox) -> None:
    """Textual's own report shows a traceback with local variables after the app leaves the
    alternate screen, so journal text stayed in the scrollback: now one line, after saving."""
    canary = f"zqcrashcanary{secrets.token_hex(4)}"
    make_journal(sandbox.journal, entries=1)
    proc = sandbox.driver("tui_crasher.py", str(sandbox.journal), PASSPHRASE, canary)
    try:
        out, err = proc.communicate(timeout=120)
    finally:
        kill_hard(proc)
    printed = (out + err).decode("utf-8", "replace")
    assert proc.returncode == 1, printed[-2000:]
    assert canary not in printed, "journal text reached the terminal in the crash report"
    assert "Traceback" not in printed and "locals" not in printed
    lines = [line for line in err.decode().splitlines() if line.strip()]
    assert len(lines) == 1 and "RuntimeError" in lines[0] and "draft" in lines[0], lines
    with open_journal(sandbox.journal) as journal:
        assert any(canary in d.body for d in journal.drafts.list()), "the draft was not saved"
