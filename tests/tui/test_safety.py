"""Lock, auto-lock and quick hide: the draft is kept, the key is dropped, journal screens unmount,
and after a quick hide nothing of the journal is left on the screen."""

from __future__ import annotations

import pytest
from textual.widgets import TextArea

from peerjournal.journal import Journal
from peerjournal.tui.screens.hidden import HiddenScreen
from peerjournal.tui.screens.home import HomeScreen
from peerjournal.tui.screens.unlock import UnlockScreen
from peerjournal.tui.screens.write import WriteScreen
from tests.helpers import pw
from tests.tui.pilot_steps import SIZE, app_for, settle, unlock, visible_text

pytestmark = pytest.mark.slow

SECRET = "Marigoldlane"  # a word that must never stay on screen after hiding


async def start_writing(pilot, words: str) -> WriteScreen:
    await unlock(pilot)
    await pilot.press("w")
    await pilot.pause()
    write = pilot.app.screen
    assert isinstance(write, WriteScreen)
    write.query_one("#body", TextArea).focus()
    write.query_one("#body", TextArea).insert(words)
    await pilot.pause()
    return write


def saved_drafts(directory) -> list[str]:
    with Journal.open(directory, pw()) as journal:
        return [d.body for d in journal.drafts.list()]


async def test_lock_saves_the_draft_and_unmounts_every_journal_screen(journal_dir):
    app = app_for(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        write = await start_writing(pilot, f"Met a friend at {SECRET}")
        home = next(s for s in app.screen_stack if isinstance(s, HomeScreen))
        journal = app.journal
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert isinstance(app.screen, UnlockScreen)
        assert app.journal is None and not journal.is_open
        assert not write.is_attached and not home.is_attached  # removed, not just hidden
        assert [type(s) for s in app.screen_stack] == [UnlockScreen]
        assert SECRET not in visible_text(app)
        # the journal is free again for another process
    assert saved_drafts(journal_dir) == [f"Met a friend at {SECRET}"]


async def test_auto_lock_after_idle(journal_dir):
    app = app_for(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await start_writing(pilot, "A quiet moment")
        app.autolock_seconds = 0.5  # instead of the five minutes of the default settings
        await pilot.pause(2.0)
        await settle(pilot)
        assert isinstance(app.screen, UnlockScreen)
        assert app.journal is None
    assert saved_drafts(journal_dir) == ["A quiet moment"]


async def test_activity_keeps_the_journal_open(journal_dir):
    app = app_for(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await start_writing(pilot, "")
        app.autolock_seconds = 1.2
        for _ in range(4):
            await pilot.press("a")
            await pilot.pause(0.5)
        assert isinstance(app.screen, WriteScreen) and app.journal is not None


async def test_quick_hide_from_inside_the_editor_leaves_nothing_on_screen(journal_dir):
    app = app_for(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        write = await start_writing(pilot, "")
        for key in SECRET:
            await pilot.press(key)
        assert SECRET in visible_text(app)
        assert write.query_one("#body", TextArea).has_focus
        await pilot.press("f12")
        await pilot.pause()
        assert isinstance(app.screen, HiddenScreen)
        shown = visible_text(app)
        assert SECRET not in shown
        for revealing in ("journal", "Journal", "Write", "Session", "Lock"):
            assert revealing not in shown
        assert app.journal is None and not write.is_attached
        assert len(app.screen_stack) == 1
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, UnlockScreen)
    assert saved_drafts(journal_dir) == [SECRET]


async def test_quick_hide_works_from_the_unlock_screen_too(journal_dir):
    app = app_for(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f12")
        await pilot.pause()
        assert isinstance(app.screen, HiddenScreen)


async def test_quick_hide_from_a_settings_field(journal_dir):
    app = app_for(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("s")
        await pilot.pause()
        field = app.screen.query_one("#hide-key")
        field.focus()
        await pilot.press("f12")
        await pilot.pause()
        assert isinstance(app.screen, HiddenScreen) and app.journal is None


async def test_the_hidden_screen_opens_no_help_and_no_palette(journal_dir):
    app = app_for(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("f12")
        await pilot.pause()
        for key in ("f1", "ctrl+p"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, HiddenScreen)
        assert "ournal" not in visible_text(app)
