"""Snapshots of the reading screens with fixed content, in UTC: the entry list, a search with its
highlights, one entry, the delete question, a filled-in feedback form and the facilitator's editor.
Update with `pytest --snapshot-update` after looking at the change."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from textual.app import App
from textual.widgets import Input

from peerjournal.journal import Journal
from peerjournal.model import NewEntry
from peerjournal.promptset import find_shipped
from peerjournal.tui.facilitate_app import FacilitateApp
from peerjournal.tui.screens.entries import EntriesScreen
from peerjournal.tui.screens.entry import EntryScreen
from peerjournal.tui.screens.feedback import FeedbackScreen
from tests.helpers import FAST_KDF
from tests.tui.pilot_steps import settle

pytestmark = pytest.mark.slow

SIZE = (100, 30)
START = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)
SAMPLES = (
    (
        "After session two",
        "We talked about **testing** and where to get supplies.\n\n"
        "- the clinic on the corner\n- the outreach van on Fridays",
        ("health",),
        2,
        4,
        "What is one thing from today that you want to remember?",
        False,
    ),
    (
        "",
        "Tired today but proud of how I handled a hard phone call. Rest tonight.",
        ("rest",),
        None,
        3,
        None,
        True,
    ),
    (
        "Boundaries",
        "Practised saying no with a friend. It felt easier the second time.",
        ("care", "group"),
        8,
        None,
        None,
        False,
    ),
)


class Host(App[None]):
    def __init__(self, make_screen) -> None:
        super().__init__()
        self.make_screen = make_screen

    def on_mount(self) -> None:
        self.push_screen(self.make_screen())


@pytest.fixture
def journal(tmp_path):
    made, _ = Journal.create(tmp_path / "j", bytearray(b"pw"), kdf=FAST_KDF)
    for days, (title, body, tags, session, mood, prompt, shared) in enumerate(SAMPLES):
        made.entries.add(
            NewEntry(
                body=body,
                title=title,
                tags=tags,
                session_number=session,
                mood=mood,
                prompt_text=prompt,
                shared=shared,
                created_at=START + timedelta(days=days),
            )
        )
    yield made
    if made.is_open:
        made.close()


async def settled(pilot) -> None:
    await settle(pilot, rounds=3)


def oldest_id(journal: Journal) -> str:
    return journal.entries.list(limit=1, newest_first=False)[0].id


def test_entries_list(snap_compare, journal):
    assert snap_compare(
        Host(lambda: EntriesScreen(journal)), terminal_size=SIZE, run_before=settled
    )


def test_entries_search_highlights(snap_compare, journal):
    async def search(pilot):
        await settled(pilot)
        screen = pilot.app.screen
        screen.query_one("#search", Input).value = "rest"
        for _ in range(200):  # the debounce, then the search worker: wait for its page
            await pilot.pause(0.05)
            if screen._fts and not screen._querying:
                break
        await settled(pilot)

    assert snap_compare(Host(lambda: EntriesScreen(journal)), terminal_size=SIZE, run_before=search)


def test_entry_view(snap_compare, journal):
    entry_id = oldest_id(journal)
    assert snap_compare(
        Host(lambda: EntryScreen(journal, entry_id)), terminal_size=SIZE, run_before=settled
    )


def test_delete_question(snap_compare, journal):
    entry_id = oldest_id(journal)

    async def ask(pilot):
        await settled(pilot)
        await pilot.press("d")
        await settled(pilot)

    assert snap_compare(
        Host(lambda: EntryScreen(journal, entry_id)), terminal_size=SIZE, run_before=ask
    )


def test_feedback_form(snap_compare, journal):
    journal.program.install(find_shipped("peer-advocate-training", "en"))
    journal.program.save_feedback(1, {"useful": 4, "pace": "About right"})
    assert snap_compare(
        Host(lambda: FeedbackScreen(journal, 1)), terminal_size=(100, 40), run_before=settled
    )


def test_facilitate_with_problems(snap_compare, tmp_path):
    from tests.tui.test_facilitate import SET

    path = tmp_path / "evening.md"
    path.write_text(SET.replace("   - range: 1-5\n", ""), encoding="utf-8")
    assert snap_compare(FacilitateApp(path), terminal_size=(110, 30), run_before=settled)
