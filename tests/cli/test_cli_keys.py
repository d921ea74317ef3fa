"""Secrets through the CLI: init, passwd, recovery codes, rekey, backup, check, stats."""

from __future__ import annotations

import json
import re

import pytest

from tests.helpers import FAST_KDF_ARGS, PASSPHRASE

CODE = re.compile(r"\b([0-9A-Z]{4}(?:-[0-9A-Z]{1,4}){6})\b")


@pytest.mark.slow
def test_init_with_recovery_code_then_reset_forgotten_passphrase(tmp_path):
    from tests.cli.conftest import Cli

    (tmp_path / "pass").write_text(PASSPHRASE + "\n")
    cli = Cli(tmp_path / "j", tmp_path / "pass")
    out = cli.ok("init", "--recovery-code", *FAST_KDF_ARGS)
    code = CODE.search(out).group(1)
    assert "only this once" in out
    entry = cli.ok("write", "--text", "still here").strip()
    (tmp_path / "code").write_text(code.lower() + "\n")
    (tmp_path / "new").write_text("my new passphrase\n")
    cli.ok(
        "passwd",
        "--recovery-code-file",
        str(tmp_path / "code"),
        "--new-passphrase-file",
        str(tmp_path / "new"),
    )
    assert "wrong passphrase" in cli.fails("list")
    result = cli("--passphrase-file", str(tmp_path / "new"), "show", entry, "--json")
    assert json.loads(result.stdout)["body"] == "still here"


def test_init_refuses_weak_kdf_and_existing_journal(cli):
    assert "already exists" in cli.fails("init", *FAST_KDF_ARGS)
    from tests.cli.conftest import Cli

    fresh = Cli(cli.journal.parent / "fresh", cli.passfile)
    assert "too weak" in fresh.fails("init", "--kdf-memory-mib", "8")
    assert not (cli.journal.parent / "fresh").exists()


@pytest.mark.slow
def test_passwd_then_old_passphrase_fails(cli, tmp_path):
    entry = cli.ok("write", "--text", "kept").strip()
    (tmp_path / "new").write_text("second passphrase\n")
    cli.ok("passwd", "--new-passphrase-file", str(tmp_path / "new"))
    assert "wrong passphrase" in cli.fails("list")
    result = cli("--passphrase-file", str(tmp_path / "new"), "show", entry, "--json")
    assert json.loads(result.stdout)["body"] == "kept"


@pytest.mark.slow
def test_recovery_code_and_rekey(cli, tmp_path):
    entry = cli.ok("write", "--text", "kept").strip()
    code = CODE.search(cli.ok("recovery-code")).group(1)
    out = cli.ok("rekey", "--yes")
    new_code = CODE.search(out).group(1)
    assert new_code != code and "no longer works" in cli("rekey", "--yes").stderr
    (tmp_path / "old-code").write_text(code)
    (tmp_path / "new").write_text("x y z and some more\n")
    result = cli(
        "passwd",
        "--recovery-code-file",
        str(tmp_path / "old-code"),
        "--new-passphrase-file",
        str(tmp_path / "new"),
    )
    assert result.exit_code != 0 and "wrong recovery code" in result.stderr
    assert json.loads(cli.ok("show", entry, "--json"))["body"] == "kept"


@pytest.mark.slow
def test_backup_check_stats(cli, tmp_path):
    cli.ok("write", "--text", "one two", "--tag", "a")
    out = cli.ok("backup", str(tmp_path / "copy"))
    assert "Encrypted backup" in out
    from tests.cli.conftest import Cli

    copy = Cli(tmp_path / "copy", cli.passfile)
    assert json.loads(copy.ok("check", "--json"))["ok"] is True
    stats = json.loads(cli.ok("stats", "--json"))
    assert (stats["entries"], stats["words"], stats["tags"]) == (1, 2, {"a": 1})
    assert "already exists" in cli.fails("backup", str(tmp_path / "copy"))


@pytest.mark.slow
def test_terms_commands(cli):
    cli.ok("terms", "add", "Candy")
    cli.ok("terms", "add", "Mimosa Spa", "--kind", "LOCATION")
    assert json.loads(cli.ok("terms", "list", "--json")) == [
        {"term": "Mimosa Spa", "kind": "LOCATION"},
        {"term": "Candy", "kind": "PERSON"},
    ]
    cli.ok("terms", "remove", "candy")
    assert "not in your list" in cli.fails("terms", "remove", "candy")
