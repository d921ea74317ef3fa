"""The real CLI through typer's CliRunner, on a real journal in a temp dir."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from peerjournal.cli.main import app
from tests.helpers import FAST_KDF_ARGS, PASSPHRASE


@dataclass
class Cli:
    journal: Path
    passfile: Path

    def __call__(self, *args: str, input: str | bytes | None = None, passphrase: bool = True):
        base = ["--journal", str(self.journal)]
        if passphrase:
            base += ["--passphrase-file", str(self.passfile)]
        return CliRunner().invoke(app, [*base, *args], input=input, catch_exceptions=False)

    def ok(self, *args: str, input: str | bytes | None = None) -> str:
        result = self(*args, input=input)
        assert result.exit_code == 0, result.stderr or result.stdout
        return result.stdout

    def fails(self, *args: str, input: str | bytes | None = None, code: int | None = None) -> str:
        """Run a command that must fail with exactly one line on stderr and no traceback."""
        result = self(*args, input=input)
        assert result.exit_code != 0, result.stdout
        if code is not None:
            assert result.exit_code == code
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("peerjournal: error: "), result.stderr
        assert "Traceback" not in result.stderr + result.stdout
        return lines[0]


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    passfile = tmp_path / "pass"
    passfile.write_text(PASSPHRASE + "\n")
    runner = Cli(tmp_path / "journal", passfile)
    runner.ok("init", "--no-recovery-code", *FAST_KDF_ARGS)
    return runner
