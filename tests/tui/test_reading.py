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
from peerjournal.tui.screens.write import WriteScreen
from peerjournal.tui.widgets.entry_list import EntryList
from tests.helpers import FAST_KDF
from tests.tui.pilot_steps import settle

pytestmark = pytest.mark.slow

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
    entry = journal.entries.add(
        NewEntry(body=body, created_at=START + timedelta(minutes=minutes), **fields)
    )
    return entry.id


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
        NewEntry(
            body=f"day {i} at the drop-in", title=f"Day {i}", created_at=START + timedelta(hours=i)
        )
        for i in range(PAGE + 30)
    )
    async with Host(lambda: EntriesScreen(journal)).run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        listing = pilot.app.screen.query_one(EntryList)
        assert listing.option_count == PAGE
        assert f"Day {PAGE + 29}" in str(listing.options[0].prompt)
        assert f"{PAGE + 30} entries" in str(pilot.app.screen.query_one("#status", Static).render())
        listing.focus()
        listing.highlighted = PAGE - 2
        await settle(pilot)
        assert listing.option_count == PAGE + 30
        assert "Day 0" in str(listing.options[-1].prompt)
        assert not listing.has_more


# -- filters --------------------------------------------------------------------------------------


@pytest.fixture
def varied(journal):
    add(journal, "first group night", 0, session_number=1, tags=("group",))
    add(journal, "rest day, slept in", 60 * 24, tags=("rest",), shared=True)
    add(journal, "harm reduction supplies", 60 * 24 * 10, session_number=2, tags=("health",))
    add(journal, "walked by the river", 60 * 24 * 20)
    return journal


async def test_filters_narrow_by_session_tag_shared_and_dates(varied):
    async with Host(lambda: EntriesScreen(varied)).run_test(size=(110, 40)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        assert len(ids_shown(pilot.app)) == 4

        screen.query_one("#session", Select).value = 2
        await settle(pilot)
        assert len(ids_shown(pilot.app)) == 1
        assert "harm reduction" in screen_text(pilot.app)

        screen.query_one("#session", Select).clear()
        screen.query_one("#tag", Select).value = "rest"
        await settle(pilot)
        assert len(ids_shown(pilot.app)) == 1
        assert "rest day" in screen_text(pilot.app)

        screen.query_one("#tag", Select).clear()
        screen.query_one("#shared", Select).value = False
        await settle(pilot)
        assert len(ids_shown(pilot.app)) == 3
        assert "rest day" not in screen_text(pilot.app)

        screen.query_one("#shared", Select).clear()
        screen.query_one("#since", Input).value = "2026-03-05"
        screen.query_one("#until", Input).value = "2026-03-15"
        await settle(pilot)
        assert len(ids_shown(pilot.app)) == 1
        assert "1 entry matches these filters." in str(screen.query_one("#status", Static).render())

        screen.query_one("#until", Input).value = "2026-13-45"
        await settle(pilot)
        assert "Dates look like" in str(screen.query_one("#status", Static).render())

        await pilot.press("ctrl+r")
        await settle(pilot)
        assert len(ids_shown(pilot.app)) == 4


async def test_tag_filter_offers_the_journals_tags(varied):
    async with Host(lambda: EntriesScreen(varied)).run_test(size=(110, 40)) as pilot:
        await settle(pilot)
        tags = [value for _, value in pilot.app.screen.query_one("#tag", Select)._options]
        assert {"group", "rest", "health"} <= set(tags)


# -- search ---------------------------------------------------------------------------------------


def test_last_word_is_a_prefix_and_syntax_is_kept():
    assert fts_query("harm red") == "harm red*"
    assert fts_query("harm red ") == "harm red"
    assert fts_query("care c") == "care c"  # one letter is not yet a prefix
    assert fts_query('"harm reduction"') == '"harm reduction"'
    assert fts_query("care OR") == "care OR"
    assert plain_query('say "hi') == '"say" """hi"*'
    assert plain_query("care AND") == '"care"*'


async def test_search_as_you_type_highlights_matches(varied):
    async with Host(lambda: EntriesScreen(varied)).run_test(size=(110, 40)) as pilot:
        await settle(pilot)
        await pilot.press(*"supp")  # a prefix of "supplies"
        await pilot.pause(0.3)
        await settle(pilot)
        shown = ids_shown(pilot.app)
        assert len(shown) == 1
        prompt = pilot.app.screen.query_one(EntryList).options[0].prompt.content
        marked = [prompt.plain[s.start : s.end] for s in prompt.spans if "reverse" in str(s.style)]
        assert marked == ["supplies"]
        assert "newest first" in str(pilot.app.screen.query_one("#status", Static).render())

        await pilot.press("escape")  # clears the search, the full list comes back
        await pilot.pause(0.3)
        await settle(pilot)
        assert len(ids_shown(pilot.app)) == 4


async def test_search_with_broken_syntax_is_gentle(varied):
    async with Host(lambda: EntriesScreen(varied)).run_test(size=(110, 40)) as pilot:
        await settle(pilot)
        for text in ("rest AND", '"rest', "rest)", "don't"):
            pilot.app.screen.query_one("#search", Input).value = text
            await pilot.pause(0.3)
            await settle(pilot)
            status = str(pilot.app.screen.query_one("#status", Static).render())
            assert "Traceback" not in status
        pilot.app.screen.query_one("#search", Input).value = "rest AND"
        await pilot.pause(0.3)
        await settle(pilot)
        assert "Could not read that search" in str(
            pilot.app.screen.query_one("#status", Static).render()
        )
        assert "rest day" in screen_text(pilot.app)


async def test_search_with_no_match_says_so(varied):
    async with Host(lambda: EntriesScreen(varied)).run_test(size=(110, 40)) as pilot:
        await settle(pilot)
        pilot.app.screen.query_one("#search", Input).value = "zebra"
        await pilot.pause(0.3)
        await settle(pilot)
        assert ids_shown(pilot.app) == []
        assert "Nothing matches" in str(pilot.app.screen.query_one("#status", Static).render())


# -- opening, sharing, editing, deleting ----------------------------------------------------------


async def open_first(pilot) -> None:
    await settle(pilot)
    await pilot.press("down")  # from the search field into the list
    await pilot.press("enter")
    await pilot.pause()
    await settle(pilot)


async def test_enter_opens_the_entry_as_markdown(journal):
    add(
        journal,
        "We talked about **testing** today.",
        title="After session two",
        session_number=2,
        mood=4,
        tags=("health",),
        prompt_text="What do you want to remember?",
    )
    async with Host(lambda: EntriesScreen(journal)).run_test(size=(100, 36)) as pilot:
        await open_first(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, EntryScreen)
        assert "After session two" in str(screen.query_one("#title", Static).render())
        meta = str(screen.query_one("#meta", Static).render())
        assert "session 2" in meta and "mood: good" in meta and "#health" in meta
        assert "What do you want to remember?" in str(screen.query_one("#prompt", Static).render())
        assert screen.query_one("#body", Markdown).source == "We talked about **testing** today."
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, EntriesScreen)


async def test_share_toggle_changes_the_stored_entry(journal):
    entry_id = add(journal, "a day to remember")
    async with Host(lambda: EntryScreen(journal, entry_id)).run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        assert screen.query_one("#share", Switch).value is False
        await pilot.press("s")
        await pilot.pause()
        assert journal.entries.get(entry_id).shared is True
        assert screen.query_one("#share", Switch).value is True
        assert "Shared with research" in str(screen.query_one("#share-note", Static).render())
        await pilot.click("#share")
        await pilot.pause()
        assert journal.entries.get(entry_id).shared is False
        assert "stays only with you" in str(screen.query_one("#share-note", Static).render())


async def test_delete_asks_first_and_cancel_keeps_the_entry(journal):
    entry_id = add(journal, "keep me")
    async with Host(lambda: EntriesScreen(journal)).run_test(size=(100, 30)) as pilot:
        await open_first(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, EntryScreen)
        await pilot.press("d")
        await pilot.pause()
        await pilot.click("#cancel")
        await pilot.pause()
        assert isinstance(pilot.app.screen, EntryScreen)
        assert journal.entries.get(entry_id).body == "keep me"


class WritingHost(Host):
    """What the writing screen expects of its app: a register of open writers, an autosave pace."""

    autosave_seconds = 3.0

    def __init__(self, make_screen) -> None:
        super().__init__(make_screen)
        self.writers: set = set()


async def test_edit_hands_over_to_the_writing_screen(journal):
    entry_id = add(journal, "to be changed")
    host = WritingHost(lambda: EntryScreen(journal, entry_id))
    async with host.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(pilot.app.screen, WriteScreen)
        assert pilot.app.screen.draft.entry_id == entry_id


async def test_an_entry_deleted_elsewhere_closes_gently(journal):
    entry_id = add(journal, "here and gone")
    async with Host(lambda: EntriesScreen(journal)).run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        journal.entries.delete(entry_id)
        pilot.app.push_screen(EntryScreen(journal, entry_id))
        await pilot.pause()
        await settle(pilot)
        assert isinstance(pilot.app.screen, EntriesScreen)
        assert ids_shown(pilot.app) == []


async def test_a_search_on_a_locked_journal_stays_quiet(varied):
    async with Host(lambda: EntriesScreen(varied)).run_test(size=(110, 40)) as pilot:
        await settle(pilot)
        varied.close()  # what a lock does under the screen's feet
        pilot.app.screen.query_one("#search", Input).value = "rest"
        await pilot.pause(0.3)
        await settle(pilot)
        assert pilot.app.is_running
        status = str(pilot.app.screen.query_one("#status", Static).render())
        assert "Something went wrong" not in status and "Traceback" not in status
