"""The walls of the design: a headless core, thin faces, a fast --help."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "peerjournal"


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def modules_outside(folder: str) -> list[Path]:
    return [p for p in SRC.rglob("*.py") if folder not in p.relative_to(SRC).parts]


@pytest.mark.parametrize(("package", "home"), [("textual", "tui"), ("typer", "cli")])
def test_ui_libraries_stay_in_their_face(package, home):
    offenders = [str(p.relative_to(SRC)) for p in modules_outside(home) if package in imports_of(p)]
    assert offenders == []


def test_only_the_vault_talks_to_sqlcipher():
    offenders = [
        str(p.relative_to(SRC)) for p in modules_outside("vault") if "sqlcipher3" in imports_of(p)
    ]
    assert offenders == []


def test_only_keyslots_derives_keys():
    offenders = [
        str(p.relative_to(SRC))
        for p in SRC.rglob("*.py")
        if "primitives.kdf" in p.read_text(encoding="utf-8") and p.name != "keyslots.py"
    ]
    assert offenders == []


def test_help_imports_neither_textual_nor_sqlcipher():
    code = (
        "import sys\n"
        "from peerjournal.cli.main import app\n"
        "try:\n    app(['--help'], prog_name='peerjournal')\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('textual', 'sqlcipher3') if m in sys.modules]\n"
        "sys.stderr.write('HEAVY=' + ','.join(heavy))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "HEAVY=" in proc.stderr and proc.stderr.split("HEAVY=")[1].strip() == ""


def test_no_temp_files_or_external_editors_in_source():
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for forbidden in (
            "NamedTemporaryFile",
            "mkstemp",
            "tempfile.",
            "$EDITOR",
            "os.environ['EDITOR']",
        ):
            assert forbidden not in text, f"{path.name} uses {forbidden}"
