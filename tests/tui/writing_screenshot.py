"""Make docs/writing-screen.svg, the README's picture of the writing screen, with harmless sample
text in a throwaway journal: `python -m tests.tui.writing_screenshot docs/writing-screen.svg`."""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

from textual.widgets import Input, Select, TextArea

from peerjournal.journal import Journal
from peerjournal.promptset import find_shipped
from tests.helpers import FAST_KDF, pw
from tests.tui.pilot_steps import app_for, settle, unlock

SAMPLE = """\
## What I want to remember

Someone new came to the drop-in tonight. I explained **PrEP** the way
our facilitator did: *what it is, where to get it, what it costs*.

- listened first
- kept it simple
- gave them the clinic's walk-in hours

Next time I want to practise the part about side effects.
"""


async def make(out: Path) -> None:
    directory = Path(tempfile.mkdtemp()) / "journal"
    journal, _ = Journal.create(directory, pw(), kdf=FAST_KDF)
    with journal:
        journal.program.install(find_shipped("peer-advocate-training", "en"))
        journal.program.attend(1)
    app = app_for(directory, warm_up=False)
    async with app.run_test(size=(104, 32)) as pilot:
        await unlock(pilot)
        await pilot.press("enter")  # the next session's first prompt
        await settle(pilot)
        screen = app.screen
        screen.query_one("#title", Input).value = "Explaining PrEP"
        screen.query_one("#tags", Input).value = "outreach, confidence"
        screen.query_one("#mood", Select).value = 4
        body = screen.query_one("#body", TextArea)
        body.text = SAMPLE
        body.focus()
        body.move_cursor((8, 30))
        body.cursor_blink = False
        await pilot.pause(0.3)
        out.write_text(app.export_screenshot(title="peerjournal"), encoding="utf-8")


if __name__ == "__main__":
    asyncio.run(make(Path(sys.argv[1])))
