"""The prompt set core stays headless: no typer, rich or textual behind `peerjournal.promptset`."""

from __future__ import annotations

import subprocess
import sys


def test_promptset_imports_no_face() -> None:
    code = (
        "import sys; from peerjournal.promptset import shipped_sets, diff; "
        "from peerjournal.promptset.preview import participant_markdown; "
        "sets = shipped_sets(); participant_markdown(sets[0]); diff(sets[0], sets[1]); "
        "print(sorted(m for m in ('typer', 'rich', 'textual', 'click') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
