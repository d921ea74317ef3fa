"""docs/redaction.md shows the vocabulary's word classes as they are in the data."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_word_class_table_is_current():
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "vocab_table.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, "run: python scripts/vocab_table.py"


def test_the_check_sees_a_stale_table(tmp_path, monkeypatch):
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import vocab_table
    finally:
        sys.path.pop(0)
    doc = (REPO / "docs" / "redaction.md").read_text("utf-8")
    stale = doc.replace("| `title` |", "| `titles` |")
    assert stale != doc
    assert vocab_table.render(stale) == doc
