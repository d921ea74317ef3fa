"""A child process for the crash-report test: the real app (headless, `App.run`, so Textual's
own exit path prints what it prints) unlocks a journal, types CANARY into a new entry, then
meets an error nobody catches, raised with the canary in a local variable and in its message.

Usage: tui_crasher.py JOURNAL_DIR PASSPHRASE CANARY
"""

from __future__ import annotations

import sys
from pathlib import Path

from textual.widgets import Input, TextArea

from peerjournal.tui.app import make_app


def main(directory: Path, passphrase: str, canary: str) -> int:
    app = make_app(directory, autosave_seconds=600)  # no autosave: the crash path must save

    def boom() -> None:
        held = f"what was written: {canary}"
        raise RuntimeError(f"failed on {held}")

    async def drive(pilot) -> None:
        field = app.screen.query_one("#passphrase", Input)
        field.focus()
        field.value = passphrase
        await pilot.press("enter")
        for _ in range(40):
            await app.workers.wait_for_complete()
            await pilot.pause()
            if app.journal is not None:
                break
        await pilot.press("w")
        await pilot.pause()
        app.screen.query_one("#body", TextArea).insert(f"typed in the app: {canary}")
        await pilot.pause()
        app.call_later(boom)
        await pilot.pause(0.5)

    app.run(headless=True, size=(110, 36), auto_pilot=drive)
    return app.return_code or 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2], sys.argv[3]))
