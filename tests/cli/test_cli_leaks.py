"""Issue 10 on the command line: what a person writes, searches for or hides stays out of the
shell history, the process list and the scrollback. Run on a real pseudo-terminal."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.cli.conftest import Cli
from tests.cli.terminal import Terminal
from tests.helpers import FAST_KDF_ARGS, PASSPHRASE

pytestmark = pytest.mark.slow

ALT_ON, ALT_OFF = b"\x1b[?1049h", b"\x1b[?1049l"


def _env(root: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    return {
        **env,
        "LANG": "C.UTF-8",
        "TERM": "xterm",
        "PEERJOURNAL_DIR": str(root / "journal"),
        "PEERJOURNAL_PASSPHRASE_FILE": str(root / "pass"),
    }


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "pass").write_text(PASSPHRASE + "\n")
    return tmp_path


def _code_in(text: str) -> str:
    return next(w for w in text.split() if w.count("-") >= 5 and len(w) > 20)


def test_a_new_recovery_code_shows_on_the_alternate_screen_only(root: Path):
    term = Terminal("init", "--recovery-code", *FAST_KDF_ARGS, env=_env(root))
    term.expect("Press Enter")
    term.send("")
    assert term.wait() == 0, term.text
    code = _code_in(term.text)
    shown, after = term.raw.split(ALT_OFF, 1)
    assert ALT_ON in shown and code.encode() in shown.split(ALT_ON, 1)[1]
    assert code.encode() not in shown.split(ALT_ON, 1)[0] + after  # not in the scrollback
    assert b"shown once" in after
    recovery = root / "code"
    recovery.write_text(code + "\n")
    (root / "new").write_text("a second quiet place\n")
    Cli(root / "journal", root / "pass").ok(
        "passwd", "--recovery-code-file", str(recovery), "--new-passphrase-file", str(root / "new")
    )


def test_print_code_puts_it_on_stdout_when_asked(root: Path):
    Cli(root / "journal", root / "pass").ok("init", "--no-recovery-code", *FAST_KDF_ARGS)
    term = Terminal("recovery-code", "--print-code", env=_env(root))
    assert term.wait() == 0, term.text
    assert ALT_ON not in term.raw and _code_in(term.text)


def test_content_given_as_an_argument_is_flagged_and_prompts_do_not_echo(root: Path):
    cli = Cli(root / "journal", root / "pass")
    cli.ok("init", "--no-recovery-code", *FAST_KDF_ARGS)
    term = Terminal("write", "--text", "typed on the command line", env=_env(root))
    assert term.wait() == 0
    assert "stays in your shell history" in term.text and "--text" in term.text
    term = Terminal("terms", "add", env=_env(root))
    term.expect("Name or place to always hide")
    term.send("Quillwick")
    assert term.wait() == 0, term.text
    assert "Quillwick" not in term.text and "history" not in term.text
    assert json.loads(cli.ok("terms", "list", "--json")) == [
        {"term": "Quillwick", "kind": "PERSON"}
    ]
    term = Terminal("search", env=_env(root))
    term.expect("Search for")
    term.send("command")
    assert term.wait() == 0, term.text
    assert "typed on the" in term.text  # found: the hit is listed, the query was not echoed
    assert "history" not in term.text
