"""Reading inside the whole app: from home to the list, a search, an entry, and a lock that takes
every reading screen away, leaving none of the journal on screen."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from peerjournal.journal import Journal
from peerjournal.model import NewEntry
from peerjournal.tui.screens.entries import EntriesScreen
from peerjournal.tui.screens.entry import EntryScreen
from peerjournal.tui.screens.unlock import UnlockScreen
from tests.helpers import pw
from tests.tui.pilot_steps import SIZE, app_for, settle, unlock, visible_text

pytestmark = pytest.mark.slow

SECRET = "Juniperstreet"  # a word that must not stay on screen after locking


def fill(directory) -> None:
    with Journal.open(directory, pw()) as journal:
        journal.entries.add(
            NewEntry(body=f"Met a friend on {SECRET} after the group.", title="Evening")
        )
        journal.entries.add(NewEntry(body="Slept well.", title="Morning"))


async def test_search_open_and_lock_from_the_app(journal_dir):
    fill(journal_dir)
    app = app_for(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        app.action_open("entries")
        await settle(pilot)
        assert isinstance(app.screen, EntriesScreen)
        app.screen.query_one("#search", Input).value = "junip"
        await pilot.pause(0.3)
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, EntryScreen)
        assert SECRET in visible_text(app)

        await pilot.press("ctrl+l")
        await settle(pilot)
        assert isinstance(app.screen, UnlockScreen)
        assert not app.query(EntriesScreen) and not app.query(EntryScreen)
        assert not any(isinstance(s, EntriesScreen | EntryScreen) for s in app.screen_stack)
        assert SECRET not in visible_text(app)
