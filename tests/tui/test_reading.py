"""Reading and search on a real journal: the list pages, filters narrow, search highlights as you
type, an entry opens, shares, hands over to editing and deletes only after a yes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from textual.app import App
from textual.widgets import Input, Markdown, Select, Static, Switch

from peerjournal.journal import Journal
from peerjournal.model import NewEntry
from peerjournal.tui.screens.confirm import ConfirmScreen
from peerjournal.tui.screens.entries import PAGE, EntriesScreen, fts_query, plain_query
from peerjournal.tui.screens.entry import EntryScreen
from peerjournal.tui.widgets.entry_list import EntryList
from tests.helpers import FAST_KDF

START = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)


class Host(App[None]):
    """A bare app that shows one screen: these tests do not wait for the app shell."""

    def __init__(self, make_screen) -> None:
        super().__init__()
        self.make_screen = make_screen

    def on_mount(self) -> None:
        self.push_screen(self.make_screen())


@pytest.fixture
def journal(tmp_path):
    made, _ = Journal.create(tmp_path / "j", bytearray(b"pw"), kdf=FAST_KDF)
    yield made
    if made.is_open:
        made.close()


def add(journal: Journal, body: str, minutes: int = 0, **fields) -> str:
    entry = journal.entries.add(NewEntry(body=body, created_at=START + timedelta(minutes=minutes),
                                         **fields))
    return entry.id


async def settle(pilot) -> None:
    """Let workers finish and their results reach the screen."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def screen_text(app: App) -> str:
    parts = []
    for widget in app.screen.query(Static):
        parts.append(str(widget.render()))
    listing = app.screen.query(EntryList)
    for option_list in listing:
        parts.extend(str(o.prompt) for o in option_list.options)
    return "\n".join(parts)


def ids_shown(app: App) -> list[str]:
    return [o.id for o in app.screen.query_one(EntryList).options]


# -- list and paging ------------------------------------------------------------------------------

async def test_list_shows_newest_first_and_pages_on_scroll(journal):
    journal.entries.add_many(
        NewEntry(body=f"day {i} at the drop-in", title=f"Day {i}", created_at=START + timedelta(hours=i))
        for i in range(PAGE + 30)
    )
    async with Host(lambda: EntriesScreen(journal)).run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        listing = pilot.app.screen.query_one(EntryList)
        assert listing.option_count == PAGE
        assert "Day 129" in str(listing.options[0].prompt)
        assert "130 entries" in str(pilot.app.screen.query_one("#status", Static).render())
        listing.focus()
        listing.highlighted = PAGE - 2
        await settle(pilot)
        assert listing.option_count == PAGE + 30
        assert "Day 0" in str(listing.options[-1].prompt)
        assert not listing.has_more
