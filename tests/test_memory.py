"""Unlocking is memory-bound (Argon2id takes 64 MiB): a command must still peak under 100 MB.

Anything imported before the key derivation adds to the peak, so this guards the import order
(see benchmarks/RESULTS.md for the measured figures).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from peerjournal.journal import KDF_DEFAULT, Journal
from peerjournal.model import NewEntry
from tests.helpers import PASSPHRASE, pw

pytestmark = pytest.mark.slow

CHILD = """
import atexit, sys
def report():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            sys.stderr.write("PEAK_KB=" + line.split()[1] + "\\n")
atexit.register(report)
from peerjournal.cli.main import run
run(sys.argv[1:])
"""


def test_list_with_default_key_derivation_peaks_under_100_mb(tmp_path: Path):
    journal, _ = Journal.create(tmp_path / "j", pw(), kdf=KDF_DEFAULT)
    with journal:
        journal.entries.add_many(NewEntry(body=f"entry {i} " * 50) for i in range(2000))
    (tmp_path / "pass").write_text(PASSPHRASE + "\n")
    args = [
        "--journal",
        str(tmp_path / "j"),
        "--passphrase-file",
        str(tmp_path / "pass"),
        "list",
        "-n",
        "10",
    ]
    proc = subprocess.run([sys.executable, "-c", CHILD, *args], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    peak_kb = int(proc.stderr.split("PEAK_KB=")[1].split()[0])
    assert peak_kb * 1024 < 100 * 10**6, f"peak {peak_kb / 1024:.0f} MiB"
    assert peak_kb > 64 * 1024  # the measurement sees the key derivation itself


CHILD_MODULES = """
import atexit, sys
def report():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            sys.stderr.write("PEAK_KB=" + line.split()[1] + "\\n")
    loaded = sorted(m for m in sys.modules if m.startswith(("pycrfsuite", "peerjournal.redact")))
    sys.stderr.write("MODULES=" + ",".join(loaded) + "\\n")
atexit.register(report)
from peerjournal.cli.main import run
run(sys.argv[1:])
"""


@pytest.mark.parametrize(
    "command",
    [["list", "-n", "5"], ["search", "group"], ["write", "--text", "Went to group with Nkechi."]],
    ids=["list", "search", "write"],
)
def test_everyday_commands_never_load_the_tagger(tmp_path: Path, command: list[str]):
    """The person and place tagger (pycrfsuite, its model, the name lists) is for export and
    `redact` only: list, search and write stay small."""
    journal, _ = Journal.create(tmp_path / "j", pw(), kdf=KDF_DEFAULT)
    with journal:
        journal.entries.add_many(NewEntry(body=f"group entry {i} " * 20) for i in range(200))
    (tmp_path / "pass").write_text(PASSPHRASE + "\n")
    args = ["--journal", str(tmp_path / "j"), "--passphrase-file", str(tmp_path / "pass")]
    proc = subprocess.run(
        [sys.executable, "-c", CHILD_MODULES, *args, *command], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    modules = proc.stderr.split("MODULES=")[1].split("\n")[0]
    loaded = {m for m in modules.split(",") if m}
    assert not {m for m in loaded if m.startswith("pycrfsuite")}
    assert not loaded & {"peerjournal.redact.tagger", "peerjournal.redact.features"}
    peak_kb = int(proc.stderr.split("PEAK_KB=")[1].split()[0])
    assert peak_kb * 1024 < 100 * 10**6, f"peak {peak_kb / 1024:.0f} MiB"


def test_the_redact_command_does_load_the_tagger(tmp_path: Path):
    """The check above can fail: `redact` loads the very modules it looks for."""
    (tmp_path / "t.txt").write_text("Went to group with Nkechi.")
    proc = subprocess.run(
        [sys.executable, "-c", CHILD_MODULES, "redact", str(tmp_path / "t.txt")],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert "pycrfsuite" in proc.stderr.split("MODULES=")[1]
