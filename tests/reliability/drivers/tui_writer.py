"""A child process for the TUI crash test: the real app (headless, driven by Pilot) unlocks a
journal, starts an entry, types CANARY into it, waits for the autosave, prints "C", then waits
to be killed with SIGKILL.

Usage: tui_writer.py JOURNAL_DIR PASSPHRASE CANARY
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from textual.widgets import Input, TextArea

from peerjournal.tui.app import make_app


def say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


async def main(directory: Path, passphrase: str, canary: str) -> None:
    app = make_app(directory, autosave_seconds=0.2)
    async with app.run_test(size=(110, 36)) as pilot:
        field = app.screen.query_one("#passphrase", Input)
        field.focus()
        field.value = passphrase
        await pilot.press("enter")
        for _ in range(20):
            await app.workers.wait_for_complete()
            await pilot.pause()
            if app.journal is not None:
                break
        say("R")
        await pilot.press("w")
        await pilot.pause()
        app.screen.query_one("#body", TextArea).insert(f"typed in the app: {canary}")
        for _ in range(50):
            await pilot.pause(0.1)
            if app.journal.drafts.count():
                break
        say("C draft - -" if app.journal.drafts.count() else "X no-draft - -")
        await asyncio.sleep(600)


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]), sys.argv[2], sys.argv[3]))
