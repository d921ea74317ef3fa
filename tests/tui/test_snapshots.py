"""Snapshots of the main screens (pytest-textual-snapshot). Content is fixed and no clock is
shown, so a changed snapshot means a changed screen. Update: `--snapshot-update`, after looking."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from textual.widgets import Input, TextArea

from peerjournal.journal import Journal
from peerjournal.model import NewEntry
from tests.helpers import pw
from tests.tui.pilot_steps import app_for, settle, unlock

pytestmark = pytest.mark.slow

SIZE = (110, 34)
START = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)
SAMPLES = (
    ("After the first session", "We agreed on how we listen to each other.", 1),
    ("", "Tired today, but glad I went. Good to see familiar faces.", None),
    ("Boundaries", "Practised saying no with a friend. It felt easier the second time.", 2),
)


@pytest.fixture
def sample_dir(journal_dir):
    with Journal.open(journal_dir, pw()) as journal:
        for minutes, (title, body, session) in enumerate(SAMPLES):
            journal.entries.add(
                NewEntry(
                    body=body,
                    title=title,
                    session_number=session,
                    created_at=START + timedelta(days=minutes),
                )
            )
        journal.program.attend(1, START.date())
    return journal_dir


async def steady(pilot) -> None:
    """Let the app's warm-up finish and stop cursors blinking, so every run looks the same."""
    await pilot.pause(0.5)
    await settle(pilot)
    for widget in pilot.app.screen.query("Input, TextArea"):
        widget.cursor_blink = False
    if isinstance(pilot.app.focused, TextArea):  # its cursor would show or not by timing
        pilot.app.screen.set_focus(None)
    await pilot.pause()


def still_app(directory):
    """The app without its background warm-up or autosave, whose timing would vary from run to
    run (under load a snapshot can take longer than the autosave interval: "Draft saved")."""
    return app_for(directory, warm_up=False, autosave_seconds=3600)


def test_welcome_screen(snap_compare, new_dir):
    assert snap_compare(still_app(new_dir), terminal_size=SIZE, run_before=steady)


def test_unlock_screen(snap_compare, journal_dir):
    assert snap_compare(still_app(journal_dir), terminal_size=SIZE, run_before=steady)


def test_home_screen(snap_compare, sample_dir):
    async def unlocked(pilot):
        await steady(pilot)
        await unlock(pilot)

    assert snap_compare(still_app(sample_dir), terminal_size=SIZE, run_before=unlocked)


def test_write_screen(snap_compare, sample_dir):
    async def writing(pilot):
        await steady(pilot)
        await unlock(pilot)
        await pilot.press("enter")  # the next session's first prompt
        await settle(pilot)
        screen = pilot.app.screen
        screen.query_one("#title", Input).value = "A small win"
        screen.query_one("#tags", Input).value = "outreach, confidence"
        body = screen.query_one("#body", TextArea)
        body.text = (
            "## What happened\n\nI explained **PrEP** to someone new at the drop-in, "
            "and they asked me to come back next week.\n\n- listened first\n- kept it simple\n"
        )
        body.move_cursor((0, 0))
        await steady(pilot)

    assert snap_compare(still_app(sample_dir), terminal_size=SIZE, run_before=writing)
